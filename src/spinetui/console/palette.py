"""The Linux console's 16 colours (the VGA palette) and how readable text is on them.

The kernel's console draws foregrounds in all 16 colours but backgrounds only in the
first 8 (console_codes(4): "100..107 set background, same as 40..47"), and it shows
bold as the bright version of a colour. Contrast is WCAG 2's ratio of relative
luminances; body text needs at least 7:1 (WCAG AAA).
"""

from __future__ import annotations

from functools import lru_cache

RGB = tuple[int, int, int]

# The kernel's default palette (drivers/tty/vt: default_red/grn/blu), which is VGA's.
VGA: tuple[RGB, ...] = (
    (0x00, 0x00, 0x00),  # 0 black
    (0xAA, 0x00, 0x00),  # 1 red
    (0x00, 0xAA, 0x00),  # 2 green
    (0xAA, 0x55, 0x00),  # 3 brown
    (0x00, 0x00, 0xAA),  # 4 blue
    (0xAA, 0x00, 0xAA),  # 5 magenta
    (0x00, 0xAA, 0xAA),  # 6 cyan
    (0xAA, 0xAA, 0xAA),  # 7 light grey
    (0x55, 0x55, 0x55),  # 8 dark grey
    (0xFF, 0x55, 0x55),  # 9 bright red
    (0x55, 0xFF, 0x55),  # 10 bright green
    (0xFF, 0xFF, 0x55),  # 11 yellow
    (0x55, 0x55, 0xFF),  # 12 bright blue
    (0xFF, 0x55, 0xFF),  # 13 bright magenta
    (0x55, 0xFF, 0xFF),  # 14 bright cyan
    (0xFF, 0xFF, 0xFF),  # 15 white
)
NAMES = (
    "black", "red", "green", "brown", "blue", "magenta", "cyan", "light grey",
    "dark grey", "bright red", "bright green", "yellow", "bright blue",
    "bright magenta", "bright cyan", "white",
)  # fmt: skip
BACKGROUNDS = range(8)
MIN_CONTRAST = 7.0
# When a colour must change, greys are the least surprising substitutes.
_PREFERRED = (15, 7, 0, 14, 11, 10, 6, 4, 1, 9, 12, 13, 2, 3, 5, 8)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(rgb: RGB) -> float:
    """WCAG 2 relative luminance."""
    r, g, b = (_channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def nearest(rgb: RGB, choices: range | tuple[int, ...] = range(16)) -> int:
    """The palette index among `choices` closest to `rgb`."""
    return min(choices, key=lambda i: sum((x - y) ** 2 for x, y in zip(rgb, VGA[i], strict=True)))


def console_pair(fg: RGB, bg: RGB, *, bold: bool = False) -> tuple[int, int]:
    """The (foreground, background) indices the console shows for these colours:
    the nearest palette colours, a background among the first 8, bold brightening."""
    fg_index = nearest(fg)
    if bold:
        fg_index |= 8
    return fg_index, nearest(bg, BACKGROUNDS)


def pair_contrast(fg_index: int, bg_index: int) -> float:
    return contrast(VGA[fg_index], VGA[bg_index])


@lru_cache(512)
def readable_pair(fg: RGB, bg: RGB, bold: bool = False) -> tuple[int, int]:
    """Like `console_pair`, but a foreground that would fall below MIN_CONTRAST is
    replaced by the closest colour that reaches it (and where no foreground can, on
    green, brown or magenta, the background becomes black)."""
    fg_index, bg_index = console_pair(fg, bg, bold=bold)
    if pair_contrast(fg_index, bg_index) >= MIN_CONTRAST:
        return fg_index, bg_index
    passing = [i for i in _PREFERRED if pair_contrast(i, bg_index) >= MIN_CONTRAST]
    if not passing:
        bg_index = 0
        passing = [i for i in _PREFERRED if pair_contrast(i, bg_index) >= MIN_CONTRAST]
    wanted = VGA[fg_index]
    best = min(
        passing, key=lambda i: sum((x - y) ** 2 for x, y in zip(wanted, VGA[i], strict=True))
    )
    return best, bg_index
