"""The main screen: contents on the left, the article on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Static

from spinetui.components.footer import SpineFooter
from spinetui.components.reader.article_header import ArticleHeader
from spinetui.components.reader.article_view import ArticleView
from spinetui.components.reader.contents_tree import ContentsTree
from spinetui.components.reader.targets import show_target_popup
from spinetui.keymap import READER_KEYS, bindings
from spinetui.model.history import History, Location
from spinetui.render import Target

if TYPE_CHECKING:
    from spinetui.app import SpineApp
    from spinetui.components.find.find_bar import FindBar

# Below this many columns the contents pane starts hidden, leaving room to read.
NARROW_WIDTH = 100


class ReaderScreen(Screen[None]):
    BINDINGS = bindings(READER_KEYS)

    app: SpineApp

    def __init__(self) -> None:
        super().__init__()
        self.history = History()
        self._contents_wanted: bool | None = None  # None: follow the width

    def compose(self) -> ComposeResult:
        yield ArticleHeader()
        with Horizontal(id="reader-body"):
            yield ContentsTree(self.app.guide, id="contents")
            yield ArticleView(id="article")
            empty = "The guide has no articles to show."
            if not self.app.kiosk_mode:  # the problems list is for staff, not visitors
                empty += " Press ! to see why."
            yield Static(Text(empty), id="no-articles")
        yield SpineFooter()

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def contents(self) -> ContentsTree:
        return self.query_one(ContentsTree)

    def on_mount(self) -> None:
        guide = self.app.guide
        has_articles = bool(guide.articles)
        self.query_one("#no-articles").display = not has_articles
        self.article_view.display = has_articles
        self._apply_width(self.app.size.width)
        start = self.app.start_article or guide.home
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
        guide = self.app.guide
        article = guide.articles.get(article_id)
        if article is None:
            # markup=False: the id comes from a link in the content ("[x](<[/b]>)").
            self.notify(
                f"There is no article called {article_id!r} in this guide.",
                severity="warning",
                markup=False,
            )
            return False
        view = self.article_view
        if record:
            self.history.remember_scroll(round(view.scroll_offset.y))
            self.history.visit(Location(article_id, anchor))
        if view.article_id != article_id:
            document = self.app.document_for(article_id)
            view.show(article_id, document, anchor=anchor, scroll_y=scroll_y)
            self.query_one(ArticleHeader).show(guide.title, article.title, article.reviewed)
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
                f"This article has no part called {anchor!r}.", severity="warning", markup=False
            )
        return True

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
            article_id, _, anchor = target.value.partition("#")
            self.open_article(article_id, anchor or None)
        elif target.kind == "anchor":
            self.open_article(self.article_view.article_id or "", target.value.lstrip("#"))
        else:
            show_target_popup(self.app, target)

    # --------------------------------------------------------------- actions
    def action_side_by_side(self) -> None:
        # Imported here: side-by-side reading is not needed to draw the first screen.
        from spinetui.components.compare.side_by_side import open_beside

        view = self.article_view
        open_beside(self.app, view.article_id, view.top_anchor)

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
        order = [a.id for a in self.app.guide.reading_order()]
        current = self.article_view.article_id
        if not order:
            return
        index = order.index(current) + step if current in order else 0
        if 0 <= index < len(order):
            self.open_article(order[index])
        else:
            self.notify(
                "This is the last article." if step > 0 else "This is the first article.", timeout=2
            )

    def action_next_article(self) -> None:
        self._step_article(1)

    def action_previous_article(self) -> None:
        self._step_article(-1)

    def action_back(self) -> None:
        self.history.remember_scroll(round(self.article_view.scroll_offset.y))
        location = self.history.back()
        if location is None:
            self.notify("Nothing to go back to.", timeout=2)
            return
        self.open_article(
            location.article_id, location.anchor, scroll_y=location.scroll_y, record=False
        )

    def action_forward(self) -> None:
        self.history.remember_scroll(round(self.article_view.scroll_offset.y))
        location = self.history.forward()
        if location is None:
            self.notify("Nothing to go forward to.", timeout=2)
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
        self.contents.display = show and bool(self.app.guide.articles)

    # ---------------------------------------------------------- find in article
    @property
    def find_bar(self) -> FindBar | None:
        # Queried by name: the find bar's module is imported when / is first pressed,
        # not at start-up (tests/unit/test_import_hygiene.py).
        return next((bar for bar in self.query("FindBar") if not bar.closed), None)

    async def action_find(self) -> None:
        """Open the find bar under the article (or go back to it) to type a word."""
        if self.article_view.article_id is None:
            self.notify("Open an article first, then press / to find a word in it.", timeout=3)
            return
        bar = self.find_bar
        if bar is None:
            from spinetui.components.find.find_bar import FindBar

            bar = FindBar(self.article_view)
            # Awaited, so that keys typed straight after / already reach the bar.
            await self.mount(bar, after=self.query_one("#reader-body"))
        bar.focus_input()

    def _find_step(self, direction: int) -> None:
        bar = self.find_bar
        if bar is None or not bar.text.strip():
            self.notify("Press / and type a word to find it in this article.", timeout=3)
            return
        bar.step(direction)

    def action_find_next(self) -> None:
        self._find_step(1)

    def action_find_previous(self) -> None:
        self._find_step(-1)


def document_lacks(view: ArticleView, anchor: str) -> bool:
    document = view.document
    return document is None or all(h.anchor != anchor for h in document.headings)
