"""Removing terminal control characters from content text.

Every string that comes out of a content file passes through :func:`clean_text`, so no
content file can move the cursor, retitle the window, write to the clipboard or
otherwise drive a reader's terminal. Removing the introducing control character
(ESC, CSI, OSC, DCS, ...) is enough to make what is left of an escape sequence
harmless, so complete escape sequences are removed whole (so that no fragments such as
``]0;title`` are left in the text) and then every remaining control character is
dropped.
"""

from __future__ import annotations

import functools
import re
from typing import Any

# C0 controls except tab (\x09) and newline (\x0a), DEL, and the C1 range.
_CONTROLS = [c for c in range(0x20) if c not in (0x09, 0x0A)] + [0x7F] + list(range(0x80, 0xA0))
_DROP_CONTROLS = dict.fromkeys(_CONTROLS)
_BOM = "\ufeff"

# Invisible format characters. Direction overrides, embeddings and isolates
# (U+202A-202E, U+2066-2069) and marks (U+200E/F, U+061C) reorder what is drawn after
# them, so a title can read differently from what it says and a file name printed by
# `spinetui check` can hide its real ending; the others (zero-width space, word joiner,
# invisible operators, a byte-order mark inside the text, interlinear annotation,
# tags) are drawn as nothing and only hide text from search. All are removed.
_INVISIBLE = (
    "\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\U000e0001\U000e0020-\U000e007f"
)
# Emoji parts that terminals disagree on the width of: the emoji variation selector
# (U+FE0F: "❤️" is one cell in tmux, two for Rich), skin-tone modifiers (a separate
# swatch in many terminals) and, below, the zero-width joiner between emoji (one
# glyph in some terminals, three in others). With them gone every emoji is drawn on
# its own, as wide as Textual measures it, so dividers and table borders stay put.
_EMOJI_PARTS = "\ufe0f\U0001f3fb-\U0001f3ff"
_EMOJI = "\u2600-\u27bf\U0001f000-\U0001faff"


class _Patterns:
    """The patterns, compiled the first time a string needs them: most text is plain
    ASCII and never does, and compiling them all took ~2 ms before the first paint."""

    def __init__(self) -> None:
        # Escape sequences (ECMA-48), 7-bit (ESC ...) and 8-bit (C1) forms. String-type
        # sequences (OSC, DCS, SOS, PM, APC) are removed whole only when terminated, so
        # an unterminated one cannot swallow the rest of the text; its introducer is
        # still dropped.
        self.sequence = re.compile(
            r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI: cursor moves, colours, erase
            r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"  # OSC: title, clipboard
            r"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)"  # DCS SOS PM APC
            r"|\x1b[ -/]*[0-~]"  # other escapes (ESC c, ESC 7, ESC ( B, ...)
        )
        self.introducers = re.compile(r"[\x1b\x90\x98\x9b-\x9f]")
        self.any_control = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
        self.drop_format = re.compile(f"[{_INVISIBLE}{_EMOJI_PARTS}]")
        self.emoji_joiner = re.compile(f"(?<=[{_EMOJI}])\u200d+|\u200d+(?=[{_EMOJI}])")
        self.line_separators = re.compile("[\u2028\u2029]")
        self.any_format = re.compile(f"[{_INVISIBLE}{_EMOJI_PARTS}\u200d\u2028\u2029]")


@functools.cache
def _patterns() -> _Patterns:
    return _Patterns()


def clean_text(s: str) -> str:
    """Return ``s`` without terminal control characters.

    Line endings become ``\\n`` (CRLF and lone CR alike), a leading byte-order mark
    is dropped, invisible format characters are removed, the line and paragraph
    separators U+2028/9 become spaces, and emoji lose the parts terminals measure
    differently (above). Tabs, newlines and all other printable Unicode (letters,
    emoji, ...) are kept.
    """
    if s.startswith(_BOM):
        s = s[1:]
    if "\r" in s:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
    ascii_only = s.isascii()
    # No format character is ASCII, and ASCII with no control but tab and newline is
    # printable once those are spaces: two C passes, several times faster than the two
    # searches below (the usual case, and every article of a big guide).
    if ascii_only and s.replace("\t", " ").replace("\n", " ").isprintable():
        return s
    p = _patterns()
    if not ascii_only and p.any_format.search(s):
        s = p.drop_format.sub("", s)
        s = p.emoji_joiner.sub("", s)
        s = p.line_separators.sub(" ", s)
    if not p.any_control.search(s):
        return s  # the usual case, and much faster than translate()
    if p.introducers.search(s):
        s = p.sequence.sub("", s)
    return s.translate(_DROP_CONTROLS)


def clean_data(value: Any) -> Any:
    """Clean every string in a YAML-like structure: mapping keys, values, list items."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_data(k): clean_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_data(v) for v in value]
    if isinstance(value, tuple):
        return tuple(clean_data(v) for v in value)
    return value
