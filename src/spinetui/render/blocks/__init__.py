"""Leaf block classes, and the tables from markdown-it token type to block class.

A new block type: subclass ``Block`` (``build`` from its tokens, ``render`` at a width,
``plain``, and ``estimate`` if its height is not about its text's length), then map its
opening token type in ``BLOCKS`` (or its fence info string in ``FENCES``).
"""

from spinetui.markdown.outcome_fence import OUTCOME_INFO
from spinetui.render.blocks.base import Block, BlockContext, BlockKind, Builder, Piece, merge
from spinetui.render.blocks.code import CodeBlock
from spinetui.render.blocks.containers import Item, ListFrame, Quote
from spinetui.render.blocks.outcome import OutcomeBlock
from spinetui.render.blocks.table import TableBlock
from spinetui.render.blocks.text import (
    BOX_EMPTY,
    BOX_TICKED,
    EmptyItem,
    Heading,
    HtmlBlock,
    Paragraph,
    Question,
    Rule,
    TooDeep,
)

#: The block class that builds itself from a token of each type (containers — quotes,
#: lists, list items — are frames the document keeps instead: see MarkdownDocument).
BLOCKS: dict[str, type[Block]] = {
    "paragraph_open": Paragraph,
    "heading_open": Heading,
    "fence": CodeBlock,
    "code_block": CodeBlock,
    "html_block": HtmlBlock,
    "hr": Rule,
    "table_open": TableBlock,
    "inline": Paragraph,  # a stray inline token (should not happen)
}

#: Fenced blocks whose info string makes them something other than code.
FENCES: dict[str, type[Block]] = {
    OUTCOME_INFO: OutcomeBlock,
}

__all__ = [
    "BLOCKS",
    "BOX_EMPTY",
    "BOX_TICKED",
    "FENCES",
    "Block",
    "BlockContext",
    "BlockKind",
    "Builder",
    "CodeBlock",
    "EmptyItem",
    "Heading",
    "HtmlBlock",
    "Item",
    "ListFrame",
    "OutcomeBlock",
    "Paragraph",
    "Piece",
    "Question",
    "Quote",
    "Rule",
    "TableBlock",
    "TooDeep",
    "merge",
]
