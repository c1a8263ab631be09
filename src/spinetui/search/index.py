"""Full-text search over a guide: article sections, comparison cells, glossary entries.

SQLite FTS5 tables in memory (nothing is written to disk: no index file, no query
history). In `entries` each row is one place a reader can be taken to; its three text
columns are weighted by bm25 so a match in a title counts more than one in a heading,
and a heading more than running text. Its rowid says which result the row belongs to
(`GROUP_BITS`): the rows of one article, or of one treatment's comparison cells, share
the high bits, so SQLite itself counts the articles a query finds. A small second
table, `titles`, holds one row per article (its title) and the comparison and glossary
rows: ranking starts there (see `_ranked`), so a query whose words are in twenty
titles is answered without scoring its thousands of mentions in running text. The tokenizer stems English (porter) on top of
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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
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
# rowid = group number << GROUP_BITS | the row's number in its group (an article with
# more than a million sections is cut off there).
GROUP_BITS = 20
_GROUP_ROWS = (1 << GROUP_BITS) - 1
# Matching rows counted before a result count becomes "at least" (see _count_groups).
COUNT_ROWS = 2_000

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
    # Found by the quick scan while the index is built (`spinetui.search.scan`): the
    # words as typed, in the guide's order; ranked results replace them.
    exact_only: bool = False
    # `total` is a lower bound: a full page of title matches (only those were counted),
    # or more than COUNT_ROWS matching places.
    at_least: bool = False


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


def _ints(numbers: Iterable[int]) -> str:
    """Our own row and group numbers as SQL text (ints only: nothing a reader typed)."""
    return ", ".join(str(int(number)) for number in numbers)


def table_and_glossary(guide: Guide) -> Iterator[tuple[Place, object, str, str, str]]:
    """The comparison's cells and the glossary's entries as places to search: (place,
    group, title, heading, text). A treatment's cells share a group; a term is one alone."""
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
            # The row is what a reader looks for ("cost"); the treatment's name is a
            # heading so that its article, not eight cells, tops a search for it.
            yield place, ("comparison", treatment.id), attribute.label, treatment.name, cell.text
    for term in guide.glossary.values():
        place = Place("glossary", term.article, term_id=term.id)
        yield place, None, term.term, ", ".join(term.aliases), term.definition


class SearchIndex:
    """An in-memory FTS5 index of one guide. Safe to query from any thread (one at a time)."""

    def __init__(self, guide: Guide, lang: str = "en") -> None:
        self.lang = lang
        self._forms = WordForms(lang)
        # Outside English the tables hold keys; the text they came from is kept here.
        self._originals: dict[int, tuple[str, str, str]] = {}
        self._key_text = self._forms.key_text_function() if self._forms.stems else None
        self._places: dict[int, Place] = {}
        # Rows of one article (or one treatment's comparison cells) share a group and
        # are shown as one result; a glossary row is a group of its own.
        self._group_numbers: dict[object, int] = {}
        self._group_sizes: list[int] = []
        self._summaries: dict[str, str] = {}
        self._top_anchor: dict[str, str | None] = {}
        self._lock = threading.Lock()
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute("PRAGMA temp_store = MEMORY")
        for table in ("entries", "titles"):
            self._db.execute(
                f"CREATE VIRTUAL TABLE {table} USING fts5("
                f"title, heading, body, tokenize = '{self._forms.tokenizer}')"
            )
        entries: list[tuple[int, str, str, str]] = []
        titles: list[tuple[int, str, str, str]] = []
        for kind, row in self._rows(guide):
            entries.append(row)
            if kind != "article":
                titles.append(row)  # a comparison cell or a glossary entry, whole
            elif row[0] & _GROUP_ROWS == 0:
                titles.append((row[0], row[1], "", ""))  # an article's title, once
        insert = "INSERT INTO {} (rowid, title, heading, body) VALUES (?, ?, ?, ?)"
        self._db.executemany(insert.format("entries"), entries)
        self._db.executemany(insert.format("titles"), titles)
        self._db.commit()
        self._key_text = None  # its memory of words is only needed while building

    def __len__(self) -> int:
        return len(self._places)

    # ------------------------------------------------------------- building
    def _add(
        self, place: Place, group: object, title: str, heading: str, body: str
    ) -> tuple[Kind, tuple[int, str, str, str]]:
        number = self._group_numbers.get(group) if group is not None else None
        if number is None:
            number = len(self._group_sizes)
            self._group_sizes.append(0)
            if group is not None:
                self._group_numbers[group] = number
        in_group = self._group_sizes[number]
        if in_group > _GROUP_ROWS:
            return place.kind, (-1, "", "", "")  # past a million sections: not indexed
        self._group_sizes[number] = in_group + 1
        rowid = number << GROUP_BITS | in_group
        self._places[rowid] = place
        texts = (_clean(title), _clean(heading), _clean(body))
        if self._key_text is None:
            return place.kind, (rowid, *texts)
        self._originals[rowid] = texts
        key_text = self._key_text
        return place.kind, (rowid, key_text(texts[0]), key_text(texts[1]), key_text(texts[2]))

    def _rows(self, guide: Guide) -> Iterator[tuple[Kind, tuple[int, str, str, str]]]:
        for kind, row in self._all_rows(guide):
            if row[0] >= 0:
                yield kind, row

    def _all_rows(self, guide: Guide) -> Iterator[tuple[Kind, tuple[int, str, str, str]]]:
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
        for place, other, title, heading, text in table_and_glossary(guide):
            yield self._add(place, other, title, heading, text)

    # ------------------------------------------------------------ searching
    def search(self, text: str, limit: int = DEFAULT_LIMIT) -> SearchOutcome:
        """The best place in each matching article (or group), best first. Never raises."""
        query = parse_query(text, self.lang)
        if not query:
            return SearchOutcome(query, (), 0)
        with self._lock:
            try:
                return self._search(query, max(0, limit))
            except sqlite3.Error:
                # parse_query only produces quoted strings, so this is not expected;
                # a reader still gets "no results" rather than a crash.
                return SearchOutcome(query, (), 0)

    def _search(self, query: SearchQuery, limit: int) -> SearchOutcome:
        # The query as typed usually matches: rank its matches at once, and look for a
        # looser expression only when it finds nothing.
        expression, some_words_only = query.fts(), False
        shown, titled = self._ranked(expression, limit)
        if not shown and (limit > 0 or not self._matches(expression)):
            found = self._expression_with_matches(query, skip_first=True)
            if found is None:
                return SearchOutcome(query, (), 0)
            expression, some_words_only = found
            shown, titled = self._ranked(expression, limit)
        if limit and len(titled) >= limit:
            # A full page of title matches: the count of places with every word in
            # their title is a floor, and the sections are never looked at (a common
            # last word, matched as a prefix, costs a millisecond or more per look).
            total, at_least = self._count_titles(expression), True
        else:
            total, at_least = self._count_groups(expression)
        in_titles = [rowid for rowid in shown if rowid in titled]
        marked, per_group = self._marked_rows("titles", expression, in_titles)
        elsewhere = [rowid for rowid in shown if rowid not in titled]
        more_marked, more_per_group = self._marked_rows("entries", expression, elsewhere)
        marked.update(more_marked)
        per_group.update(more_per_group)
        results: list[SearchResult] = []
        for rowid in shown:
            place = self._places[rowid]
            group = rowid >> GROUP_BITS
            if place.kind == "article" and rowid in titled:
                # Every section of the article holds its title, so every one matches.
                more = self._group_sizes[group] - 1
                result = self._whole_article(SearchResult(place, *marked[rowid], more))
            else:
                result = SearchResult(place, *marked[rowid], per_group.get(group, 1) - 1)
            results.append(result)
        return SearchOutcome(
            query, tuple(results), max(total, len(results)), some_words_only, at_least=at_least
        )

    def _ranked(self, expression: str, limit: int) -> tuple[list[int], set[int]]:
        """The best row of each of the `limit` best groups, best first, and which of
        them have every word in their title.

        Places with every word in their title come first (the article about it, then
        its comparison rows and glossary terms), ranked by bm25 over the small
        `titles` table; the rest, only when those are fewer than `limit`, by bm25 over
        every section. Scoring only the titles is what keeps a common word quick: bm25
        costs in proportion to the rows it scores, and a word in 400 titles may be in
        30,000 sections. Within each part the order is bm25's, ties in reading order.
        """
        if limit <= 0:
            return [], set()
        titled = self._best_rows("titles", f"{{title}} : ({expression})", limit, set())
        shown = list(titled)
        if len(shown) < limit:
            seen = {rowid >> GROUP_BITS for rowid in shown}
            shown += self._best_rows("entries", expression, limit - len(shown), seen)
        return shown, set(titled)

    def _best_rows(self, table: str, expression: str, wanted: int, seen: set[int]) -> list[int]:
        """The best row of each of the `wanted` best groups not in `seen`, best first.

        SQLite keeps only the best few rows while FTS5 scores every match (a
        "LIMIT" beside "ORDER BY bm25"; FTS5's own "ORDER BY rank" sorts all of them,
        with their positions). Rows of one article come in runs, so a few times
        `wanted` rows hold `wanted` groups; if not, more are asked for. Ties go to the
        earlier row, as FTS5's own order has them.
        """
        rows = max(8 * wanted, 64)
        while True:
            shown: list[int] = []
            found = set(seen)
            read = 0
            for (rowid,) in self._db.execute(
                f"SELECT rowid FROM {table} WHERE {table} MATCH ? "
                f"ORDER BY bm25({table}, ?, ?, ?), rowid LIMIT ?",
                (expression, TITLE_WEIGHT, HEADING_WEIGHT, TEXT_WEIGHT, rows),
            ):
                read += 1
                group = rowid >> GROUP_BITS
                if group not in found:
                    found.add(group)
                    shown.append(rowid)
                    if len(shown) >= wanted:
                        return shown
            if read < rows:
                return shown  # every match was read
            rows *= 4

    def _matches(self, expression: str) -> bool:
        return (
            self._db.execute(
                "SELECT 1 FROM entries WHERE entries MATCH ? LIMIT 1", (expression,)
            ).fetchone()
            is not None
        )

    def _count_titles(self, expression: str) -> int:
        (groups,) = self._db.execute(
            f"SELECT count(DISTINCT rowid >> {GROUP_BITS}) FROM titles WHERE titles MATCH ?",
            (f"{{title}} : ({expression})",),
        ).fetchone()
        return int(groups or 0)

    def _count_groups(self, expression: str) -> tuple[int, bool]:
        """How many groups match, and whether that is only a lower bound: counting
        stops after COUNT_ROWS matching rows. Counting every match of a common word
        (30,000 rows at 10,000 articles) would cost more than the rest of the query."""
        rows, groups = self._db.execute(
            f"SELECT count(*), count(DISTINCT rowid >> {GROUP_BITS}) FROM "
            "(SELECT rowid FROM entries WHERE entries MATCH ? LIMIT ?)",
            (expression, COUNT_ROWS),
        ).fetchone()
        return int(groups or 0), int(rows or 0) >= COUNT_ROWS

    def _marked_rows(
        self, table: str, expression: str, rowids: list[int]
    ) -> tuple[dict[int, Marks3], dict[int, int]]:
        """Title, heading and snippet of these rows, with the matched words marked, and
        how many rows of each of their groups match."""
        marked: dict[int, Marks3] = {}
        per_group: dict[int, int] = {}
        if not rowids:
            return marked, per_group
        # Keys are marked in full and carried back to the original's words (_from_keys).
        body = (
            f"highlight({table}, 2, ?1, ?2)"
            if self._originals
            else (f"snippet({table}, 2, ?1, ?2, '…', ?3)")
        )
        shown = f"+rowid IN ({_ints(rowids)})"
        marks = ", ".join(
            f"CASE WHEN {shown} THEN {mark} END"
            for mark in (f"highlight({table}, 0, ?1, ?2)", f"highlight({table}, 1, ?1, ?2)", body)
        )
        # One pass over the matches, filtered here ("+": a plain "rowid IN" would make
        # FTS5 look the expression up again for each row, and looking up a prefix
        # ("numb"*) merges the lists of every word it starts). The marks are made only
        # for the rows shown (CASE), the other rows of their groups only counted.
        groups = _ints(sorted({rowid >> GROUP_BITS for rowid in rowids}))
        for rowid, title, heading, text in self._db.execute(
            f"SELECT rowid, {marks} FROM {table} "
            f"WHERE {table} MATCH ?4 AND +(rowid >> {GROUP_BITS}) IN ({groups})",
            (MATCH_START, MATCH_END, SNIPPET_TOKENS, expression),
        ):
            group = rowid >> GROUP_BITS
            per_group[group] = per_group.get(group, 0) + 1
            if title is None:
                continue  # another row of a shown group: counted only
            if self._originals:
                marked[rowid] = self._from_keys(rowid, title, heading, text)
            else:
                marked[rowid] = (parse_marked(title), parse_marked(heading), parse_marked(text))
        return marked, per_group

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
            if self._matches(expression):
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
