"""Markdown → styled terminal lines, parsed by block and laid out lazily per width.

See docs/architecture.md, section "spinetui.render". Imports Rich, never Textual.
"""

from spinetui.render.document import (
    DocumentLayout,
    MarkdownDocument,
    RenderHeading,
    Target,
    block_parser,
    heading_anchors,
    link_kind,
)
from spinetui.render.slug import slugify, split_explicit_anchor
from spinetui.render.styles import DEFAULT_STYLES, RenderStyles
from spinetui.render.terms import TermMatcher

__all__ = [
    "DEFAULT_STYLES",
    "DocumentLayout",
    "MarkdownDocument",
    "RenderHeading",
    "RenderStyles",
    "Target",
    "TermMatcher",
    "block_parser",
    "heading_anchors",
    "link_kind",
    "slugify",
    "split_explicit_anchor",
]
