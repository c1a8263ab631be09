"""The checks that need every article's headings (the second stage of loading): links
in article bodies, and the headings comparison attributes point at."""

from __future__ import annotations

import re
from collections.abc import Collection
from urllib.parse import unquote as _unquote

from spinetui.decide import TOOL_IDS
from spinetui.model._entries import Context
from spinetui.model.articles import Draft
from spinetui.model.comparison import AnchorCheck

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def unquote(text: str) -> str:
    return _unquote(text) if "%" in text else text


def check_anchors(cx: Context, checks: list[AnchorCheck], drafts: dict[str, Draft]) -> None:
    """Comparison attributes that point at a heading some treatment's article lacks."""
    for check in checks:
        for article_id in check.articles:
            draft = drafts.get(article_id)
            if draft is not None and check.anchor not in {h.anchor for h in draft.headings}:
                cx.p.warn(
                    "comparison.yaml",
                    check.line,
                    f"attribute '{check.attribute}' points at heading '{check.anchor}', but article '{draft.id}' ({draft.path}) has no heading with that anchor",
                    "anchor",
                )


def check_links(
    cx: Context,
    draft: Draft,
    drafts: dict[str, Draft],
    sources: Collection[str],
    glossary: Collection[str],
) -> None:
    """Every link in ``draft``'s body goes to an article, heading, source, term or tool
    that exists (anything with another scheme is an outside address, not checked)."""
    path = draft.path
    own = {h.anchor for h in draft.headings}
    for link in draft.links:
        line = draft.body_line + link.line
        href = link.href.strip()
        if not href:
            cx.p.error(path, line, "has a link with no target: write [text](article-id)")
            continue
        scheme = _SCHEME.match(href)
        if scheme:
            kind = scheme.group().lower()
            value = unquote(href[scheme.end() :])
            if kind == "source:":
                cx.refers(
                    value,
                    sources,
                    path,
                    line,
                    "links to source '{name}', which is not in sources.yaml{hint}",
                )
            elif kind == "glossary:":
                cx.refers(
                    value,
                    glossary,
                    path,
                    line,
                    "links to glossary term '{name}', which is not in glossary.yaml{hint}",
                )
            elif kind == "tool:" and value not in TOOL_IDS:
                cx.p.error(
                    path,
                    line,
                    f"links to tool '{value}', which spinetui does not have (it has: {', '.join(TOOL_IDS)})",
                )
            continue  # anything else is an external address, shown but not opened
        target_id, _, anchor = href.partition("#")
        anchor = unquote(anchor)
        if not target_id:
            cx.refers(
                anchor,
                own,
                path,
                line,
                "links to '#{name}', but this article has no heading with that anchor{hint}",
            )
            continue
        target_id = unquote(target_id)
        if not cx.refers(
            target_id,
            drafts,
            path,
            line,
            "links to '{0}', but there is no article with id '{name}'{hint}{1}",
            href,
            _file_name_advice(target_id),
        ):
            continue
        if anchor:
            cx.refers(
                anchor,
                {h.anchor for h in drafts[target_id].headings},
                path,
                line,
                "links to '{0}', but article '{1}' has no heading with anchor '{name}'{hint}",
                href,
                target_id,
            )


def _file_name_advice(target_id: str) -> str:
    if target_id.endswith(".md") or "/" in target_id:
        return " (link with the article's id, not its file name)"
    return ""
