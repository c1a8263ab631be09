"""Full-text search over a guide: article sections, comparison cells, glossary entries.

One SQLite FTS5 table in memory (nothing is written to disk: no index file, no query
history). Each row is one place a reader can be taken to; its three text columns are
weighted by bm25 so a match in a title counts more than one in a heading, and a
heading more than running text. The tokenizer stems English (porter) on top of
unicode61 with accents folded, so "injection" finds "injections" and "cafe" finds
"café". The reader's text is turned into FTS5 syntax by `parse_query`, never passed on.

One index per language: `SearchIndex(guide, lang="es")` indexes the keys of the text
(folded and stemmed by `spinetui.search.forms`, since FTS5 stems only English) and
keeps the original text beside them for titles and snippets, so a reader sees the
guide's own words marked ("cirugia" finds and marks "cirugía").
"""

from __future__ import annotations

import sqlite3
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from operator import itemgetter
from typing import Literal

from spinetui.model.types import Guide
from spinetui.search.forms import (
    WordForms,
    carry_marks,
    key_starts,
    snippet,
    word_spans,
    words_with_spans,
)
from spinetui.search.plain import article_sections
from spinetui.search.query import MATCH_END, MATCH_START, SearchQuery, parse_query

# bm25 column weights: title, heading, text.
TITLE_WEIGHT = 10.0
HEADING_WEIGHT = 4.0
TEXT_WEIGHT = 1.0
SNIPPET_TOKENS = 14
DEFAULT_LIMIT = 20

Kind = Literal["article", "comparison", "glossary"]


@dataclass(frozen=True, slots=True)
class Place:
    """Where a result leads: an article section, a comparison cell or a glossary term."""

    kind: Kind
    article_id: str | None = None
    anchor: str | None = None
    attribute_id: str | None = None
    treatment_id: str | None = None
    term_id: str | None = None


@dataclass(frozen=True, slots=True)
class Marked:
    """Text with the spans (start, end) that matched the query."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class SearchResult:
    place: Place
    title: Marked  # article title, comparison row label or glossary term
    heading: Marked  # section heading, treatment name or the term's aliases; may be empty
    snippet: Marked  # a few words around the best match
    more: int = 0  # other matches in the same article (or the same treatment's cells)


@dataclass(frozen=True, slots=True)
class SearchOutcome:
    query: SearchQuery
    results: tuple[SearchResult, ...]
    total: int  # results found, before the limit
    # No place had every word, so these are places with some of them.
    some_words_only: bool = False


def _clean(text: str) -> str:
    # The match markers must not occur in content, or snippets would mark the wrong words.
    text = unicodedata.normalize("NFC", text)
    if MATCH_START in text or MATCH_END in text:
        text = text.replace(MATCH_START, "").replace(MATCH_END, "")
    return text


def parse_marked(text: str) -> Marked:
    """Split FTS5 output with match markers into plain text and matched spans."""
    if MATCH_START not in text:
        return Marked(text.replace(MATCH_END, ""))
    first, *pieces = text.split(MATCH_START)
    plain = [first.replace(MATCH_END, "")]
    length = len(plain[0])
    spans: list[tuple[int, int]] = []
    for piece in pieces:
        marked, _, rest = piece.partition(MATCH_END)
        rest = rest.replace(MATCH_END, "")
        if marked:
            spans.append((length, length + len(marked)))
        plain += (marked, rest)
        length += len(marked) + len(rest)
    return Marked("".join(plain), tuple(spans))


Marks3 = tuple[Marked, Marked, Marked]  # a result's title, heading and snippet


def _chunks(rowids: list[int], size: int = 500) -> Iterator[list[int]]:
    # SQLite allows a few thousand parameters per statement; a caller's limit may not.
    for start in range(0, len(rowids), size):
        yield rowids[start : start + size]


class SearchIndex:
    """An in-memory FTS5 index of one guide. Safe to query from any thread (one at a time)."""

    def __init__(self, guide: Guide, lang: str = "en") -> None:
        self.lang = lang
        self._forms = WordForms(lang)
        # Outside English the table holds keys; the text they came from is kept here.
        self._originals: list[tuple[str, str, str]] = []
        self._key_text = self._forms.key_text_function() if self._forms.stems else None
        self._places: list[Place] = []
        # Rows of one article (or one treatment's comparison cells) share a group and
        # are shown as one result; a glossary row is a group of its own.
        self._groups: list[object] = []
        self._summaries: dict[str, str] = {}
        self._top_anchor: dict[str, str | None] = {}
        self._lock = threading.Lock()
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute("PRAGMA temp_store = MEMORY")
        self._db.execute(
            "CREATE VIRTUAL TABLE entries USING fts5("
            f"title, heading, body, tokenize = '{self._forms.tokenizer}')"
        )
        rows = list(self._rows(guide))
        self._db.executemany(
            "INSERT INTO entries (rowid, title, heading, body) VALUES (?, ?, ?, ?)", rows
        )
        self._db.commit()
        self._key_text = None  # its memory of words is only needed while building

    def __len__(self) -> int:
        return len(self._places)

    # ------------------------------------------------------------- building
    def _add(
        self, place: Place, group: object, title: str, heading: str, body: str
    ) -> tuple[int, str, str, str]:
        rowid = len(self._places)
        self._places.append(place)
        self._groups.append(rowid if group is None else group)
        texts = (_clean(title), _clean(heading), _clean(body))
        if self._key_text is None:
            return (rowid, *texts)
        self._originals.append(texts)
        key_text = self._key_text
        return (rowid, key_text(texts[0]), key_text(texts[1]), key_text(texts[2]))

    def _rows(self, guide: Guide) -> Iterator[tuple[int, str, str, str]]:
        for article in guide.reading_order() or list(guide.articles.values()):
            group = ("article", article.id)
            self._summaries[article.id] = _clean(article.summary)
            sections = article_sections(article)
            self._top_anchor[article.id] = sections[0].anchor if sections else None
            for number, section in enumerate(sections):
                body = section.text
                if number == 0 and article.summary:
                    body = f"{article.summary} {body}"
                yield self._add(
                    Place("article", article.id, section.anchor),
                    group,
                    article.title,
                    section.heading,
                    body,
                )
        table = guide.comparison
        for attribute in table.attributes:
            for treatment in table.treatments:
                cell = table.cell(attribute.id, treatment.id)
                if cell is None or not cell.text:
                    continue
                yield self._add(
                    Place(
                        "comparison",
                        treatment.article,
                        attribute.anchor,
                        attribute_id=attribute.id,
                        treatment_id=treatment.id,
                    ),
                    ("comparison", treatment.id),
                    # The row is what a reader looks for ("cost"); the treatment's name
                    # is a heading so that its article, not eight cells, tops a search
                    # for the treatment.
                    attribute.label,
                    treatment.name,
                    cell.text,
                )
        for term in guide.glossary.values():
            yield self._add(
                Place("glossary", term.article, term_id=term.id),
                None,
                term.term,
                ", ".join(term.aliases),
                term.definition,
            )

    # ------------------------------------------------------------ searching
    def search(self, text: str, limit: int = DEFAULT_LIMIT) -> SearchOutcome:
        """The best place in each matching article (or group), best first. Never raises."""
        query = parse_query(text, self.lang)
        if not query:
            return SearchOutcome(query, (), 0)
        with self._lock:
            try:
                return self._search(query, limit)
            except sqlite3.Error:
                # parse_query only produces quoted strings, so this is not expected;
                # a reader still gets "no results" rather than a crash.
                return SearchOutcome(query, (), 0)

    def _search(self, query: SearchQuery, limit: int) -> SearchOutcome:
        # The query as typed usually matches: count its matches at once, and look for a
        # looser expression only when it finds nothing.
        expression, some_words_only = query.fts(), False
        matches = self._matches_per_group(expression)
        if not matches:
            found = self._expression_with_matches(query, skip_first=True)
            if found is None:
                return SearchOutcome(query, (), 0)
            expression, some_words_only = found
            matches = self._matches_per_group(expression)
        groups = self._groups
        shown = self._best_rows(expression, max(0, limit), len(matches))
        marked = self._marked_rows(expression, shown)
        titled = self._rows_matching(f"title : ({expression})", shown)
        results: list[SearchResult] = []
        for rowid in shown:
            place = self._places[rowid]
            result = SearchResult(place, *marked[rowid], matches[groups[rowid]] - 1)
            if place.kind == "article" and rowid in titled:
                result = self._whole_article(result)
            results.append(result)
        return SearchOutcome(query, tuple(results), len(matches), some_words_only)

    def _matches_per_group(self, expression: str) -> Counter[object]:
        """How many rows of each group match (counted in C: a query may match 30,000)."""
        rows = self._db.execute("SELECT rowid FROM entries WHERE entries MATCH ?", (expression,))
        return Counter(map(self._groups.__getitem__, map(itemgetter(0), rows)))

    def _best_rows(self, expression: str, limit: int, groups_found: int) -> list[int]:
        """The best row of each of the `limit` best groups, best first.

        SQLite keeps only the best few rows while FTS5 scores every match (a
        "LIMIT" beside "ORDER BY bm25"; FTS5's own "ORDER BY rank" sorts all of them,
        with their positions). Rows of one article come in runs, so a few times
        `limit` rows hold `limit` groups; if not, more are asked for. Ties go to the
        earlier row, as FTS5's own order has them.
        """
        wanted = min(limit, groups_found)
        if wanted <= 0:
            return []
        rows = max(8 * limit, 64)
        while True:
            shown: list[int] = []
            seen: set[object] = set()
            read = 0
            for (rowid,) in self._db.execute(
                "SELECT rowid FROM entries WHERE entries MATCH ? "
                "ORDER BY bm25(entries, ?, ?, ?), rowid LIMIT ?",
                (expression, TITLE_WEIGHT, HEADING_WEIGHT, TEXT_WEIGHT, rows),
            ):
                read += 1
                group = self._groups[rowid]
                if group not in seen:
                    seen.add(group)
                    shown.append(rowid)
                    if len(shown) >= wanted:
                        return shown
            if read < rows:
                return shown  # every match was read
            rows *= 4

    def _marked_rows(self, expression: str, rowids: list[int]) -> dict[int, Marks3]:
        """Title, heading and snippet of these rows, with the matched words marked."""
        # Keys are marked in full and carried back to the original's words (_from_keys).
        body = (
            "highlight(entries, 2, ?1, ?2)"
            if self._originals
            else ("snippet(entries, 2, ?1, ?2, '…', ?3)")
        )
        marked: dict[int, Marks3] = {}
        # "+rowid": one pass over the matches, filtered here. A plain "rowid IN" would
        # make FTS5 look the expression up again for each row, and looking up a prefix
        # ("numb"*) merges the lists of every word it starts.
        for chunk in _chunks(rowids):
            for rowid, title, heading, text in self._db.execute(
                "SELECT rowid, highlight(entries, 0, ?1, ?2), highlight(entries, 1, ?1, ?2), "
                f"{body} FROM entries WHERE entries MATCH ?4 AND +rowid IN "
                f"({', '.join('?' * len(chunk))})",
                (MATCH_START, MATCH_END, SNIPPET_TOKENS, expression, *chunk),
            ):
                if self._originals:
                    marked[rowid] = self._from_keys(rowid, title, heading, text)
                else:
                    marked[rowid] = (parse_marked(title), parse_marked(heading), parse_marked(text))
        return marked

    def _rows_matching(self, expression: str, rowids: list[int]) -> set[int]:
        found: set[int] = set()
        for chunk in _chunks(rowids):
            found.update(
                rowid
                for (rowid,) in self._db.execute(
                    "SELECT rowid FROM entries WHERE entries MATCH ? AND +rowid IN "
                    f"({', '.join('?' * len(chunk))})",
                    (expression, *chunk),
                )
            )
        return found

    def _expression_with_matches(
        self, query: SearchQuery, *, skip_first: bool = False
    ) -> tuple[str, bool] | None:
        """The first expression that matches anything: as typed; with the last word
        cut back towards its stem; then any of the words, not all of them."""
        candidates = [query.fts()]
        candidates += [query.fts(last_word=word) for word in query.shorter_last_words()]
        if len(query.phrases) > 1:
            # A question typed as a sentence rarely has every word in one place.
            candidates.append(query.fts(any_phrase=True))
        for number, expression in enumerate(candidates):
            if number == 0 and skip_first:
                continue  # already found to match nothing
            if self._db.execute(
                "SELECT 1 FROM entries WHERE entries MATCH ? LIMIT 1", (expression,)
            ).fetchone():
                return expression, len(query.phrases) > 1 and number == len(candidates) - 1
        return None

    def _from_keys(self, rowid: int, title: str, heading: str, body: str) -> Marks3:
        """Title, heading and snippet of a row in the original text, with the words
        marked that FTS5 marked in their keys."""
        marked: list[Marked] = []
        for number, (original, keys) in enumerate(
            zip(self._originals[rowid], (title, heading, body), strict=True)
        ):
            in_keys = parse_marked(keys)
            words = list(words_with_spans(original))
            marks = carry_marks(in_keys.spans, key_starts(in_keys.text))
            if number < 2:
                marked.append(Marked(original, word_spans(marks, words)))
            else:
                marked.append(Marked(*snippet(original, words, marks, SNIPPET_TOKENS)))
        return marked[0], marked[1], marked[2]

    def _whole_article(self, result: SearchResult) -> SearchResult:
        """Every word of the query is in the article's title: the reader is looking for
        the article itself, so the result opens it at the top and shows its summary."""
        article_id = result.place.article_id or ""
        return SearchResult(
            Place("article", article_id, self._top_anchor.get(article_id)),
            result.title,
            Marked(""),
            Marked(self._summaries.get(article_id, "")),
            result.more,
        )

    def close(self) -> None:
        self._db.close()
