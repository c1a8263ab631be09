"""Styled text too long for a `Static`, drawn a line at a time (Textual's line API).

A `Static` wraps its whole text with Textual's Content wrapper on every layout and every
refresh: for a 100,000-character comparison cell that is tens of milliseconds each time,
many times while the comparison opens, and seconds on a narrow screen. This widget wraps
once per width with the renderer's fast greedy wrapper (`render/wrap.py`) and makes a
strip only for a line that is drawn. The cell detail panel uses it only for long texts,
so ordinary cells look exactly as before.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

from spinetui.render.wrap import HARD, Line, Run, clean_inline, wrap_runs

# From this many characters, the panel draws a cell with LongText instead of a Static.
LONG_TEXT = 10_000


def text_runs(text: Text, console: Console) -> list[Run]:
    """The text as wrapper runs: its styled pieces, with a hard break at each newline."""
    runs: list[Run] = []
    for segment in text.render(console, end=""):
        for index, piece in enumerate(segment.text.split("\n")):
            if index:
                runs.append(HARD)
            if piece:
                runs.append((clean_inline(piece), segment.style, None))
    return runs


class LongText(Widget):
    """Shows a Rich Text in full, wrapped to the widget's width; `plain` is the text."""

    DEFAULT_CSS = """
    LongText { width: 1fr; height: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = Text()
        self._runs: list[Run] | None = None
        self._wrapped: tuple[int, list[Line]] = (-1, [])

    @property
    def plain(self) -> str:
        return self._text.plain

    def update(self, text: Text) -> None:
        if text == self._text:  # shown again (the grid announces a cell more than once)
            return
        self._text = text
        self._runs = None
        self._wrapped = (-1, [])
        self.refresh(layout=True)

    def _lines(self, width: int) -> list[Line]:
        if self._wrapped[0] != width:
            if self._runs is None:
                self._runs = text_runs(self._text, self.app.console)
            self._wrapped = (width, wrap_runs(self._runs, max(1, width)))
        return self._wrapped[1]

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        lines = self._lines(width)
        if not 0 <= y < len(lines):
            return Strip.blank(width, self.rich_style)
        segments, used, _targets = lines[y]
        return Strip(segments, used).adjust_cell_length(width).apply_style(self.rich_style)
