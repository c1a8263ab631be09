"""The guide cache's format: each model type as a tuple of plain values, and back.

Plain data only (tuples, strings, numbers, bytes; dates as ordinals), for marshal, and
rebuilt into the model's types here. Nothing in it is executed or names a class to
construct, unlike pickle. Textual-free.

Each article's text (body and headings, most of the data) is marshalled on its own and
the pieces joined into one bytes value; an article's text is decoded from its piece
the first time it is read (``ArticleText.later``). A start then builds one bytes value
instead of a thousand bodies and their headings, and the first screen decodes one
(1,000 articles: ~5 ms less of every start).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import marshal
from functools import partial
from pathlib import Path
from typing import Any

from spinetui.model import types as mt


def fields_of(cls: type) -> tuple[str, ...]:
    """A model type's field names: a dataclass's fields, or a named tuple's."""
    if dataclasses.is_dataclass(cls):
        return tuple(f.name for f in dataclasses.fields(cls))
    return tuple(getattr(cls, "_fields", ()))


def _date(value: dt.date | None) -> int | None:
    return None if value is None else value.toordinal()


def _undate(value: int | None) -> dt.date | None:
    return None if value is None else dt.date.fromordinal(value)


def _plain(obj: Any, names: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple(getattr(obj, name) for name in names)


def _names(cls: type) -> tuple[str, ...]:
    if not dataclasses.is_dataclass(cls):
        return fields_of(cls)
    return tuple(f.name for f in dataclasses.fields(cls) if f.init)


_SECTION, _HEADING, _TERM = _names(mt.Section), _names(mt.Heading), _names(mt.GlossaryTerm)
_TREATMENT, _ATTRIBUTE, _CELL, _OUTCOME = (
    _names(mt.Treatment),
    _names(mt.Attribute),
    _names(mt.Cell),
    _names(mt.Outcome),
)


def _encode_texts(articles: list[mt.Article]) -> tuple[bytes, list[tuple[int, int]]]:
    """Each article's (body, headings) marshalled, joined; and where each piece is."""
    pieces = [
        marshal.dumps((a.body, tuple(_plain(h, _HEADING) for h in a.headings))) for a in articles
    ]
    spans, end = [], 0
    for piece in pieces:
        spans.append((end, end + len(piece)))
        end += len(piece)
    return b"".join(pieces), spans


def _decode_text(texts: bytes, start: int, end: int) -> tuple[str, tuple[mt.Heading, ...]]:
    body, headings = marshal.loads(memoryview(texts)[start:end])
    return body, tuple([mt.Heading(*h) for h in headings])


def encode(guide: mt.Guide) -> tuple[Any, ...]:
    comparison = guide.comparison
    articles = list(guide.articles.values())
    texts, spans = _encode_texts(articles)
    return (
        str(guide.root),
        guide.title,
        guide.version,
        _date(guide.reviewed),
        tuple(_plain(s, _SECTION) for s in guide.sections),
        tuple(
            (
                a.id,
                a.title,
                a.section,
                a.order,
                a.summary,
                _date(a.reviewed),
                a.sources,
                a.path,
                a.body_line,
                a.kind,
                *span,  # of the article's text in `texts`, last below
            )
            for a, span in zip(articles, spans, strict=True)
        ),
        tuple(
            (
                s.id,
                s.title,
                s.year,
                _date(s.checked),
                s.authors,
                s.organisation,
                s.url,
                s.note,
                s.journal,
            )
            for s in guide.sources.values()
        ),
        tuple(_plain(t, _TERM) for t in guide.glossary.values()),
        (
            tuple(_plain(t, _TREATMENT) for t in comparison.treatments),
            tuple(_plain(a, _ATTRIBUTE) for a in comparison.attributes),
            tuple((key, _plain(c, _CELL)) for key, c in comparison.cells.items()),
        ),
        tuple(_plain(o, _OUTCOME) for o in guide.outcomes.values()),
        tuple((p.file, p.line, p.message, p.severity.value, p.field) for p in guide.problems),
        guide.home,
        texts,
    )


def decode(data: tuple[Any, ...]) -> mt.Guide:
    """The guide `encode` was given. Raises (TypeError, ValueError, ...) on bad data."""
    (root, title, version, reviewed, sections, articles, sources, glossary) = data[:8]
    (treatments, attributes, cells), outcomes, problems, home, texts = data[8:]
    if not isinstance(texts, bytes):
        raise TypeError("the articles' texts are not bytes")
    articles_by_id = {}
    end = 0
    later, text_of = mt.ArticleText.later, _decode_text
    for entry in articles:
        (aid, a_title, section, order, summary, a_reviewed, a_sources, path) = entry[:8]
        body_line, kind, start, stop = entry[8:]
        if start != end or type(stop) is not int or stop < start:
            raise ValueError("the articles' texts are not where the cache says")
        end = stop
        articles_by_id[aid] = mt.Article(
            aid,
            a_title,
            section,
            order,
            summary,
            dt.date.fromordinal(a_reviewed),
            a_sources,
            later(partial(text_of, texts, start, stop)),
            path,
            body_line,
            kind,
        )
    if end != len(texts):
        raise ValueError("the articles' texts are not where the cache says")
    return mt.Guide(
        root=Path(root),
        title=title,
        version=version,
        reviewed=_undate(reviewed),
        sections=tuple(mt.Section(*s) for s in sections),
        articles=articles_by_id,
        sources={
            s[0]: mt.Source(s[0], s[1], s[2], dt.date.fromordinal(s[3]), *s[4:]) for s in sources
        },
        glossary={t[0]: mt.GlossaryTerm(*t) for t in glossary},
        comparison=mt.ComparisonTable(
            tuple(mt.Treatment(*t) for t in treatments),
            tuple(mt.Attribute(*a) for a in attributes),
            {tuple(key): mt.Cell(*c) for key, c in cells},
        ),
        outcomes={o[0]: mt.Outcome(*o) for o in outcomes},
        problems=[mt.Problem(f, line, m, mt.Severity(s), fld) for f, line, m, s, fld in problems],
        home=home,
    )
