"""Every style the renderer uses, in one place.

Styles are plain Rich ``Style`` objects: colours and attributes only. They never carry
Textual ``@click`` meta or actions; clicks are mapped to targets by position.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.style import Style


def _s(**kwargs: object) -> Style:
    return Style(**kwargs)  # type: ignore[arg-type]


class RenderStyles(NamedTuple):
    """The styles of every construct the renderer draws (rich ``Style`` objects).

    A named tuple, not a dataclass: it is made before the first paint, and a dataclass
    of 30 fields took ~4 ms to declare. Rich styles never change, so the defaults are
    shared; ``_replace`` makes a variant (the console's, a theme's)."""

    h1: Style = _s(bold=True, underline=True, color="bright_cyan")
    h2: Style = _s(bold=True, color="cyan")
    h3: Style = _s(bold=True, color="bright_white")
    h4: Style = _s(bold=True, italic=True)
    h5: Style = _s(italic=True, underline=True)
    h6: Style = _s(italic=True, dim=True)
    emphasis: Style = _s(italic=True)
    strong: Style = _s(bold=True)
    strike: Style = _s(strike=True)
    code_inline: Style = _s(color="bright_white", bgcolor="grey23")
    code_block: Style = _s(color="bright_white", bgcolor="grey15")
    link: Style = _s(color="bright_blue", underline=True)
    link_address: Style = _s(dim=True, underline=False)
    term: Style = _s(color="green", underline=True)
    image: Style = _s(italic=True, dim=True)
    html: Style = _s(dim=True)
    kbd: Style = _s(bold=True, reverse=True)
    quote_gutter: Style = _s(color="magenta")
    list_marker: Style = _s(bold=True, color="cyan")
    rule: Style = _s(dim=True)
    table_border: Style = _s(dim=True)
    table_header: Style = _s(bold=True)
    # Icon arrays: the marks differ in shape (● and ·), so colour only adds emphasis.
    icon_filled: Style = _s(bold=True, color="bright_cyan")
    icon_empty: Style = _s()
    icon_label: Style = _s(bold=True)
    icon_caption: Style = _s(italic=True)
    notice: Style = _s(italic=True)
    # Characters drawn around links and marked glossary words, for terminals that
    # cannot underline (the Linux console shows underline as a colour): there they
    # are told apart by shape, not colour alone. Empty elsewhere.
    link_marks: tuple[str, str] = ("", "")
    term_marks: tuple[str, str] = ("", "")

    def heading(self, level: int) -> Style:
        return (self.h1, self.h2, self.h3, self.h4, self.h5, self.h6)[min(max(level, 1), 6) - 1]


DEFAULT_STYLES = RenderStyles()
