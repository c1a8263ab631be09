"""Search the whole guide: type words, see ranked results with the words marked.

Results follow every keystroke (a query takes a few milliseconds, so there is no
delay to wait out). The index is built in a worker thread the first time anyone
searches and then kept by the app; what this visitor typed is kept on the reader screen
below (so search reopens with it), which a kiosk reset replaces.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import work
from textual.widgets import Input
from textual.widgets.option_list import Option

from spinetui.components.navigation import KeepsVisit, OpenArticle, OpenComparison, ShowTerm
from spinetui.components.result_list import ResultList, ResultsScreen
from spinetui.search import MAX_QUERY_CHARS, Marked, SearchIndex, SearchOutcome, SearchResult

if TYPE_CHECKING:
    from spinetui.services import Services

# Matched words: bold and underlined, so they stand out without relying on colour.
MATCH_STYLE = Style(bold=True, underline=True)
KIND_LABELS = {"article": "Article", "comparison": "Comparison", "glossary": "Glossary"}


def marked_text(marked: Marked, style: str | Style = "") -> Text:
    text = Text(marked.text, style=style)
    for start, end in marked.spans:
        text.stylize(MATCH_STYLE, start, end)
    return text


def result_prompt(result: SearchResult) -> Text:
    """Two or three lines for one result, from content: built as Text, never markup."""
    place = result.place
    line = Text(f"{KIND_LABELS[place.kind]}: ", style="dim")
    line.append_text(marked_text(result.title, "bold"))
    if result.heading.text and result.heading.text != result.title.text:
        separator = " — " if place.kind == "comparison" else " › "
        if place.kind == "glossary":
            line.append(" (also: ", style="dim")
            line.append_text(marked_text(result.heading, "dim"))
            line.append(")", style="dim")
        else:
            line.append(separator)
            line.append_text(marked_text(result.heading))
    if result.more:
        where = "treatment" if place.kind == "comparison" else "article"
        line.append(
            f"  +{result.more} more match{'es' if result.more != 1 else ''} in this {where}",
            style="dim italic",
        )
    if result.snippet.text:
        line.append("\n")
        line.append_text(marked_text(result.snippet, "dim"))
    return line


def status_text(text: str, outcome: SearchOutcome | None) -> Text:
    """What the line above the results says, for what was typed."""
    if not text.strip():
        return Text("Type a word to search the articles, the comparison table and the glossary.")
    if outcome is None:
        return Text("Getting search ready…")
    if not outcome.query:
        return Text(
            "Type letters or numbers: punctuation and symbols on their own are not searched."
        )
    shown = " ".join(outcome.query.words)
    if not outcome.results and len(text.strip()) == 1:
        return Text("Keep typing: results appear from the second letter.")
    if not outcome.results:
        message = Text.assemble(
            ("No results", "bold"), " for “", shown, "”. Check the spelling, or try fewer words."
        )
    else:
        count = outcome.total
        message = Text.assemble(
            (f"{count} result{'s' if count != 1 else ''}", "bold"),
            " with some of the words" if outcome.some_words_only else "",
            " for “",
            shown,
            "”",
        )
        if outcome.some_words_only:
            message.append(" (no place has them all)")
        if count > len(outcome.results):
            message.append(f" (the best {len(outcome.results)} are shown)")
        message.append(". Enter opens the chosen one.")
    if len(text) > MAX_QUERY_CHARS:
        message.append(f" Only the first {MAX_QUERY_CHARS} characters are searched.")
    return message


class SearchScreen(ResultsScreen):
    NAME = "search"
    TITLE_TEXT = "Search the guide"
    PLACEHOLDER = "Type a word, for example: numbness, cost, PRP"

    def __init__(self, services: Services, *, keeper: KeepsVisit | None = None) -> None:
        """`keeper`: the reader below, which keeps the query and the chosen result
        for the next time search is opened during this visit."""
        super().__init__()
        self.services = services
        self._keeper = keeper
        self.index: SearchIndex | None = None
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
        index = self.services.search_index()
        self.app.call_from_thread(self._index_ready, index)

    def _index_ready(self, index: SearchIndex) -> None:
        if self not in self.app.screen_stack:
            return  # closed while the index was being built
        self.index = index
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
        if self.index is None or not text.strip():
            self.outcome = None
            results.clear_options()
        else:
            self.outcome = self.index.search(text)
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
                self.notify("There is no result to open. Try other words.", timeout=3)
            else:
                self.notify("Type a word first, then press Enter to open a result.", timeout=3)
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
