"""Which characters the Linux console fonts can draw, and what to draw instead.

CONSOLE_RANGES is the set every one of Debian's standard console fonts holds
(Uni2-Fixed16, Lat15-Fixed16 and Uni2-Terminus16 from console-setup-linux; Lat15 is the
smallest and the other two contain it), beyond printable ASCII. It was read from the
fonts' Unicode tables; tests/unit/test_console_glyphs.py checks it against the installed
fonts when they are there.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from functools import lru_cache

from rich.cells import cell_len

# (first, last) code points, inclusive, sorted.
CONSOLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x00A0, 0x00FF),
    (0x0110, 0x0110),
    (0x011E, 0x011F),
    (0x0130, 0x0131),
    (0x0152, 0x0153),
    (0x015E, 0x0161),
    (0x0178, 0x0178),
    (0x017D, 0x017E),
    (0x0192, 0x0192),
    (0x02C6, 0x02C6),
    (0x02C9, 0x02C9),
    (0x02DC, 0x02DC),
    (0x0391, 0x0392),
    (0x0395, 0x0397),
    (0x0399, 0x039A),
    (0x039C, 0x039D),
    (0x039F, 0x039F),
    (0x03A1, 0x03A1),
    (0x03A4, 0x03A4),
    (0x03A7, 0x03A7),
    (0x03BC, 0x03BC),
    (0x03C0, 0x03C0),
    (0x0401, 0x0401),
    (0x0405, 0x0408),
    (0x0410, 0x0410),
    (0x0412, 0x0412),
    (0x0415, 0x0415),
    (0x041A, 0x041A),
    (0x041C, 0x041E),
    (0x0420, 0x0422),
    (0x0425, 0x0425),
    (0x0430, 0x0430),
    (0x0435, 0x0435),
    (0x043E, 0x043E),
    (0x0440, 0x0441),
    (0x0443, 0x0443),
    (0x0445, 0x0445),
    (0x0451, 0x0451),
    (0x0455, 0x0458),
    (0x04AE, 0x04AE),
    (0x2000, 0x200A),
    (0x2010, 0x2015),
    (0x2018, 0x201A),
    (0x201C, 0x201E),
    (0x2020, 0x2022),
    (0x2026, 0x2026),
    (0x202F, 0x2030),
    (0x2039, 0x203A),
    (0x203C, 0x203C),
    (0x207F, 0x207F),
    (0x20A7, 0x20A7),
    (0x20AC, 0x20AC),
    (0x20AE, 0x20AE),
    (0x2116, 0x2116),
    (0x2122, 0x2122),
    (0x212A, 0x212B),
    (0x2190, 0x2193),
    (0x2205, 0x2205),
    (0x2208, 0x2208),
    (0x2212, 0x2212),
    (0x221E, 0x221E),
    (0x2229, 0x2229),
    (0x2248, 0x2248),
    (0x2260, 0x2261),
    (0x2264, 0x2265),
    (0x226A, 0x226B),
    (0x2295, 0x2296),
    (0x2298, 0x2299),
    (0x229B, 0x229C),
    (0x2460, 0x2468),
    (0x24B6, 0x24EA),
    (0x2500, 0x257F),
    (0x2588, 0x2588),
    (0x2591, 0x2592),
    (0x25A0, 0x25A0),
    (0x25AE, 0x25AE),
    (0x25B2, 0x25B2),
    (0x25B4, 0x25B4),
    (0x25B6, 0x25B6),
    (0x25B8, 0x25B8),
    (0x25BC, 0x25BC),
    (0x25BE, 0x25BE),
    (0x25C0, 0x25C0),
    (0x25C2, 0x25C2),
    (0x25C8, 0x25C8),
    (0x25CF, 0x25CF),
    (0x2610, 0x2612),
    (0x2666, 0x2666),
    (0x2717, 0x2718),
    (0x2BBD, 0x2BBD),
    (0xFFFD, 0xFFFD),
)
_STARTS = [first for first, _last in CONSOLE_RANGES]

# What to draw for characters the fonts lack: the nearest shape they have. Block
# elements (Textual's borders, scrollbars and toggles, half-block pictures) become
# lines or full blocks; open shapes become a middle dot or an empty box.
FALLBACKS: dict[str, str] = {
    **dict.fromkeys("▏▎▍▌▕▐", "│"),
    **dict.fromkeys("▋▊▉▄▅▆▇▀▟▙▛▜", "█"),
    **dict.fromkeys("▔▁", "─"),
    **dict.fromkeys("▂▃", "_"),
    "▓": "▒",
    **dict.fromkeys("○◯◦∘◌", "·"),
    **dict.fromkeys("□▢▭▯", "☐"),
    **dict.fromkeys("✓✔√", "☑"),
    "▪": "■",
    "▫": "☐",
    "‣": "›",
    "►": "▶",
    "▷": "▶",
    "◄": "◀",
    "◁": "◀",
    "△": "▲",
    "▽": "▼",
    "⇒": "→",
    "⇐": "←",
    "↔": "-",
    "‾": "¯",
    "⋯": "…",
    "′": "'",
    "″": '"',
    "⁄": "/",
}


def is_console_glyph(char: str) -> bool:
    """True when every standard console font can draw `char` (one character)."""
    code = ord(char)
    if 32 <= code < 127:
        return True
    index = bisect_right(_STARTS, code) - 1
    return index >= 0 and CONSOLE_RANGES[index][0] <= code <= CONSOLE_RANGES[index][1]


@lru_cache(4096)
def console_char(char: str) -> str:
    """`char`, or what to draw instead, taking the same number of cells."""
    if is_console_glyph(char):
        return char
    width = cell_len(char)
    if width == 0:
        return ""  # combining marks, joiners, variation selectors: nothing to draw
    replacement = FALLBACKS.get(char)
    if replacement is None:
        # Accented letters the fonts lack: the letter without its accent ("ő" -> "o").
        base = unicodedata.normalize("NFKD", char)[:1]
        replacement = base if base and base != char and is_console_glyph(base) else "?"
    return replacement * width if cell_len(replacement) == 1 else "?" * width


def console_text(text: str) -> str:
    """`text` with every character the console fonts lack replaced, cell for cell."""
    if text.isascii():
        return text
    return "".join(console_char(char) for char in text)
