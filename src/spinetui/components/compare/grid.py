"""The comparison table: treatments across, attributes down, every cell wrapped.

A line-API `ScrollView` rather than a `DataTable`, because a comparison cell is a
sentence or two that must wrap (never be cut off), and because the header row and the
row labels must stay in place: the header lines are drawn at the top of the pane
whatever the scroll position, and the row labels are always the first column. Columns
that do not fit are reached by paging (`first_column`), not by sideways scrolling, so
whole columns are always shown.

The layout (column widths, wrapped cells, row heights, which cell is where) is
`render/grid_layout.py`, without Textual; this widget gives it the rows and the theme's
styles, draws the lines on screen from it, and marks the cursor over them. A cell of
more than `MAX_CELL_LINES` lines ends with "… more in the panel below".
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.cells import cell_len
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
from spinetui.i18n import _
from spinetui.keymap import COMPARE_GRID_KEYS, bindings
from spinetui.model.types import Attribute, ComparisonTable, Outcome, Treatment
from spinetui.render.grid_layout import (
    LEFT_MORE,
    MAX_COLUMN_WIDTH,
    MIN_COLUMN_WIDTH,
    NARROW_COLUMN_WIDTH,
    RIGHT_MORE,
    SEPARATOR,
    Geometry,
    GridLayout,
    GridStyles,
    Parts,
    first_column_for,
    geometry_for,
    layout_grid,
    paged_first_column,
    row_label_width,
)
from spinetui.render.icon_array import compact

# The layout's names stay importable from here (they lived in this module).
__all__ = [
    "LEFT_MORE",
    "MAX_COLUMN_WIDTH",
    "MIN_COLUMN_WIDTH",
    "NARROW_COLUMN_WIDTH",
    "RIGHT_MORE",
    "SEPARATOR",
    "ComparisonGrid",
    "Geometry",
    "geometry_for",
    "row_label_width",
]

MISSING_STYLE = Style(dim=True, italic=True)
NUMBERS_STYLE = Style(bold=True)
MATTERS_STYLE = Style(italic=True)


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
        self._layout: GridLayout | None = None
        self._layout_key: tuple | None = None
        self._strips: dict[int, Strip] = {}  # drawn lines of this layout (< 0: header)
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

    def _ensure_layout(self) -> GridLayout | None:
        width = self._width
        if width <= 0:
            return None
        geometry = geometry_for(width, len(self._treatments))
        self.first_column = first_column_for(
            self.first_column, self.cursor_column, geometry.visible, len(self._treatments)
        )
        key = (
            width,
            self.first_column,
            tuple(t.id for t in self._treatments),
            tuple(a.id for a in self._attributes),
            tuple(sorted(self._marks.items())),
            self.empty_message.plain,
        )
        if self._layout is None or self._layout_key != key:
            self._layout = self._build(width, geometry)
            self._layout_key = key
            self._strips = {}
            self.virtual_size = Size(width, self._layout.height)
        return self._layout

    def _build(self, width: int, geometry: Geometry) -> GridLayout:
        first = self.first_column
        shown = self._treatments[first : first + geometry.visible]
        rows = [
            (self._label_parts(a), [self._cell_parts(a.id, t.id) for t in shown])
            for a in self._attributes
        ]
        return layout_grid(
            width,
            geometry,
            [t.name for t in shown],
            rows,
            more_left=first > 0,
            more_right=first + geometry.visible < len(self._treatments),
            # Translators: above the row names, pointing at the treatments' names across.
            corner=[(_("Treatment ▸") if shown else "", DIM)],
            empty_message=self.empty_message.plain,
            styles=GridStyles(
                header=self.get_component_rich_style("comparison-grid--header"),
                label=self.get_component_rich_style("comparison-grid--label"),
                rule=self.get_component_rich_style("comparison-grid--rule"),
            ),
        )

    def _label_parts(self, attribute: Attribute) -> Parts:
        """The row's name; a row that matters to the reader starts with * and says so."""
        level = self._marks.get(attribute.id)
        if level is None:
            return [(attribute.label, None)]
        # Translators: under a marked row's name; {level} is "a little" or "a lot".
        words = _("matters to you {level}").format(level=LEVEL_WORDS.get(level, "")).rstrip()
        return [(MARK + attribute.label, None), ("\n", None), (words, MATTERS_STYLE)]

    def _cell_parts(self, attribute_id: str, treatment_id: str) -> list[tuple[str, Style | None]]:
        """The cell as (text, style) pieces: the evidence badge, the numbers out of 100
        it sums up (one line each), then the text."""
        cell = self._table.cell(attribute_id, treatment_id)
        if cell is None or not cell.text.strip():
            return [(_(MISSING_CELL_TEXT), MISSING_STYLE)]
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
            strip = self._strip(layout, y - header_height)
            if not layout.empty and y < header_height - 1:  # not on the rule under it
                strip = self._mark_current_column(strip, layout)
            return strip.apply_style(self.rich_style)
        body_y = round(self.scroll_offset.y) + y - header_height
        if layout.body_line(body_y) is None:
            return Strip.blank(width, self.rich_style)
        strip = self._strip(layout, body_y)
        hit = layout.row_at(body_y)
        if hit is not None and hit[0] == self.cursor_row:
            strip = self._mark_cursor(strip, layout, hit[1])
        return strip.apply_style(self.rich_style)

    def _strip(self, layout: GridLayout, body_y: int) -> Strip:
        """Body line `body_y` as a strip (a header line when negative), kept once made."""
        strip = self._strips.get(body_y)
        if strip is None:
            if body_y < 0:
                line = layout.header[len(layout.header) + body_y]
            else:
                line = layout.body_line(body_y) or ([], 0)
            strip = self._strips[body_y] = Strip(*line)
        return strip

    def _mark_current_column(self, strip: Strip, layout: GridLayout) -> Strip:
        column = self.cursor_column - self.first_column
        if not 0 <= column < layout.geometry.visible:
            return strip
        x0 = layout.geometry.column_x(column)
        return _overlay_words(
            strip,
            x0,
            x0 + layout.geometry.column_width,
            self.get_component_rich_style("comparison-grid--current", partial=True),
        )

    def _mark_cursor(self, strip: Strip, layout: GridLayout, line: int) -> Strip:
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

    # ------------------------------------------------------------- scrolling
    @property
    def _body_height(self) -> int:
        layout = self._ensure_layout()
        header = len(layout.header) if layout is not None else 0
        return max(1, self.scrollable_content_region.height - header)

    def _scroll_cursor_into_view(self) -> None:
        layout = self._layout
        if layout is None or layout.empty:
            return
        y = layout.scroll_to_show(self.cursor_row, round(self.scroll_offset.y), self._body_height)
        if y is not None:
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
        if layout is None or layout.empty:
            return
        self.select(row=layout.paged_row(self.cursor_row, step, self._body_height))

    def page_columns(self, step: int) -> bool:
        """Show the next (1) or previous (-1) set of columns, wrapping around at the ends.

        False when every column is already on screen.
        """
        visible = self.visible_count
        count = len(self._treatments)
        if not visible or visible >= count:
            return False
        first = paged_first_column(self.first_column, step, visible, count)
        offset = self.cursor_column - self.first_column
        self.first_column = first
        self.cursor_column = min(count - 1, first + offset)
        self._relayout()
        return True

    # ----------------------------------------------------------------- mouse
    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        layout = self._layout
        if offset is None or layout is None or layout.empty:
            return
        event.stop()
        self.focus()
        index = layout.geometry.column_at(offset.x)
        column = None if index is None else self.first_column + index
        header_height = len(layout.header)
        row = None
        if offset.y >= header_height:
            hit = layout.row_at(round(self.scroll_offset.y) + offset.y - header_height)
            if hit is not None:
                row = hit[0]
        self.select(row, column)


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
