"""The last pass over every line Textual draws in console mode (a Textual LineFilter).

It does what the kernel's console would otherwise do badly:
- characters the console fonts lack become the nearest ones they hold (glyphs.py), cell
  for cell, so nothing shows as the font's replacement box, whatever the content holds;
- colours become palette colours the console really shows, with at least 7:1 contrast
  (palette.py). The kernel draws underline, italic and dim as other colours (brown,
  green, dark grey by default, all below 7:1 on black) and reverses bright colours into
  dark grey on grey, so those attributes are resolved here into plain colours instead.
Everything else about a segment (its text's cells, links, click metadata) is kept.
"""

from __future__ import annotations

from functools import lru_cache

from rich.color import Color as RichColor
from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.filter import LineFilter

from spinetui.console.glyphs import console_text
from spinetui.console.palette import RGB, VGA, readable_pair

_DEFAULT_FG: RGB = VGA[7]  # the console's own default colours: light grey on black
# Every attribute off: the console turns bold, blink and the like into other colours.
_PLAIN = Style(
    bold=False,
    dim=False,
    italic=False,
    underline=False,
    underline2=False,
    blink=False,
    blink2=False,
    reverse=False,
    overline=False,
    frame=False,
    encircle=False,
)


def _rgb(color: RichColor | None, default: RGB) -> RGB:
    if color is None or color.is_default:
        return default
    triplet = color.get_truecolor()
    return (triplet.red, triplet.green, triplet.blue)


@lru_cache(4096)
def console_style(style: Style, background: RGB) -> Style:
    """`style` as the console should show it: palette colours, readable, no attributes
    the console would turn into other colours."""
    bg = _rgb(style.bgcolor, background)
    fg = _rgb(style.color, _DEFAULT_FG)
    if style.reverse:
        fg, bg = bg, fg
    fg_index, bg_index = readable_pair(fg, bg, bool(style.bold))
    colours = Style(
        color=RichColor.from_rgb(*VGA[fg_index]),
        bgcolor=RichColor.from_rgb(*VGA[bg_index]),
    )
    return style + _PLAIN + colours


class ConsoleFilter(LineFilter):
    """Console-safe glyphs and colours for every line (see the module docstring)."""

    def __init__(self, *, glyphs: bool = True, enabled: bool = True) -> None:
        super().__init__(enabled=enabled)
        # Tests switch the glyph pass off to see what the widgets themselves draw.
        self.glyphs = glyphs

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        base: RGB = (background.r, background.g, background.b)
        out = []
        for text, style, control in segments:
            if control:
                out.append(Segment(text, style, control))
                continue
            if self.glyphs:
                text = console_text(text)
            out.append(Segment(text, console_style(style or Style(), base), None))
        return out
