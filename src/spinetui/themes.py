"""spinetui's three themes — dark, light and high contrast — and the article styles of each.

Every colour is given exactly (no terminal palette names, no dimming), so that
tests/unit/test_themes.py can compute each theme's text contrast: at least 7:1
(WCAG AAA) for every colour text is drawn in, against every background it is drawn on.
Only these themes are offered (the palette's "Change theme" lists them); Textual's own
themes are not checked and so not offered.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from rich.style import Style
from textual.theme import Theme

from spinetui.config_path import DEFAULT_THEME, THEME_NAMES
from spinetui.render.styles import RenderStyles


class Palette(NamedTuple):
    name: str
    dark: bool
    background: str  # the article, lists and tables
    surface: str  # pop-ups
    panel: str  # header, footer, status lines
    foreground: str
    muted: str  # secondary text (dates, counts, link addresses)
    accent: str  # borders and the focus bar (not text)
    primary: str
    heading1: str
    heading2: str
    link: str
    term: str
    quote: str
    code: str  # code text, on code_background
    code_background: str
    error: str
    warning: str
    success: str

    @property
    def text_colours(self) -> dict[str, str]:
        """Every colour text is drawn in on the plain backgrounds."""
        return {
            "foreground": self.foreground,
            "muted": self.muted,
            "heading1": self.heading1,
            "heading2": self.heading2,
            "link": self.link,
            "term": self.term,
            "quote": self.quote,
        }

    @property
    def backgrounds(self) -> dict[str, str]:
        return {"background": self.background, "surface": self.surface, "panel": self.panel}


PALETTES: dict[str, Palette] = {
    "dark": Palette(
        name="dark",
        dark=True,
        background="#121212",
        surface="#1c1c1c",
        panel="#262626",
        foreground="#ececec",
        muted="#bcbcbc",
        accent="#ffaf00",
        primary="#5fafff",
        heading1="#87dfff",
        heading2="#7fd7d7",
        link="#9ec1ff",
        term="#87e08f",
        quote="#e0a8ff",
        code="#f2f2f2",
        code_background="#303030",
        error="#ff6b6b",
        warning="#ffb347",
        success="#6bd96b",
    ),
    "light": Palette(
        name="light",
        dark=False,
        background="#ffffff",
        surface="#f5f5f5",
        panel="#e6e6e6",
        foreground="#111111",
        muted="#404040",
        accent="#b35900",
        primary="#0050a0",
        heading1="#00406b",
        heading2="#00484f",
        link="#0033a0",
        term="#0b5310",
        quote="#6a1b7a",
        code="#111111",
        code_background="#ececec",
        error="#b00020",
        warning="#8a4b00",
        success="#1b6e20",
    ),
    "high-contrast": Palette(
        name="high-contrast",
        dark=True,
        background="#000000",
        surface="#000000",
        panel="#1a1a1a",
        foreground="#ffffff",
        muted="#e4e4e4",
        accent="#ffff00",
        primary="#00ffff",
        heading1="#ffff00",
        heading2="#00ffff",
        link="#8fd3ff",
        term="#5fff5f",
        quote="#ff9cff",
        code="#ffffff",
        code_background="#262626",
        error="#ff5f5f",
        warning="#ffd75f",
        success="#5fff5f",
    ),
}

assert tuple(PALETTES) == THEME_NAMES


def textual_theme(palette: Palette) -> Theme:
    return Theme(
        name=palette.name,
        primary=palette.primary,
        secondary=palette.primary,
        accent=palette.accent,
        warning=palette.warning,
        error=palette.error,
        success=palette.success,
        foreground=palette.foreground,
        background=palette.background,
        surface=palette.surface,
        panel=palette.panel,
        dark=palette.dark,
        variables={
            # Textual derives muted text by fading the foreground, which can fall below
            # 7:1; give it exactly.
            "text-muted": palette.muted,
            "foreground-muted": palette.muted,
            "block-cursor-text-style": "bold",
            "footer-background": palette.panel,
            "footer-key-foreground": palette.foreground,
            "footer-description-foreground": palette.foreground,
            "input-selection-background": f"{palette.primary} 40%",
        },
    )


def render_styles(palette: Palette) -> RenderStyles:
    """The article's styles in this theme's colours."""

    def c(colour: str, **kwargs: object) -> Style:
        return Style(color=colour, **kwargs)  # type: ignore[arg-type]

    return RenderStyles(
        h1=c(palette.heading1, bold=True, underline=True),
        h2=c(palette.heading2, bold=True),
        h3=c(palette.foreground, bold=True),
        h4=c(palette.foreground, bold=True, italic=True),
        h5=c(palette.foreground, italic=True, underline=True),
        h6=c(palette.muted, italic=True),
        code_inline=Style(color=palette.code, bgcolor=palette.code_background),
        code_block=Style(color=palette.code, bgcolor=palette.code_background),
        link=c(palette.link, underline=True),
        link_address=c(palette.muted, underline=False),
        term=c(palette.term, underline=True),
        image=c(palette.muted, italic=True),
        html=c(palette.muted),
        quote_gutter=c(palette.quote),
        list_marker=c(palette.heading2, bold=True),
        rule=c(palette.muted),
        table_border=c(palette.muted),
        table_header=c(palette.foreground, bold=True),
        # Icon arrays: ● and · differ in shape; the colour is a checked text colour.
        icon_filled=c(palette.heading2, bold=True),
        icon_empty=c(palette.foreground),
        icon_label=c(palette.foreground, bold=True),
        icon_caption=c(palette.foreground, italic=True),
        notice=c(palette.foreground, italic=True),
    )


def palette_for(name: str) -> Palette:
    return PALETTES.get(name, PALETTES[DEFAULT_THEME])


def next_theme(name: str) -> str:
    """The theme after this one, going round: dark → light → high contrast → dark."""
    index = THEME_NAMES.index(name) if name in THEME_NAMES else -1
    return THEME_NAMES[(index + 1) % len(THEME_NAMES)]


def save_theme(path: Path, name: str) -> None:
    """Remember a personal reader's theme in their config file, keeping its other lines."""
    from spinetui.kiosk.config import with_setting, write_private

    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    write_private(path, with_setting(text, "theme", name))
