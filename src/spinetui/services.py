"""What the screens share, handed down to them: the guide and what is built from it.

The CLI builds one ``Services`` and gives it to the app, which gives it to each screen
in its constructor (screens never reach up to the app for these). Nothing here imports
Textual: the tests and `spinetui check` can build it without a screen.

It holds the content (the guide, its parsed articles, the glossary matcher, the search
index) and the two pieces of reader state several screens share (the decision answers
and My questions). :meth:`forget_visitor` clears that state for a kiosk's next visitor;
everything else is built from the content files only.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING

from spinetui.decide.questions import QuestionList
from spinetui.decide.state import DecisionState
from spinetui.model.stages import complete_guide, is_complete
from spinetui.render import DEFAULT_STYLES, MarkdownDocument, RenderStyles, TermMatcher

if TYPE_CHECKING:
    from spinetui.model import Guide
    from spinetui.search import SearchIndex

#: Parsed articles kept for the next visit (parsing is the costly part).
DOCUMENTS_KEPT = 32


class Services:
    """The guide, its completed form, the document cache, the glossary matcher, the
    search index, and the reader's decision answers and questions."""

    def __init__(self, guide: Guide, *, styles: RenderStyles = DEFAULT_STYLES) -> None:
        """`guide`: from ``load_guide`` or ``load_guide_quickly`` (its second stage, the
        articles' headings and the problems in their bodies, is then built later)."""
        self._quick = guide
        self._completed: Future[Guide] = Future()
        self._completing = threading.Lock()
        if is_complete(guide):
            self._completed.set_result(guide)
        self._styles = styles
        self._documents: dict[str, MarkdownDocument] = {}
        self._documents_lock = threading.Lock()
        self._term_matcher: TermMatcher | None = None
        # Built from the content on first search and kept; nothing a visitor typed.
        self._search_index: SearchIndex | None = None
        self._search_index_lock = threading.Lock()
        # Visitor state, in memory only, shared by every screen that shows it; cleared
        # by forget_visitor (the kiosk's idle reset).
        self.questions = QuestionList()
        self.decision = DecisionState()

    # ---------------------------------------------------------------- guides
    @property
    def guide(self) -> Guide:
        """The completed guide once it is built, else the quick one (enough for the
        contents, the articles' text, the glossary and the comparison)."""
        if self._completed.done():
            return self._completed.result()
        return self._quick

    @property
    def is_complete(self) -> bool:
        return self._completed.done()

    def completed_guide(self) -> Guide:
        """The guide with every article's headings and every problem: built here if
        nothing has started it, else waits for the thread building it."""
        with self._completing:
            if not self._completed.done():
                try:
                    self._completed.set_result(complete_guide(self._quick))
                except BaseException as error:  # noqa: BLE001 - handed to every waiter
                    self._completed.set_exception(error)
        return self._completed.result()

    def complete_in_background(self, then: Callable[[Guide], None]) -> None:
        """Build the completed guide in a thread (so the reader can already scroll),
        then call `then` with it, in that thread."""

        def complete() -> None:
            then(self.completed_guide())

        threading.Thread(target=complete, name="spinetui-checks", daemon=True).start()

    # ------------------------------------------------------------- documents
    @property
    def term_matcher(self) -> TermMatcher:
        if self._term_matcher is None:
            glossary = self.guide.glossary
            forms = {form: term.id for term in glossary.values() for form in term.forms}
            self._term_matcher = TermMatcher(forms)
        return self._term_matcher

    @property
    def styles(self) -> RenderStyles:
        return self._styles

    def restyle(self, styles: RenderStyles) -> bool:
        """Lay articles out in new colours from now on; False if they are the same."""
        if styles == self._styles:
            return False
        with self._documents_lock:
            self._styles = styles
            self._documents.clear()  # laid out in the old colours
        return True

    def document_for(self, article_id: str) -> MarkdownDocument:
        """The parsed article, kept for the next visit (the DOCUMENTS_KEPT last used)."""
        with self._documents_lock:
            document = self._documents.pop(article_id, None)
            if document is None:
                document = MarkdownDocument(
                    self.guide.articles[article_id].body,
                    terms=self.term_matcher,
                    styles=self._styles,
                    outcomes=self.guide.outcomes,
                )
            self._documents[article_id] = document  # the most recently used is last
            while len(self._documents) > DOCUMENTS_KEPT:
                del self._documents[next(iter(self._documents))]
            return document

    # ---------------------------------------------------------------- search
    def search_index(self) -> SearchIndex:
        """The guide's full-text index: built on first use (from any thread), then kept."""
        with self._search_index_lock:
            if self._search_index is None:
                from spinetui.search import SearchIndex

                self._search_index = SearchIndex(self.completed_guide())  # lists headings
            return self._search_index

    @property
    def search_index_built(self) -> bool:
        return self._search_index is not None

    # ----------------------------------------------------------- the visitor
    def forget_visitor(self) -> None:
        """Clear what a visitor said: decision answers, ticked and typed questions."""
        self.decision.clear()
        self.questions.clear()
