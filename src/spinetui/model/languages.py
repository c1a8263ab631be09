"""Content in other languages: ``content/<lang>/`` trees beside the English guide.

A language tree (for example ``content/es/``) is a content folder with the same ids
as the English one and no ``sources.yaml``: the bibliography is shared, read from the
parent folder. :func:`load_language` loads it and fills every piece it lacks (an
article, a comparison cell, a glossary term, an outcome dataset, ...) with the English
one, recording each so the app can say so in the reader's language.
:func:`missing_pieces` lists what a tree lacks against the English (and has that the
English does not), for ``spinetui check``.

Nothing here imports Textual.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

from spinetui.model.loader import complete_guide, load_guide
from spinetui.model.manifest import UNTITLED
from spinetui.model.types import (
    Article,
    ComparisonTable,
    GlossaryTerm,
    Guide,
    Outcome,
    Problem,
    Severity,
    Treatment,
)

ENGLISH = "en"
#: A language tree's folder name: an ISO 639-1 code.
LANG_CODE = re.compile(r"[a-z]{2}")
#: The shared bibliography, relative to a language tree.
SHARED_SOURCES = "../sources.yaml"

#: Each language's name, in English (for ``spinetui check``) and in itself (for menus).
LANGUAGE_NAMES: dict[str, tuple[str, str]] = {
    "en": ("English", "English"),
    "es": ("Spanish", "Español"),
}
#: What the app shows beside a piece that is shown in English, in the reader's language.
FALLBACK_NOTICES: dict[str, str] = {
    "es": "Esta parte aún no está en español; se muestra en inglés.",
}

#: The kinds of piece a language tree can lack (``Fallback.kind``).
FALLBACK_KINDS = ("section", "article", "treatment", "attribute", "cell", "term", "outcome")


@dataclass(frozen=True, slots=True)
class Fallback:
    """One piece shown in English because the language tree lacks it.

    ``id`` is the piece's id; for a cell it is ``"<attribute id>/<treatment id>"``
    (see :func:`cell_id`).
    """

    kind: str  # one of FALLBACK_KINDS
    id: str


def cell_id(attribute_id: str, treatment_id: str) -> str:
    """The ``Fallback.id`` of a comparison cell."""
    return f"{attribute_id}/{treatment_id}"


@dataclass(frozen=True, slots=True)
class LanguageGuide:
    """A guide in one language, English filling what it lacks.

    For English itself ``guide``, ``english`` and ``own`` are the same guide.
    """

    lang: str
    guide: Guide  # the language's guide, with English pieces where it has none
    english: Guide
    own: Guide  # the language tree as loaded, before English was added
    fallbacks: tuple[Fallback, ...] = ()  # in English order: sections, articles, ...
    _fallback_set: frozenset[Fallback] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_fallback_set", frozenset(self.fallbacks))

    def falls_back(self, kind: str, id: str) -> bool:
        """Whether that piece is shown in English (``kind`` from FALLBACK_KINDS;
        a cell's ``id`` from :func:`cell_id`)."""
        return Fallback(kind, id) in self._fallback_set

    @property
    def notice(self) -> str:
        """The sentence to show beside a piece in English ('' for English itself)."""
        if self.lang == ENGLISH:
            return ""
        return FALLBACK_NOTICES.get(self.lang, "This part is not translated yet; it is in English.")


def language_name(lang: str, *, native: bool = False) -> str:
    names = LANGUAGE_NAMES.get(lang)
    if names is None:
        return lang
    return names[1] if native else names[0]


def available_languages(root: Path) -> list[str]:
    """``"en"`` and then, sorted, each ``root/<lang>/`` that holds a ``guide.yaml``.

    A language folder that is a link is used only if it stays inside ``root`` (as the
    loader treats every other link in a content folder)."""
    found: list[str] = []
    try:
        resolved_root = Path(root).resolve()
        with os.scandir(root) as entries:
            for entry in entries:
                name = entry.name
                if name == ENGLISH or not LANG_CODE.fullmatch(name):
                    continue
                try:
                    if entry.is_symlink() and not Path(entry.path).resolve().is_relative_to(
                        resolved_root
                    ):
                        continue
                    if entry.is_dir() and (Path(entry.path) / "guide.yaml").is_file():
                        found.append(name)
                except (OSError, RuntimeError):
                    continue
    except (OSError, RuntimeError):
        pass
    return [ENGLISH, *sorted(found)]


def language_root(root: Path, lang: str) -> Path:
    """The folder of ``lang``'s tree (``root`` itself for English)."""
    if lang == ENGLISH:
        return Path(root)
    if not LANG_CODE.fullmatch(lang):
        raise ValueError(f"not a language code: {lang!r}")
    return Path(root) / lang


def load_language(root: Path, lang: str, *, english: Guide | None = None) -> LanguageGuide:
    """Load ``root/<lang>/`` with the shared bibliography, English filling the gaps.

    ``english`` is the already loaded English guide, if the caller has it. Never
    raises for bad content (a bad language code is a ValueError: it is not content).
    The language tree's own problems are in ``.guide.problems`` (paths relative to
    the language folder; the bibliography's as ``../sources.yaml``).
    """
    folder = language_root(root, lang)
    english = load_guide(Path(root)) if english is None else complete_guide(english)
    if lang == ENGLISH:
        return LanguageGuide(ENGLISH, english, english, english)
    own = load_guide(folder, sources_file=SHARED_SOURCES)
    merged, fallbacks = _merge(own, english)
    return LanguageGuide(lang, merged, english, own, tuple(fallbacks))


def _merge(own: Guide, en: Guide) -> tuple[Guide, list[Fallback]]:
    fallbacks: list[Fallback] = []

    def fell(kind: str, id: str) -> None:
        fallbacks.append(Fallback(kind, id))

    sections = _by_id(_ids(en.sections), _ids(own.sections), "section", fell)
    # An article or outcome shown from English keeps its real file's path, relative to
    # the language folder.
    articles = _by_id(en.articles, own.articles, "article", fell, english=_up)
    glossary = _by_id(en.glossary, own.glossary, "term", fell, join=_keep_link)
    outcomes = _by_id(en.outcomes, own.outcomes, "outcome", fell, english=_up)
    ec, oc = en.comparison, own.comparison
    treatments = _by_id(
        _ids(ec.treatments), _ids(oc.treatments), "treatment", fell, join=_keep_link
    )
    attributes = _by_id(_ids(ec.attributes), _ids(oc.attributes), "attribute", fell)
    cells = _by_id(ec.cells, oc.cells, "cell", fell, name=lambda key: cell_id(*key))
    comparison = ComparisonTable(tuple(treatments.values()), tuple(attributes.values()), cells)
    guide = Guide(
        root=own.root,
        title=own.title if own.title != UNTITLED else en.title,
        version=own.version or en.version,
        reviewed=own.reviewed or en.reviewed,
        sections=tuple(sections.values()),
        articles=articles,
        sources=own.sources or en.sources,
        glossary=glossary,
        comparison=comparison,
        outcomes=outcomes,
        problems=list(own.problems),
        home=own.home if own.home in articles else en.home,
    )
    return guide, fallbacks


_K = TypeVar("_K")
_T = TypeVar("_T")
_Linked = TypeVar("_Linked", GlossaryTerm, Treatment)
_Placed = TypeVar("_Placed", Article, Outcome)


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


_I = TypeVar("_I", bound=_Identified)


def _ids(pieces: Iterable[_I]) -> dict[str, _I]:
    return {piece.id: piece for piece in pieces}


def _by_id(
    en: Mapping[_K, _T],
    own: Mapping[_K, _T],
    kind: str,
    fell: Callable[[str, str], None],
    *,
    english: Callable[[_T], _T] | None = None,
    join: Callable[[_T, _T], _T] | None = None,
    name: Callable[[_K], str] = str,
) -> dict[_K, _T]:
    """Every English piece in the English order, the language's own where it has one
    (``join``-ed with the English one, if given) and else the English (through
    ``english``, if given; each recorded by ``fell``), then the pieces only the
    language has, in its order."""
    merged: dict[_K, _T] = {}
    for key, theirs in en.items():
        mine = own.get(key)
        if mine is None:
            merged[key] = theirs if english is None else english(theirs)
            fell(kind, name(key))
        else:
            merged[key] = mine if join is None else join(mine, theirs)
    merged.update({k: v for k, v in own.items() if k not in merged})
    return merged


def _up(piece: _Placed) -> _Placed:
    path = f"../{piece.path}"
    # An Article is a named tuple, an Outcome a dataclass (see model/types.py).
    return (
        dataclasses.replace(piece, path=path)
        if isinstance(piece, Outcome)
        else piece._replace(path=path)
    )


def _keep_link(mine: _Linked, theirs: _Linked) -> _Linked:
    # The language loader drops a link to an article only English has.
    if mine.article is None and theirs.article is not None:
        return mine._replace(article=theirs.article)
    return mine


def _warn(file: str, line: int | None, message: str) -> Problem:
    return Problem(file, line, message, Severity.WARNING)


def missing_pieces(en: Guide, other: Guide, lang: str = "es") -> list[Problem]:
    """What ``other`` (a language tree as loaded, without fallbacks) lacks against the
    English, what it has that the English does not, and articles whose heading anchors
    differ (the app switches language at the same section by anchor). Warnings; file
    names are relative to the language folder."""
    name = language_name(lang)
    out: list[Problem] = []
    en, other = complete_guide(en), complete_guide(other)

    def pair(
        kind: str,
        ids_en: Mapping[str, object],
        ids_other: Mapping[str, object],
        file: str | None,
        what: str,
    ) -> None:
        def where(piece: object) -> str:
            # file None: each article's own file.
            if file is None and isinstance(piece, Article):
                return piece.path
            return file or kind

        lacks = f"has no {name} version; the English is shown"
        extra = f"is not in the English {kind}; remove it or add it to the English"
        for ids, others, says in ((ids_en, ids_other, lacks), (ids_other, ids_en, extra)):
            for key, piece in ids.items():
                if key not in others:
                    out.append(_warn(where(piece), None, f"{what} '{key}' {says}"))

    pair("guide.yaml", _ids(en.sections), _ids(other.sections), "guide.yaml", "section")
    pair("guide", en.articles, other.articles, None, "article")
    ec, oc = en.comparison, other.comparison
    pair("comparison", _ids(ec.treatments), _ids(oc.treatments), "comparison.yaml", "option")
    pair("comparison", _ids(ec.attributes), _ids(oc.attributes), "comparison.yaml", "row")
    pair(
        "comparison",
        {cell_id(*k): v for k, v in ec.cells.items()},
        {cell_id(*k): v for k, v in oc.cells.items()},
        "comparison.yaml",
        "cell (row/option)",
    )
    pair("glossary", en.glossary, other.glossary, "glossary.yaml", "glossary term")
    pair("outcomes.yaml", en.outcomes, other.outcomes, "outcomes.yaml", "outcome dataset")

    for aid, article in other.articles.items():
        english = en.articles.get(aid)
        if english is not None:
            out.extend(_anchor_problems(english, article))
    return out


def _anchor_problems(en: Article, other: Article) -> list[Problem]:
    mine = [(h.level, h.anchor) for h in other.headings]
    theirs = [(h.level, h.anchor) for h in en.headings]
    if mine == theirs:
        return []
    for i, (a, b) in enumerate(zip(other.headings, en.headings, strict=False)):
        if (a.level, a.anchor) != (b.level, b.anchor):
            return [
                _warn(
                    other.path,
                    other.body_line + a.source_line,
                    f"heading {i + 1} has anchor '#{a.anchor}' (level {a.level}), but the English "
                    f"heading there ({en.path}:{en.body_line + b.source_line}) has '#{b.anchor}' "
                    f"(level {b.level}); end the heading with {{#{b.anchor}}}",
                )
            ]
    if len(mine) > len(theirs):
        extra = other.headings[len(theirs)]
        return [
            _warn(
                other.path,
                other.body_line + extra.source_line,
                f"has {len(mine)} headings, the English {en.path} {len(theirs)}; "
                f"'#{extra.anchor}' and any after it are not in the English",
            )
        ]
    gone = en.headings[len(mine)]
    return [
        _warn(
            other.path,
            None,
            f"has {len(mine)} headings, the English {en.path} {len(theirs)}; the heading "
            f"'#{gone.anchor}' ({en.path}:{en.body_line + gone.source_line}) and any after it are missing",
        )
    ]
