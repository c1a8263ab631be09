"""The main screen: contents on the left, the article on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Static

from spinetui.components.article.article_view import ArticleView, Highlight
from spinetui.components.article.targets import show_target_popup
from spinetui.components.article.word_marks import WordMarks
from spinetui.components.footer import SpineFooter
from spinetui.components.navigation import OpenBeside, OpenComparison
from spinetui.components.reader.article_header import ArticleHeader
from spinetui.components.reader.contents_tree import ContentsTree
from spinetui.i18n import _
from spinetui.keymap import READER_KEYS, bindings
from spinetui.model.history import History, Location
from spinetui.render import Target

if TYPE_CHECKING:
    from spinetui.app import SpineApp
    from spinetui.components.article.find_bar import FindBar
    from spinetui.services import Services

# Words found by search, marked in the article like find's matches (exact colours, and
# the current one bold and underlined too, so it stands out without colour).
CURRENT_WORD_STYLE = Style(bgcolor="#ff9d2e", color="black", bold=True, underline=True)

# Below this many columns the contents pane starts hidden, leaving room to read.
NARROW_WIDTH = 100
CONTENTS_MIN_WIDTH = 16


class ReaderScreen(Screen[None]):
    BINDINGS = bindings(READER_KEYS)
    # The article has the focus first (on_mount gives it there, or to the contents when
    # there is no article). Textual's default would focus the contents as the screen is
    # made, then move it: two needless restyles of the tree before the first paint.
    AUTO_FOCUS = "#article"

    app: SpineApp

    def __init__(self, services: Services, *, start_article: str | None = None) -> None:
        """`start_article`: the one to open first (else the guide's home)."""
        super().__init__()
        self.services = services
        self._start_article = start_article
        self.history = History()
        self._contents_wanted: bool | None = None  # None: follow the width
        self._contents_width: int | None = None  # None: the style sheet's
        # Where the reader left each article this visit (on the screen, so a kiosk
        # reset, which replaces the screen, forgets it).
        self._places: dict[str, int] = {}
        # The comparison's columns, cell and differences mode, kept while the app runs
        # (on this screen, so a kiosk reset forgets them); see ComparisonScreen.
        self.comparison_state: object | None = None
        # The history entry that was opened from the comparison: b there goes back to it.
        self._comparison_entry: int | None = None
        # Search's query and chosen result, for when it is opened again.
        self.search_memory: tuple[str, int | None] | None = None
        # The words search marked in the open article, and the one n/N is at.
        self._word_marks: list[Highlight] = []
        self._word_mark: int | None = None
        self._word_search: WordMarks | None = None

    def compose(self) -> ComposeResult:
        yield ArticleHeader()
        # Widgets that would never be shown are not made (each costs start-up time):
        # the "shown in English" line is for another language than English (whose
        # fallback_notice is ''), the empty-guide message for a guide with no articles.
        if self.services.fallback_notice:
            from spinetui.components.reader.fallback_notice import FallbackNotice

            yield FallbackNotice()  # "shown in English": an article the language lacks
        with Horizontal(id="reader-body"):
            yield ContentsTree(self.services.guide, id="contents")
            yield ArticleView(questions=self.services.questions, id="article")
            if not self.services.guide.articles:
                empty = _("The guide has no articles to show.")
                if not self.app.kiosk_mode:  # the problems list is for staff, not visitors
                    empty += " " + _("Press ! to see why.")
                yield Static(Text(empty), id="no-articles")
        yield SpineFooter()

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def contents(self) -> ContentsTree:
        return self.query_one(ContentsTree)

    def on_mount(self) -> None:
        guide = self.services.guide
        has_articles = bool(guide.articles)
        self.article_view.display = has_articles  # else "#no-articles" is there instead
        self._apply_width(self.app.size.width)
        view = self.article_view
        # The header says how far through the article the reader is.
        self.watch(view, "scroll_y", self._update_progress, init=False)
        self.watch(view, "virtual_size", self._update_progress, init=False)
        view.listen_laid_out(self._more_word_marks)
        start = self._start_article or guide.home
        if start not in guide.articles:
            order = guide.reading_order()
            start = order[0].id if order else None
        if start is not None:
            self.open_article(start)
            self.article_view.focus()
        else:
            self.contents.focus()

    # --------------------------------------------------------------- opening
    def open_article(
        self, article_id: str, anchor: str | None = None, *, scroll_y: int = 0, record: bool = True
    ) -> bool:
        guide = self.services.guide
        article = guide.articles.get(article_id)
        if article is None:
            # markup=False: the id comes from a link in the content ("[x](<[/b]>)").
            self.notify(
                _("There is no article called {name} in this guide.").format(name=repr(article_id)),
                severity="warning",
                markup=False,
            )
            return False
        view = self.article_view
        if view.article_id is not None and view.article_id != article_id:
            self._places[view.article_id] = round(view.scroll_offset.y)
        if record and anchor is None and not scroll_y and view.article_id != article_id:
            # Opened again (from [ ], the contents, search, the palette): back to where
            # the reader left it during this visit.
            scroll_y = self._places.get(article_id, 0)
        if record:
            self.history.remember_scroll(round(view.scroll_offset.y))
            self.history.visit(Location(article_id, anchor))
        if view.article_id != article_id:
            self._word_marks, self._word_mark = [], None  # they were for the other one
            document = self.services.document_for(article_id)
            view.show(article_id, document, anchor=anchor, scroll_y=scroll_y)
            self.query_one(ArticleHeader).show(guide.title, article.title, article.reviewed)
            notice = self.services.fallback_notice
            if notice:  # reading another language than English (see compose)
                from spinetui.components.reader.fallback_notice import FallbackNotice

                falls_back = self.services.falls_back("article", article_id)
                self.query_one(FallbackNotice).show_notice(notice if falls_back else "")
            self.contents.mark_open(
                article_id, [(h.level, h.text, h.anchor) for h in document.headings]
            )
        elif anchor:
            view.scroll_to_anchor(anchor)
        else:
            view.scroll_to(y=scroll_y, animate=False, immediate=True)
        if self.find_bar is not None:
            self.find_bar.article_changed()
        if anchor and document_lacks(view, anchor):
            self.notify(
                _("This article has no part called {name}.").format(name=repr(anchor)),
                severity="warning",
                markup=False,
            )
        return True

    def _update_progress(self) -> None:
        self.query_one(ArticleHeader).show_progress(progress_text(self.article_view))

    def on_contents_tree_open_requested(self, message: ContentsTree.OpenRequested) -> None:
        self.open_article(message.article_id, message.anchor)
        if message.anchor is None:
            self.article_view.focus()

    def on_article_view_top_heading_changed(self, message: ArticleView.TopHeadingChanged) -> None:
        # The contents follow the reader: the section at the top of the article is the
        # one highlighted (unless the reader is moving around the contents themselves).
        if message.view is self.article_view and self.focused is not self.contents:
            self.contents.show_section(message.view.article_id or "", message.anchor)

    def on_article_view_target_activated(self, message: ArticleView.TargetActivated) -> None:
        self.follow(message.target)

    def follow(self, target: Target) -> None:
        """Act on a link or marked word chosen in the article."""
        if target.kind == "article":
            article_id, _hash, anchor = target.value.partition("#")
            self.open_article(article_id, anchor or None)
        elif target.kind == "anchor":
            self.open_article(self.article_view.article_id or "", target.value.lstrip("#"))
        else:
            show_target_popup(self, target, self.services.guide.sources)

    # --------------------------------------------------------------- actions
    def action_side_by_side(self) -> None:
        view = self.article_view
        self.post_message(OpenBeside(view.article_id, view.top_anchor))

    def action_contents_width(self, step: int) -> None:
        """< and >: the contents pane four columns narrower or wider."""
        contents = self.contents
        if not contents.display:
            contents.display = True
            self._contents_wanted = True
        current = self._contents_width or contents.outer_size.width
        largest = max(CONTENTS_MIN_WIDTH, self.size.width - 30)  # room left to read
        width = max(CONTENTS_MIN_WIDTH, min(largest, current + 4 * step))
        if width == current:
            self.notify(
                _("The contents are as wide as they go.")
                if step > 0
                else _("The contents are as narrow as they go."),
                timeout=2,
            )
            return
        self._contents_width = width
        contents.styles.width = width

    def action_half_page(self, direction: int) -> None:
        view = self.article_view
        view.scroll_half_page(direction)

    def action_toggle_contents(self) -> None:
        contents = self.contents
        self._contents_wanted = not contents.display
        contents.display = self._contents_wanted
        if contents.display:
            contents.focus()
        else:
            self.article_view.focus()

    def action_focus_next_pane(self) -> None:
        self._cycle_focus()

    def action_focus_previous_pane(self) -> None:
        self._cycle_focus()

    def _cycle_focus(self) -> None:
        contents, view = self.contents, self.article_view
        if self.focused is view and contents.display:
            contents.focus()
        else:
            view.focus()

    def _step_article(self, step: int) -> None:
        order = [a.id for a in self.services.guide.reading_order()]
        current = self.article_view.article_id
        if not order:
            return
        index = order.index(current) + step if current in order else 0
        if 0 <= index < len(order):
            self.open_article(order[index])
        else:
            self.notify(
                _("This is the last article.") if step > 0 else _("This is the first article."),
                timeout=2,
            )

    def action_next_article(self) -> None:
        self._step_article(1)

    def action_previous_article(self) -> None:
        self._step_article(-1)

    def came_from_comparison(self) -> None:
        self._comparison_entry = self.history.index

    def action_back(self) -> None:
        self.history.remember_scroll(round(self.article_view.scroll_offset.y))
        if self._comparison_entry is not None and self._comparison_entry == self.history.index:
            self._comparison_entry = None
            self.post_message(OpenComparison())  # as the reader left it (comparison_state)
            return
        self._return_to(self.history.back(), _("Nothing to go back to."))

    def action_forward(self) -> None:
        self.history.remember_scroll(round(self.article_view.scroll_offset.y))
        self._return_to(self.history.forward(), _("Nothing to go forward to."))

    def _return_to(self, location: Location | None, nothing: str) -> None:
        """Reopen a place from the history (Back, Forward), or say there is none."""
        if location is None:
            self.notify(nothing, timeout=2)
            return
        self.open_article(
            location.article_id, location.anchor, scroll_y=location.scroll_y, record=False
        )

    def action_back_out(self) -> None:
        """Escape: undo the most recent thing, one step at a time. Never quits."""
        view = self.article_view
        if self.find_bar is not None:
            self.find_bar.close()
            return
        if self.clear_word_marks():
            return
        if view.clear_selection():
            return
        if self.focused is view and self.contents.display:
            self.contents.focus()

    # ---------------------------------------------------------------- layout
    def on_resize(self, event: events.Resize) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        narrow = width < NARROW_WIDTH
        self.set_class(narrow, "-narrow")
        show = self._contents_wanted if self._contents_wanted is not None else not narrow
        self.contents.display = show and bool(self.services.guide.articles)

    # ---------------------------------------------------------- find in article
    @property
    def find_bar(self) -> FindBar | None:
        # Queried by name: the find bar's module is imported when / is first pressed,
        # not at start-up (tests/unit/test_import_hygiene.py).
        bars = cast("list[FindBar]", list(self.query("FindBar")))
        return next((bar for bar in bars if not bar.closed), None)

    async def action_find(self) -> None:
        """Open the find bar under the article (or go back to it) to type a word."""
        if self.article_view.article_id is None:
            self.notify(_("Open an article first, then press / to find a word in it."), timeout=3)
            return
        bar = self.find_bar
        if bar is None:
            from spinetui.components.article.find_bar import FindBar

            bar = FindBar(self.article_view)
            # Awaited, so that keys typed straight after / already reach the bar.
            await self.mount(bar, after=self.query_one("#reader-body"))
        bar.focus_input()

    # ------------------------------------------------------ words from search
    def mark_words(self, words: tuple[str, ...]) -> None:
        """Mark the words searched for in the open article, as find does; n and N move
        between them. A word matches at the start of a longer one ("inject" marks
        "injection"), whatever its case. In a long article still being laid out, the
        marks are added as each part is (``WordMarks``)."""
        view = self.article_view
        if view.document is None or not words:
            return
        self._word_search = WordMarks(view, words)
        self._word_marks = self._word_search.marks
        self._word_mark = None
        self._show_word_marks()

    def _more_word_marks(self) -> None:
        search = self._word_search
        if search is not None and search.marks is self._word_marks:
            self.article_view.add_highlights(search.extend())

    def _show_word_marks(self) -> None:
        current = self._word_mark
        self.article_view.set_highlights(
            [
                Highlight(m.y, m.x0, m.x1, CURRENT_WORD_STYLE) if i == current else m
                for i, m in enumerate(self._word_marks)
            ]
        )

    def clear_word_marks(self) -> bool:
        if not self._word_marks:
            return False
        self._word_marks = []
        self._word_mark = None
        self.article_view.set_highlights([])
        return True

    def _step_word_marks(self, direction: int) -> None:
        view = self.article_view
        marks = self._word_marks
        current = self._word_mark
        if current is None or not view.line_in_view(marks[current].y):
            top = round(view.scroll_offset.y)
            bottom = top + view.scrollable_content_region.height
            if direction > 0:
                current = next((i for i, m in enumerate(marks) if m.y >= top), 0)
            else:
                before = [i for i, m in enumerate(marks) if m.y < bottom]
                current = before[-1] if before else len(marks) - 1
        else:
            current = (current + direction) % len(marks)
        self._word_mark = current
        self._show_word_marks()
        view.scroll_line_into_view(marks[current].y)

    def _find_step(self, direction: int) -> None:
        bar = self.find_bar
        if (bar is None or not bar.text.strip()) and self._word_marks:
            self._step_word_marks(direction)
            return
        if bar is None or not bar.text.strip():
            self.notify(_("Press / and type a word to find it in this article."), timeout=3)
            return
        bar.step(direction)

    def action_find_next(self) -> None:
        self._find_step(1)

    def action_find_previous(self) -> None:
        self._find_step(-1)


def progress_text(view: ArticleView) -> str:
    """How far through the article the bottom of the pane is, like less's percentage,
    and which of its parts (second-level headings) is at the top: "Part 2 of 7 · 35%"."""
    layout = view.layout_now
    document = view.document
    if layout is None or document is None or layout.height <= 0:
        return ""
    height = view.scrollable_content_region.height
    top = round(view.scroll_offset.y)
    percent = 100 if top >= view.max_scroll_y else min(99, (top + height) * 100 // layout.height)
    parts = [h.anchor for h in document.headings if h.level == 2]
    text = f"{percent}%"
    if len(parts) > 1:
        heading = layout.heading_at(top)
        index = None
        if heading is not None:
            # The part the top line is in: its own heading, or the level-2 one above it.
            position = next(
                (i for i, h in enumerate(document.headings) if h.anchor == heading.anchor), -1
            )
            for h in reversed(document.headings[: position + 1]):
                if h.level == 2:
                    index = parts.index(h.anchor)
                    break
                if h.level < 2:
                    break
        if index is not None:
            # Translators: which part (second-level heading) of the article is at the top.
            part = _("Part {number} of {count}").format(number=index + 1, count=len(parts))
            text = f"{part} · {text}"
    return text


def document_lacks(view: ArticleView, anchor: str) -> bool:
    document = view.document
    return document is None or all(h.anchor != anchor for h in document.headings)
