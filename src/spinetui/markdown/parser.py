"""The markdown-it parser the renderer uses, and headings read with it.

markdown-it itself is imported when a parser is first asked for, not with this module:
a reader's start draws its first article from a kept parse (``spinetui.render.parsed``)
and needs none. The loader reaches this only lazily (for heading text with inline
markup, and for bodies that may nest too deeply); see :mod:`.scan`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from spinetui.markdown.inline import inline_plain
from spinetui.markdown.nesting import MAX_NESTING, skip_too_deep
from spinetui.markdown.slug import AnchorAllocator, slugify, split_explicit_anchor
from spinetui.markdown.text import clean_source
from spinetui.markdown.types import Heading

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_parser: MarkdownIt | None = None


def block_parser() -> MarkdownIt:
    """The shared markdown-it parser: CommonMark + tables, core inline rule disabled."""
    global _parser
    if _parser is None:
        from markdown_it import MarkdownIt

        # ~~strikethrough~~ as GitHub writes it: content pasted from other editors.
        md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable(
            ["table", "strikethrough"]
        )
        md.disable("inline")
        skip_too_deep(md)
        _parser = md
    return _parser


def parse_inline(
    content: str, env: dict[str, Any] | None = None, md: MarkdownIt | None = None
) -> list[Token]:
    """Inline tokens of ``content`` (``env`` holds the reference definitions, if any)."""
    md = md or block_parser()
    children: list[Token] = []
    md.inline.parse(content, md, {} if env is None else env, children)
    return children


def scan_headings(
    tokens: list[Token],
    md: MarkdownIt | None,
    env: dict[str, Any],
    anchors: AnchorAllocator | None = None,
    *,
    inline: Callable[[str, dict[str, Any]], list[Token]] | None = None,
) -> Iterator[tuple[int, Token, str, str, list[Token]]]:
    """Yield (index, heading_open, shown content, anchor, inline children) per heading.

    ``anchors`` carries on the numbering of repeated anchors from an earlier part of
    the same document (a long article parsed a chunk at a time). ``inline``: where
    the headings' inline tokens come from (default: ``md``'s inline parse).
    """
    anchors = AnchorAllocator() if anchors is None else anchors
    for i, tok in enumerate(tokens):
        if tok.type != "heading_open" or i + 1 >= len(tokens):
            continue
        content, explicit = split_explicit_anchor(tokens[i + 1].content)
        children = inline(content, env) if inline is not None else parse_inline(content, env, md)
        text = " ".join(inline_plain(children).split())
        anchor = anchors.take(explicit if explicit else slugify(text))
        yield i, tok, content, anchor, children


def heading_anchors(markdown: str) -> list[Heading]:
    """Every heading of ``markdown`` as markdown-it and the renderer see it.

    Block parse only; only heading content is inline-parsed. The anchors are exactly
    the ones ``MarkdownDocument`` gives. The loader uses the faster
    :func:`spinetui.markdown.scan.scan_body`, which tests hold to this.
    """
    md = block_parser()
    env: dict[str, Any] = {}
    tokens = md.parse(clean_source(markdown), env)
    return [
        Heading(int(tok.tag[1:]), " ".join(inline_plain(ch).split()), anchor, token_line(tok))
        for _i, tok, _c, anchor, ch in scan_headings(tokens, md, env)
    ]


def token_line(tok: Token) -> int:
    """The 0-based source line a block token starts on."""
    return tok.map[0] if tok.map else 0
