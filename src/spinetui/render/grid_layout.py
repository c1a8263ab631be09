"""The comparison grid's layout: column widths, wrapped cells, row heights, screen lines.

Pure (Rich, no Textual), so the arithmetic is tested on its own; the Textual widget
(`components/compare/grid.py`) only turns these lines into strips, draws the cursor over
them and answers keys and clicks.

Two things keep a huge cell from freezing the screen:

- A screen line is joined from its cells only when it is first drawn (`body_line`), as
  toolong draws only the lines on screen; building the layout wraps the cells (their
  heights give the scroll range) but makes no lines.
- A cell, row label or treatment name is drawn in at most `MAX_CELL_LINES` lines; a longer
  one ends with `MORE_TEXT`, and the cell detail panel under the grid shows it in full.
  Only as much of the text as those lines can hold is wrapped (`wrap_parts`), so a
  100,000-character cell costs what a 4,000-character one does.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.segment import Segment
from rich.style import Style

from spinetui.i18n import N_, _
from spinetui.render.wrap import HARD, Run, clean_inline, wrap_runs

# A treatment column is never narrower than this (cells need room to be read), so an
# 80-column terminal shows two treatments at a time and a wide one shows more.
MIN_COLUMN_WIDTH = 28
MAX_COLUMN_WIDTH = 64
# On a narrow screen two columns may be narrower than that: one column compares nothing.
NARROW_COLUMN_WIDTH = 10
SEPARATOR = "│"
LEFT_MORE = "◀"
RIGHT_MORE = "▶"

# A cell is a sentence or two; one of thousands of lines would make the table a scroll
# through one cell (and take seconds to wrap). The detail panel shows the whole text.
MAX_CELL_LINES = 100
# Marked here, translated where it is drawn: _(MORE_TEXT).
MORE_TEXT = N_("… more in the panel below")
MORE_STYLE = Style(dim=True, italic=True)

# Text pieces of a cell or label: (text, style); a "\n" in the text starts a new line.
Parts = Sequence[tuple[str, Style | None]]
# A drawn line: its segments and its width in cells.
GridLine = tuple[list[Segment], int]

_NO_STYLE = Style()


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

    def column_at(self, x: int) -> int | None:
        """The visible column (0 = leftmost shown) under cell `x`, or None (the labels)."""
        if x < self.label_width:
            return None
        index = (x - self.label_width) // (self.column_width + 1)
        return index if index < self.visible else None


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


def first_column_for(first: int, cursor: int, visible: int, count: int) -> int:
    """The first column to show so that column `cursor` is on screen."""
    if cursor < first:
        first = cursor
    elif visible and cursor >= first + visible:
        first = cursor - visible + 1
    return max(0, min(first, max(0, count - visible)))


def paged_first_column(first: int, step: int, visible: int, count: int) -> int:
    """The first column after paging by one screen of columns, wrapping at the ends."""
    last_first = count - visible
    if step > 0:
        return 0 if first >= last_first else min(last_first, first + visible)
    return last_first if first <= 0 else max(0, first - visible)


# ------------------------------------------------------------------ wrapping
def _wrap_all(parts: Parts, width: int) -> list[GridLine]:
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
    return [(segments, used) for segments, used, _targets in wrap_runs(runs, width)]


def _head(parts: Parts, budget: int) -> tuple[list[tuple[str, Style | None]], bool]:
    """The first `budget` characters of the parts, and whether anything was left out."""
    head: list[tuple[str, Style | None]] = []
    for text, style in parts:
        if len(text) >= budget:
            head.append((text[:budget], style))
            return head, len(text) > budget or len(head) < len(parts)
        head.append((text, style))
        budget -= len(text)
    return head, False


def wrap_parts(parts: Parts, width: int, max_lines: int = MAX_CELL_LINES) -> list[GridLine]:
    """`_wrap_all`, but at most `max_lines` lines: a longer text ends with `MORE_TEXT`.

    Only a head of the text is wrapped, grown until it gives more lines than fit. Greedy
    wrapping of a head matches the whole text's in every line but the head's last (the
    cut may let a shortened word fit), so the lines kept are exactly the full text's.
    """
    max_lines = max(1, max_lines)
    budget = (max_lines + 1) * (max(1, width) + 1)
    while True:
        head, cut = _head(parts, budget)
        lines = _wrap_all(head, width)
        if len(lines) > max_lines:
            more = _wrap_all([(_(MORE_TEXT), MORE_STYLE)], width)
            return lines[: max(1, max_lines - len(more))] + more
        if not cut:
            return lines
        budget *= 4


# ------------------------------------------------------------------- lines
def _length(segments: list[Segment]) -> int:
    return sum(segment.cell_length for segment in segments)


def _join(parts: Sequence[list[Segment]]) -> list[Segment]:
    """Segments of the parts in order, leaving out parts with no text (as Strip.join)."""
    return [segment for part in parts if sum(len(s.text) for s in part) for segment in part]


def _padded(lines: list[GridLine], index: int, width: int, *, left: int = 1) -> list[Segment]:
    """Line `index` of a wrapped cell, with a margin, filled out (or cut) to `width` cells."""
    line = lines[index][0] if index < len(lines) else []
    return Segment.adjust_line_length(_join([[Segment(" " * left)], line]), width)


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


def _join_line(
    label: list[Segment], cells: list[list[Segment]], edges: list[str], width: int
) -> GridLine:
    parts = [label]
    for edge, cell in zip(edges, cells, strict=False):
        parts.append([Segment(edge)])
        parts.append(cell)
    if edges[-1]:
        parts.append([Segment(edges[-1])])
    return Segment.adjust_line_length(_join(parts), width), width


def _rule(
    geometry: Geometry,
    count: int,
    width: int,
    style: Style,
    *,
    heavy: bool = False,
    last: bool = False,
) -> GridLine:
    line, cross = ("━", "┿") if heavy else ("─", "┴" if last else "┼")
    text = line * geometry.label_width
    for _line in range(count):
        text += cross + line * geometry.column_width
    return Segment.adjust_line_length([Segment(text[:width], style)], width), width


def _styled(line: GridLine, style: Style) -> GridLine:
    return list(Segment.apply_style(line[0], style)), line[1]


# ------------------------------------------------------------------ layout
@dataclass(frozen=True, slots=True)
class GridStyles:
    """The theme's styles the layout bakes into its lines."""

    header: Style = _NO_STYLE
    label: Style = _NO_STYLE
    rule: Style = _NO_STYLE


@dataclass(slots=True)
class GridRow:
    """One attribute's row: wrapped label and cells, and where it starts in the body."""

    top: int  # first body line
    height: int  # lines of text, not counting the rule below
    label: list[GridLine]
    cells: list[list[GridLine]]

    @property
    def bottom(self) -> int:
        """The body line after the row's rule."""
        return self.top + self.height + 1


@dataclass(slots=True)
class GridLayout:
    """The header lines, the rows' positions, and the body lines made as they are drawn."""

    width: int
    geometry: Geometry
    header: list[GridLine]
    rows: list[GridRow]
    body_height: int
    message: list[GridLine] = field(default_factory=list)  # shown when there are no rows
    rules: tuple[GridLine, GridLine] = (([], 0), ([], 0))  # under a row; under the last
    _tops: list[int] = field(default_factory=list)
    _lines: dict[int, GridLine] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        """No rows: the body shows the message instead (no cursor, nothing to click)."""
        return not self.rows

    @property
    def height(self) -> int:
        return len(self.header) + self.body_height

    def row_at(self, body_y: int) -> tuple[int, int] | None:
        """(row index, line in the row) at body line `body_y`; the rule counts as the row's."""
        if not 0 <= body_y < self.body_height or not self.rows:
            return None
        index = bisect_right(self._tops, body_y) - 1
        return index, body_y - self.rows[index].top

    def body_line(self, body_y: int) -> GridLine | None:
        """Body line `body_y` (below the header), joined from its cells on first use."""
        if self.empty:
            return self.message[body_y] if 0 <= body_y < len(self.message) else None
        line = self._lines.get(body_y)
        if line is None:
            hit = self.row_at(body_y)
            if hit is None:
                return None
            line = self._lines[body_y] = self._row_line(*hit)
        return line

    def _row_line(self, index: int, line: int) -> GridLine:
        row = self.rows[index]
        if line >= row.height:
            return self.rules[index == len(self.rows) - 1]
        geometry = self.geometry
        cells = [_padded(cell, line, geometry.column_width) for cell in row.cells]
        label = _padded(row.label, line, geometry.label_width, left=1)
        return _join_line(label, cells, _edges(len(cells), False, False, False), self.width)

    def lines(self) -> list[GridLine]:
        """Every line, header first (for tests and exports: the widget draws only some)."""
        body = (self.body_line(y) for y in range(self.body_height))
        return self.header + [line for line in body if line is not None]

    def text_lines(self) -> list[str]:
        """Every line as plain text."""
        return ["".join(segment.text for segment in line[0]) for line in self.lines()]

    def scroll_to_show(self, index: int, top: int, room: int) -> int | None:
        """The scroll offset that brings row `index` on screen, or None if it is already.

        ``top``: the body line at the top of the pane now; ``room``: body lines shown.
        """
        row = self.rows[index]
        if row.top < top:
            return row.top
        if row.top + row.height > top + room:
            return min(row.top, row.top + row.height - room)
        return None

    def paged_row(self, index: int, step: int, room: int) -> int:
        """The row one screen (`room` lines) down (step 1) or up (-1) from row `index`."""
        target = self.rows[index].top + step * room
        row = max(0, bisect_right(self._tops, target) - 1)
        return row + step if row == index else row


def layout_grid(
    width: int,
    geometry: Geometry,
    names: Sequence[str],
    rows: Sequence[tuple[Parts, Sequence[Parts]]],
    *,
    more_left: bool = False,
    more_right: bool = False,
    corner: Parts = (),
    empty_message: str = "",
    styles: GridStyles | None = None,
) -> GridLayout:
    """Lay out the grid `width` cells wide.

    ``names``: the shown treatments' names; ``rows``: per attribute, its label's parts
    and its cells' parts (one per shown treatment); ``more_left``/``more_right``: columns
    are hidden on that side (arrows on the header's separators); ``corner``: the text
    above the labels; ``empty_message``: the body's text when there are no rows.
    """
    styles = styles or GridStyles()
    count = len(names)
    column_width = geometry.column_width
    header_names = [wrap_parts([(name, None)], column_width - 2) for name in names]
    corner_lines = wrap_parts(corner, geometry.label_width - 1)
    header: list[GridLine] = []
    for i in range(max([len(corner_lines), *(len(n) for n in header_names)])):
        cells = [_padded(n, i, column_width) for n in header_names]
        edges = _edges(count, more_left, more_right, i == 0)
        label = _padded(corner_lines, i, geometry.label_width, left=1)
        header.append(_styled(_join_line(label, cells, edges, width), styles.header))
    header.append(_rule(geometry, count, width, styles.rule, heavy=True))

    laid: list[GridRow] = []
    top = 0
    for label_parts, cell_parts in rows:
        label_lines = [
            _styled(line, styles.label)
            for line in wrap_parts(label_parts, geometry.label_width - 1)
        ]
        cell_lines = [wrap_parts(parts, column_width - 2) for parts in cell_parts]
        height = max([len(label_lines), *(len(c) for c in cell_lines)])
        laid.append(GridRow(top, height, label_lines, cell_lines))
        top += height + 1
    rules = (
        _rule(geometry, count, width, styles.rule),
        _rule(geometry, count, width, styles.rule, last=True),
    )
    message: list[GridLine] = []
    if not laid and empty_message:
        message = [
            ([Segment(" "), *segments], used + 1)
            for segments, used in _wrap_all([(empty_message, None)], max(1, width - 2))
        ]
        top = len(message)
    return GridLayout(
        width,
        geometry,
        header,
        laid,
        top,
        message=message,
        rules=rules,
        _tops=[row.top for row in laid],
    )
