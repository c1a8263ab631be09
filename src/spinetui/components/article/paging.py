"""Turning pages in the article pane, and going to a place not laid out yet.

`PageTurning` is a mixin for `ArticleView`. Pages turn at once: Textual's default page
scroll animates at 50 lines a second, about 0.7 s a page at 40 rows, and Home/End take
1 s, and a reader waits for every one (benchmarks/scroll.py).

A long article is laid out in steps after its first screen (issue 16). End, or a
heading far down (from the contents or a link), would have to lay out everything up to
there at once, freezing the screen for seconds in a 5 MB article; instead the pane says
how far it has got in a note on its bottom line, keeps answering keys, and goes there
once the steps have laid it out. Scrolling by hand meanwhile stays where the reader is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.actions import SkipAction
from textual.strip import Strip

from spinetui.i18n import _
from spinetui.render import DocumentLayout

if TYPE_CHECKING:
    from textual.scroll_view import ScrollView as _Pane
else:
    _Pane = object

NOTE_STYLE = Style(reverse=True, bold=True)
#: Where `_going_to` holds the end of the article rather than a heading's anchor.
END = "\x00end"
#: Source lines past the laid-out part a heading may be and still be laid out to at
#: once (a few chunks: well under the 100 ms a key may wait).
NEAR_LINES = 400


class PageTurning(_Pane):
    """Page keys, Home and End of an `ArticleView`, and going to far places in steps."""

    if TYPE_CHECKING:  # provided by ArticleView
        _layout: DocumentLayout | None
        _jump_anchor: str | None
        _going_to: str | None

        def lay_out_if_short(self) -> DocumentLayout | None: ...

        def _schedule_layout(self) -> None: ...

        def scroll_to_anchor(self, anchor: str, *, animate: bool = False) -> bool: ...

    # Scrolling by hand ends a jump (from then on the reader's own position counts),
    # and a wait for a place further down to be laid out.
    def _reader_moved(self) -> None:
        self._jump_anchor = None
        if self._going_to is not None:
            self._going_to = None
            self.refresh()  # the note goes

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._reader_moved()

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._reader_moved()

    def action_scroll_down(self) -> None:
        self._reader_moved()
        super().action_scroll_down()

    def action_scroll_up(self) -> None:
        self._reader_moved()
        super().action_scroll_up()

    def action_page_down(self) -> None:
        self._reader_moved()
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self._reader_moved()
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_page_up(animate=False)

    def scroll_half_page(self, direction: int) -> None:
        """less's d and u: half a screen down (1) or up (-1), at once."""
        self._reader_moved()
        step = max(1, self.scrollable_content_region.height // 2)
        self.scroll_to(
            y=round(self.scroll_offset.y) + direction * step,
            animate=False,
            immediate=True,
        )

    def action_scroll_home(self) -> None:
        self._reader_moved()
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        self._reader_moved()
        if not self.allow_vertical_scroll:
            raise SkipAction()
        # The height is an estimate until the whole article is laid out: a short one is
        # laid out now; a long one in steps, and End goes there once it is.
        layout = self.lay_out_if_short()
        if layout is not None and not layout.complete:
            self._go_to(END)
            height = self.scrollable_content_region.height
            y = max(0, layout.laid_out_lines - height)  # the end of what is laid out now
            self.scroll_to(y=y, animate=False, immediate=True, force=True)
            return
        self.scroll_end(animate=False)

    # ----------------------------------------------------- far places, in steps
    def _far_below(self, layout: DocumentLayout, anchor: str) -> bool:
        """True if the heading is so far below the laid-out part that laying out up to
        it would take long (it is then gone to in steps)."""
        index = layout.doc.heading_index(anchor)
        if index is None or layout.heading_line(index) is not None:
            return False
        heading = layout.doc.headings[index]
        return heading.source_line - layout.next_source_line > NEAR_LINES

    def _go_to(self, place: str) -> None:
        """Go to ``place`` (a heading's anchor, or END) once it is laid out."""
        self._going_to = place
        self._schedule_layout()
        self.refresh()

    def _go_on(self, layout: DocumentLayout) -> None:
        """After a layout step: there yet? Then go (else the note shows how far)."""
        place = self._going_to
        if place == END:
            if layout.complete:
                self._going_to = None
                self.scroll_end(animate=False, immediate=True, force=True)
        elif place is not None and (layout.complete or not self._far_below(layout, place)):
            self._going_to = None
            self.scroll_to_anchor(place)
        self.refresh()  # the note at the bottom, or the place itself

    def _going_note(self, layout: DocumentLayout, width: int) -> Strip:
        """The bottom line while the pane waits for a place further down to be laid out."""
        percent = min(99, layout.laid_out_lines * 100 // max(1, layout.height))
        # Translators: shown at the bottom of a very long article after End is pressed
        # (or a part far down is chosen) while the rest of it is being prepared;
        # {ready} is how much is ready ("45%").
        note = _("Going there: {ready} of this long article is ready…").format(ready=f"{percent}%")
        strip = Strip([Segment(f" {note} ", NOTE_STYLE)])
        return strip.adjust_cell_length(width).apply_style(self.rich_style)
