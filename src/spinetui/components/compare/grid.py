"""The comparison table: treatments across, attributes down, every cell wrapped in full.

A line-API `ScrollView` rather than a `DataTable`, because a comparison cell is a
sentence or two that must wrap (never be cut off), and because the header row and the
row labels must stay in place: the header lines are drawn at the top of the pane
whatever the scroll position, and the row labels are always the first column. Columns
that do not fit are reached by paging (`first_column`), not by sideways scrolling, so
whole columns are always shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from spinetui.components.compare.columns import MISSING_CELL_TEXT
from spinetui.components.compare.evidence import DIM, evidence_parts
from spinetui.components.strips import overlay_style
from spinetui.decide.factors import LEVEL_WORDS, MARK
from spinetui.keymap import COMPARE_GRID_KEYS, bindings
from spinetui.model.types import Attribute, ComparisonTable, Outcome, Treatment
from spinetui.render.icon_array import compact
from spinetui.render.wrap import HARD, Run, clean_inline, wrap_runs

# A treatment column is never narrower than this (cells need room to be read), so an
# 80-column terminal shows two treatments at a time and a wide one shows more.
MIN_COLUMN_WIDTH = 28
MAX_COLUMN_WIDTH = 64
SEPARATOR = "│"
MISSING_STYLE = Style(dim=True, italic=True)
NUMBERS_STYLE = Style(bold=True)
MATTERS_STYLE = Style(italic=True)
LEFT_MORE = "◀"
RIGHT_MORE = "▶"


def row_label_width(width: int) -> int:
    """Width of the frozen first column (the attribute names)."""
    if width >= 160:
        return 26
    if width >= 110:
        return 22
    return 16


@dataclass(frozen=True, slots=True)
class Geometry:
    label_width: int
    column_width: int
    visible: int  # treatment columns shown at once

    def column_x(self, index: int) -> int:
        """x of the first cell of visible column `index` (just after its separator)."""
        return self.label_width + index * (self.column_width + 1) + 1


# On a narrow screen two columns may be narrower than that: one column compares nothing.
NARROW_COLUMN_WIDTH = 10


def geometry_for(width: int, columns: int) -> Geometry:
    label = row_label_width(width)
    room = max(0, width - label)
    visible = max(1, min(columns, room // (MIN_COLUMN_WIDTH + 1))) if columns else 0
    if visible < 2 <= columns:
        label = min(label, max(8, width // 5))
        room = max(0, width - label)
        if room // 2 - 1 >= NARROW_COLUMN_WIDTH:
            visible = 2
    column = min(MAX_COLUMN_WIDTH, room // visible - 1) if visible else 0
    return Geometry(label, max(4, column), visible)


@dataclass(slots=True)
class _Row:
    attribute: Attribute
    top: int  # first body line
    height: int  # lines of text, not counting the rule below
    lines: list[Strip]  # text lines then the rule line


@dataclass(slots=True)
class _Layout:
    key: tuple
    geometry: Geometry
    header: list[Strip]
    rows: list[_Row]
    body_height: int


class ComparisonGrid(ScrollView, can_focus=True):
    """Shows chosen treatments side by side; posts `Changed` when the cursor or page moves."""

    BINDINGS = bindings(COMPARE_GRID_KEYS)

    COMPONENT_CLASSES = {
        "comparison-grid--header",
        "comparison-grid--label",
        "comparison-grid--rule",
        "comparison-grid--cursor",
        "comparison-grid--current",
    }

    DEFAULT_CSS = """
    ComparisonGrid {
        overflow-x: hidden;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
    }
    ComparisonGrid > .comparison-grid--header { text-style: bold; background: $panel; }
    ComparisonGrid > .comparison-grid--label { text-style: bold; }
    ComparisonGrid > .comparison-grid--rule { color: $foreground 30%; }
    ComparisonGrid > .comparison-grid--cursor { background: $foreground 12%; }
    ComparisonGrid:focus > .comparison-grid--cursor { background: $accent 35%; }
    ComparisonGrid > .comparison-grid--current { text-style: bold underline; }
    """

    class Changed(Message):
        """The selected cell, or the columns on screen, changed."""

        def __init__(self, grid: ComparisonGrid) -> None:
            super().__init__()
            self.grid = grid

        @property
        def control(self) -> ComparisonGrid:
            return self.grid

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._table = ComparisonTable()
        self._treatments: list[Treatment] = []
        self._attributes: list[Attribute] = []
        self._marks: dict[str, int] = {}
        self._outcomes: Mapping[str, Outcome] = {}
        self.cursor_row = 0
        self.cursor_column = 0
        self.first_column = 0
        self.empty_message = Text("")
        self._layout: _Layout | None = None
        self._announced: tuple | None = None

    # ------------------------------------------------------------------ data
    def show(
        self,
        table: ComparisonTable,
        treatments: list[Treatment],
        attributes: list[Attribute],
        *,
        marks: Mapping[str, int] | None = None,
        outcomes: Mapping[str, Outcome] | None = None,
    ) -> None:
        """Show these columns and rows, keeping the selected cell where it still exists.

        ``marks``: attribute id -> how much the row matters to the reader (marked with
        ``*`` and words); ``outcomes``: the datasets a cell's ``outcomes`` name, shown
        in the cell as numbers ("54 vs 19 in 100"), since a drawn array does not fit.
        """
        was = self.selected
        self._table = table
        self._treatments = list(treatments)
        self._attributes = list(attributes)
        self._marks = dict(marks or {})
        self._outcomes = outcomes or {}
        if was is not None:
            attribute, treatment = was
            row_ids = [a.id for a in self._attributes]
            column_ids = [t.id for t in self._treatments]
            if attribute.id in row_ids:
                self.cursor_row = row_ids.index(attribute.id)
            if treatment.id in column_ids:
                self.cursor_column = column_ids.index(treatment.id)
        self.cursor_row = max(0, min(self.cursor_row, len(self._attributes) - 1))
        self.cursor_column = max(0, min(self.cursor_column, len(self._treatments) - 1))
        self._layout = None
        self._relayout()

    @property
    def treatments(self) -> list[Treatment]:
        return list(self._treatments)

    @property
    def attributes(self) -> list[Attribute]:
        return list(self._attributes)

    @property
    def marks(self) -> dict[str, int]:
        """attribute id -> how much the row matters to the reader (rows shown marked)."""
        return dict(self._marks)

    @property
    def selected(self) -> tuple[Attribute, Treatment] | None:
        if not self._attributes or not self._treatments:
            return None
        return self._attributes[self.cursor_row], self._treatments[self.cursor_column]

    @property
    def visible_count(self) -> int:
        layout = self._ensure_layout()
        return layout.geometry.visible if layout is not None else 0

    @property
    def visible_treatments(self) -> list[Treatment]:
        count = self.visible_count
        return self._treatments[self.first_column : self.first_column + count]

    # ---------------------------------------------------------------- layout
    @property
    def _width(self) -> int:
        return self.scrollable_content_region.width

    def _ensure_layout(self) -> _Layout | None:
        width = self._width
        if width <= 0:
            return None
        geometry = geometry_for(width, len(self._treatments))
        self._clamp_first_column(geometry.visible)
        key = (
            width,
            self.first_column,
            tuple(t.id for t in self._treatments),
            tuple(a.id for a in self._attributes),
            tuple(sorted(self._marks.items())),
            self.empty_message.plain,
        )
        if self._layout is None or self._layout.key != key:
            self._layout = self._build(key, geometry)
            self.virtual_size = Size(width, len(self._layout.header) + self._layout.body_height)
        return self._layout

    def _clamp_first_column(self, visible: int) -> None:
        last_first = max(0, len(self._treatments) - visible)
        # Keep the selected column on screen.
        if self.cursor_column < self.first_column:
            self.first_column = self.cursor_column
        elif visible and self.cursor_column >= self.first_column + visible:
            self.first_column = self.cursor_column - visible + 1
        self.first_column = max(0, min(self.first_column, last_first))

    def _build(self, key: tuple, geometry: Geometry) -> _Layout:
        width = key[0]
        shown = self._treatments[self.first_column : self.first_column + geometry.visible]
        header_style = self.get_component_rich_style("comparison-grid--header")
        label_style = self.get_component_rich_style("comparison-grid--label")
        rule_style = self.get_component_rich_style("comparison-grid--rule")

        # Header: treatment names (wrapped), then a rule.
        more_left = self.first_column > 0
        more_right = self.first_column + geometry.visible < len(self._treatments)
        names = [_wrapped([(t.name, None)], geometry.column_width - 2) for t in shown]
        corner = [("Treatment ▸" if shown else "", DIM)]
        corner_lines = _wrapped(corner, geometry.label_width - 1)
        height = max([len(corner_lines), *(len(n) for n in names)])
        header: list[Strip] = []
        for i in range(height):
            cells = [_padded(n, i, geometry.column_width) for n in names]
            edges = _edges(len(shown), more_left, more_right, i == 0)
            header.append(
                _join_line(_padded(corner_lines, i, geometry.label_width, left=1), cells, edges)
                .adjust_cell_length(width)
                .apply_style(header_style)
            )
        header.append(_rule(geometry, len(shown), width, rule_style, heavy=True))

        rows: list[_Row] = []
        top = 0
        for attribute in self._attributes:
            label = _wrapped(self._label_parts(attribute), geometry.label_width - 1)
            label = [line.apply_style(label_style) for line in label]
            cells = [
                _wrapped(self._cell_parts(attribute.id, t.id), geometry.column_width - 2)
                for t in shown
            ]
            row_height = max([len(label), *(len(c) for c in cells)])
            lines = []
            for i in range(row_height):
                parts = [_padded(c, i, geometry.column_width) for c in cells]
                edges = _edges(len(shown), False, False, False)
                lines.append(
                    _join_line(
                        _padded(label, i, geometry.label_width, left=1), parts, edges
                    ).adjust_cell_length(width)
                )
            last = attribute is self._attributes[-1]
            lines.append(_rule(geometry, len(shown), width, rule_style, last=last))
            rows.append(_Row(attribute, top, row_height, lines))
            top += row_height + 1
        body_height = top
        if not rows and self.empty_message.plain:
            message = _wrapped([(self.empty_message.plain, None)], max(1, width - 2))
            rows_lines = [Strip([Segment(" ")]) + line for line in message]
            rows.append(_Row(Attribute("", ""), 0, len(rows_lines), rows_lines))
            body_height = len(rows_lines)
            self._empty_rows = True
        else:
            self._empty_rows = False
        return _Layout(key, geometry, header, rows, body_height)

    def _label_parts(self, attribute: Attribute) -> list[tuple[str, Style | None]]:
        """The row's name; a row that matters to the reader starts with * and says so."""
        level = self._marks.get(attribute.id)
        if level is None:
            return [(attribute.label, None)]
        words = f"matters to you {LEVEL_WORDS.get(level, '')}".rstrip()
        return [(MARK + attribute.label, None), ("\n", None), (words, MATTERS_STYLE)]

    def _cell_parts(self, attribute_id: str, treatment_id: str) -> list[tuple[str, Style | None]]:
        """The cell as (text, style) pieces: the evidence badge, the numbers out of 100
        it sums up (one line each), then the text."""
        cell = self._table.cell(attribute_id, treatment_id)
        if cell is None or not cell.text.strip():
            return [(MISSING_CELL_TEXT, MISSING_STYLE)]
        parts = list(evidence_parts(cell.evidence))
        for outcome_id in cell.outcomes:
            outcome = self._outcomes.get(outcome_id)
            if outcome is not None:
                if parts:
                    parts.append(("\n", None))
                parts.append((f"{compact(outcome)}, {outcome.time}", NUMBERS_STYLE))
        if parts:
            parts.append(("\n", None))
        return [*parts, (cell.text, None)]

    def restyle(self) -> None:
        """Draw again in the theme's colours (the header and rule styles are baked in)."""
        self._layout = None
        self.refresh()

    def _relayout(self) -> None:
        self._ensure_layout()
        self._scroll_cursor_into_view()
        self.refresh()
        self._announce()

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()

    def _announce(self) -> None:
        selected = self.selected
        state = (
            (selected[0].id, selected[1].id) if selected else None,
            self.first_column,
            self.visible_count,
            len(self._treatments),
            len(self._attributes),
        )
        if state != self._announced:
            self._announced = state
            self.post_message(self.Changed(self))

    # --------------------------------------------------------------- drawing
    def render_line(self, y: int) -> Strip:
        width = self._width
        layout = self._ensure_layout()
        if layout is None:
            return Strip.blank(width, self.rich_style)
        header_height = len(layout.header)
        if y < header_height:
            strip = layout.header[y]
            if not self._empty_rows:
                strip = self._mark_current_column(strip, layout)
            return strip.apply_style(self.rich_style)
        body_y = round(self.scroll_offset.y) + y - header_height
        row = self._row_at(layout, body_y)
        if row is None:
            return Strip.blank(width, self.rich_style)
        index, line = row
        strip = layout.rows[index].lines[line]
        if not self._empty_rows and index == self.cursor_row:
            strip = self._mark_cursor(strip, layout, line)
        return strip.apply_style(self.rich_style)

    def _mark_current_column(self, strip: Strip, layout: _Layout) -> Strip:
        column = self.cursor_column - self.first_column
        if not 0 <= column < layout.geometry.visible or strip is layout.header[-1]:
            return strip
        x0 = layout.geometry.column_x(column)
        return _overlay_words(
            strip,
            x0,
            x0 + layout.geometry.column_width,
            self.get_component_rich_style("comparison-grid--current", partial=True),
        )

    def _mark_cursor(self, strip: Strip, layout: _Layout, line: int) -> Strip:
        row = layout.rows[self.cursor_row]
        if line >= row.height:  # the rule under the row
            return strip
        geometry = layout.geometry
        label = self.get_component_rich_style("comparison-grid--current", partial=True)
        strip = _overlay_words(strip, 0, geometry.label_width, label)
        column = self.cursor_column - self.first_column
        if not 0 <= column < geometry.visible:
            return strip
        x0 = geometry.column_x(column)
        # Only the background: the cell's own text styles (badge colours) stay visible.
        # The full (not partial) style has the translucent colour blended in.
        cursor = Style(bgcolor=self.get_component_rich_style("comparison-grid--cursor").bgcolor)
        return overlay_style(strip, x0, x0 + geometry.column_width, cursor)

    @staticmethod
    def _row_at(layout: _Layout, body_y: int) -> tuple[int, int] | None:
        for index, row in enumerate(layout.rows):
            if row.top <= body_y < row.top + len(row.lines):
                return index, body_y - row.top
        return None

    # ------------------------------------------------------------- scrolling
    @property
    def _body_height(self) -> int:
        layout = self._ensure_layout()
        header = len(layout.header) if layout is not None else 0
        return max(1, self.scrollable_content_region.height - header)

    def _scroll_cursor_into_view(self) -> None:
        layout = self._layout
        if layout is None or self._empty_rows or not layout.rows:
            return
        row = layout.rows[self.cursor_row]
        top = round(self.scroll_offset.y)
        room = self._body_height
        if row.top < top:
            self.scroll_to(y=row.top, animate=False, immediate=True, force=True)
        elif row.top + row.height > top + room:
            y = min(row.top, row.top + row.height - room)
            self.scroll_to(y=y, animate=False, immediate=True, force=True)

    # --------------------------------------------------------------- moving
    def select(self, row: int | None = None, column: int | None = None) -> None:
        if row is not None:
            self.cursor_row = max(0, min(row, len(self._attributes) - 1))
        if column is not None:
            self.cursor_column = max(0, min(column, len(self._treatments) - 1))
        self._relayout()

    def select_ids(self, attribute_id: str | None = None, treatment_id: str | None = None) -> None:
        rows = [a.id for a in self._attributes]
        columns = [t.id for t in self._treatments]
        self.select(
            rows.index(attribute_id) if attribute_id in rows else None,
            columns.index(treatment_id) if treatment_id in columns else None,
        )

    def action_cursor_up(self) -> None:
        self.select(row=self.cursor_row - 1)

    def action_cursor_down(self) -> None:
        self.select(row=self.cursor_row + 1)

    def action_cursor_left(self) -> None:
        self.select(column=self.cursor_column - 1)

    def action_cursor_right(self) -> None:
        self.select(column=self.cursor_column + 1)

    def action_first_row(self) -> None:
        self.select(row=0)

    def action_last_row(self) -> None:
        self.select(row=len(self._attributes) - 1)

    def action_page_down(self) -> None:
        self._page_rows(1)

    def action_page_up(self) -> None:
        self._page_rows(-1)

    def _page_rows(self, step: int) -> None:
        layout = self._ensure_layout()
        if layout is None or not layout.rows or self._empty_rows:
            return
        target = layout.rows[self.cursor_row].top + step * self._body_height
        candidates = [i for i, r in enumerate(layout.rows) if r.top <= target]
        row = candidates[-1] if candidates else 0
        if row == self.cursor_row:
            row += step
        self.select(row=row)

    def page_columns(self, step: int) -> bool:
        """Show the next (1) or previous (-1) set of columns, wrapping around at the ends.

        False when every column is already on screen.
        """
        visible = self.visible_count
        count = len(self._treatments)
        if not visible or visible >= count:
            return False
        last_first = count - visible
        if step > 0:
            first = (
                0
                if self.first_column >= last_first
                else min(last_first, self.first_column + visible)
            )
        else:
            first = last_first if self.first_column <= 0 else max(0, self.first_column - visible)
        offset = self.cursor_column - self.first_column
        self.first_column = first
        self.cursor_column = min(count - 1, first + offset)
        self._relayout()
        return True

    # ----------------------------------------------------------------- mouse
    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        layout = self._layout
        if offset is None or layout is None or self._empty_rows:
            return
        event.stop()
        self.focus()
        geometry = layout.geometry
        column = None
        if offset.x >= geometry.label_width:
            index = (offset.x - geometry.label_width) // (geometry.column_width + 1)
            if index < geometry.visible:
                column = self.first_column + index
        header_height = len(layout.header)
        row = None
        if offset.y >= header_height:
            hit = self._row_at(layout, round(self.scroll_offset.y) + offset.y - header_height)
            if hit is not None:
                row = hit[0]
        self.select(row, column)


# ------------------------------------------------------------------ drawing helpers
def _wrapped(parts: list[tuple[str, Style | None]], width: int) -> list[Strip]:
    """Word-wrap styled text to `width` cells; a line break in the text starts a new line.

    Uses the renderer's greedy wrapper: far quicker than Rich's for a table of cells,
    and it breaks words longer than a line rather than cutting them.
    """
    runs: list[Run] = []
    for text, style in parts:
        for index, line in enumerate(text.split("\n")):
            if index:
                runs.append(HARD)
            runs.append((clean_inline(line), style, None))
    return [Strip(segments, used) for segments, used, _targets in wrap_runs(runs, width)]


def _padded(lines: list[Strip], index: int, width: int, *, left: int = 1) -> Strip:
    """Line `index` of a wrapped cell, with a margin, filled out to `width` cells."""
    line = lines[index] if index < len(lines) else Strip([])
    return (Strip.blank(left) + line).adjust_cell_length(width)


def _edges(count: int, more_left: bool, more_right: bool, first_line: bool) -> list[str]:
    """The separator before each column and after the last one."""
    edges = [SEPARATOR] * (count + 1)
    if first_line and more_left:
        edges[0] = LEFT_MORE
    if first_line and more_right:
        edges[-1] = RIGHT_MORE
    elif not more_right:
        edges[-1] = ""
    return edges


def _join_line(label: Strip, cells: list[Strip], edges: list[str]) -> Strip:
    parts = [label]
    for edge, cell in zip(edges, cells, strict=False):
        parts.append(Strip([Segment(edge)]))
        parts.append(cell)
    if edges[-1]:
        parts.append(Strip([Segment(edges[-1])]))
    return Strip.join(parts)


def _rule(
    geometry: Geometry,
    count: int,
    width: int,
    style: Style,
    *,
    heavy: bool = False,
    last: bool = False,
) -> Strip:
    line, cross = ("━", "┿") if heavy else ("─", "┴" if last else "┼")
    text = line * geometry.label_width
    for _ in range(count):
        text += cross + line * geometry.column_width
    return Strip([Segment(text[:width], style)]).adjust_cell_length(width)


def _overlay_words(strip: Strip, x0: int, x1: int, style: Style) -> Strip:
    """Style cells x0..x1 without their leading and trailing blanks (for underlines)."""
    plain = strip.crop(x0, x1).text
    lead = len(plain) - len(plain.lstrip())
    trail = len(plain) - len(plain.rstrip())
    if lead == len(plain):
        return strip
    x0 += cell_len(plain[:lead])
    x1 -= cell_len(plain[len(plain) - trail :])
    return overlay_style(strip, x0, x1, style)
