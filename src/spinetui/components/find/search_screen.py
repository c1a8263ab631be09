"""Search the whole guide: type words, see ranked results with the words marked.

Results follow every keystroke (a query takes a few milliseconds, so there is no
delay to wait out). The index is built in a worker thread the first time anyone
searches and then kept by the app. A big guide's index takes seconds to build: until
it is ready, a quick exact scan (`spinetui.search.scan`) answers, the status line says
the full search is still being prepared, and the ranked results replace the quick ones
when it is. What this visitor typed is kept on the reader screen below (so search
reopens with it), which a kiosk reset replaces.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import work
from textual.widgets import Input
from textual.widgets.option_list import Option

from spinetui.components.fill import fill
from spinetui.components.navigation import KeepsVisit, OpenArticle, OpenComparison, ShowTerm
from spinetui.components.result_list import ResultList, ResultsScreen
from spinetui.i18n import N_, _, ngettext
from spinetui.search import MAX_QUERY_CHARS, Marked, SearchIndex, SearchOutcome, SearchResult

if TYPE_CHECKING:
    from spinetui.search.scan import QuickScan
    from spinetui.services import Services

# Matched words: bold and underlined, so they stand out without relying on colour.
MATCH_STYLE = Style(bold=True, underline=True)
# Translated where a result is drawn.
KIND_LABELS = {
    "article": N_("Article"),
    "comparison": N_("Comparison"),
    "glossary": N_("Glossary"),
}


def marked_text(marked: Marked, style: str | Style = "") -> Text:
    text = Text(marked.text, style=style)
    for start, end in marked.spans:
        text.stylize(MATCH_STYLE, start, end)
    return text


def result_prompt(result: SearchResult) -> Text:
    """Two or three lines for one result, from content: built as Text, never markup."""
    place = result.place
    line = Text(_(KIND_LABELS[place.kind]) + ": ", style="dim")
    line.append_text(marked_text(result.title, "bold"))
    if result.heading.text and result.heading.text != result.title.text:
        separator = " — " if place.kind == "comparison" else " › "
        if place.kind == "glossary":
            names = marked_text(result.heading, "dim")
            line.append_text(fill(" " + _("(also: {names})"), "dim", names=names))
        else:
            line.append(separator)
            line.append_text(marked_text(result.heading))
    if result.more:
        if place.kind == "comparison":
            more = ngettext(
                "+{count} more match in this treatment",
                "+{count} more matches in this treatment",
                result.more,
            )
        else:
            more = ngettext(
                "+{count} more match in this article",
                "+{count} more matches in this article",
                result.more,
            )
        line.append("  " + more.format(count=result.more), style="dim italic")
    if result.snippet.text:
        line.append("\n")
        line.append_text(marked_text(result.snippet, "dim"))
    return line


def status_text(text: str, outcome: SearchOutcome | None) -> Text:
    """What the line above the results says, for what was typed."""
    if not text.strip():
        return Text(_("Type a word to search the articles, the comparison table and the glossary."))
    if outcome is None:
        return Text(_("Getting search ready…"))
    if not outcome.query:
        return Text(
            _("Type letters or numbers: punctuation and symbols on their own are not searched.")
        )
    shown = " ".join(outcome.query.words)  # what the reader typed: plain text, never markup
    if not outcome.results and len(text.strip()) == 1:
        return Text(_("Keep typing: results appear from the second letter."))
    if not outcome.results and outcome.exact_only:
        # Translators: {none} is "No exact matches" (in bold); {words} the words searched for.
        template = _(
            "{none} for “{words}” yet. Still preparing the full search, which also finds "
            "other forms of words…"
        )
        message = fill(template, none=Text(_("No exact matches"), style="bold"), words=shown)
    elif not outcome.results:
        # Translators: {none} is "No results" (in bold); {words} are the words searched for.
        template = _("{none} for “{words}”. Check the spelling, or try fewer words.")
        message = fill(template, none=Text(_("No results"), style="bold"), words=shown)
    else:
        count = outcome.total
        if outcome.at_least:
            results = ngettext("at least {count} result", "at least {count} results", count)
        else:
            results = ngettext("{count} result", "{count} results", count)
        cut = count > len(outcome.results) or outcome.at_least
        template = (
            _exact_template(cut)
            if outcome.exact_only
            else _result_template(outcome.some_words_only, cut)
        )
        message = fill(
            template,
            results=Text(results.format(count=count), style="bold"),
            words=shown,
            best=str(len(outcome.results)),
        )
    if len(text) > MAX_QUERY_CHARS:
        message.append(" ")
        message.append(
            _("Only the first {count} characters are searched.").format(count=MAX_QUERY_CHARS)
        )
    return message


def _result_template(some_words_only: bool, cut: bool) -> str:
    """The sentence about the results, whole (so each can be translated as a whole)."""
    # Translators: {results} is "3 results" (in bold), {words} the words searched for,
    # {best} how many of the results are listed (the best ones).
    if some_words_only and cut:
        return _(
            "{results} with some of the words for “{words}” (no place has them all) "
            "(the best {best} are shown). Enter opens the chosen one."
        )
    if some_words_only:
        return _(
            "{results} with some of the words for “{words}” (no place has them all). "
            "Enter opens the chosen one."
        )
    if cut:
        return _("{results} for “{words}” (the best {best} are shown). Enter opens the chosen one.")
    return _("{results} for “{words}”. Enter opens the chosen one.")


def _exact_template(cut: bool) -> str:
    """The sentence about quick results, found while the full search is prepared."""
    # Translators: {results} is "3 results" (in bold), {words} the words searched for,
    # {best} how many are listed. These results have the letters exactly as typed.
    if cut:
        return _(
            "{results} with exactly these letters for “{words}” (the first {best} are "
            "shown). Still preparing the full search: ranked results follow. Enter opens "
            "the chosen one."
        )
    return _(
        "{results} with exactly these letters for “{words}”. Still preparing the full "
        "search: ranked results follow. Enter opens the chosen one."
    )


class SearchScreen(ResultsScreen):
    NAME = "search"
    TITLE_TEXT = N_("Search the guide")
    # Translators: the examples are words of the guide (in Spanish, words the Spanish
    # articles use); PRP is the same in both languages.
    PLACEHOLDER = N_("Type a word, for example: numbness, cost, PRP")

    def __init__(self, services: Services, *, keeper: KeepsVisit | None = None) -> None:
        """`keeper`: the reader below, which keeps the query and the chosen result
        for the next time search is opened during this visit."""
        super().__init__()
        self.services = services
        self._keeper = keeper
        self.index: SearchIndex | None = None
        # Answers while the index is built (a big guide's takes seconds); then dropped.
        self.scan: QuickScan | None = None
        self.outcome: SearchOutcome | None = None
        self._restore_highlight: int | None = None

    def initial_status(self) -> Text:
        return status_text("", None)

    def on_mount(self) -> None:
        box = self.box
        memory = self._keeper.search_memory if self._keeper is not None else None
        if memory is not None:
            text, self._restore_highlight = memory
            with box.prevent(Input.Changed):
                box.value = text
            box.select_all()  # typing replaces it; arrows and Enter use the results
        self.set_focus(box)
        self._prepare_index()

    @work(thread=True, exclusive=True, group="search-index")
    def _prepare_index(self) -> None:
        services = self.services
        if not services.search_index_built:
            from spinetui.search.scan import QuickScan

            # From the guide as loaded (its second stage is not needed): ~0.2 s for
            # 10,000 articles, against seconds for the index.
            scan = QuickScan(services.guide, services.lang)
            painted = threading.Event()
            self.app.call_from_thread(self._scan_ready, scan, painted)
            # The build holds the interpreter most of the time it runs: let the quick
            # results be drawn first (never waiting long).
            painted.wait(timeout=1.0)
        index = services.search_index()
        self.app.call_from_thread(self._index_ready, index)

    def _scan_ready(self, scan: QuickScan, painted: threading.Event) -> None:
        if self.index is not None or self not in self.app.screen_stack:
            painted.set()
            return
        self.scan = scan
        if self.text.strip():
            self.run_search()
        self.call_after_refresh(painted.set)

    def _index_ready(self, index: SearchIndex) -> None:
        if self not in self.app.screen_stack:
            return  # closed while the index was being built
        self.index = index
        self.scan = None  # its copy of the text is no longer needed
        self.run_search()
        highlight, self._restore_highlight = self._restore_highlight, None
        results = self.results
        if highlight is not None and 0 <= highlight < results.option_count:
            results.highlighted = highlight

    # ---------------------------------------------------------------- search
    def query_changed(self, text: str) -> None:
        self.run_search()

    def run_search(self) -> None:
        text = self.text
        results = self.results
        searcher = self.index if self.index is not None else self.scan
        if searcher is None or not text.strip():
            self.outcome = None
            results.clear_options()
        else:
            self.outcome = searcher.search(text)
            options: list[Option | None] = []
            for number, result in enumerate(self.outcome.results):
                if number:
                    options.append(None)  # a divider line between results
                options.append(ResultList.result(number, result_prompt(result)))
            results.show(options)
        self.show_status(status_text(text, self.outcome))

    # --------------------------------------------------------------- choosing
    @property
    def chosen(self) -> SearchResult | None:
        number = self.results.chosen
        if number is None or self.outcome is None:
            return None
        return self.outcome.results[number]

    def action_open_result(self) -> None:
        result = self.chosen
        if result is None:
            if self.text.strip():
                self.notify(_("There is no result to open. Try other words."), timeout=3)
            else:
                self.notify(_("Type a word first, then press Enter to open a result."), timeout=3)
            return
        self._remember()
        words = self.outcome.query.words if self.outcome and self.outcome.query else ()
        place = result.place
        if place.kind == "article" and place.article_id:
            self.post_message(OpenArticle(place.article_id, place.anchor, words=tuple(words)))
        elif place.kind == "comparison":
            self.post_message(OpenComparison(place.attribute_id, place.treatment_id))
        elif place.kind == "glossary" and place.term_id:
            # Over whatever is showing, so closing the definition returns to the results.
            self.post_message(ShowTerm(place.term_id))

    def action_close(self) -> None:
        self._remember()
        self.dismiss(None)

    # ---------------------------------------------------------------- memory
    def _remember(self) -> None:
        """Keep the query and the chosen result on the reader below for next time (a
        kiosk reset replaces that screen, and so forgets what this visitor typed)."""
        reader = self._keeper
        if reader is not None:
            reader.search_memory = (self.text, self.results.highlighted)
