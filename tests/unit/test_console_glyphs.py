"""The console fonts' character set and the replacements for what they lack."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from spinetui.console.glyphs import CONSOLE_RANGES, console_text, is_console_glyph
from tests.console_fonts import check_capture


def test_every_character_of_the_set_is_in_every_standard_console_font(tmp_path):
    every = "".join(chr(c) for first, last in CONSOLE_RANGES for c in range(first, last + 1))
    result = check_capture(every, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_characters_the_issue_names_are_replaced_by_ones_the_fonts_hold():
    assert console_text("●●○○") == "●●··"  # evidence dots: filled and empty stay apart
    assert console_text("✓ done") == "☑ done"
    assert console_text("▌quote") == "│quote"
    assert console_text("▁▂▃▄▅▆▇▊▌▎▏▐▔▕") == "─__█████││││─│"
    assert console_text("café ≥ 7:1 — “ok”") == "café ≥ 7:1 — “ok”"  # all in the fonts


def test_wide_and_zero_width_characters_keep_their_cells():
    assert console_text("a😀b") == "a??b"
    assert console_text("e\u0301") == "e"  # a combining accent takes no cell
    assert console_text("ő") == "o"  # an accented letter the fonts lack: its letter


@given(st.text())
def test_any_text_becomes_console_glyphs_in_the_same_number_of_cells(text):
    safe = console_text(text)
    assert all(is_console_glyph(ch) or ord(ch) < 32 or ord(ch) == 127 for ch in safe)
    assert cell_len(safe) == cell_len(text)
