"""The comparison grid's layout on its own: columns, wrapped cells, rows, hit tests."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.style import Style

from spinetui.render.grid_layout import (
    LEFT_MORE,
    MAX_CELL_LINES,
    MIN_COLUMN_WIDTH,
    MORE_TEXT,
    RIGHT_MORE,
    GridStyles,
    _wrap_all,
    first_column_for,
    geometry_for,
    layout_grid,
    paged_first_column,
    wrap_parts,
)


def plain(line) -> str:
    return "".join(segment.text for segment in line[0])


def texts(lines) -> list[str]:
    return [plain(line) for line in lines]


def grid(width=80, names=("Alpha", "Beta"), rows=None, **options):
    if rows is None:
        rows = [
            ([("Short", None)], [[("One two", None)], [("Three", None)]]),
            ([("A label long enough to wrap twice", None)], [[("x", None)], [("y", None)]]),
        ]
    geometry = geometry_for(width, len(names))
    return layout_grid(width, geometry, list(names), rows, **options)


# ------------------------------------------------------------------ columns
def test_an_80_column_screen_shows_two_treatments_and_a_wide_one_more():
    assert geometry_for(80, 5).visible == 2
    wide = geometry_for(200, 5)
    assert wide.visible == 5 and wide.column_width >= MIN_COLUMN_WIDTH


def test_a_narrow_screen_still_shows_two_columns_when_they_have_room():
    geometry = geometry_for(40, 3)
    assert geometry.visible == 2
    assert geometry.label_width + 2 * (geometry.column_width + 1) <= 40


def test_column_at_finds_the_column_each_cell_belongs_to():
    geometry = geometry_for(100, 3)
    for index in range(geometry.visible):
        x0 = geometry.column_x(index)
        assert geometry.column_at(x0) == index
        assert geometry.column_at(x0 + geometry.column_width - 1) == index
    assert geometry.column_at(0) is None  # the row labels
    assert geometry.column_at(geometry.column_x(geometry.visible)) is None


def test_the_first_column_follows_the_cursor_and_paging_wraps_around():
    assert first_column_for(0, 4, 2, 6) == 3  # the cursor's column comes on screen
    assert first_column_for(3, 1, 2, 6) == 1
    assert first_column_for(5, 5, 2, 6) == 4  # never past the last full page
    assert paged_first_column(0, 1, 2, 5) == 2
    assert paged_first_column(2, 1, 2, 5) == 3
    assert paged_first_column(3, 1, 2, 5) == 0  # after the last: the first
    assert paged_first_column(0, -1, 2, 5) == 3  # before the first: the last


# ----------------------------------------------------------------- wrapping
def test_a_short_cell_is_wrapped_in_full():
    parts = [("Some words that wrap", None), ("\n", None), ("after a break", None)]
    assert wrap_parts(parts, 8) == _wrap_all(parts, 8)
    assert texts(wrap_parts(parts, 8)) == ["Some", "words", "that", "wrap", "after a", "break"]


def test_a_huge_cell_is_cut_to_its_first_lines_and_says_where_the_rest_is():
    huge = "START " + "words " * 20_000
    lines = wrap_parts([(huge, None)], 30)
    assert len(lines) == MAX_CELL_LINES
    assert texts(lines)[:-1] == texts(_wrap_all([(huge, None)], 30))[: MAX_CELL_LINES - 1]
    assert texts(lines)[-1] == MORE_TEXT
    assert lines[-1][0][0].style.italic


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(st.text("abcé漢 \n", min_size=0, max_size=12), min_size=1, max_size=80),
    width=st.integers(1, 12),
    max_lines=st.integers(1, 12),
)
def test_the_lines_kept_of_a_long_cell_are_exactly_the_full_texts(words, width, max_lines):
    parts = [(" ".join(words), None), ("tail", Style(bold=True))]
    full = _wrap_all(parts, width)
    kept = wrap_parts(parts, width, max_lines)
    if len(full) <= max_lines:
        assert kept == full
    else:
        more = len(_wrap_all([(MORE_TEXT, None)], width))
        shown = max(1, max_lines - more)
        assert kept[:shown] == full[:shown]
        assert texts(kept[shown:]) == texts(_wrap_all([(MORE_TEXT, None)], width))


# ------------------------------------------------------------------- layout
def test_rows_are_as_high_as_their_tallest_cell_and_every_line_fills_the_width():
    layout = grid(80)
    first, second = layout.rows
    assert (first.top, first.height) == (0, 1)
    assert second.top == 2 and second.height == 3  # the label wraps to three lines
    assert layout.body_height == 2 + 3 + 1
    for line in layout.lines():
        assert line[1] == 80 and cell_len(plain(line)) == 80
    assert plain(layout.body_line(1)).startswith("─" * layout.geometry.label_width + "┼")
    assert plain(layout.body_line(5)).startswith("─" * layout.geometry.label_width + "┴")


def test_row_at_gives_the_row_and_its_line_for_every_body_line():
    layout = grid(80)
    assert [layout.row_at(y) for y in range(6)] == [
        (0, 0),
        (0, 1),  # the rule under the first row belongs to it
        (1, 0),
        (1, 1),
        (1, 2),
        (1, 3),
    ]
    assert layout.row_at(6) is None and layout.row_at(-1) is None
    assert layout.body_line(6) is None


def test_cells_are_drawn_in_their_columns():
    layout = grid(80)
    geometry = layout.geometry
    line = plain(layout.body_line(0))
    assert line[geometry.column_x(0) :].startswith(" One two")
    assert line[geometry.column_x(1) :].startswith(" Three")
    assert line[geometry.column_x(0) - 1] == "│"


def test_the_header_has_the_names_and_arrows_where_columns_are_hidden():
    layout = grid(81, more_left=True, more_right=True, corner=[("Treatment ▸", None)])
    header = texts(layout.header)
    assert "Alpha" in header[0] and "Beta" in header[0] and "Treatment" in header[0]
    assert LEFT_MORE in header[0] and header[0].rstrip().endswith(RIGHT_MORE)
    assert header[-1].startswith("━")
    plain_header = texts(grid(80).header)[0]
    assert LEFT_MORE not in plain_header and RIGHT_MORE not in plain_header


def test_the_themes_styles_are_baked_into_header_labels_and_rules():
    styles = GridStyles(header=Style(bold=True), label=Style(italic=True), rule=Style(dim=True))
    layout = grid(80, styles=styles)
    assert all(segment.style.bold for segment in layout.header[0][0])
    assert layout.header[-1][0][0].style.dim
    label = layout.body_line(0)[0][1]  # after the one-cell margin
    assert label.text == "Short" and label.style.italic


def test_no_rows_shows_the_message_instead():
    layout = grid(32, rows=[], empty_message="Every row says the same thing here.")
    assert layout.empty and layout.rows == []
    assert texts(layout.lines())[len(layout.header) :] == [
        " Every row says the same thing",
        " here.",
    ]
    assert layout.row_at(0) is None


def test_paging_and_scrolling_bring_whole_rows_on_screen():
    rows = [([(f"Row {i}", None)], [[("word " * (i % 3 + 1), None)]]) for i in range(20)]
    layout = grid(60, names=("Only",), rows=rows)
    assert all(row.height == 1 for row in layout.rows)
    assert layout.paged_row(0, 1, 6) == 3  # six lines down: row 3 starts at line 6
    assert layout.paged_row(3, -1, 6) == 0
    assert layout.paged_row(19, 1, 6) == 20  # the widget clamps it to the last row
    assert layout.scroll_to_show(10, 0, 6) == 15  # the row's last line at the bottom
    assert layout.scroll_to_show(2, 10, 6) == 4  # above the top: scroll up to it
    assert layout.scroll_to_show(6, 10, 6) is None  # already on screen


def test_a_huge_cell_lays_out_only_its_first_lines():
    rows = [([("Row", None)], [[("x " * 50_000, None)], [("short", None)]])]
    layout = grid(80, rows=rows)
    assert layout.rows[0].height == MAX_CELL_LINES
    assert MORE_TEXT in plain(layout.body_line(MAX_CELL_LINES - 1))


def test_the_layout_module_does_not_import_textual():
    code = (
        "import sys, spinetui.render.grid_layout; "
        "print([m for m in sys.modules if m.split('.')[0] == 'textual'])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
