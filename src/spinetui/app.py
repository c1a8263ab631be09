"""The Textual application: holds the loaded guide and opens the screens."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from textual.app import App
from textual.cache import LRUCache

from spinetui.components.crash_guard import CrashGuard
from spinetui.components.kiosk.guard import KioskGuard
from spinetui.components.reader.reader_screen import ReaderScreen
from spinetui.decide.questions import QuestionList
from spinetui.keymap import GLOBAL_KEYS, bindings
from spinetui.model import Guide
from spinetui.render import MarkdownDocument, TermMatcher

if TYPE_CHECKING:
    from textual.command import Provider

    from spinetui.kiosk.policy import KioskPolicy
    from spinetui.search import SearchIndex


def _jump_to_provider() -> type[Provider]:
    # Imported when the palette opens, not at start-up.
    from spinetui.components.palette import JumpToProvider

    return JumpToProvider


class SpineApp(CrashGuard, KioskGuard, App[None]):
    CSS_PATH = "styles/app.tcss"
    TITLE = "spinetui"
    BINDINGS = bindings(GLOBAL_KEYS)
    COMMANDS = App.COMMANDS | {_jump_to_provider}

    def __init__(
        self,
        guide: Guide,
        *,
        start_article: str | None = None,
        kiosk: KioskPolicy | None = None,
    ) -> None:
        super().__init__()
        self.guide = guide
        self.kiosk = kiosk  # None or a disabled policy: a personal session
        self.start_article = start_article
        # The questions the reader ticked or typed, shared by every screen that shows
        # them; visitor state, in memory only, cleared by reset_session.
        self.questions = QuestionList()
        self._documents: LRUCache[str, MarkdownDocument] = LRUCache(32)
        self._term_matcher: TermMatcher | None = None
        # Built from the content on first search and kept; nothing a visitor typed.
        self._search_index: SearchIndex | None = None
        self._search_index_lock = threading.Lock()
        self.title = guide.title

    def on_mount(self) -> None:
        self.push_screen(ReaderScreen())
        if self.kiosk_mode:
            self.start_kiosk()
        if not self.guide.is_complete:
            self.call_after_refresh(self._complete_guide)

    def _complete_guide(self) -> None:
        """Scan the articles' bodies (headings, link problems) after the first paint.

        In a thread, so the reader can already scroll; whatever needs headings or
        problems first calls ``guide.complete()``, which waits for this or does it.
        """
        threading.Thread(target=self.guide.complete, name="spinetui-checks", daemon=True).start()

    async def reset_session(self) -> None:
        """Start over for the next visitor (kiosk idle reset).

        Every screen is closed and a fresh ReaderScreen takes their place, so what a
        visitor did (history, search and find text, scroll positions, comparison
        choices) goes with the screens that held it. The App itself keeps only content:
        the guide and the parsed-document cache.
        """
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        self.clear_notifications()
        self._clipboard = ""  # text a visitor copied (Textual keeps it on the App)
        self.questions.clear()  # ticked and typed questions, and so the QR code of them
        await self.push_screen(ReaderScreen())

    # ----------------------------------------------------------- documents
    @property
    def term_matcher(self) -> TermMatcher:
        if self._term_matcher is None:
            forms = {form: term.id for term in self.guide.glossary.values() for form in term.forms}
            self._term_matcher = TermMatcher(forms)
        return self._term_matcher

    def document_for(self, article_id: str) -> MarkdownDocument:
        """The parsed article, kept for the next visit (parsing is the costly part)."""
        document = self._documents.get(article_id)
        if document is None:
            article = self.guide.articles[article_id]
            document = MarkdownDocument(
                article.body, terms=self.term_matcher, outcomes=self.guide.outcomes
            )
            self._documents[article_id] = document
        return document

    # -------------------------------------------------------------- actions
    # The screens below are imported when first opened, not at start-up
    # (ProblemsScreen brings in Textual's DataTable).
    def action_help(self) -> None:
        from spinetui.components.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_problems(self) -> None:
        from spinetui.components.problems_screen import ProblemsScreen

        if self.kiosk_mode:
            return  # for staff, outside kiosk mode (check_action hides the key too)
        if not isinstance(self.screen, ProblemsScreen):
            self.guide.complete()  # every problem: waits for the checks if still running
            self.push_screen(ProblemsScreen(self.guide.problems))

    def action_compare(self) -> None:
        # Imported here: the comparison is not needed to draw the first screen.
        from spinetui.components.compare.comparison_screen import ComparisonScreen

        if not isinstance(self.screen, ComparisonScreen):
            self.guide.complete()  # cell details name the articles' headings
            self.push_screen(ComparisonScreen())

    async def action_my_questions(self) -> None:
        from spinetui.components.decide.my_questions import MyQuestionsScreen

        if any(isinstance(screen, MyQuestionsScreen) for screen in self.screen_stack):
            # Already open under the code or the save box: go back to it, not a second.
            while not isinstance(self.screen, MyQuestionsScreen):
                await self.pop_screen()
            return
        await self.push_screen(MyQuestionsScreen())

    def show_term(self, term_id: str) -> None:
        """A glossary term's card over the current screen, with a link to read more."""
        from spinetui.components.find.term_screen import TermScreen

        self.push_screen(TermScreen(term_id))

    # ------------------------------------------------------- finding things
    def search_index(self) -> SearchIndex:
        """The guide's full-text index: built on first use (from any thread), then kept."""
        with self._search_index_lock:
            if self._search_index is None:
                from spinetui.search import SearchIndex

                self.guide.complete()  # the index lists headings
                self._search_index = SearchIndex(self.guide)
            return self._search_index

    async def action_search(self) -> None:
        from spinetui.components.find.search_screen import SearchScreen

        if not isinstance(self.screen, SearchScreen):
            # Awaited, so that keys typed straight after s already reach the search box.
            await self.push_screen(SearchScreen())

    async def action_glossary(self) -> None:
        from spinetui.components.find.glossary_screen import GlossaryScreen

        if not isinstance(self.screen, GlossaryScreen):
            await self.push_screen(GlossaryScreen())
