"""Markdown without Textual or Rich: the rules the loader, renderer, search and check share.

- :mod:`.slug`: the slug rule, explicit ``{#anchor}`` markers, unique anchors;
- :mod:`.scan`: the fast heading-and-link scanner the loader runs on every article;
- :mod:`.links`: what a link destination points at (:func:`link_kind`);
- :mod:`.nesting`: markdown-it's nesting limit and where a body goes past it;
- :mod:`.parser`: the renderer's markdown-it parser and headings read with it
  (imports markdown-it, so it is imported only when asked for);
- :mod:`.plain`: Markdown as plain text;
- :mod:`.types`: :class:`Heading` and :class:`Link`.

``import spinetui.markdown`` stays cheap: every name is loaded from its module on
first use (so markdown-it only when :func:`block_parser` is asked for).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spinetui.markdown.inline import inline_plain
    from spinetui.markdown.links import link_kind
    from spinetui.markdown.nesting import MAX_NESTING, TOO_DEEP, skip_too_deep
    from spinetui.markdown.parser import block_parser, heading_anchors
    from spinetui.markdown.plain import markdown_plain
    from spinetui.markdown.scan import heading_text, scan_body, too_deep_lines
    from spinetui.markdown.slug import AnchorAllocator, slugify, split_explicit_anchor
    from spinetui.markdown.text import clean_inline, clean_source
    from spinetui.markdown.types import Heading, Link, LinkKind

# Each name's module, loaded on first use: a module that needs one piece (the model
# needs only ``Heading``) does not pay for the scanner's and the plain-text rules'
# regular expressions before the first paint.
_WHERE = {
    "MAX_NESTING": "nesting",
    "TOO_DEEP": "nesting",
    "skip_too_deep": "nesting",
    "AnchorAllocator": "slug",
    "slugify": "slug",
    "split_explicit_anchor": "slug",
    "Heading": "types",
    "Link": "types",
    "LinkKind": "types",
    "block_parser": "parser",
    "heading_anchors": "parser",
    "clean_inline": "text",
    "clean_source": "text",
    "heading_text": "scan",
    "scan_body": "scan",
    "too_deep_lines": "scan",
    "inline_plain": "inline",
    "markdown_plain": "plain",
    "link_kind": "links",
}

__all__ = [
    "AnchorAllocator",
    "Heading",
    "Link",
    "LinkKind",
    "MAX_NESTING",
    "TOO_DEEP",
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


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
