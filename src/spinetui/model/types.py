"""The content model: plain, immutable data loaded from a content folder.

Nothing here imports Textual; the UI reads these objects and never parses files.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import NamedTuple

# One heading type for the loader and the renderer (render.RenderHeading is the same).
from spinetui.i18n import _
from spinetui.markdown.types import Heading


class Severity(str, Enum):  # noqa: UP042 - keep (str, Enum): changing str() of members is not compatible
    ERROR = "error"
    WARNING = "warning"


# Controls, and the lone surrogates Python uses for the bytes of a file name that are
# not UTF-8 (U+DC80-U+DCFF stand for bytes 0x80-0xFF).
# Direction overrides, isolates and marks and other invisible format characters too
# (see model/clean.py): in a file name they would reorder or hide part of the line.
# Compiled on first use (the first problem made): not before the first paint.
@functools.cache
def _unprintable() -> re.Pattern[str]:
    return re.compile(
        "[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u180e\u200b-\u200f\u2028-\u202e"
        "\u2060-\u206f\ufeff\ufff9-\ufffb]"
    )


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in "\t\n\r":
        return " "
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _one_printable_line(text: str) -> str:
    unprintable = _unprintable()
    return unprintable.sub(_escape, text) if unprintable.search(text) else text


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the content, said plainly enough for clinic staff."""

    file: str  # path relative to the content folder, e.g. "articles/esi.md"
    line: int | None  # 1-based line in that file, when known
    message: str
    severity: Severity = Severity.ERROR
    field: str | None = None  # the front-matter / YAML field concerned, when known

    def __post_init__(self) -> None:
        # A problem is printed on one line of a terminal and quotes content and file
        # names, which are not cleaned like content text (a file may be called
        # "\x1b]0;x\x07.md"): tabs and newlines become spaces; other controls and
        # bytes that are not UTF-8 are written out as \xNN so the file can be found.
        object.__setattr__(self, "file", _one_printable_line(self.file))
        object.__setattr__(self, "message", _one_printable_line(self.message))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        label = "" if self.severity is Severity.ERROR else "warning: "
        return f"{where}: {label}{self.message}"


class Section(NamedTuple):
    id: str
    title: str


#: Section id given to articles whose section is missing or unknown. It cannot clash
#: with a real section id, which must start with a lowercase letter or digit.
OTHER_SECTION = Section("_other", "Other")
#: ``Article.reviewed`` when the date is missing or malformed (reported as a problem).
UNKNOWN_DATE = dt.date.min


class ArticleText:
    """An article's body and headings: as the loader found them, or still encoded.

    A guide from the cache leaves every article's text encoded until something reads
    it (the open article, the search index, a check): decoding all of them was most of
    reading the cache, and the first screen shows one. Equal when the texts are equal,
    however each is held. Safe to read from two threads under the GIL: both may decode
    it (to equal values), and the value is stored before the decoder is dropped, so a
    thread that finds no decoder finds the value.
    """

    __slots__ = ("_later", "_value")

    def __init__(self, body: str, headings: tuple[Heading, ...] = ()) -> None:
        self._value: tuple[str, tuple[Heading, ...]] | None = (body, headings)
        self._later: Callable[[], tuple[str, tuple[Heading, ...]]] | None = None

    @classmethod
    def later(cls, decode: Callable[[], tuple[str, tuple[Heading, ...]]]) -> ArticleText:
        """The text `decode()` gives, worked out the first time it is asked for."""
        text = cls.__new__(cls)
        text._value, text._later = None, decode
        return text

    @property
    def value(self) -> tuple[str, tuple[Heading, ...]]:
        value = self._value
        if value is None:
            later = self._later
            if later is None:  # another thread decoded it just now
                return self._value  # type: ignore[return-value]
            value = self._value = later()
            self._later = None  # the encoded pieces can go once every text is decoded
        return value

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ArticleText):
            return NotImplemented
        return self is other or self.value == other.value

    def __hash__(self) -> int:
        return hash(self.value)

    def __repr__(self) -> str:
        body, headings = self.value
        return f"ArticleText({body[:40]!r}…, {len(headings)} headings)"


class Article(NamedTuple):
    id: str
    title: str
    section: str
    order: float
    summary: str
    reviewed: dt.date
    sources: tuple[str, ...]
    text: ArticleText  # the body (cleaned Markdown, front matter removed) and headings
    path: str  # relative to the content folder
    body_line: int  # 1-based line in the file where the body starts
    kind: str = "info"

    @property
    def body(self) -> str:
        return self.text.value[0]

    @property
    def headings(self) -> tuple[Heading, ...]:
        return self.text.value[1]

    @property
    def anchors(self) -> frozenset[str]:
        return frozenset(h.anchor for h in self.headings)


class Source(NamedTuple):
    id: str
    title: str
    year: int | str
    checked: dt.date
    authors: str = ""
    organisation: str = ""
    url: str = ""
    note: str = ""
    journal: str = ""  # journal with volume and pages, e.g. "BMJ 2008;336:1355-1358"

    @property
    def citation(self) -> str:
        who = self.authors or self.organisation
        parts = [f"{who} ({self.year}).", f"{self.title}."]
        if self.journal:
            parts.append(f"{self.journal}.")
        if self.organisation and self.authors:
            parts.append(f"{self.organisation}.")
        if self.url:
            parts.append(self.url)
        # Translators: when the source's address was last checked; {date} is like 2026-12-01.
        parts.append(_("Checked {date}.").format(date=self.checked.isoformat()))
        return " ".join(parts)


class GlossaryTerm(NamedTuple):
    id: str
    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    article: str | None = None

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.term, *self.aliases)


class Treatment(NamedTuple):
    id: str
    name: str
    article: str | None = None


class Attribute(NamedTuple):
    id: str
    label: str
    anchor: str | None = None


EVIDENCE_LEVELS = ("high", "moderate", "low", "very-low")


class Cell(NamedTuple):
    text: str
    sources: tuple[str, ...] = ()
    evidence: str | None = None  # one of EVIDENCE_LEVELS
    outcomes: tuple[str, ...] = ()  # ids of Outcome datasets this cell sums up
    no_study: bool = False  # no study has measured this: the text says so, no sources


OUTCOME_KINDS = ("benefit", "harm", "other")
#: Denominators an outcome may use: 100 is drawn as a 10x10 icon array; larger ones are
#: for rare events, said in words ("about 1 in 10,000"), since nobody can count the dots.
OUTCOME_DENOMINATORS = (100, 1_000, 10_000, 100_000, 1_000_000)


# A dataclass, not a named tuple like the types above: its field `count` would hide
# tuple.count.
@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to a number of people like the reader: the data behind an icon array.

    Read as: "{count} in {per} people who had {group} {measure} ({time})", and beside
    it, when there was a comparison group, "{comparison_count} in {per} people who had
    {compared_with}".
    """

    id: str
    option: str  # a treatment id in the comparison table
    kind: str  # one of OUTCOME_KINDS
    measure: str  # what was counted, e.g. "had at least half of their leg pain go away"
    who: str  # who was studied
    time: str  # the time point, e.g. "1 month after the shot"
    per: int  # one of OUTCOME_DENOMINATORS
    group: str  # the treated group, e.g. "a steroid shot"
    count: int  # 0..per
    sources: tuple[str, ...]
    compared_with: str = ""  # the comparison group, e.g. "a shot of salt water"
    comparison_count: int | None = None  # 0..per, given exactly when compared_with is
    note: str = ""
    path: str = "outcomes.yaml"
    line: int | None = None

    @property
    def has_comparison(self) -> bool:
        return self.comparison_count is not None


@dataclass(frozen=True, slots=True)
class ComparisonTable:
    treatments: tuple[Treatment, ...] = ()
    attributes: tuple[Attribute, ...] = ()
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)  # (attribute, treatment)

    def cell(self, attribute_id: str, treatment_id: str) -> Cell | None:
        return self.cells.get((attribute_id, treatment_id))


@dataclass(slots=True)
class Guide:
    """A loaded, checked content folder. Problems found while loading travel with it."""

    root: Path
    title: str
    version: str
    reviewed: dt.date | None
    sections: tuple[Section, ...]
    articles: dict[str, Article]  # by id
    sources: dict[str, Source] = field(default_factory=dict)
    glossary: dict[str, GlossaryTerm] = field(default_factory=dict)
    comparison: ComparisonTable = field(default_factory=ComparisonTable)
    outcomes: dict[str, Outcome] = field(default_factory=dict)  # by id, in file order
    problems: list[Problem] = field(default_factory=list)
    home: str | None = None
    #: The second stage a quick load left for later: ``loader.complete_guide`` runs it
    #: and returns a new guide (this one is never changed by it).
    _pending: Callable[[], Guide] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def articles_in(self, section_id: str) -> list[Article]:
        found = [a for a in self.articles.values() if a.section == section_id]
        return sorted(found, key=_contents_order)

    def articles_by_section(self) -> dict[str, list[Article]]:
        """Each section id's ``articles_in``, all in one pass over the articles (asking
        for every section in turn scans them all once per section)."""
        found: dict[str, list[Article]] = {}
        for article in self.articles.values():
            found.setdefault(article.section, []).append(article)
        for listed in found.values():
            listed.sort(key=_contents_order)  # stable, as sorted() in articles_in
        return found

    def reading_order(self) -> list[Article]:
        """Every article, section by section, in the order of the contents."""
        by_section = self.articles_by_section()
        return [a for s in self.sections for a in by_section.get(s.id, ())]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]


def _contents_order(article: Article) -> tuple[float, str]:
    return (article.order, article.title)
