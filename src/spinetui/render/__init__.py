"""Markdown → styled terminal lines, parsed by block and laid out lazily per width.

See docs/architecture.md, section "spinetui.render". Imports Rich, never Textual.
"""

from spinetui.render.document import (
    BOX_EMPTY,
    BOX_TICKED,
    DocumentLayout,
    MarkdownDocument,
    RenderHeading,
    Target,
    block_parser,
    heading_anchors,
    is_box,
    link_kind,
)
from spinetui.render.slug import slugify, split_explicit_anchor
from spinetui.render.styles import DEFAULT_STYLES, RenderStyles
from spinetui.render.terms import TermMatcher

__all__ = [
    "BOX_EMPTY",
    "BOX_TICKED",
    "DEFAULT_STYLES",
    "DocumentLayout",
    "MarkdownDocument",
    "RenderHeading",
    "RenderStyles",
    "Target",
    "TermMatcher",
    "block_parser",
    "heading_anchors",
    "is_box",
    "link_kind",
    "slugify",
    "split_explicit_anchor",
]
