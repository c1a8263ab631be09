"""Contrast on the Linux console, computed from the VGA palette it draws with."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.color import Color

from spinetui.console.filter import ConsoleFilter, console_style
from spinetui.console.palette import (
    MIN_CONTRAST,
    NAMES,
    VGA,
    console_pair,
    contrast,
    pair_contrast,
    readable_pair,
)
from spinetui.console.theme import CONSOLE_THEME, TEXT_PAIRS


def test_contrast_matches_known_values():
    assert contrast(VGA[15], VGA[0]) == pytest.approx(21.0)
    assert contrast(VGA[7], VGA[0]) == pytest.approx(9.04, abs=0.01)  # light grey on black
    assert contrast(VGA[3], VGA[0]) < 4.5  # brown, the kernel's underline colour


def theme_colours() -> dict[str, str]:
    # As the app builds its CSS variables: generated from the theme, then its own.
    return {**CONSOLE_THEME.to_color_system().generate(), **CONSOLE_THEME.variables}


@pytest.mark.parametrize(("what", "fg_name", "bg_name"), TEXT_PAIRS)
def test_every_text_pair_of_the_console_theme_is_at_least_7_to_1(what, fg_name, bg_name):
    colours = theme_colours()
    fg, bg = Color.parse(colours[fg_name]), Color.parse(colours[bg_name])
    # What the console shows: the nearest palette colours, the background among the
    # 8 it can draw. No correction by the filter here: the theme itself must pass.
    fg_index, bg_index = console_pair(fg.rgb, bg.rgb)
    ratio = pair_contrast(fg_index, bg_index)
    assert ratio >= MIN_CONTRAST, f"{what}: {NAMES[fg_index]} on {NAMES[bg_index]} is {ratio:.1f}:1"


def test_the_theme_uses_palette_colours_exactly():
    colours = theme_colours()
    for name in ("foreground", "background", "panel", "text", "text-muted", "primary"):
        assert Color.parse(colours[name]).rgb in VGA, name


rgb = st.tuples(*[st.integers(0, 255)] * 3)


@given(rgb, rgb, st.booleans())
def test_any_colours_are_made_readable_with_a_background_the_console_can_draw(fg, bg, bold):
    fg_index, bg_index = readable_pair(fg, bg, bold)
    assert bg_index < 8
    assert pair_contrast(fg_index, bg_index) >= MIN_CONTRAST


def test_attributes_the_console_would_turn_into_other_colours_are_resolved():
    link = Style(color="#5555FF", underline=True, italic=True, meta={"@click": "x"})
    shown = console_style(link, (0, 0, 0))
    assert not (shown.underline or shown.italic or shown.dim or shown.reverse)
    assert shown.meta == {"@click": "x"}  # clicks still land
    # Reversed white on black would become dark grey on grey on the console; resolved
    # here into black on light grey, 9:1.
    selected = console_style(Style(color="#FFFFFF", bgcolor="#000000", reverse=True), (0, 0, 0))
    assert selected.bgcolor.get_truecolor()[:3] == VGA[7]
    assert selected.color.get_truecolor()[:3] == VGA[0]


@given(st.text(max_size=40))
def test_the_filter_keeps_every_cell_and_draws_only_console_glyphs(text):
    filtered = ConsoleFilter().apply([Segment(text, Style(color="#888888"))], Color(0, 0, 0))
    assert sum(cell_len(s.text) for s in filtered) == cell_len(text)


def test_the_terminal_tests_console_model_flags_what_the_console_cannot_show_well():
    from tests.console_contrast import low_contrast

    assert low_contrast("\x1b[97;40mwhite on black\x1b[0m") == []
    assert low_contrast("\x1b[30;47mblack on grey\x1b[0m") == []
    # Underlined text is drawn brown by the kernel: 4:1 on black.
    assert low_contrast("\x1b[4;37;40mlink\x1b[0m")
    # Bold black is dark grey on the console.
    assert low_contrast("\x1b[1;30;47mkey\x1b[0m")
    # Bright backgrounds are drawn as the dark ones: white on "bright white" is grey.
    assert low_contrast("\x1b[97;107mhidden\x1b[0m")
    assert low_contrast("\x1b[38;2;10;10;10mtruecolor\x1b[0m")
