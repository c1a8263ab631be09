"""A quick exact search of the guide, for the seconds while its full-text index is built.

At 10,000 articles the index (`spinetui.search.index`) takes several seconds to build, in
a worker thread. Meanwhile the search screen answers from this: each place's text
(title, summary, body; comparison cells; glossary entries), lower-cased and without
accents, kept in memory, and each of the reader's words looked for in it as typed
(`str` containment, in C: ~20 ms a word over 30 MB). No stemming and no ranking: places
with every word in their title first, then the others in the guide's order. The screen
says so, and replaces these results with ranked ones once the index is ready; this
object is then dropped. Nothing is written anywhere, and nothing a reader typed is kept.

Link targets and heading attributes are cut from the article text first, so that a word
found is a word a reader sees (a link to "esi#cost" does not make an article match
"esi"). The snippet of a result shown is made from the article's plain text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from spinetui.markdown.plain import markdown_plain
from spinetui.model.types import Guide
from spinetui.search.forms import snippet, words_with_spans
from spinetui.search.index import (
    DEFAULT_LIMIT,
    SNIPPET_TOKENS,
    Marked,
    Place,
    SearchOutcome,
    SearchResult,
)
from spinetui.search.query import parse_query

# Markdown that is not text a reader sees: link targets "](…)" and heading attributes
# "{#anchor}" (two patterns, each with a literal start, run 3× faster than one with an
# alternation: ~0.1 s over 30 MB).
_LINK_TARGETS = re.compile(r"\]\([^)\n]*\)")
_ANCHORS = re.compile(r"\{#[^}\n]*\}")
_ATTRIBUTES = re.compile(r"[ \t]*\{#[^}\n]*\}")  # for a snippet: with the space before
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def scan_fold(text: str) -> str:
    """Lower case, accents dropped (NFKD, then the combining marks): fast, all in C."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    return _MARKS.sub("", unicodedata.normalize("NFKD", lowered))


@dataclass(frozen=True, slots=True)
class _Entry:
    place: Place
    title: str
    heading: str
    body: str  # the text a snippet is cut from (an article's: made when shown)
    folded_title: str
    folded: str  # everything, folded, for matching


def _marks(text: str, words: list[str]) -> tuple[tuple[int, int], ...]:
    """The spans of the words of `text` that hold one of the searched words."""
    return tuple(
        match.span()
        for match in words_with_spans(text)
        if any(word in scan_fold(match.group()) for word in words)
    )


class QuickScan:
    """Exact search over one guide's text, without an index. Safe from any thread."""

    def __init__(self, guide: Guide, lang: str = "en") -> None:
        self.lang = lang
        self._entries: list[_Entry] = []
        # article id → its Markdown, for snippets (made only for the results shown)
        self._bodies: dict[str, str] = {}
        for article in guide.reading_order() or list(guide.articles.values()):
            self._bodies[article.id] = article.body
            body = _ANCHORS.sub("", _LINK_TARGETS.sub("]", article.body))
            text = f"{article.title}\n{article.summary}\n{body}"
            self._add(Place("article", article.id), article.title, "", article.summary, text)
        table = guide.comparison
        for attribute in table.attributes:
            for treatment in table.treatments:
                cell = table.cell(attribute.id, treatment.id)
                if cell is None or not cell.text:
                    continue
                place = Place(
                    "comparison",
                    treatment.article,
                    attribute.anchor,
                    attribute_id=attribute.id,
                    treatment_id=treatment.id,
                )
                self._add(place, attribute.label, treatment.name, cell.text)
        for term in guide.glossary.values():
            place = Place("glossary", term.article, term_id=term.id)
            self._add(place, term.term, ", ".join(term.aliases), term.definition)

    def _add(self, place: Place, title: str, heading: str, body: str, text: str = "") -> None:
        text = text or f"{title}\n{heading}\n{body}"
        self._entries.append(_Entry(place, title, heading, body, scan_fold(title), scan_fold(text)))

    def __len__(self) -> int:
        return len(self._entries)

    def search(self, text: str, limit: int = DEFAULT_LIMIT) -> SearchOutcome:
        """Places holding every word as typed: title matches first. Never raises."""
        query = parse_query(text, self.lang)
        words = [scan_fold(word) for word in query.words]
        # One letter would be in nearly every place (as the index, it waits for a second).
        words = [word for word in words if len(word) > 1 or not word.isascii()]
        if not query or not words:
            return SearchOutcome(query, (), 0, exact_only=True)
        first, rest = words[0], words[1:]
        found = [
            entry
            for entry in self._entries
            if first in entry.folded and all(word in entry.folded for word in rest)
        ]
        titled = [entry for entry in found if all(word in entry.folded_title for word in words)]
        if len(titled) < len(found):
            in_title = {id(entry) for entry in titled}
            found = titled + [entry for entry in found if id(entry) not in in_title]
        results = tuple(self._result(entry, words) for entry in found[: max(0, limit)])
        return SearchOutcome(query, results, len(found), exact_only=True)

    def _result(self, entry: _Entry, words: list[str]) -> SearchResult:
        texts = [entry.body]  # a cell's text, a definition, an article's summary
        markdown = self._bodies.get(entry.place.article_id or "")
        if entry.place.kind == "article" and markdown is not None:
            # The words where the article holds them, else its summary.
            plain = markdown_plain(_ATTRIBUTES.sub("", markdown))
            texts.insert(0, " ".join(plain.split()))
        for text in texts:
            spans = list(words_with_spans(text))
            marks = [
                (number, number)
                for number, match in enumerate(spans)
                if any(word in scan_fold(match.group()) for word in words)
            ]
            if marks:
                break
        shown, shown_marks = snippet(text, spans, marks, SNIPPET_TOKENS)
        return SearchResult(
            entry.place,
            Marked(entry.title, _marks(entry.title, words)),
            Marked(entry.heading, _marks(entry.heading, words)),
            Marked(shown, shown_marks),
        )
