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

    @property
    def rich_style(self) -> Style:
        memo = self._frame_memo
        if memo is None:
            return super().rich_style
        if "rich_style" not in memo:
            memo["rich_style"] = super().rich_style
        return memo["rich_style"]

    @property
    def scrollable_content_region(self) -> Region:
        memo = self._frame_memo
        if memo is None:
            return super().scrollable_content_region
        if "region" not in memo:
            memo["region"] = super().scrollable_content_region
        return memo["region"]

    @property
    def size(self) -> Size:
        memo = self._frame_memo
        if memo is None:
            return super().size
        if "size" not in memo:
            memo["size"] = super().size
        return memo["size"]

    def get_component_styles(self, *names: str) -> RenderStyles:
        memo = self._frame_memo
        if memo is None:
            return super().get_component_styles(*names)
        if names not in memo:
            memo[names] = super().get_component_styles(*names)
        return memo[names]
