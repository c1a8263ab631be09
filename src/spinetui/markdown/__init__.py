"""Markdown without Textual or Rich: the rules the loader, renderer, search and check share.

- :mod:`.slug`: the slug rule, explicit ``{#anchor}`` markers, unique anchors;
- :mod:`.scan`: the fast heading-and-link scanner the loader runs on every article;
- :mod:`.links`: what a link destination points at (:func:`link_kind`);
- :mod:`.nesting`: markdown-it's nesting limit and where a body goes past it;
- :mod:`.parser`: the renderer's markdown-it parser and headings read with it
  (imports markdown-it, so it is imported only when asked for);
- :mod:`.plain`: Markdown as plain text;
- :mod:`.types`: :class:`Heading` and :class:`Link`.

``import spinetui.markdown`` stays cheap (no markdown-it): :func:`block_parser` and
:func:`heading_anchors` are loaded on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spinetui.markdown.links import link_kind
from spinetui.markdown.nesting import MAX_NESTING, TOO_DEEP, skip_too_deep
from spinetui.markdown.plain import inline_plain, markdown_plain
from spinetui.markdown.scan import heading_text, scan_body, too_deep_lines
from spinetui.markdown.slug import AnchorAllocator, slugify, split_explicit_anchor
from spinetui.markdown.text import clean_inline, clean_source
from spinetui.markdown.types import Heading, Link, LinkKind

if TYPE_CHECKING:
    from spinetui.markdown.parser import block_parser, heading_anchors

__all__ = [
    "MAX_NESTING",
    "TOO_DEEP",
    "AnchorAllocator",
    "Heading",
    "Link",
    "LinkKind",
    "block_parser",
    "clean_inline",
    "clean_source",
    "heading_anchors",
    "heading_text",
    "inline_plain",
    "link_kind",
    "markdown_plain",
    "scan_body",
    "skip_too_deep",
    "slugify",
    "split_explicit_anchor",
    "too_deep_lines",
]

_LAZY = {"block_parser", "heading_anchors"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from spinetui.markdown import parser

        return getattr(parser, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
