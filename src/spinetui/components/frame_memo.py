"""Styles worked out once per frame, not once per line, in line-drawn widgets.

Textual asks a line-API widget for each visible line in turn, and what the line
drawing asks of the widget on every line (its Rich style, which walks every ancestor's
colours; its component styles, which merge new style objects; its size and scrollable
region) cannot change while one frame is drawn. On the reader's first frame (~40 lines
of contents and ~40 of article) working them out per line was about a fifth of the
drawing. They are kept for the length of one ``render_lines`` call only, so a change of
theme, focus, hover or size is seen by the next frame as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.style import Style
    from textual.css.styles import RenderStyles
    from textual.geometry import Region, Size
    from textual.strip import Strip
    from textual.widget import Widget

    _Base = Widget
else:
    # Not a Widget at run time: Textual takes a widget's CSS and component classes from
    # the first base that is a DOMNode, which must stay the widget class after this one.
    _Base = object


class FrameMemo(_Base):
    """Mix in before the widget class whose lines are drawn (e.g. ``Tree``)."""

    _frame_memo: dict[Any, Any] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        self._frame_memo = {}
        try:
            return super().render_lines(crop)
        finally:
            self._frame_memo = None

    def _kept(self, key: Any, work: Callable[[], Any]) -> Any:
        """``work()``, asked once per frame while one is drawn (every time otherwise)."""
        memo = self._frame_memo
        if memo is None:
            return work()
        if key not in memo:
            memo[key] = work()
        return memo[key]

    @property
    def rich_style(self) -> Style:
        return self._kept("rich_style", lambda: super(FrameMemo, self).rich_style)

    @property
    def scrollable_content_region(self) -> Region:
        return self._kept("region", lambda: super(FrameMemo, self).scrollable_content_region)

    @property
    def size(self) -> Size:
        return self._kept("size", lambda: super(FrameMemo, self).size)

    def get_component_styles(self, *names: str) -> RenderStyles:
        return self._kept(names, lambda: super(FrameMemo, self).get_component_styles(*names))
