"""Links and marked words in the article pane: l/L to step, Enter, mouse and touch.

`LinkSelection` is a mixin for `ArticleView` (kept apart so the pane's module stays about
drawing and scrolling); which target comes next is worked out by the plain functions
below, which need no Textual. A question's tick box is a target too: choosing it ticks
the question (`ArticleView._choose`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import events

from spinetui.i18n import _
from spinetui.render import DocumentLayout, Target, is_box

if TYPE_CHECKING:
    from textual.scroll_view import ScrollView as _Pane
else:
    _Pane = object


def continues(first: Target, second: Target) -> bool:
    """True when `second` is the wrapped continuation of the same link as `first`."""
    return (
        second.value == first.value and second.kind == first.kind and second.y - first.y in (0, 1)
    )


def next_target(
    targets: Sequence[Target], current: Target | None, top: int, current_shown: bool
) -> Target | None:
    """The target after `current`; from line `top` down when `current` is None or off
    screen (as less and w3m do: never back to where you were). None: none below."""
    if current is None or not current_shown:
        after = [t for t in targets if t.y >= top]
    else:
        after = [
            t
            for t in targets
            if (t.y, t.x0) > (current.y, current.x0) and not continues(current, t)
        ]
    return after[0] if after else None


def previous_target(
    targets: Sequence[Target], current: Target | None, bottom: int, current_shown: bool
) -> Target | None:
    """The target before `current`; from line `bottom` up when `current` is None or off
    screen. None: none above."""
    if current is None or not current_shown:
        before = [t for t in targets if t.y < bottom]
    else:
        before = [
            t
            for t in targets
            if (t.y, t.x0) < (current.y, current.x0) and not continues(t, current)
        ]
    return before[-1] if before else None


def target_at(layout: DocumentLayout, line_y: int, column: int) -> Target | None:
    """The target on line `line_y` of the article that covers `column`, if any."""
    for target in layout.targets_on(line_y):
        if target.x0 <= column < target.x1:
            return target
    return None


class LinkSelection(_Pane):
    """The selected link or marked word of an `ArticleView`, and how it is chosen."""

    if TYPE_CHECKING:  # provided by ArticleView
        _layout: DocumentLayout | None
        _selected: Target | None
        _highlight_version: int

        @property
        def _margin(self) -> int: ...

        def lay_out_all(self) -> DocumentLayout | None: ...

        def scroll_line_into_view(self, y: int) -> None: ...

        def _choose(self, target: Target) -> None: ...

    @property
    def selected_target(self) -> Target | None:
        return self._selected

    def select_target(self, target: Target | None) -> None:
        self._selected = target
        self._highlight_version += 1
        if target is not None:
            self.scroll_line_into_view(target.y)
        self.refresh()

    def _all_targets(self) -> list[Target]:
        """Targets l and L step through: a question once, at its tick box."""
        layout = self.lay_out_all()
        if layout is None:
            return []
        return [t for t in layout.targets() if t.kind != "question" or is_box(layout, t)]

    def action_next_target(self) -> None:
        """The next link after the selected one; from the top of the pane down when the
        selected one is not on screen."""
        self._step_target(1)

    def action_previous_target(self) -> None:
        """The link before the selected one; from the bottom of the pane up when the
        selected one is not on screen."""
        self._step_target(-1)

    def _step_target(self, step: int) -> None:
        targets = self._all_targets()
        if not targets:
            self.notify(_("There are no links in this article."), timeout=3)
            return
        current = self._selected
        shown = current is not None and self.line_in_view(current.y)
        top = round(self.scroll_offset.y)
        if step > 0:
            chosen = next_target(targets, current, top, shown)
            wrapped, message = targets[0], _("No more links below: back to the first one.")
        else:
            bottom = top + self.scrollable_content_region.height
            chosen = previous_target(targets, current, bottom, shown)
            wrapped, message = targets[-1], _("No more links above: on to the last one.")
        if chosen is None:
            self.notify(message, timeout=2)
        self.select_target(chosen or wrapped)

    def line_in_view(self, y: int) -> bool:
        top = round(self.scroll_offset.y)
        return top <= y < top + self.scrollable_content_region.height

    def action_activate_target(self) -> None:
        if self._selected is not None:
            self._choose(self._selected)

    def clear_selection(self) -> bool:
        if self._selected is None:
            return False
        self.select_target(None)
        return True

    def target_at(self, x: int, y: int) -> Target | None:
        """The link or marked word at a point of the pane (content coordinates)."""
        layout = self._layout
        if layout is None:
            return None
        return target_at(layout, round(self.scroll_offset.y) + y, x - self._margin)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        target = self.target_at(offset.x, offset.y)
        if target is not None:
            event.stop()
            self.select_target(target)
            self._choose(target)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        offset = event.get_content_offset(self)
        hovering = offset is not None and self.target_at(offset.x, offset.y) is not None
        self.set_class(hovering, "-over-link")
