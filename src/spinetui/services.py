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

import contextlib
import inspect
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spinetui.decide.questions import QuestionList
from spinetui.decide.state import DecisionState
from spinetui.i18n import get_language
from spinetui.model.stages import complete_guide, is_complete
from spinetui.render import DEFAULT_STYLES, MarkdownDocument, RenderStyles, TermMatcher

if TYPE_CHECKING:
    from spinetui.model import Guide
    from spinetui.model.languages import LanguageGuide
    from spinetui.render.parsed import KeptParse
    from spinetui.search import SearchIndex

ENGLISH = "en"

#: Parsed articles kept for the next visit (parsing is the costly part).
DOCUMENTS_KEPT = 32


class Services:
    """The guide, its completed form, the document cache, the glossary matcher, the
    search index, and the reader's decision answers and questions."""

    def __init__(
        self,
        guide: Guide,
        *,
        styles: RenderStyles = DEFAULT_STYLES,
        lang: str | None = None,
        language: LanguageGuide | None = None,
        root: Path | None = None,
        kiosk: bool = False,
        keep_parses: bool = False,
    ) -> None:
        """`guide`: from ``load_guide`` or ``load_guide_quickly`` (its second stage, the
        articles' headings and the problems in their bodies, is then built later).

        `lang`: the language the guide and the UI are in (default: the UI's now, as
        ``spinetui.i18n.set_language`` left it); `language`: its ``load_language``
        result (which pieces are English); `root`: the English content folder, to load
        another language from (default: the guide's); `kiosk`: other languages are
        loaded without writing the guide cache; `keep_parses`: the article a reader
        starts on is drawn from its parse kept from the last start, and its parse is
        kept for the next (``spinetui.render.parse_cache``; personal mode only)."""
        # Given a language but no tree for it (load_services): every piece is English.
        # Not given one: which pieces are English is not known, so none is said to be.
        self._all_english = lang is not None and lang != ENGLISH and language is None
        self.lang = lang if lang is not None else get_language()
        self._language = language
        if root is None:
            root = language.english.root if language is not None else guide.root
        self.root = Path(root)
        self._kiosk = kiosk
        self._quick = guide
        self._completed: Future[Guide] = Future()
        self._completing = threading.Lock()
        if is_complete(guide):
            self._completed.set_result(guide)
        self._styles = styles
        self._documents: dict[str, MarkdownDocument] = {}
        self._documents_lock = threading.Lock()
        self._term_matcher: TermMatcher | None = None
        self._keep_parses = keep_parses and not kiosk
        self._kept: dict[str, Any] | None = None  # read on first use
        self._first_document: str | None = None
        self._first_parse: KeptParse | None = None
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
                article = self.guide.articles[article_id]
                document = MarkdownDocument(
                    article.body,
                    terms=self.term_matcher,
                    styles=self._styles,
                    outcomes=self.guide.outcomes,
                    parse=self._kept_parse(article_id),
                    # The loader scanned them already: a long article is not scanned
                    # again as it opens (the document holds them to its own parse).
                    headings=article.headings or None,
                )
            self._documents[article_id] = document  # the most recently used is last
            while len(self._documents) > DOCUMENTS_KEPT:
                del self._documents[next(iter(self._documents))]
            return document

    def _kept_parse(self, article_id: str) -> KeptParse | None:
        first = self._first_document is None
        if first:
            self._first_document = article_id
        if not self._keep_parses:
            return None
        from spinetui.render.parse_cache import kept_parse, read_kept

        if self._kept is None:
            self._kept = read_kept(self.root, self.lang)
        parse = kept_parse(self._kept, article_id)
        if first:
            self._first_parse = parse
        return parse

    def keep_start_parse(self) -> None:
        """Keep the parse of the article the reader started on, for the next start, if
        it was not drawn from a kept one (in a thread: call after the first paint)."""
        article_id = self._first_document
        if not self._keep_parses or article_id is None:
            return
        first = self._first_parse
        if first is not None and not first.fell_back:
            return  # drawn from the kept parse, which held all it was asked
        article = self.guide.articles.get(article_id)
        if article is None:
            return
        from spinetui.render.parse_cache import keep_parse

        kept = dict(self._kept or {})

        def keep() -> None:
            # Nothing may reach the terminal from here (a traceback would be drawn over
            # the screen): a parse not kept is only a slower next start.
            with contextlib.suppress(Exception):
                keep_parse(self.root, self.lang, article_id, article.body, kept)

        threading.Thread(target=keep, name="spinetui-keep-parse", daemon=True).start()

    # ---------------------------------------------------------------- search
    def search_index(self) -> SearchIndex:
        """The guide's full-text index, for its language: built on first use (from any
        thread), then kept."""
        with self._search_index_lock:
            if self._search_index is None:
                from spinetui.search import SearchIndex

                guide = self.completed_guide()  # lists headings
                # Typed as Any: the keyword is new in spinetui.search (one index per
                # language); before it, the index is English-only and takes no `lang`.
                make: Any = SearchIndex
                if _takes_lang(SearchIndex):
                    self._search_index = make(guide, lang=self.lang)
                else:
                    self._search_index = make(guide)
            return self._search_index

    @property
    def search_index_built(self) -> bool:
        return self._search_index is not None

    # ------------------------------------------------------------ languages
    def falls_back(self, kind: str, id: str) -> bool:
        """Is that piece (``spinetui.model.languages.FALLBACK_KINDS``) shown in English
        although the reader chose another language?"""
        if self.lang == ENGLISH:
            return False
        if self._language is None:
            return self._all_english  # no tree for this language: all of it is English
        return self._language.falls_back(kind, id)

    def cell_fallback_notice(self, attribute_id: str, treatment_id: str) -> str:
        """The fallback sentence for a comparison cell shown in English, else ''."""
        if self.lang == ENGLISH:
            return ""
        from spinetui.model.languages import cell_id  # only when reading another language

        in_english = self.falls_back("cell", cell_id(attribute_id, treatment_id))
        return self.fallback_notice if in_english else ""

    @property
    def fallback_notice(self) -> str:
        """The sentence to show beside a piece in English ('' when reading English)."""
        if self.lang == ENGLISH:
            return ""
        if self._language is not None:
            return self._language.notice
        from spinetui.model.languages import FALLBACK_NOTICES

        return FALLBACK_NOTICES.get(self.lang, "This part is not translated yet; it is in English.")

    def in_language(self, lang: str) -> Services:
        """The same content folder in `lang`, with this reader's decision answers and
        questions (the questions ticked in the articles in `lang`'s words)."""
        other = load_services(self.root, lang, kiosk=self._kiosk, styles=self._styles)
        self.carry_visitor_to(other)
        return other

    def carry_visitor_to(self, other: Services) -> None:
        """Hand this reader's decision answers and questions to `other` (the same guide
        in another language): the same objects, the ticked questions reworded."""
        other.decision = self.decision
        other.questions = self.questions
        _reword_questions(self, other)

    # ----------------------------------------------------------- the visitor
    def forget_visitor(self) -> None:
        """Clear what a visitor said: decision answers, ticked and typed questions."""
        self.decision.clear()
        self.questions.clear()


def _takes_lang(index_class: type) -> bool:
    """Does this SearchIndex build one index per language (``lang=``)?"""
    try:
        return "lang" in inspect.signature(index_class).parameters
    except (TypeError, ValueError):
        return False


def load_services(
    root: Path, lang: str, *, kiosk: bool, styles: RenderStyles = DEFAULT_STYLES
) -> Services:
    """The services for `root`'s guide in `lang`.

    English comes from the guide cache (``cached_quick_load``: a file for a personal
    reader, memory only for a kiosk). Another language loads its tree
    (``load_language``) over that same English guide, so the only cache entry ever
    written is the English one, for the English folder. A language the folder has no
    tree for is the English guide with the UI in that language (every piece falls back).
    """
    from spinetui.model.cache import cached_quick_load

    english = cached_quick_load(root, kiosk=kiosk)
    keep = not kiosk  # parses kept in a file: personal mode only
    if lang == ENGLISH:
        return Services(
            english, styles=styles, lang=ENGLISH, root=root, kiosk=kiosk, keep_parses=keep
        )
    from spinetui.model.languages import available_languages, load_language

    if lang not in available_languages(root):
        return Services(english, styles=styles, lang=lang, root=root, kiosk=kiosk, keep_parses=keep)
    language = load_language(root, lang, english=english)
    return Services(
        language.guide,
        styles=styles,
        lang=lang,
        language=language,
        root=root,
        kiosk=kiosk,
        keep_parses=keep,
    )


def _question_texts(services: Services) -> dict[str, list[tuple[str, str]]]:
    """Each article's questions (task list items) in order: (key, text)."""
    found: dict[str, list[tuple[str, str]]] = {}
    for article_id, article in services.guide.articles.items():
        if "[ ]" in article.body or "[x]" in article.body.lower():
            questions = services.document_for(article_id).questions()
            if questions:
                found[article_id] = questions
    return found


def _reword_questions(old: Services, new: Services) -> None:
    """Questions ticked in the articles are kept by their words; the same question in
    another language has other words. Translated trees keep the same question lists
    (docs/translating.md), so a question is matched by its article and place in it and
    takes `new`'s words. The reader's own questions stay as typed; the order is kept."""
    questions = new.questions
    items = questions.items()
    if not any(not q.own for _key, q in items):
        return
    places: dict[str, tuple[str, int]] = {}
    for article_id, listed in _question_texts(old).items():
        for index, (key, _text) in enumerate(listed):
            places.setdefault(key, (article_id, index))
    words = _question_texts(new)
    questions.clear()
    for key, question in items:
        text = question.text
        place = None if question.own else places.get(key)
        if place is not None:
            listed = words.get(place[0], [])
            if place[1] < len(listed):
                key, text = listed[place[1]]
        questions.set_ticked(key, text, True, own=question.own)
        if not question.ticked:
            questions.set_ticked(key, text, False)
