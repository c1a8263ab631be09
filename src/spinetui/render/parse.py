"""markdown-it set-up and the heading / link helpers the renderer and the loader share.

Split out of ``document.py`` so the block classes and the parsing rules live apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.token import Token

from spinetui.render.slug import AnchorAllocator, slugify, split_explicit_anchor
from spinetui.render.wrap import clean_inline, clean_source

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")

# markdown-it stops at this depth of nested blocks (a list item counts two: list and
# item) and drops what is inside; the loader warns about it (spinetui.model._scan
# does the same as skip_too_deep, and tests/robustness holds the two together).
MAX_NESTING = 200
TOO_DEEP = "*(Lists or quotes are nested too deeply here; the text inside is not shown.)*"

_parser: MarkdownIt | None = None


def skip_too_deep(md: MarkdownIt) -> None:
    """Make ``md`` skip only the container that is nested too deeply.

    At ``maxNesting`` markdown-it skips "the tail to the end", which inside a list item
    is the rest of the document: a list nested too deeply would hide everything after
    it. Here only the lines that belong to the too-deep container are skipped.
    """
    tokenize = md.block.tokenize

    def bounded(state: Any, start: int, end: int) -> None:
        if state.level < md.options.maxNesting:
            tokenize(state, start, end)
            return
        # As tokenize would: stop at the first line less indented than the container.
        line = start
        while line < end and (state.isEmpty(line) or state.sCount[line] >= state.blkIndent):
            line += 1
        state.line = line

    md.block.tokenize = bounded  # type: ignore[method-assign]


def block_parser() -> MarkdownIt:
    """The shared markdown-it parser: CommonMark + tables, core inline rule disabled."""
    global _parser
    if _parser is None:
        # ~~strikethrough~~ as GitHub writes it: content pasted from other editors.
        md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable(
            ["table", "strikethrough"]
        )
        md.disable("inline")
        skip_too_deep(md)
        _parser = md
    return _parser


class RenderHeading(NamedTuple):
    level: int
    text: str
    anchor: str
    source_line: int  # 0-based line in the Markdown source


def link_kind(href: str) -> tuple[str, str]:
    """Classify a link destination: (kind, value).

    ``#x`` → anchor; ``source:id`` → source; ``glossary:id`` → term (value is the term
    id); ``tool:id`` → tool (value is the tool id: a decision tool the app opens, such
    as ``what-matters``); anything with a scheme or starting ``//`` → external; otherwise article
    (``id`` or ``id#anchor``). Values other than external ones are percent-decoded.
    """
    lower = href.lower()
    if href.startswith("#"):
        return "anchor", unquote(href)
    if lower.startswith("source:"):
        return "source", unquote(href)
    if lower.startswith("glossary:"):
        return "term", unquote(href[len("glossary:") :])
    if lower.startswith("tool:"):
        return "tool", unquote(href[len("tool:") :])
    if href.startswith("//") or _SCHEME.match(href):
        return "external", href
    return "article", unquote(href)


def _inline_plain(children: list[Token] | None) -> str:
    """Plain text of inline tokens (images give their alt text)."""
    if not children:
        return ""
    parts: list[str] = []
    for tok in children:
        ty = tok.type
        if ty in ("text", "text_special", "code_inline"):
            parts.append(tok.content)
        elif ty == "html_inline":  # tags are not text; an image's alt is
            alt = re.search(r"""\balt\s*=\s*["']([^"']*)""", tok.content)
            if alt and tok.content.lstrip("< ").lower().startswith("img"):
                parts.append(alt.group(1))
        elif ty in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif ty == "image":
            parts.append(_inline_plain(tok.children))
    return clean_inline("".join(parts))


# ---------------------------------------------------------------- headings helper


def _scan_headings(
    tokens: list[Token], md: MarkdownIt, env: dict[str, Any]
) -> Iterator[tuple[int, Token, str, str, list[Token]]]:
    """Yield (index, heading_open, shown content, anchor, inline children) per heading."""
    anchors = AnchorAllocator()
    for i, tok in enumerate(tokens):
        if tok.type != "heading_open" or i + 1 >= len(tokens):
            continue
        inline = tokens[i + 1]
        content, explicit = split_explicit_anchor(inline.content)
        children: list[Token] = []
        md.inline.parse(content, md, env, children)
        text = " ".join(_inline_plain(children).split())
        anchor = anchors.take(explicit if explicit else slugify(text))
        yield i, tok, content, anchor, children


def heading_anchors(markdown: str) -> list[RenderHeading]:
    """Every heading of ``markdown``: (level, text, anchor, source_line), cheaply.

    Block parse only; only heading content is inline-parsed. The anchors are exactly
    the ones ``MarkdownDocument`` gives, so a loader can check ``#anchor`` links.
    """
    md = block_parser()
    env: dict[str, Any] = {}
    tokens = md.parse(clean_source(markdown), env)
    return [
        RenderHeading(int(tok.tag[1:]), " ".join(_inline_plain(ch).split()), anchor, _line(tok))
        for _i, tok, _c, anchor, ch in _scan_headings(tokens, md, env)
    ]


def _line(tok: Token) -> int:
    return tok.map[0] if tok.map else 0
