"""Every theme keeps text contrast at or above 7:1 (WCAG AAA), computed from its colours."""

from __future__ import annotations

import pytest
from rich.color import Color
from rich.style import Style

from spinetui.config_path import THEME_NAMES
from spinetui.themes import PALETTES, render_styles

AAA = 7.0


def _luminance(hex_colour: str) -> float:
    red, green, blue = Color.parse(hex_colour).get_truecolor()

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(one: str, two: str) -> float:
    light, dark = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_contrast_formula_matches_wcag_examples():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_there_are_dark_light_and_high_contrast_themes():
    assert THEME_NAMES == ("dark", "light", "high-contrast")
    assert set(PALETTES) == set(THEME_NAMES)
    assert PALETTES["light"].dark is False and PALETTES["dark"].dark is True


@pytest.mark.parametrize("name", THEME_NAMES)
def test_every_text_colour_on_every_background_is_at_least_7_to_1(name):
    palette = PALETTES[name]
    for text_name, text in palette.text_colours.items():
        for back_name, back in palette.backgrounds.items():
            ratio = contrast(text, back)
            assert ratio >= AAA, f"{name}: {text_name} on {back_name} is {ratio:.2f}:1"
    assert contrast(palette.code, palette.code_background) >= AAA


@pytest.mark.parametrize("name", THEME_NAMES)
def test_every_article_style_uses_a_checked_colour_and_never_dims(name):
    palette = PALETTES[name]
    checked = {*palette.text_colours.values(), palette.code}
    styles = render_styles(palette)
    for field in styles._fields:
        style = getattr(styles, field)
        if not isinstance(style, Style):
            continue  # e.g. the console's link marks: characters, not a style
        assert not style.dim, f"{name}: {field} is dimmed (its contrast cannot be computed)"
        if style.color is not None:
            assert style.color.triplet is not None and style.color.triplet.hex in checked, field
        if style.bgcolor is not None:
            assert style.bgcolor.triplet.hex == palette.code_background, field
