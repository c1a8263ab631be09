"""The renderer's names for the Markdown rules it shares (see :mod:`spinetui.markdown`).

The markdown-it set-up, link kinds, nesting limit and heading anchors live in the
Textual- and Rich-free Markdown package, so the loader, search and check use the very
same rules; ``document.py`` keeps importing them from here.
"""

from spinetui.markdown.inline import inline_plain as _inline_plain
from spinetui.markdown.links import link_kind
from spinetui.markdown.nesting import MAX_NESTING, TOO_DEEP, skip_too_deep
from spinetui.markdown.parser import block_parser, heading_anchors
from spinetui.markdown.parser import scan_headings as _scan_headings
from spinetui.markdown.parser import token_line as _line
from spinetui.markdown.types import Heading as RenderHeading

__all__ = [
    "MAX_NESTING",
    "TOO_DEEP",
    "RenderHeading",
    "_inline_plain",
    "_line",
    "_scan_headings",
    "block_parser",
    "heading_anchors",
    "link_kind",
    "skip_too_deep",
]
