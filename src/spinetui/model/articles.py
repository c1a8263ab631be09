"""``articles/*.md``: front matter first (the first stage), then the sections and sources
each article names, checked against guide.yaml and sources.yaml.

An article becomes a :class:`Draft` as soon as it has an id and a title; its body is
scanned for headings and links later (``loader.scan_and_check``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import os
import re
import stat

from spinetui.model._entries import Context, Key, Kind
from spinetui.model._fields import Fields, place, show
from spinetui.model._read import MAX_ARTICLE_BYTES, try_yaml
from spinetui.model._scan import Link
from spinetui.model._yaml import colon_repair

# OTHER_SECTION: defined with the types, so the reader needs no loader import.
from spinetui.model.types import (
    OTHER_SECTION,
    UNKNOWN_DATE,
    Article,
    ArticleText,
    Heading,
    Section,
    Source,
)

FOLDER = "articles"
ARTICLE_KINDS = ("treatment", "condition", "info")

_FM_OPEN = re.compile(r"---[ \t]*\n")
_FM_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)

FRONT_MATTER = Kind(
    "front matter",
    [
        Key("id", Fields.ident),
        Key("title", Fields.text),
        Key("section", Fields.ident),
        Key("order", Fields.number),
        Key("summary", Fields.text),
        Key("reviewed", Fields.date),
        Key("sources", Fields.id_list, required=False),
        Key("kind", Fields.text, required=False),
    ],
)
_NAMED = ("id", "title")  # without these the article is left out, and nothing else said
_REST = tuple(k.name for k in FRONT_MATTER.keys if k.name not in _NAMED)


@dataclasses.dataclass(slots=True)
class Draft:
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
    headings: tuple[Heading, ...] = ()  # filled in by the second stage
    links: list[Link] = dataclasses.field(default_factory=list)


def article_files(cx: Context) -> list[str]:
    folder = cx.root / FOLDER
    try:
        info = folder.lstat()
    except FileNotFoundError:
        cx.p.warn(FOLDER, None, "folder is missing, so the guide has no articles")
        return []
    if stat.S_ISLNK(info.st_mode):
        target = cx.reader.inside_root(FOLDER, folder)
        if target is None:
            return []
        folder = target
    if not folder.is_dir():
        cx.p.error(FOLDER, None, "should be a folder of .md files")
        return []
    try:
        names = sorted(entry.name for entry in os.scandir(folder))
    except OSError as exc:
        cx.p.error(FOLDER, None, f"could not be read: {exc.strerror or exc}")
        return []
    files = []
    for name in names:
        if name.startswith("."):
            continue
        rel = f"{FOLDER}/{name}"
        if name.endswith(".md"):
            files.append(rel)
        elif not (cx.root / rel).is_dir():
            cx.p.warn(rel, None, "is not read: only .md files in articles/ are articles")
    return files


def load_article(cx: Context, rel: str) -> Draft | None:
    text = cx.reader.read(rel, MAX_ARTICLE_BYTES)
    if text is None:
        return None
    opening = _FM_OPEN.match(text)
    if not opening:
        cx.p.error(
            rel,
            1,
            "is left out: it must start with a '---' line, then fields like 'id: esi', then another '---' line",
        )
        return None
    closing = _FM_CLOSE.search(text, opening.end())
    if not closing:
        cx.p.error(rel, 1, "is left out: its front matter has no closing '---' line")
        return None
    fm_text = text[opening.end() : closing.start()]
    # Parsed once: colon_repair (which parses it again) only for front matter that
    # YAML refuses, and Reader.yaml only to report what is wrong then.
    parsed = try_yaml(fm_text, 1)
    if parsed is not None:
        fm, duplicates = parsed
        cx.reader.duplicates(rel, duplicates)
    else:
        repaired = colon_repair(fm_text)  # "title: Shots: what to know" (issue 13)
        if repaired is not None:
            fm_text, fixed = repaired
            for index, key, value in fixed:
                cx.p.warn(
                    rel,
                    index + 2,  # after the opening '---' line; 0-based
                    f"the {key} has a colon in it, which YAML reads as the start of "
                    f'another field; put the {key} in quotes: {key}: "{value}"',
                    key,
                )
        ok, fm = cx.reader.yaml(rel, fm_text, 1, "; the article is left out")
        if not ok:
            return None
    if not isinstance(fm, dict):
        cx.p.error(
            rel, 2, "is left out: its front matter must be 'field: value' lines (id, title, ...)"
        )
        return None
    f = FRONT_MATTER.fields(fm, rel, cx.p, "front matter")
    named = FRONT_MATTER.read(f, _NAMED)
    if named["id"] is None or not named["title"]:
        cx.p.error(rel, f.line, "is left out because it has no usable id or title")
        return None
    v = FRONT_MATTER.read(f, _REST)
    kind = v["kind"] or "info"
    if kind not in ARTICLE_KINDS:
        cx.p.warn(
            rel,
            f.line_of("kind"),
            f"'kind' must be one of {', '.join(ARTICLE_KINDS)}, not {show(kind)}; using 'info'",
            "kind",
        )
        kind = "info"
    body_start = closing.end() + 1
    return Draft(
        id=named["id"],
        title=named["title"],
        path=rel,
        line=f.line_of("id") or 2,
        section=v["section"],
        section_line=f.line_of("section"),
        order=v["order"] if v["order"] is not None else math.inf,
        summary=v["summary"],
        reviewed=v["reviewed"] or UNKNOWN_DATE,
        sources=v["sources"],
        kind=kind,
        body=text[body_start:] if body_start <= len(text) else "",
        body_line=text.count("\n", 0, closing.end()) + 2,
    )


def add_draft(cx: Context, drafts: dict[str, Draft], draft: Draft) -> None:
    """Keep ``draft`` unless its id is already taken (then the whole file is left out)."""
    first = drafts.get(draft.id)
    if first is not None:
        cx.p.error(
            draft.path,
            draft.line,
            f"is left out: article id '{draft.id}' is already used by {place(first.path, first.line)}",
            "id",
        )
        return
    drafts[draft.id] = draft


def build_articles(
    cx: Context,
    drafts: dict[str, Draft],
    sections: list[Section] | None,
    sources: dict[str, Source],
) -> tuple[list[Section], dict[str, Article]]:
    """The guide's sections and articles: each draft's section and sources checked.

    ``sections`` is ``None`` when guide.yaml has none that can be used: then the
    articles' own section ids are the sections, in the order they first appear.
    """
    derived = sections is None
    if sections is None:
        sections = []
        for d in drafts.values():
            if d.section and d.section not in {s.id for s in sections}:
                sections.append(Section(d.section, d.section.replace("-", " ").capitalize()))
    known = {s.id for s in sections}
    articles: dict[str, Article] = {}
    for d in drafts.values():
        section = d.section
        if section is not None and section not in known:
            if not derived:
                cx.refers(
                    section,
                    known,
                    d.path,
                    d.section_line,
                    "section '{name}' is not in guide.yaml; the article is listed "
                    "under 'Other'{hint}",
                    field="section",
                )
            section = None
        articles[d.id] = Article(
            id=d.id,
            title=d.title,
            section=section or OTHER_SECTION.id,
            order=d.order,
            summary=d.summary,
            reviewed=d.reviewed,
            sources=tuple(cx.cited(d.sources, sources, d.path)),
            text=ArticleText(d.body, d.headings),
            path=d.path,
            body_line=d.body_line,
            kind=d.kind,
        )
    if any(a.section == OTHER_SECTION.id for a in articles.values()):
        sections.append(OTHER_SECTION)
    return sections, articles
