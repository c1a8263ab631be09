"""Load, clean and check a content folder (see docs/content-format.md).

:func:`load_guide` never raises for bad content. Everything wrong becomes a
:class:`Problem` with the file (relative, POSIX), the 1-based line where known, and a
message written for clinic staff; the rest of the guide still loads.

Each content file has its own module (``manifest``, ``sources``, ``glossary``,
``articles``, ``comparison``, ``outcomes``; ``links`` for the checks that need every
article's headings), all built on ``_entries``. This module puts them in order: the
first stage (everything but the article bodies) and the second (``scan_and_check``).
"""

from __future__ import annotations

import dataclasses
import threading
from functools import partial
from pathlib import Path

from spinetui.model import outcomes as outcomes_file
from spinetui.model import sources as sources_module
from spinetui.model._entries import Context
from spinetui.model._read import MAX_ARTICLE_BYTES, MAX_YAML_BYTES
from spinetui.model._read import Reader as _Reader
from spinetui.model._read import guarded as _guarded
from spinetui.model._scan import scan_body, too_deep_lines
from spinetui.model.articles import (
    ARTICLE_KINDS,
    add_draft,
    article_files,
    build_articles,
    load_article,
)
from spinetui.model.articles import Draft as _Draft
from spinetui.model.comparison import Comparison, load_comparison
from spinetui.model.glossary import check_articles, load_glossary
from spinetui.model.links import check_anchors, check_links, unquote
from spinetui.model.manifest import UNTITLED, Manifest, load_manifest
from spinetui.model.sources import load_sources
from spinetui.model.stages import complete_guide, is_complete
from spinetui.model.types import (
    OTHER_SECTION,
    UNKNOWN_DATE,
    Article,
    ArticleText,
    GlossaryTerm,
    Guide,
    Heading,
    Outcome,
    Problem,
    Source,
)

__all__ = [
    "complete_guide",
    "is_complete",
    "ARTICLE_KINDS",
    "MAX_ARTICLE_BYTES",
    "MAX_YAML_BYTES",
    "OTHER_SECTION",
    "UNKNOWN_DATE",
    "UNTITLED",
    "_Reader",
    "load_guide",
    "load_guide_quickly",
    "unquote",
]


class _Loader:
    def __init__(self, root: Path, sources_file: str = sources_module.REL) -> None:
        self.cx = Context(root)
        self.p = self.cx.p
        self.root = root
        # Where the bibliography is, relative to root: a language tree (content/es)
        # shares its parent's, "../sources.yaml", and its problems name that file.
        self.sources_file = sources_file
        self.comparison = Comparison()
        self._outcome_ids: set[str] = set()  # every id in outcomes.yaml, usable or not

    def load(self) -> Guide:
        cx, p = self.cx, self.p
        manifest = _guarded(p, "guide.yaml", lambda: load_manifest(cx)) or Manifest()
        sources = _guarded(p, self.sources_file, lambda: load_sources(cx, self.sources_file)) or {}
        glossary, glossary_article_lines = _guarded(
            p, "glossary.yaml", lambda: load_glossary(cx)
        ) or ({}, {})

        drafts: dict[str, _Draft] = {}
        for rel in _guarded(p, "articles", lambda: article_files(cx)) or ():
            draft = _guarded(p, rel, partial(load_article, cx, rel))
            if draft is not None:
                add_draft(cx, drafts, draft)

        self.comparison = (
            _guarded(p, "comparison.yaml", lambda: load_comparison(cx, drafts, sources))
            or Comparison()
        )
        comparison = self.comparison.table
        outcomes = _guarded(p, outcomes_file.REL, lambda: self.load_outcomes(sources)) or {}

        # Sections: from guide.yaml, or (when it is unusable) from the articles.
        sections, articles = build_articles(cx, drafts, manifest.sections, sources)
        check_articles(cx, glossary, glossary_article_lines, articles)

        home = manifest.home
        if home is not None and not cx.refers(
            home,
            articles,
            "guide.yaml",
            manifest.home_line,
            "'home' is '{name}', but there is no article with that id{hint}",
            field="home",
        ):
            home = None

        problems = sorted(p.items, key=_problem_order)
        guide = Guide(
            root=self.root,
            title=manifest.title,
            version=manifest.version,
            reviewed=manifest.reviewed,
            sections=tuple(sections),
            articles=articles,
            sources=sources,
            glossary=glossary,
            comparison=comparison,
            outcomes=outcomes,
            problems=problems,
            home=home,
        )
        if drafts:
            guide._pending = _Finisher(self, guide, drafts)
        return guide

    def load_outcomes(self, sources: dict[str, Source]) -> dict[str, Outcome]:
        options = {t.id for t in self.comparison.table.treatments}
        outcomes, self._outcome_ids = outcomes_file.load_outcomes(self.cx, sources, options)
        outcomes_file.check_cells(
            self.cx, self.comparison.cell_outcomes, outcomes, self._outcome_ids
        )
        return outcomes

    def scan_draft(self, draft: _Draft) -> None:
        """Find the body's headings and links (and what is wrong with them)."""
        rel, body, body_line = draft.path, draft.body, draft.body_line
        raw_headings, links = scan_body(body)
        for deep in too_deep_lines(body):
            self.p.warn(
                rel,
                body_line + deep,
                "lists or quotes are nested too deeply here (more than 100 levels); "
                "the text inside them is not shown",
            )
        headings = tuple(
            Heading(level, h_text, anchor, line) for level, h_text, anchor, line in raw_headings
        )
        seen: dict[str, int] = {}
        for h in headings:
            if h.anchor in seen:
                self.p.warn(
                    rel,
                    body_line + h.source_line,
                    f"heading anchor '{h.anchor}' is used twice (also on line {body_line + seen[h.anchor]}); links go to the first",
                )
            else:
                seen[h.anchor] = h.source_line
        draft.headings = headings
        draft.links = links

    def check_anchors(self, drafts: dict[str, _Draft]) -> None:
        check_anchors(self.cx, self.comparison.anchors, drafts)

    def check_links(
        self,
        draft: _Draft,
        drafts: dict[str, _Draft],
        sources: dict[str, Source],
        glossary: dict[str, GlossaryTerm],
    ) -> None:
        check_links(self.cx, draft, drafts, sources, glossary)

    def check_outcome_blocks(self, draft: _Draft, outcomes: dict[str, Outcome]) -> None:
        outcomes_file.check_blocks(
            self.cx, draft.path, draft.body, draft.body_line, outcomes, self._outcome_ids
        )

    def scan_and_check(self, guide: Guide, drafts: dict[str, _Draft]) -> None:
        """The second stage: every body's headings, then the checks that need them."""
        first_new = len(self.p.items)
        for d in drafts.values():
            _guarded(self.p, d.path, partial(self.scan_draft, d))
        _guarded(self.p, "comparison.yaml", lambda: self.check_anchors(drafts))
        sources, glossary = guide.sources, guide.glossary
        for d in drafts.values():
            _guarded(self.p, d.path, partial(self.check_links, d, drafts, sources, glossary))
            _guarded(self.p, d.path, partial(self.check_outcome_blocks, d, guide.outcomes))
        # Same keys, new values: the dict never changes size under a reader.
        guide.articles.update(
            {
                d.id: _with_headings(guide.articles[d.id], d.headings)
                for d in drafts.values()
                if d.headings and d.id in guide.articles
            }
        )
        # Stable sort of the first stage's (sorted) problems then these: the same order
        # as sorting everything at once.
        guide.problems[:] = sorted([*guide.problems, *self.p.items[first_new:]], key=_problem_order)


def _problem_order(problem: Problem) -> tuple[str, int]:
    return (problem.file, problem.line or 0)


class _Finisher:
    """The second stage of a quick load: builds the completed guide once, from any
    thread, and leaves the quick guide as it was (see :func:`complete_guide`)."""

    def __init__(self, loader: _Loader, guide: Guide, drafts: dict[str, _Draft]) -> None:
        self._lock = threading.Lock()
        self._work: tuple[_Loader, Guide, dict[str, _Draft]] | None = (loader, guide, drafts)
        self._done: Guide | None = None

    def __call__(self) -> Guide:
        with self._lock:
            if self._done is not None:
                return self._done
            assert self._work is not None
            loader, quick, drafts = self._work
            # A new guide: its own articles and problems, so whoever holds the quick
            # guide (the first screen) never sees it change under them.
            guide = dataclasses.replace(
                quick, articles=dict(quick.articles), problems=list(quick.problems)
            )
            try:
                loader.scan_and_check(guide, drafts)
            except Exception as exc:  # noqa: BLE001 - bad content must never stop loading
                problem = Problem(
                    "articles", None, f"could not be checked: {type(exc).__name__}: {exc}"
                )
                guide.problems[:] = sorted([*guide.problems, problem], key=_problem_order)
            self._done, self._work = guide, None
            return guide


def load_guide(root: Path, *, sources_file: str = sources_module.REL) -> Guide:
    """Load, clean and check the content folder at ``root``. Never raises for bad content.

    ``sources_file`` is the bibliography's path relative to ``root`` (a language tree
    passes ``"../sources.yaml"``: see :mod:`spinetui.model.languages`)."""
    return complete_guide(load_guide_quickly(root, sources_file=sources_file))


def load_guide_quickly(root: Path, *, sources_file: str = sources_module.REL) -> Guide:
    """Load what the first screen needs; leave the rest to :func:`complete_guide`.

    Everything but the articles' headings and the problems found by scanning their
    bodies (links, anchors, nesting) is loaded and checked. ``complete_guide`` scans
    the bodies and returns a new guide with them. The reader has it built after its
    first paint (``spinetui.services.Services``), and waits for it before anything
    that needs headings or problems.
    """
    root = Path(root)
    try:
        resolved = root.resolve()
    except (OSError, RuntimeError):
        resolved = root
    if not resolved.is_dir():
        problem = Problem(".", None, f"the content folder {root} does not exist or is not a folder")
        return Guide(
            root=root,
            title=UNTITLED,
            version="",
            reviewed=None,
            sections=(),
            articles={},
            problems=[problem],
        )
    return _Loader(resolved, sources_file).load()


def _with_headings(article: Article, headings: tuple[Heading, ...]) -> Article:
    return article._replace(text=ArticleText(article.body, headings))
