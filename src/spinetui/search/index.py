"""Full-text search over a guide: article sections, comparison cells, glossary entries.

One SQLite FTS5 table in memory (nothing is written to disk: no index file, no query
history). Each row is one place a reader can be taken to; its three text columns are
weighted by bm25 so a match in a title counts more than one in a heading, and a
heading more than running text. The tokenizer stems English (porter) on top of
unicode61 with accents folded, so "injection" finds "injections" and "cafe" finds
"café". The reader's text is turned into FTS5 syntax by `parse_query`, never passed on.
"""

from __future__ import annotations

import sqlite3
import threading
import unicodedata
from dataclasses import dataclass
from typing import Literal

from spinetui.model.types import Guide
from spinetui.search.plain import article_sections
from spinetui.search.query import MATCH_END, MATCH_START, SearchQuery, parse_query

# bm25 column weights: title, heading, text.
TITLE_WEIGHT = 10.0
HEADING_WEIGHT = 4.0
TEXT_WEIGHT = 1.0
SNIPPET_TOKENS = 14
DEFAULT_LIMIT = 40

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
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    start: int | None = None
    for ch in text:
        if ch == MATCH_START:
            start = length
        elif ch == MATCH_END:
            if start is not None and length > start:
                spans.append((start, length))
            start = None
        else:
            plain.append(ch)
            length += 1
    return Marked("".join(plain), tuple(spans))


class SearchIndex:
    """An in-memory FTS5 index of one guide. Safe to query from any one thread at a time."""

    def __init__(self, guide: Guide) -> None:
        self._places: list[Place] = []
        self._first_row: dict[str, int] = {}  # article id -> row of its opening section
        self._lock = threading.Lock()
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute("PRAGMA temp_store = MEMORY")
        self._db.execute(
            "CREATE VIRTUAL TABLE entries USING fts5("
            "title, heading, body, "
            "tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3')"
        )
        rows = list(self._rows(guide))
        self._db.executemany(
            "INSERT INTO entries (rowid, title, heading, body) VALUES (?, ?, ?, ?)", rows
        )
        self._db.commit()

    def __len__(self) -> int:
        return len(self._places)

    def _add(self, place: Place, title: str, heading: str, body: str) -> tuple[int, str, str, str]:
        self._places.append(place)
        return (len(self._places) - 1, _clean(title), _clean(heading), _clean(body))

    def _rows(self, guide: Guide):
        for article in guide.reading_order() or list(guide.articles.values()):
            self._first_row[article.id] = len(self._places)
            first = True
            for section in article_sections(article):
                body = section.text
                if first and article.summary:
                    body = f"{article.summary} {body}"
                first = False
                yield self._add(
                    Place("article", article.id, section.anchor),
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
                term.term,
                ", ".join(term.aliases),
                term.definition,
            )

    def search(self, text: str, limit: int = DEFAULT_LIMIT) -> SearchOutcome:
        """Best matches first; one result per article (its best section). Never raises."""
        query = parse_query(text)
        if not query:
            return SearchOutcome(query, (), 0)
        with self._lock:
            try:
                expression = query.fts()
                ranked = self._ranked(expression)
                some_words_only = not ranked and len(query.phrases) > 1
                if some_words_only:
                    # A question typed as a sentence rarely has every word in one place.
                    expression = query.fts(any_phrase=True)
                    ranked = self._ranked(expression)
                titled = {
                    rowid
                    for (rowid,) in self._db.execute(
                        "SELECT rowid FROM entries WHERE entries MATCH ?",
                        (f"title : ({expression})",),
                    )
                }
                order, extra = self._one_per_group(ranked, titled)
                shown = order[:limit]
                marked = self._marked(expression, shown)
            except sqlite3.Error:
                # parse_query only produces quoted strings, so this is not expected;
                # a reader still gets "no results" rather than a crash.
                return SearchOutcome(query, (), 0)
        results = []
        for rowid in shown:
            title, heading, snippet = marked[rowid]
            place = self._places[rowid]
            results.append(SearchResult(place, title, heading, snippet, extra.get(rowid, 0)))
        return SearchOutcome(query, tuple(results), len(order), some_words_only)

    def _ranked(self, expression: str) -> list[tuple[int]]:
        return self._db.execute(
            "SELECT rowid FROM entries WHERE entries MATCH ? ORDER BY bm25(entries, ?, ?, ?)",
            (expression, TITLE_WEIGHT, HEADING_WEIGHT, TEXT_WEIGHT),
        ).fetchall()

    def _one_per_group(
        self, ranked: list[tuple[int]], titled: set[int]
    ) -> tuple[list[int], dict[int, int]]:
        """Keep the best row of each article (and each treatment's comparison cells).

        The others are counted, not listed, so one long article cannot fill the list.
        When every word of the query is in an article's title the reader is looking
        for the article itself, so the result opens it at the top.
        """
        chosen: dict[tuple[str, str], int] = {}
        order: list[int] = []
        extra: dict[int, int] = {}
        for (rowid,) in ranked:
            place = self._places[rowid]
            if place.kind == "article" and place.article_id is not None:
                group = ("article", place.article_id)
            elif place.kind == "comparison" and place.treatment_id is not None:
                group = ("comparison", place.treatment_id)
            else:
                order.append(rowid)
                continue
            if group in chosen:
                kept = chosen[group]
                extra[kept] = extra.get(kept, 0) + 1
                continue
            if place.kind == "article" and rowid in titled:
                rowid = self._first_row.get(group[1], rowid)
            chosen[group] = rowid
            order.append(rowid)
        return order, extra

    def _marked(
        self, expression: str, rowids: list[int]
    ) -> dict[int, tuple[Marked, Marked, Marked]]:
        if not rowids:
            return {}
        holes = ",".join("?" * len(rowids))
        rows = self._db.execute(
            "SELECT rowid, highlight(entries, 0, ?, ?), highlight(entries, 1, ?, ?), "
            "snippet(entries, 2, ?, ?, '…', ?) "
            f"FROM entries WHERE entries MATCH ? AND rowid IN ({holes})",
            (
                MATCH_START,
                MATCH_END,
                MATCH_START,
                MATCH_END,
                MATCH_START,
                MATCH_END,
                SNIPPET_TOKENS,
                expression,
                *rowids,
            ),
        ).fetchall()
        return {
            rowid: (parse_marked(title), parse_marked(heading), parse_marked(snippet))
            for rowid, title, heading, snippet in rows
        }

    def close(self) -> None:
        self._db.close()
