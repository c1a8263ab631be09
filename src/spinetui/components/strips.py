"""Small operations on Textual strips shared by the line-API widgets."""

from __future__ import annotations

from rich.style import Style
from textual.strip import Strip


def overlay_style(strip: Strip, x0: int, x1: int, style: Style) -> Strip:
    """Apply a style to cells x0..x1 of a strip (clipped to the strip)."""
    x0 = max(0, x0)
    x1 = min(strip.cell_length, x1)
    if x1 <= x0:
        return strip
    before, middle, after = strip.divide([x0, x1, strip.cell_length])
    return Strip.join([before, middle.apply_style(style), after])
