"""The article pane: draws only the visible lines of an article (Textual's line API).

The Markdown is laid out by `spinetui.render` lazily, a prefix of blocks at a time, so
the first screen of even a very long article is drawn after laying out only what it
shows; the rest is laid out in small steps after the first paint. Strips are cached
per (line, width, highlight state) so scrolling redraws cost nothing. Stepping through
links and choosing them by key, mouse or touch is the `LinkSelection` mixin
(`article_links.py`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from spinetui.components.article.article_links import LinkSelection
from spinetui.components.article.paging import PageTurning
from spinetui.components.frame_memo import FrameMemo
from spinetui.components.strips import overlay_style
from spinetui.i18n import _
from spinetui.keymap import ARTICLE_KEYS, bindings
from spinetui.render import BOX_TICKED, DocumentLayout, MarkdownDocument, Target, is_box

if TYPE_CHECKING:
    from spinetui.decide.questions import QuestionList

# Characters per line of text: comfortable reading, even on a very wide screen.
READING_WIDTH = 80
# Laying out after the first paint goes in steps of about this long (then keys and the
# screen have their turn): short while nobody waits for it, so that the several turns
# of the event loop a key takes (a bar mounting, its first paint) each wait little;
# longer while the reader waits for a place further down (End, a heading, find), still
# well under the 100 ms a key may wait (issue 16). A step ends early when a key or
# another message is waiting for the app or the screen.
BACKGROUND_STEP_SECONDS = 0.008
LAYOUT_STEP_SECONDS = 0.03
# Blocks laid out between looks at the clock within a step.
LAYOUT_STEP_BLOCKS = 8
# While the rest is laid out, the scrollbar's size follows at most this often (each
# change lays the whole screen out again); always once the layout is complete.
SIZE_SYNC_SECONDS = 0.25
# Lines past the laid-out part that drawing may lay out at once (a page or two).
LAY_OUT_AHEAD = 400
# Blocks few enough to lay out at once for End, find or the searched words (an article
# under render/chunks.py's CHUNKED_FROM_CHARS, which is parsed whole, has fewer).
SHORT_REST_BLOCKS = 2_000

SELECTED_STYLE = Style(reverse=True)
MATCH_STYLE = Style(bgcolor="yellow", color="black")
CURRENT_MATCH_STYLE = Style(bgcolor="dark_orange", color="black", bold=True)


class Highlight(NamedTuple):
    y: int
    x0: int
    x1: int
    style: Style


class ArticleView(FrameMemo, LinkSelection, PageTurning, ScrollView, can_focus=True):
    """Shows one article; posts `TargetActivated` when a link or marked word is chosen."""

    BINDINGS = bindings(ARTICLE_KEYS)

    DEFAULT_CSS = """
    /* A stable gutter: the scrollbar appearing must not change the text width. */
    ArticleView { padding: 0 2; scrollbar-gutter: stable; }
    """

    class TargetActivated(Message):
        def __init__(self, view: ArticleView, target: Target) -> None:
            super().__init__()
            self.view = view
            self.target = target

    class QuestionToggled(Message):
        """A question was ticked or unticked here (by key or tap)."""

        def __init__(self, view: ArticleView, target: Target, ticked: bool) -> None:
            super().__init__()
            self.view = view
            self.target = target
            self.ticked = ticked

    class TopHeadingChanged(Message):
        """The heading of the section at the top of the pane changed (for line-up modes)."""

        def __init__(self, view: ArticleView, anchor: str | None) -> None:
            super().__init__()
            self.view = view
            self.anchor = anchor

    def __init__(
        self,
        *,
        questions: QuestionList | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """`questions`: the visit's ticked questions, ticked here too (None: no ticks)."""
        super().__init__(name=name, id=id, classes=classes)
        self._question_list = questions
        self.document: MarkdownDocument | None = None
        self.article_id: str | None = None
        self._layout: DocumentLayout | None = None
        self._strips: LRUCache[tuple[int, int, int, int], Strip] = LRUCache(1024)
        self._highlights: dict[int, list[Highlight]] = {}
        self._highlight_version = 0
        self._layout_width = 0  # the text width self._layout was made for
        self._selected: Target | None = None
        self._layout_timer_pending = False
        self._top_anchor: str | None = None
        self._pending_place: tuple[str | None, int] | None = None
        # The heading the reader was taken to, kept until they scroll themselves, so
        # that re-wrapping (a resize, the rest of the article being laid out) keeps
        # them there rather than at the same line number.
        self._jump_anchor: str | None = None
        # End (or a heading far down) asked for before the article is laid out as far:
        # where to go once it is (PageTurning).
        self._going_to: str | None = None
        self._draw_when_laid_out = False  # lines far below the laid-out part were drawn blank
        self._size_synced = 0.0
        #: Set while something waits for the rest to be laid out (find looking further
        #: down): the steps are then longer, so it comes sooner.
        self.hurry = False
        #: Lines laid out so far, as last told to the listeners (``listen_laid_out``).
        self.laid_out = 0
        self._laid_out_listeners: list[Callable[[], None]] = []

    # ----------------------------------------------------------------- showing
    def show(
        self,
        article_id: str,
        document: MarkdownDocument,
        *,
        anchor: str | None = None,
        scroll_y: int = 0,
    ) -> None:
        """Show a document, at an anchor or a scroll position."""
        self.article_id = article_id
        self.document = document
        self._layout = None
        self._going_to = None
        self._selected = None
        self._highlights = {}
        self._highlight_version += 1
        self._strips.clear()
        self._top_anchor = None
        if not self.scrollable_content_region.height:
            # Not laid out on screen yet (e.g. opened while the screen is being built):
            # wrapping needs the width, so go to the place on the first resize.
            self._pending_place = (anchor, scroll_y)
            return
        self._pending_place = None
        self._go_to_place(anchor, scroll_y)

    def restyle(self, document: MarkdownDocument) -> None:
        """The same article in new colours (a theme change), at the same place.

        Styles never change the wrapping, so every line, selection and find mark keeps
        its position; only the drawn strips are made again.
        """
        self.document = document
        self._layout = None
        self._strips.clear()
        y = round(self.scroll_offset.y)
        layout = self._ensure_layout()
        if layout is not None:
            layout.line(y + self.scrollable_content_region.height)
            self._sync_virtual_size()
            self.scroll_to(y=y, animate=False, immediate=True, force=True)
            self._schedule_layout()
        self._highlight_version += 1
        self.refresh()

    def _go_to_place(self, anchor: str | None, scroll_y: int) -> None:
        self._jump_anchor = anchor
        self._ensure_layout()
        if anchor and self._layout is not None:
            line = self._anchor_line(anchor)
            self.scroll_to(y=line or 0, animate=False, immediate=True, force=True)
        else:
            self.scroll_to(y=scroll_y, animate=False, immediate=True, force=True)
        self.refresh()
        self._schedule_layout()

    @property
    def layout_now(self) -> DocumentLayout | None:
        return self._layout

    @property
    def text_width(self) -> int:
        return _text_width(self.scrollable_content_region.width)

    def _ensure_layout(self, width: int | None = None) -> DocumentLayout | None:
        """The layout for the current text width (pass it when already known)."""
        if self.document is None:
            return None
        width = self.text_width if width is None else width
        if self._layout is None or self._layout_width != width:
            self._layout = self.document.layout(width)
            self._layout_width = width
            self._strips.clear()
            self._sync_virtual_size()
        return self._layout

    def _sync_virtual_size(self) -> None:
        if self._layout is not None:
            self.virtual_size = Size(self.text_width, self._layout.height)
            self._size_synced = time.monotonic()
        self._note_laid_out()

    def _note_laid_out(self) -> None:
        """Tell the listeners when more lines are laid out (called directly, in the
        step: a message or reactive would cost a turn of the event loop each step)."""
        if self._layout is not None and self._layout.laid_out_lines != self.laid_out:
            self.laid_out = self._layout.laid_out_lines
            for listener in list(self._laid_out_listeners):
                listener()

    def listen_laid_out(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` whenever more lines are laid out (find, searched words)."""
        self._laid_out_listeners.append(listener)

    def stop_listening(self, listener: Callable[[], None]) -> None:
        if listener in self._laid_out_listeners:
            self._laid_out_listeners.remove(listener)

    def _schedule_layout(self) -> None:
        """Lay out the rest of the article in small steps once the screen has painted."""
        if self._layout_timer_pending or self._layout is None or self._layout.complete:
            return
        self._layout_timer_pending = True
        self.set_timer(0.01, self._lay_out_step)

    def _lay_out_step(self) -> None:
        self._layout_timer_pending = False
        layout = self._layout
        if layout is None:
            return
        waited = self._going_to is not None or self.hurry
        deadline = time.perf_counter() + (
            LAYOUT_STEP_SECONDS if waited else BACKGROUND_STEP_SECONDS
        )
        app, screen = self.app, self.screen
        while (
            not layout.lay_out_more(LAYOUT_STEP_BLOCKS)
            and time.perf_counter() < deadline
            and not (app.message_queue_size or screen.message_queue_size)
        ):
            pass
        if layout.complete or time.monotonic() - self._size_synced >= SIZE_SYNC_SECONDS:
            self._sync_virtual_size()
        else:
            self._note_laid_out()
        if self._draw_when_laid_out:
            self._draw_when_laid_out = False
            self.refresh()
        if self._going_to is not None:
            self._go_on(layout)
        if self._jump_anchor is not None:
            # The article grew below the estimate: a heading near the end that the
            # first scroll could not reach may be reachable now.
            line = layout.anchor_line(self._jump_anchor)
            if line is not None and round(self.scroll_offset.y) < min(line, self.max_scroll_y):
                self.scroll_to(y=line, animate=False, immediate=True, force=True)
        if not layout.complete:
            self._schedule_layout()

    def lay_out_if_short(self) -> DocumentLayout | None:
        """The layout, with the rest laid out at once if that is quick (an article
        parsed whole, with few blocks left); a long article's rest comes in steps."""
        layout = self._ensure_layout()
        if (
            layout is not None
            and not layout.complete
            and layout.doc.parsed
            and layout.blocks_left <= SHORT_REST_BLOCKS
        ):
            self.lay_out_all()
        return layout

    def lay_out_all(self) -> DocumentLayout | None:
        layout = self._ensure_layout()
        if layout is not None:
            while not layout.lay_out_more(1000):
                pass
            self._sync_virtual_size()
        return layout

    def on_resize(self, event: events.Resize) -> None:
        if self.document is None:
            return
        if self._pending_place is not None:
            anchor, scroll_y = self._pending_place
            self._pending_place = None
            self._go_to_place(anchor, scroll_y)
            return
        # Keep the reader at the same heading when the width (and so the wrapping) changes.
        # A change of height only (a bar opening below) leaves every line where it was.
        anchor = self._jump_anchor or self.top_anchor
        before = self._layout
        self._ensure_layout()
        if anchor and self._layout is not None and self._layout is not before:
            line = self._anchor_line(anchor)
            if line is not None:
                self.scroll_to(y=line, animate=False, immediate=True)
        self._schedule_layout()

    # ----------------------------------------------------------------- drawing
    def render_line(self, y: int) -> Strip:
        # The region is worked out once per line: it is not free, and it is asked for
        # on every line of every frame.
        width = self.scrollable_content_region.width
        layout = self._ensure_layout(_text_width(width))
        line_y = round(self.scroll_offset.y) + y
        if layout is None or line_y >= layout.height or width <= 0:
            return Strip.blank(width, self.rich_style)
        if self._going_to is not None and y == self.scrollable_content_region.height - 1:
            return self._going_note(layout, width)
        if line_y >= layout.laid_out_lines + LAY_OUT_AHEAD and not layout.complete:
            # Far below what is laid out (the scrollbar dragged down): laying out up to
            # here would freeze the screen, so the steps get here and it is drawn then.
            self._draw_when_laid_out = True
            return Strip.blank(width, self.rich_style)
        key = (line_y, width, self._highlight_version, self._ticks_version)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._make_strip(layout, line_y, width)
            self._strips[key] = strip
        if y == 0:
            self._note_top_line(line_y)
        return strip

    def _make_strip(self, layout: DocumentLayout, line_y: int, width: int) -> Strip:
        segments: list[Segment] = layout.line(line_y)
        strip = Strip(segments)
        questions = self._questions
        if questions is not None:
            for target in layout.targets_on(line_y):
                if questions.is_ticked(target.value) and is_box(layout, target):
                    strip = _tick(strip, target.x0)
        for highlight in self._highlights.get(line_y, ()):
            strip = overlay_style(strip, highlight.x0, highlight.x1, highlight.style)
        if self._selected is not None and self._selected.y == line_y:
            strip = overlay_style(strip, self._selected.x0, self._selected.x1, SELECTED_STYLE)
        # Centre the reading column when the pane is wider than the reading width.
        margin = max(0, (width - _text_width(width)) // 2)
        if margin:
            strip = Strip.blank(margin) + strip
        return strip.adjust_cell_length(width).apply_style(self.rich_style)

    @property
    def _questions(self) -> QuestionList | None:
        """The visit's ticked questions (from the screen; None in a bare test app)."""
        return self._question_list

    @property
    def _ticks_version(self) -> int:
        questions = self._questions
        return questions.version if questions is not None else 0

    def toggle_question(self, target: Target) -> None:
        """Tick or untick a question; the tick shows wherever the question appears."""
        questions = self._questions
        if questions is None:
            return
        first = questions.is_empty
        ticked = questions.toggle(target.text)
        self.refresh()
        if ticked and first:
            # Once a visit: the box itself shows every tick after this.
            self.notify(_("Ticked: it is on your list. Press m to see My questions."), timeout=4)
        self.post_message(self.QuestionToggled(self, target, ticked))

    def action_space(self) -> None:
        """Space ticks the selected question; otherwise it turns the page."""
        if self._selected is not None and self._selected.kind == "question":
            self.toggle_question(self._selected)
        else:
            self.action_page_down()

    @property
    def _margin(self) -> int:
        return max(0, (self.scrollable_content_region.width - self.text_width) // 2)

    # -------------------------------------------------------- position report
    @property
    def top_anchor(self) -> str | None:
        layout = self._layout
        if layout is None:
            return None
        heading = layout.heading_at(round(self.scroll_offset.y))
        return heading.anchor if heading is not None else None

    def _note_top_line(self, line_y: int) -> None:
        layout = self._layout
        if layout is None:
            return
        heading = layout.heading_at(line_y)
        anchor = heading.anchor if heading is not None else None
        if anchor != self._top_anchor:
            self._top_anchor = anchor
            self.post_message(self.TopHeadingChanged(self, anchor))

    def _anchor_line(self, anchor: str) -> int | None:
        """The line of a heading, with one screen after it laid out exactly.

        Below the laid-out part the height is an estimate; scrolling to a heading near
        the end against a low estimate would stop short of it.
        """
        layout = self._layout
        if layout is None:
            return None
        if self._far_below(layout, anchor):
            self._go_to(anchor)  # laying out up to it would freeze the screen: in steps
            return None
        line = layout.anchor_line(anchor)
        if line is not None:
            layout.line(line + self.scrollable_content_region.height)
            self._sync_virtual_size()
        return line

    def scroll_to_anchor(self, anchor: str, *, animate: bool = False) -> bool:
        layout = self._ensure_layout()
        if layout is None:
            return False
        line = self._anchor_line(anchor)
        if line is None:
            return False
        self._jump_anchor = anchor
        self._going_to = None
        self.scroll_to(y=line, animate=animate, immediate=not animate, force=True)
        return True

    # --------------------------------------------------------------- highlights
    def set_highlights(self, highlights: list[Highlight]) -> None:
        """Mark spans (find matches); replaces any marked before."""
        grouped: dict[int, list[Highlight]] = {}
        for highlight in highlights:
            grouped.setdefault(highlight.y, []).append(highlight)
        self._highlights = grouped
        self._highlight_version += 1
        self.refresh()

    def add_highlights(self, highlights: list[Highlight]) -> None:
        """Mark more spans, keeping those marked before (found in lines just laid out)."""
        if not highlights:
            return
        grouped = self._highlights
        for highlight in highlights:
            grouped.setdefault(highlight.y, []).append(highlight)
        self._highlight_version += 1
        self.refresh()

    def scroll_line_into_view(self, y: int) -> None:
        height = self.scrollable_content_region.height
        top = round(self.scroll_offset.y)
        if y < top or y >= top + height:
            self.scroll_to(y=max(0, y - height // 3), animate=False, immediate=True, force=True)

    # ---------------------------------------------------------- links and terms
    # Stepping through them, clicking and hovering: LinkSelection (article_links.py).
    def _choose(self, target: Target) -> None:
        """A link or marked word chosen (Enter, a click, a tap): a question is ticked."""
        if target.kind == "question":
            self.toggle_question(target)
        else:
            self.post_message(self.TargetActivated(self, target))


def _tick(strip: Strip, x0: int) -> Strip:
    """The strip with the tick box at ``x0`` drawn ticked ("[ ]" becomes "[x]")."""
    if strip.cell_length < x0 + len(BOX_TICKED):
        return strip
    before, box, after = strip.divide([x0, x0 + len(BOX_TICKED), strip.cell_length])
    style = next((segment.style for segment in box), None)
    return Strip.join([before, Strip([Segment(BOX_TICKED, style)]), after])


def _text_width(pane_width: int) -> int:
    """Columns of text in a pane this wide: all of it, up to a comfortable reading width."""
    return max(1, min(READING_WIDTH, pane_width))
