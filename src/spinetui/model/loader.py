"""Load, clean and check a content folder (see docs/content-format.md).

:func:`load_guide` never raises for bad content. Everything wrong becomes a
:class:`Problem` with the file (relative, POSIX), the 1-based line where known, and a
message written for clinic staff; the rest of the guide still loads.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import os
import re
import stat
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote as _unquote

import yaml

from spinetui.decide import TOOL_IDS
from spinetui.model import outcomes as outcomes_file
from spinetui.model._fields import MISSING, Fields, Hinter, Problems, place, show
from spinetui.model._scan import Link, scan_body, too_deep_lines
from spinetui.model._yaml import (
    YAMLRefused,
    colon_repair,
    describe_yaml_error,
    line_of,
    parse_yaml,
)
from spinetui.model.clean import clean_text
from spinetui.model.types import (
    EVIDENCE_LEVELS,
    OTHER_SECTION,  # defined with the types, so the reader needs no loader import
    UNKNOWN_DATE,
    Article,
    Attribute,
    Cell,
    ComparisonTable,
    GlossaryTerm,
    Guide,
    Heading,
    Outcome,
    Problem,
    Section,
    Source,
    Treatment,
)

MAX_ARTICLE_BYTES = 8 * 1024 * 1024
MAX_YAML_BYTES = 2 * 1024 * 1024

UNTITLED = "Untitled guide"
ARTICLE_KINDS = ("treatment", "condition", "info")

_FM_OPEN = re.compile(r"---[ \t]*\n")
_FM_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")

_GUIDE_KEYS = {"title", "version", "reviewed", "home", "sections"}
_SECTION_KEYS = {"id", "title"}
_ARTICLE_KEYS = {"id", "title", "section", "order", "summary", "reviewed", "sources", "kind"}
_SOURCE_KEYS = {
    "id",
    "authors",
    "organisation",
    "year",
    "title",
    "journal",
    "url",
    "checked",
    "note",
}
_TERM_KEYS = {"id", "term", "aliases", "definition", "article"}
_COMPARISON_KEYS = {"treatments", "attributes", "cells"}
_TREATMENT_KEYS = {"id", "name", "article"}
_ATTRIBUTE_KEYS = {"id", "label", "anchor"}
_CELL_KEYS = {"text", "sources", "evidence", "outcomes", "no_study"}


def unquote(text: str) -> str:
    return _unquote(text) if "%" in text else text


# --------------------------------------------------------------------------- reading files


_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


class _Reader:
    def __init__(self, root: Path, problems: Problems) -> None:
        self.root = root
        self.p = problems

    def read(self, rel: str, limit: int, *, optional: bool = False) -> str | None:
        """Read, decode and clean one file. ``None`` (with a problem) if it can't be used.

        A missing ``optional`` file returns ``None`` with no problem.
        """
        path = self.root / rel
        try:
            info = path.lstat()
        except FileNotFoundError:
            if not optional:
                self.p.error(rel, None, "is missing")
            return None
        except OSError as exc:
            self.p.error(rel, None, f"could not be read: {exc.strerror or exc}")
            return None
        if stat.S_ISLNK(info.st_mode):
            target = self.inside_root(rel, path)
            if target is None:
                return None
            info = target.stat()
            path = target
        if stat.S_ISDIR(info.st_mode):
            self.p.error(rel, None, "is a folder, not a file")
            return None
        if not stat.S_ISREG(info.st_mode):
            self.p.error(rel, None, "is not a regular file")
            return None
        if info.st_size > limit:
            self.p.error(
                rel, None, f"is too large ({_size(info.st_size)}; the limit is {_size(limit)})"
            )
            return None
        try:
            # The file can be swapped between stat() and open(): opened without
            # blocking (a FIFO put in its place would wait for a writer for ever) and
            # without following a link put there, then checked again on the open file.
            fd = os.open(path, _OPEN_FLAGS)
            with open(fd, "rb") as handle:
                opened = os.fstat(handle.fileno())
                if not stat.S_ISREG(opened.st_mode):
                    self.p.error(rel, None, "is not a regular file")
                    return None
                size = opened.st_size
                # Ask for the size stat() gave, not the limit: read(8 MB) would
                # allocate 8 MB for every small file.
                data = handle.read(min(size, limit) + 1)
                if len(data) > size and len(data) <= limit:  # it grew: read on, to the cap
                    data += handle.read(limit + 1 - len(data))
        except PermissionError:
            self.p.error(rel, None, "could not be read: permission denied")
            return None
        except OSError as exc:
            self.p.error(rel, None, f"could not be read: {exc.strerror or exc}")
            return None
        if len(data) > limit:
            self.p.error(rel, None, f"is too large (the limit is {_size(limit)})")
            return None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            self.p.error(rel, line, f"is not valid UTF-8 text (byte {exc.start})")
            return None
        text = clean_text(text)
        if not text.strip():
            if optional:
                self.p.warn(rel, None, "is empty")
            else:
                self.p.error(rel, None, "is empty")
            return None
        return text

    def inside_root(self, rel: str, path: Path) -> Path | None:
        """Resolve a symbolic link; ``None`` (with a problem) unless it stays in the folder."""
        try:
            target = path.resolve(strict=True)
        except FileNotFoundError:
            self.p.error(rel, None, "is a link to a file that does not exist")
            return None
        except (OSError, RuntimeError):
            self.p.error(rel, None, "is a link that loops back on itself")
            return None
        if not target.is_relative_to(self.root):
            self.p.error(
                rel, None, "is a link to a file outside the content folder; it was not read"
            )
            return None
        return target

    def yaml(
        self, rel: str, text: str, line_offset: int = 0, suffix: str = "; the file is skipped"
    ) -> tuple[bool, Any]:
        """Parse YAML; ``(False, None)`` with a problem when it can't be used."""
        try:
            data, duplicates = parse_yaml(text, line_offset)
        except YAMLRefused as exc:
            self.p.error(rel, exc.line, str(exc) + suffix)
            return False, None
        except yaml.YAMLError as exc:
            line, message = describe_yaml_error(exc, line_offset)
            self.p.error(rel, line, message + suffix)
            return False, None
        except RecursionError:
            self.p.error(rel, None, "is nested too deeply to read" + suffix)
            return False, None
        for key, line, first in duplicates:
            self.p.warn(
                rel,
                line,
                f"'{key}' is given twice (also on line {first}); the last one is used",
                str(key),
            )
        return True, data


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


def _guarded(p: Problems, rel: str, work: Callable[[], Any]) -> Any:
    """Run ``work``; any unexpected exception becomes a problem about ``rel``."""
    try:
        return work()
    except Exception as exc:  # noqa: BLE001 - bad content must never stop loading
        p.error(rel, None, f"could not be read: {type(exc).__name__}: {exc}")
        return None


# --------------------------------------------------------------------------- drafts


@dataclasses.dataclass(slots=True)
class _Draft:
    """An article that has an id and a title; the rest is checked against the guide."""

    id: str
    title: str
    path: str
    line: int  # line of the id field
    section: str | None
    section_line: int | None
    order: float
    summary: str
    reviewed: dt.date
    sources: list[tuple[str, int | None]]
    kind: str
    body: str
    body_line: int
    headings: tuple[Heading, ...] = ()  # filled in by _Loader.scan_draft
    links: list[Link] = dataclasses.field(default_factory=list)


class _Loader:
    def __init__(self, root: Path) -> None:
        self.p = Problems()
        self.root = root
        self.reader = _Reader(root, self.p)
        self._hint = Hinter()
        # Comparison attributes whose anchor is checked once headings are known:
        # (attribute id, anchor, line, articles named by the treatments).
        self._anchor_checks: list[tuple[str, str, int | None, list[str]]] = []
        # Comparison cells naming outcome datasets, checked once outcomes.yaml is read:
        # (cell name, treatment id, [(outcome id, line)]).
        self._cell_outcomes: list[tuple[str, str, list[tuple[str, int | None]]]] = []
        self._outcome_ids: set[str] = set()  # every id in outcomes.yaml, usable or not

    # ----------------------------------------------------------------- guide.yaml

    def load_manifest(self) -> dict[str, Any]:
        rel = "guide.yaml"
        out: dict[str, Any] = {
            "title": UNTITLED,
            "version": "",
            "reviewed": None,
            "home": None,
            "home_line": None,
            "sections": None,
        }
        text = self.reader.read(rel, MAX_YAML_BYTES)
        if text is None:
            return out
        ok, data = self.reader.yaml(rel, text)
        if not ok:
            return out
        if not isinstance(data, dict):
            self.p.error(
                rel,
                getattr(data, "line", 1),
                "must be a list of 'field: value' lines (title, sections, ...)",
            )
            return out
        f = Fields(data, rel, self.p, "guide.yaml")
        f.unknown_keys(_GUIDE_KEYS)
        out["title"] = f.text("title") or UNTITLED
        version = data.get("version")
        if isinstance(version, float):
            self.p.warn(
                rel,
                f.line_of("version"),
                f"'version' should be in quotes (\"{version}\"), or trailing zeros are lost",
                "version",
            )
        out["version"] = f.text("version", required=False)
        out["reviewed"] = f.date("reviewed", required=False)
        if data.get("home") is not None:
            out["home"] = f.ident("home")
            out["home_line"] = f.line_of("home")
        out["sections"] = self.load_sections(data.get("sections", MISSING), f)
        return out

    def load_sections(self, value: Any, f: Fields) -> list[Section] | None:
        rel = f.file
        if value is MISSING or value is None:
            self.p.error(
                rel,
                f.line,
                "guide.yaml needs 'sections' (a list of sections, each with an id and a title)",
                "sections",
            )
            return None
        if not isinstance(value, list):
            self.p.error(
                rel,
                f.line_of("sections"),
                "'sections' must be a list of sections, each with an id and a title",
                "sections",
            )
            return None
        sections: list[Section] = []
        seen: dict[str, int | None] = {}
        for i, entry in enumerate(value):
            line = line_of(value, i, f.line_of("sections"))
            if not isinstance(entry, dict):
                self.p.error(
                    rel,
                    line,
                    f"each section needs an id and a title, not {show(entry)}",
                    "sections",
                )
                continue
            sf = Fields(entry, rel, self.p, f"section {i + 1}")
            sf.unknown_keys(_SECTION_KEYS)
            sid = sf.ident()
            title = sf.text("title")
            if sid is None:
                continue
            if sid in seen:
                self.p.error(
                    rel,
                    sf.line_of("id"),
                    f"section id '{sid}' is used twice (first on line {seen[sid]}); the first is kept",
                    "id",
                )
                continue
            seen[sid] = sf.line_of("id")
            sections.append(Section(sid, title or sid))
        if not sections:
            self.p.error(
                rel, f.line_of("sections"), "'sections' lists no usable sections", "sections"
            )
            return None
        return sections

    # ----------------------------------------------------------------- sources.yaml

    def load_sources(self) -> tuple[dict[str, Source], dict[str, str]]:
        rel = "sources.yaml"
        sources: dict[str, Source] = {}
        where: dict[str, str] = {}
        data = self._optional_list(rel, "sources")
        for i, entry in enumerate(data or ()):
            line = line_of(data, i, None)
            if not isinstance(entry, dict):
                self.p.error(
                    rel,
                    line,
                    f"each source must be a group of fields (id, title, ...), not {show(entry)}",
                )
                continue
            sid = entry.get("id")
            f = Fields(
                entry, rel, self.p, f"source '{sid}'" if isinstance(sid, str) else "a source"
            )
            f.unknown_keys(_SOURCE_KEYS)
            sid = f.ident()
            title = f.text("title")
            year = f.year()
            checked = f.date("checked")
            authors = f.text("authors", required=False)
            organisation = f.text("organisation", required=False)
            if not authors and not organisation:
                self.p.error(rel, f.line, f"{f.what} needs 'authors' or 'organisation'")
            journal = f.text("journal", required=False)
            url = f.text("url", required=False)
            if not url:
                self.p.error(
                    rel,
                    f.line,
                    f"{f.what} needs 'url': its DOI as https://doi.org/... or the official web "
                    "address, so a reader can find it",
                    "url",
                )
            elif not url.startswith(("https://", "http://")):
                self.p.warn(
                    rel,
                    f.line_of("url"),
                    f"'url' should start with https://, not {show(url)}",
                    "url",
                )
            note = f.text("note", required=False)
            if sid is None or not title:
                self.p.error(
                    rel, f.line, f"{f.what} is left out because it has no usable id or title"
                )
                continue
            here = place(rel, f.line_of("id"))
            if sid in sources:
                self.p.error(
                    rel,
                    f.line_of("id"),
                    f"source id '{sid}' is used twice (first at {where[sid]}); the first is kept",
                    "id",
                )
                continue
            where[sid] = here
            sources[sid] = Source(
                id=sid,
                title=title,
                year=year,
                checked=checked or UNKNOWN_DATE,
                authors=authors,
                organisation=organisation,
                url=url,
                note=note,
                journal=journal,
            )
        return sources, where

    def _optional_list(self, rel: str, what: str, *, warn_missing: bool = True) -> Any:
        text = self.reader.read(rel, MAX_YAML_BYTES, optional=True)
        if text is None:
            missing = not (self.root / rel).exists() and not (self.root / rel).is_symlink()
            if missing and warn_missing:
                self.p.warn(rel, None, f"is missing, so the guide has no {what}")
            return None
        ok, data = self.reader.yaml(rel, text)
        if not ok or data is None:
            return None
        if not isinstance(data, list):
            self.p.error(
                rel,
                getattr(data, "line", 1),
                f"must be a list of {what}, each starting with '- id: ...'",
            )
            return None
        return data

    # ----------------------------------------------------------------- glossary.yaml

    def load_glossary(self) -> tuple[dict[str, GlossaryTerm], dict[str, int | None]]:
        rel = "glossary.yaml"
        terms: dict[str, GlossaryTerm] = {}
        article_lines: dict[str, int | None] = {}
        lines: dict[str, int | None] = {}
        forms: dict[str, str] = {}
        data = self._optional_list(rel, "glossary")
        for i, entry in enumerate(data or ()):
            line = line_of(data, i, None)
            if not isinstance(entry, dict):
                self.p.error(
                    rel,
                    line,
                    f"each glossary entry must be a group of fields (id, term, definition), not {show(entry)}",
                )
                continue
            tid = entry.get("id")
            f = Fields(
                entry,
                rel,
                self.p,
                f"glossary term '{tid}'" if isinstance(tid, str) else "a glossary term",
            )
            f.unknown_keys(_TERM_KEYS)
            tid = f.ident()
            term = f.text("term")
            definition = f.text("definition")
            aliases = f.text_list("aliases")
            article = (
                f.ident("article", required=False) if entry.get("article") is not None else None
            )
            if tid is None or not term or not definition:
                self.p.error(
                    rel,
                    f.line,
                    f"{f.what} is left out because it has no usable id, term or definition",
                )
                continue
            if tid in terms:
                self.p.error(
                    rel,
                    f.line_of("id"),
                    f"glossary id '{tid}' is used twice (first at {place(rel, lines[tid])}); the first is kept",
                    "id",
                )
                continue
            for form in (term, *aliases):
                key = form.casefold()
                if key in forms and forms[key] != tid:
                    self.p.warn(
                        rel,
                        f.line,
                        f"'{form}' is a form of both '{forms[key]}' and '{tid}'; it will be marked as '{forms[key]}'",
                    )
                else:
                    forms.setdefault(key, tid)
            lines[tid] = f.line_of("id")
            article_lines[tid] = f.line_of("article")
            terms[tid] = GlossaryTerm(
                id=tid, term=term, definition=definition, aliases=aliases, article=article
            )
        return terms, article_lines

    # ----------------------------------------------------------------- articles

    def article_files(self) -> list[str]:
        folder = self.root / "articles"
        rel_folder = "articles"
        try:
            info = folder.lstat()
        except FileNotFoundError:
            self.p.warn(rel_folder, None, "folder is missing, so the guide has no articles")
            return []
        if stat.S_ISLNK(info.st_mode):
            target = self.reader.inside_root(rel_folder, folder)
            if target is None:
                return []
            folder = target
        if not folder.is_dir():
            self.p.error(rel_folder, None, "should be a folder of .md files")
            return []
        try:
            names = sorted(entry.name for entry in os.scandir(folder))
        except OSError as exc:
            self.p.error(rel_folder, None, f"could not be read: {exc.strerror or exc}")
            return []
        files = []
        for name in names:
            if name.startswith("."):
                continue
            rel = f"{rel_folder}/{name}"
            if name.endswith(".md"):
                files.append(rel)
            elif not (self.root / rel).is_dir():
                self.p.warn(rel, None, "is not read: only .md files in articles/ are articles")
        return files

    def load_article(self, rel: str) -> _Draft | None:
        text = self.reader.read(rel, MAX_ARTICLE_BYTES)
        if text is None:
            return None
        opening = _FM_OPEN.match(text)
        if not opening:
            self.p.error(
                rel,
                1,
                "is left out: it must start with a '---' line, then fields like 'id: esi', then another '---' line",
            )
            return None
        closing = _FM_CLOSE.search(text, opening.end())
        if not closing:
            self.p.error(rel, 1, "is left out: its front matter has no closing '---' line")
            return None
        fm_text = text[opening.end() : closing.start()]
        repaired = colon_repair(fm_text)  # "title: Shots: what to know" (issue 13)
        if repaired is not None:
            fm_text, fixed = repaired
            for index, key, value in fixed:
                self.p.warn(
                    rel,
                    index + 2,  # after the opening '---' line; 0-based
                    f"the {key} has a colon in it, which YAML reads as the start of "
                    f'another field; put the {key} in quotes: {key}: "{value}"',
                    key,
                )
        ok, fm = self.reader.yaml(rel, fm_text, 1, "; the article is left out")
        if not ok:
            return None
        if not isinstance(fm, dict):
            self.p.error(
                rel,
                2,
                "is left out: its front matter must be 'field: value' lines (id, title, ...)",
            )
            return None
        f = Fields(fm, rel, self.p, "front matter")
        f.unknown_keys(_ARTICLE_KEYS)
        aid = f.ident()
        title = f.text("title")
        if aid is None or not title:
            self.p.error(rel, fm.line, "is left out because it has no usable id or title")
            return None
        section = f.ident("section")
        order = f.number("order")
        summary = f.text("summary")
        reviewed = f.date("reviewed")
        sources = f.id_list("sources")
        kind = "info"
        if fm.get("kind") is not None:
            kind = f.text("kind", required=False) or "info"
            if kind not in ARTICLE_KINDS:
                self.p.warn(
                    rel,
                    f.line_of("kind"),
                    f"'kind' must be one of {', '.join(ARTICLE_KINDS)}, not {show(kind)}; using 'info'",
                    "kind",
                )
                kind = "info"
        body_start = closing.end() + 1
        body = text[body_start:] if body_start <= len(text) else ""
        body_line = text.count("\n", 0, closing.end()) + 2
        return _Draft(
            id=aid,
            title=title,
            path=rel,
            line=f.line_of("id") or 2,
            section=section,
            section_line=f.line_of("section"),
            order=order if order is not None else math.inf,
            summary=summary,
            reviewed=reviewed or UNKNOWN_DATE,
            sources=sources,
            kind=kind,
            body=body,
            body_line=body_line,
        )

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

    # ----------------------------------------------------------------- comparison.yaml

    def load_comparison(
        self, articles: dict[str, _Draft], sources: dict[str, Source]
    ) -> ComparisonTable:
        rel = "comparison.yaml"
        text = self.reader.read(rel, MAX_YAML_BYTES, optional=True)
        if text is None:
            if not (self.root / rel).exists() and not (self.root / rel).is_symlink():
                self.p.warn(rel, None, "is missing, so the guide has no comparison table")
            return ComparisonTable()
        ok, data = self.reader.yaml(rel, text)
        if not ok or data is None:
            return ComparisonTable()
        if not isinstance(data, dict):
            self.p.error(
                rel, getattr(data, "line", 1), "must have 'treatments', 'attributes' and 'cells'"
            )
            return ComparisonTable()
        top = Fields(data, rel, self.p, "comparison.yaml")
        top.unknown_keys(_COMPARISON_KEYS)

        treatments: list[Treatment] = []
        t_lines: dict[str, int | None] = {}
        for entry, f in self._entries(data, "treatments", top, _TREATMENT_KEYS, "treatment"):
            tid, name = f.ident(), f.text("name")
            article = (
                f.ident("article", required=False) if entry.get("article") is not None else None
            )
            if tid is None or not name:
                continue
            if tid in t_lines:
                self.p.error(
                    rel,
                    f.line_of("id"),
                    f"treatment id '{tid}' is used twice (first on line {t_lines[tid]}); the first is kept",
                    "id",
                )
                continue
            if article is not None and article not in articles:
                self.p.error(
                    rel,
                    f.line_of("article"),
                    f"treatment '{tid}' names article '{article}', but there is no article with that id{self._hint(article, articles)}",
                    "article",
                )
                article = None
            t_lines[tid] = f.line_of("id")
            treatments.append(Treatment(tid, name, article))

        attributes: list[Attribute] = []
        a_lines: dict[str, int | None] = {}
        for _entry, f in self._entries(data, "attributes", top, _ATTRIBUTE_KEYS, "attribute"):
            aid, label = f.ident(), f.text("label")
            anchor = f.text("anchor", required=False) or None
            if aid is None or not label:
                continue
            if aid in a_lines:
                self.p.error(
                    rel,
                    f.line_of("id"),
                    f"attribute id '{aid}' is used twice (first on line {a_lines[aid]}); the first is kept",
                    "id",
                )
                continue
            a_lines[aid] = f.line_of("id")
            attributes.append(Attribute(aid, label, anchor))
            if anchor:  # checked by check_anchors, once the headings are known
                self._anchor_checks.append(
                    (aid, anchor, f.line_of("anchor"), [t.article or "" for t in treatments])
                )

        cells: dict[tuple[str, str], Cell] = {}
        raw_cells = data.get("cells")
        cells_line = top.line_of("cells")
        if raw_cells is None:
            if treatments and attributes:
                self.p.error(rel, top.line, "comparison.yaml needs 'cells'", "cells")
            raw_cells = {}
        elif not isinstance(raw_cells, dict):
            self.p.error(
                rel,
                cells_line,
                "'cells' must group cells by attribute id, then treatment id",
                "cells",
            )
            raw_cells = {}
        for attr_id, row in raw_cells.items():
            row_line = line_of(raw_cells, attr_id, cells_line)
            if attr_id not in a_lines:
                self.p.error(
                    rel,
                    row_line,
                    f"cells are given for attribute '{attr_id}', which is not in 'attributes'{self._hint(str(attr_id), a_lines)}",
                    "cells",
                )
                continue
            if not isinstance(row, dict):
                self.p.error(
                    rel, row_line, f"cells for '{attr_id}' must be grouped by treatment id", "cells"
                )
                continue
            for t_id, raw in row.items():
                line = line_of(row, t_id, row_line)
                if t_id not in t_lines:
                    self.p.error(
                        rel,
                        line,
                        f"a cell is given for treatment '{t_id}', which is not in 'treatments'{self._hint(str(t_id), t_lines)}",
                        "cells",
                    )
                    continue
                cell = self._cell(rel, line, attr_id, t_id, raw, sources)
                if cell is not None:
                    cells[(attr_id, t_id)] = cell
        for a in attributes:
            for t in treatments:
                if (a.id, t.id) not in cells:
                    self.p.warn(
                        rel,
                        line_of(raw_cells, a.id, cells_line),
                        f"there is no cell for '{a.id}' and '{t.id}'; it will show 'No information'",
                        "cells",
                    )
        return ComparisonTable(tuple(treatments), tuple(attributes), cells)

    def _entries(self, data: dict, key: str, top: Fields, allowed: set[str], what: str):
        value = data.get(key, MISSING)
        if value is MISSING or value is None:
            self.p.error(top.file, top.line, f"comparison.yaml needs '{key}'", key)
            return
        if not isinstance(value, list):
            self.p.error(
                top.file,
                top.line_of(key),
                f"'{key}' must be a list, each item starting with '- id: ...'",
                key,
            )
            return
        for i, entry in enumerate(value):
            if not isinstance(entry, dict):
                self.p.error(
                    top.file,
                    line_of(value, i, None),
                    f"each {what} must be a group of fields, not {show(entry)}",
                    key,
                )
                continue
            eid = entry.get("id")
            f = Fields(
                entry, top.file, self.p, f"{what} '{eid}'" if isinstance(eid, str) else f"a {what}"
            )
            f.unknown_keys(allowed)
            yield entry, f

    def _cell(
        self,
        rel: str,
        line: int | None,
        attr_id: str,
        t_id: str,
        raw: Any,
        sources: dict[str, Source],
    ) -> Cell | None:
        name = f"the cell for '{attr_id}' and '{t_id}'"
        if isinstance(raw, str):
            raw = {"text": raw}
        if not isinstance(raw, dict):
            self.p.error(rel, line, f"{name} must have 'text' and 'sources', not {show(raw)}")
            return None
        f = Fields(raw, rel, self.p, name)
        f.line = line
        f.unknown_keys(_CELL_KEYS)
        text = f.text("text")
        ids = f.id_list("sources")
        no_study = raw.get("no_study", False)
        if not isinstance(no_study, bool):
            self.p.error(
                rel,
                f.line_of("no_study"),
                f"'no_study' must be true or false, not {show(no_study)}",
                "no_study",
            )
            no_study = False
        if no_study and ids:
            self.p.warn(
                rel,
                f.line_of("no_study"),
                f"{name} says no study has measured this, but also lists sources; "
                "remove one of the two",
                "no_study",
            )
        elif not ids and not no_study:
            self.p.error(
                rel,
                f.line_of("sources"),
                f"{name} has no sources; every cell needs at least one (or 'no_study: true' "
                "with text that says no study has measured this)",
                "sources",
            )
        outcome_ids = f.id_list("outcomes")
        if outcome_ids:
            self._cell_outcomes.append((name, t_id, outcome_ids))
        kept = []
        for sid, s_line in ids:
            if sid in sources:
                kept.append(sid)
            else:
                self.p.error(
                    rel,
                    s_line,
                    f"{name} cites source '{sid}', which is not in sources.yaml{self._hint(sid, sources)}",
                    "sources",
                )
        evidence = None
        if raw.get("evidence") is not None:
            evidence = f.text("evidence", required=False)
            if evidence not in EVIDENCE_LEVELS:
                self.p.error(
                    rel,
                    f.line_of("evidence"),
                    f"{name} has evidence {show(evidence)}; it must be one of {', '.join(EVIDENCE_LEVELS)}",
                    "evidence",
                )
                evidence = None
        if not text:
            return None
        return Cell(
            text=text,
            sources=tuple(kept),
            evidence=evidence,
            outcomes=tuple(oid for oid, _line in outcome_ids),
            no_study=no_study,
        )

    # ----------------------------------------------------------------- outcomes.yaml

    def load_outcomes(
        self, sources: dict[str, Source], comparison: ComparisonTable
    ) -> dict[str, Outcome]:
        data = self._optional_list(outcomes_file.REL, "outcome numbers", warn_missing=False)
        options = {t.id: t for t in comparison.treatments}
        outcomes, self._outcome_ids = outcomes_file.load_outcomes(
            data, self.p, sources, options, self._hint
        )
        for name, t_id, ids in self._cell_outcomes:
            for oid, line in ids:
                if oid not in self._outcome_ids:
                    self.p.error(
                        "comparison.yaml",
                        line,
                        f"{name} names outcome '{oid}', which is not in outcomes.yaml{self._hint(oid, outcomes)}",
                        "outcomes",
                    )
                elif oid in outcomes and outcomes[oid].option != t_id:
                    self.p.warn(
                        "comparison.yaml",
                        line,
                        f"{name} names outcome '{oid}', which is about '{outcomes[oid].option}', "
                        f"not '{t_id}'",
                        "outcomes",
                    )
        return outcomes

    def check_outcome_blocks(self, draft: _Draft, outcomes: dict[str, Outcome]) -> None:
        for oid, line in outcomes_file.outcome_blocks(draft.body):
            if oid not in self._outcome_ids:
                what = f"outcome '{oid}'" if oid else "no outcome (its first line is empty)"
                self.p.error(
                    draft.path,
                    draft.body_line + line,
                    f"has an outcome block naming {what}, which is not in outcomes.yaml"
                    f"{self._hint(oid, outcomes) if oid else ''}; the block shows a notice instead",
                )

    # ----------------------------------------------------------------- cross checks

    def check_anchors(self, drafts: dict[str, _Draft]) -> None:
        """Comparison attributes that point at a heading some treatment's article lacks."""
        for aid, anchor, line, article_ids in self._anchor_checks:
            for article_id in article_ids:
                draft = drafts.get(article_id)
                if draft is not None and anchor not in {h.anchor for h in draft.headings}:
                    self.p.warn(
                        "comparison.yaml",
                        line,
                        f"attribute '{aid}' points at heading '{anchor}', but article '{draft.id}' ({draft.path}) has no heading with that anchor",
                        "anchor",
                    )

    def check_links(
        self,
        draft: _Draft,
        drafts: dict[str, _Draft],
        sources: dict[str, Source],
        glossary: dict[str, GlossaryTerm],
    ) -> None:
        own = {h.anchor for h in draft.headings}
        for link in draft.links:
            line = draft.body_line + link.line
            href = link.href.strip()
            if not href:
                self.p.error(
                    draft.path, line, "has a link with no target: write [text](article-id)"
                )
                continue
            scheme = _SCHEME.match(href)
            if scheme:
                kind = scheme.group().lower()
                value = unquote(href[scheme.end() :])
                if kind == "source:" and value not in sources:
                    self.p.error(
                        draft.path,
                        line,
                        f"links to source '{value}', which is not in sources.yaml{self._hint(value, sources)}",
                    )
                elif kind == "glossary:" and value not in glossary:
                    self.p.error(
                        draft.path,
                        line,
                        f"links to glossary term '{value}', which is not in glossary.yaml{self._hint(value, glossary)}",
                    )
                elif kind == "tool:" and value not in TOOL_IDS:
                    self.p.error(
                        draft.path,
                        line,
                        f"links to tool '{value}', which spinetui does not have (it has: {', '.join(TOOL_IDS)})",
                    )
                continue  # anything else is an external address, shown but not opened
            target_id, _, anchor = href.partition("#")
            anchor = unquote(anchor)
            if not target_id:
                if anchor not in own:
                    self.p.error(
                        draft.path,
                        line,
                        f"links to '#{anchor}', but this article has no heading with that anchor{self._hint(anchor, own)}",
                    )
                continue
            target_id = unquote(target_id)
            target = drafts.get(target_id)
            if target is None:
                advice = ""
                if target_id.endswith(".md") or "/" in target_id:
                    advice = " (link with the article's id, not its file name)"
                self.p.error(
                    draft.path,
                    line,
                    f"links to '{href}', but there is no article with id '{target_id}'{self._hint(target_id, drafts)}{advice}",
                )
                continue
            if anchor:
                anchors = {h.anchor for h in target.headings}
                if anchor not in anchors:
                    self.p.error(
                        draft.path,
                        line,
                        f"links to '{href}', but article '{target_id}' has no heading with anchor '{anchor}'{self._hint(anchor, anchors)}",
                    )

    # ----------------------------------------------------------------- everything

    def load(self) -> Guide:
        manifest = _guarded(self.p, "guide.yaml", self.load_manifest) or {
            "title": UNTITLED,
            "version": "",
            "reviewed": None,
            "home": None,
            "home_line": None,
            "sections": None,
        }
        sources, _ = _guarded(self.p, "sources.yaml", self.load_sources) or ({}, {})
        glossary, glossary_article_lines = _guarded(
            self.p, "glossary.yaml", self.load_glossary
        ) or ({}, {})

        drafts: dict[str, _Draft] = {}
        for rel in _guarded(self.p, "articles", self.article_files) or ():
            draft = _guarded(self.p, rel, lambda rel=rel: self.load_article(rel))
            if draft is None:
                continue
            first = drafts.get(draft.id)
            if first is not None:
                self.p.error(
                    rel,
                    draft.line,
                    f"is left out: article id '{draft.id}' is already used by {place(first.path, first.line)}",
                    "id",
                )
                continue
            drafts[draft.id] = draft

        comparison = (
            _guarded(self.p, "comparison.yaml", lambda: self.load_comparison(drafts, sources))
            or ComparisonTable()
        )

        outcomes = (
            _guarded(self.p, outcomes_file.REL, lambda: self.load_outcomes(sources, comparison))
            or {}
        )

        # Sections: from guide.yaml, or (when it is unusable) from the articles.
        sections = manifest["sections"]
        derived = sections is None
        if derived:
            sections = []
            for d in drafts.values():
                if d.section and d.section not in {s.id for s in sections}:
                    sections.append(Section(d.section, d.section.replace("-", " ").capitalize()))
        known_sections = {s.id for s in sections}

        articles: dict[str, Article] = {}
        for d in drafts.values():
            section = d.section
            if section is not None and section not in known_sections:
                if not derived:
                    self.p.error(
                        d.path,
                        d.section_line,
                        f"section '{section}' is not in guide.yaml; the article is listed under 'Other'{self._hint(section, known_sections)}",
                        "section",
                    )
                section = None
            kept_sources = []
            for sid, line in d.sources:
                if sid in sources:
                    kept_sources.append(sid)
                else:
                    self.p.error(
                        d.path,
                        line,
                        f"cites source '{sid}', which is not in sources.yaml{self._hint(sid, sources)}",
                        "sources",
                    )
            articles[d.id] = Article(
                id=d.id,
                title=d.title,
                section=section or OTHER_SECTION.id,
                order=d.order,
                summary=d.summary,
                reviewed=d.reviewed,
                sources=tuple(kept_sources),
                body=d.body,
                path=d.path,
                body_line=d.body_line,
                headings=d.headings,
                kind=d.kind,
            )
        if any(a.section == OTHER_SECTION.id for a in articles.values()):
            sections.append(OTHER_SECTION)

        for tid, term in list(glossary.items()):
            if term.article is not None and term.article not in articles:
                self.p.error(
                    "glossary.yaml",
                    glossary_article_lines.get(tid),
                    f"glossary term '{tid}' points to article '{term.article}', but there is no article with that id{self._hint(term.article, articles)}",
                    "article",
                )
                glossary[tid] = dataclasses.replace(term, article=None)

        home = manifest["home"]
        if home is not None and home not in articles:
            self.p.error(
                "guide.yaml",
                manifest["home_line"],
                f"'home' is '{home}', but there is no article with that id{self._hint(home, articles)}",
                "home",
            )
            home = None

        problems = sorted(self.p.items, key=_problem_order)
        guide = Guide(
            root=self.root,
            title=manifest["title"],
            version=manifest["version"],
            reviewed=manifest["reviewed"],
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

    def scan_and_check(self, guide: Guide, drafts: dict[str, _Draft]) -> None:
        """The second stage: every body's headings, then the checks that need them."""
        first_new = len(self.p.items)
        for d in drafts.values():
            _guarded(self.p, d.path, lambda d=d: self.scan_draft(d))
        _guarded(self.p, "comparison.yaml", lambda: self.check_anchors(drafts))
        sources, glossary = guide.sources, guide.glossary
        for d in drafts.values():
            _guarded(self.p, d.path, lambda d=d: self.check_links(d, drafts, sources, glossary))
            _guarded(self.p, d.path, lambda d=d: self.check_outcome_blocks(d, guide.outcomes))
        # Same keys, new values: the dict never changes size under a reader.
        guide.articles.update(
            {
                d.id: dataclasses.replace(guide.articles[d.id], headings=d.headings)
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
    """``Guide.complete`` for a quick load: runs the second stage once, from any thread."""

    def __init__(self, loader: _Loader, guide: Guide, drafts: dict[str, _Draft]) -> None:
        self._lock = threading.Lock()
        self._work: tuple[_Loader, Guide, dict[str, _Draft]] | None = (loader, guide, drafts)

    def __call__(self) -> None:
        with self._lock:
            if self._work is None:
                return
            loader, guide, drafts = self._work
            try:
                loader.scan_and_check(guide, drafts)
            except Exception as exc:  # noqa: BLE001 - bad content must never stop loading
                problem = Problem(
                    "articles", None, f"could not be checked: {type(exc).__name__}: {exc}"
                )
                guide.problems[:] = sorted([*guide.problems, problem], key=_problem_order)
            finally:
                self._work = None
                guide._pending = None


def load_guide(root: Path) -> Guide:
    """Load, clean and check the content folder at ``root``. Never raises for bad content."""
    guide = load_guide_quickly(root)
    guide.complete()
    return guide


def load_guide_quickly(root: Path) -> Guide:
    """Load what the first screen needs; leave the rest to ``guide.complete()``.

    Everything but the articles' headings and the problems found by scanning their
    bodies (links, anchors, nesting) is loaded and checked. ``guide.complete()`` (from
    any thread; it runs once) scans the bodies, fills in ``Article.headings`` and adds
    those problems, in the order :func:`load_guide` gives them. The reader calls it
    after its first paint, and before anything that needs headings or problems.
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
    return _Loader(resolved).load()
