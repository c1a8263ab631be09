"""Read a `tmux capture-pane -e` screen as the Linux console would show it, and find
text below 7:1 contrast.

The model follows the kernel's console (drivers/tty/vt, build_attr): a foreground of 8
colours plus an intensity bit (bold, or a bright colour 90-97), a background of 8
colours (100-107 are drawn as 40-47), and underline, italic and dim drawn as other
colours (by default brown, green and dark grey), reverse swapping the two colours but
not the intensity. tmux's capture describes cells, not the program's own byte stream,
so a bright colour is read as a colour of its own (as tmux stores it), and each cell's
intensity comes from that colour or bold. A truecolor or 256-colour code is not a
console colour at all and counts as a failure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spinetui.console.palette import MIN_CONTRAST, NAMES, pair_contrast

SGR = re.compile(r"\x1b\[([0-9;:]*)m")
ANY_ESCAPE = re.compile(r"\x1b\[[0-9;:?]*[A-Za-z]")
UNDERLINE_COLOUR, ITALIC_COLOUR, HALF_COLOUR = 3, 2, 8  # the kernel's defaults


@dataclass
class _State:
    fg: int = 7
    bg: int = 0
    intensity: str = "normal"  # "bold", "half"
    italic: bool = False
    underline: bool = False
    reverse: bool = False
    foreign: bool = False  # a colour the console has no code for

    def apply(self, params: str) -> None:
        codes = [int(p) if p.isdigit() else 0 for p in re.split("[;:]", params)] or [0]
        i = 0
        while i < len(codes):
            c = codes[i]
            if c == 0:
                self.__init__()  # type: ignore[misc]
            elif c == 1:
                self.intensity = "bold"
            elif c == 2:
                self.intensity = "half"
            elif c == 22:
                self.intensity = "normal"
            elif c == 3:
                self.italic = True
            elif c == 23:
                self.italic = False
            elif c in (4, 21):
                self.underline = True
            elif c == 24:
                self.underline = False
            elif c == 7:
                self.reverse = True
            elif c == 27:
                self.reverse = False
            elif 30 <= c <= 37:
                self.fg = c - 30
            elif c == 39:
                self.fg = 7
            elif 40 <= c <= 47:
                self.bg = c - 40
            elif c == 49:
                self.bg = 0
            elif 90 <= c <= 97:
                self.fg = c - 90 + 8
            elif 100 <= c <= 107:
                self.bg = c - 100
            elif c in (38, 48):
                self.foreign = True
                i += 2 if i + 1 < len(codes) and codes[i + 1] == 5 else 4
            i += 1

    def shown(self) -> tuple[int, int]:
        """(foreground, background) palette indices as the console draws them."""
        lo, hi = self.fg & 7, self.bg & 7
        bright = self.intensity == "bold" or (self.fg >= 8 and self.intensity != "half")
        if self.italic:
            lo = ITALIC_COLOUR
        elif self.underline:
            lo = UNDERLINE_COLOUR
        elif self.intensity == "half":
            lo = HALF_COLOUR
        if self.reverse:
            lo, hi = (lo & 8) | hi, lo & 7
        if bright:
            lo ^= 8
        return lo, hi


def low_contrast(screen: str) -> list[str]:
    """Every run of text under 7:1 (or in a non-console colour), described."""
    problems: list[str] = []
    for row, line in enumerate(screen.splitlines()):
        state = _State()
        pos = 0
        column = 0
        for match in SGR.finditer(line + "\x1b[m"):
            text = ANY_ESCAPE.sub("", line[pos : match.start()])
            fg, bg = state.shown()
            visible = text.strip()
            if visible and (state.foreign or pair_contrast(fg, bg) < MIN_CONTRAST):
                what = (
                    "a non-console colour"
                    if state.foreign
                    else (f"{NAMES[fg]} on {NAMES[bg]}, {pair_contrast(fg, bg):.1f}:1")
                )
                problems.append(f"row {row} col {column}: {visible[:30]!r}: {what}")
            column += len(text)
            state.apply(match.group(1))
            pos = match.end()
    return problems
