"""A quick exact search of the guide, for the seconds while its full-text index is built.

At 10,000 articles the index (`spinetui.search.index`) takes several seconds to build, in
a worker thread. Meanwhile the search screen answers from this: each place's text
(title, summary, body; comparison cells; glossary entries), lower-cased and without
accents, kept in memory as one string, and each of the reader's words looked for in
it as typed (`str.find`, in C: ~20 ms a word over 30 MB). It is built in a few calls
over the whole text, not a loop of Python per article: it is made while the loader's
second stage and the index build share the interpreter, and has to be ready at once. No stemming and no ranking: places
with every word in their title first, then the others in the guide's order. The screen
says so, and replaces these results with ranked ones once the index is ready; this
object is then dropped. Nothing is written anywhere, and nothing a reader typed is kept.

Link targets and heading attributes are cut from the article text first, so that a word
found is a word a reader sees (a link to "esi#cost" does not make an article match
"esi"). The snippet of a result shown is made from the article's plain text.
"""

from __future__ import annotations

import bisect
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
    table_and_glossary,
)
from spinetui.search.query import parse_query

# Markdown that is not text a reader sees: link targets "](…)" and heading attributes
# "{#anchor}" (two patterns, each with a literal start, run 3× faster than one with an
# alternation: ~0.1 s over 30 MB).
_LINK_TARGETS = re.compile(r"\]\([^)\n\x00]*\)")
_ANCHORS = re.compile(r"\{#[^}\n\x00]*\}")
_SEPARATOR = "\x00"  # between two places' texts in the one string
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
        texts: list[str] = []
        # article id → its Markdown, for snippets (made only for the results shown)
        self._bodies: dict[str, str] = {}
        for article in guide.reading_order() or list(guide.articles.values()):
            self._bodies[article.id] = article.body
            self._entries.append(
                _Entry(Place("article", article.id), article.title, "", article.summary)
            )
            texts.append(f"{article.title}\n{article.summary}\n{article.body}")
        for place, _group, title, heading, body in table_and_glossary(guide):
            self._entries.append(_Entry(place, title, heading, body))
            texts.append(f"{title}\n{heading}\n{body}")
        # One text at a time: most are ASCII (a joined string would not be, and its
        # regex and folding would run over 2-4 bytes a character).
        cleaned = [scan_fold(_ANCHORS.sub("", _LINK_TARGETS.sub("]", text))) for text in texts]
        self._text = _SEPARATOR.join(cleaned)
        if self._text.count(_SEPARATOR) != max(0, len(texts) - 1):  # content holding NULs
            self._text = _SEPARATOR.join(text.replace(_SEPARATOR, " ") for text in cleaned)
        self._starts = [0] + [found.end() for found in re.finditer(_SEPARATOR, self._text)]
        self._folded_titles = [scan_fold(entry.title) for entry in self._entries]

    def __len__(self) -> int:
        return len(self._entries)

    def _places_with(self, words: list[str]) -> list[int]:
        """The numbers of the places whose text holds every word, in order."""
        text, starts = self._text, self._starts
        first, rest = words[0], words[1:]
        found: list[int] = []
        position = 0
        while (hit := text.find(first, position)) >= 0:
            number = bisect.bisect_right(starts, hit) - 1
            end = starts[number + 1] - 1 if number + 1 < len(starts) else len(text)
            if all(text.find(word, starts[number], end) >= 0 for word in rest):
                found.append(number)
            position = end + 1  # on to the next place
        return found

    def search(self, text: str, limit: int = DEFAULT_LIMIT) -> SearchOutcome:
        """Places holding every word as typed: title matches first. Never raises."""
        query = parse_query(text, self.lang)
        words = [scan_fold(word) for word in query.words]
        # One letter would be in nearly every place (as the index, it waits for a second).
        words = [word for word in words if len(word) > 1 or not word.isascii()]
        if not query or not words:
            return SearchOutcome(query, (), 0, exact_only=True)
        titles = self._folded_titles
        numbers = self._places_with(words)
        in_title = [n for n in numbers if all(word in titles[n] for word in words)]
        if in_title:
            first = set(in_title)
            numbers = in_title + [n for n in numbers if n not in first]
        found = [self._entries[number] for number in numbers]
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
