"""Styled text too long for a `Static`, drawn a line at a time (Textual's line API).

A `Static` wraps its whole text with Textual's Content wrapper on every layout and every
refresh: for a 100,000-character comparison cell that is tens of milliseconds each time,
many times while the comparison opens, and seconds on a narrow screen. This widget wraps
once per width with the renderer's greedy wrapper (`render/wrap.py`) — a paragraph of
plain ASCII text, such as a huge cell, with one regular expression that breaks it the
same way — and makes a strip only for a line that is drawn. The cell detail panel uses
it only for long texts, so ordinary cells look exactly as before.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
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


@lru_cache(maxsize=16)
def _line_pattern(width: int) -> re.Pattern[str]:
    # Skip the spaces before a line; then the longest run of at most `width` characters
    # that starts and ends with a word and is followed by a space or the end; failing
    # that (a word longer than a line), the next `width` characters of it.
    return re.compile(rf" *([^ ](?:.{{0,{width - 2}}}[^ ])?)(?= |$)| *([^ ]{{{width}}})")


def wrap_plain(text: str, style: Style | None, width: int) -> list[Line]:
    """One paragraph of ASCII text without control characters, wrapped as `wrap_runs`
    wraps it (spaces at a break dropped, a longer word broken), but in C, not Python."""
    if width < 2:
        return wrap_runs([(text, style, None)], max(1, width))
    lines: list[Line] = []
    for words, piece in _line_pattern(width).findall(text):
        line = words or piece
        lines.append(([Segment(line, style)], len(line), []))
    return lines or [([], 0, [])]


def wrap_text_runs(runs: list[Run], width: int) -> list[Line]:
    """`wrap_runs`, a paragraph (between hard breaks) at a time; a paragraph that is one
    run of plain ASCII text goes through `wrap_plain`."""
    lines: list[Line] = []
    paragraph: list[Run] = []

    def wrap() -> None:
        if len(paragraph) == 1 and paragraph[0][0].isascii():
            text, style, _ref = paragraph[0]
            lines.extend(wrap_plain(text, style, width))
        else:
            lines.extend(wrap_runs(paragraph, width))

    for run in runs:
        if run is HARD:
            wrap()
            paragraph = []
        else:
            paragraph.append(run)
    if paragraph:  # a final newline ends the text, as in wrap_runs: no empty line after
        wrap()
    return lines


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
            self._wrapped = (width, wrap_text_runs(self._runs, max(1, width)))
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
