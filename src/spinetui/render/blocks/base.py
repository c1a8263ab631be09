"""The block base class and what blocks read while they are built and laid out.

Each kind of leaf block (paragraph, heading, code, table, …) is a ``Block`` subclass that
knows how to build itself from markdown-it block tokens (``build``), roughly how many
lines it needs (``estimate``), how to lay itself out at a width (``render``) and its
plain text (``plain``). ``spinetui.render.blocks.BLOCKS`` maps token types to classes.
The container prefixes (quote gutters, list markers) are set by the document when it
places the block (``MarkdownDocument._emit``), not by the block.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Protocol

from rich.style import Style

from spinetui.render.blocks.containers import Item
from spinetui.render.icon_array import OutcomeData
from spinetui.render.inline import InlineRenderer
from spinetui.render.styles import RenderStyles
from spinetui.render.wrap import Line

if TYPE_CHECKING:
    from markdown_it.token import Token

#: Block kinds, as named in ``DocumentLayout.errors``.
BlockKind = Literal["para", "heading", "code", "hr", "table", "outcome", "empty"]

#: A prefix piece: text and its style (quote gutter, list marker, indent).
Piece = tuple[str, Style | None]


class BlockContext(Protocol):
    """What a block reads when it is laid out or read as plain text (the document)."""

    @property
    def styles(self) -> RenderStyles: ...
    @property
    def outcomes(self) -> Mapping[str, OutcomeData]: ...
    @property
    def inline(self) -> InlineRenderer: ...


class Builder(Protocol):
    """What a block class reads from the document while building itself from tokens."""

    @property
    def styles(self) -> RenderStyles: ...
    @property
    def inline(self) -> InlineRenderer: ...
    @property
    def marks_terms(self) -> bool: ...  # whether text blocks mark glossary terms
    @property
    def heading_inline(self) -> Mapping[int, tuple[str, list[Token]]]: ...

    def item(self) -> Item | None:
        """The list item the next block opens, if the innermost container is one."""
        ...

    def emit(self, block: Block) -> None:
        """Place ``block`` after the ones before it, in its containers."""
        ...


class Block:
    """One leaf block, with the prefixes of the containers it sits in."""

    __slots__ = ("first", "rest", "gap_prefix", "prefix_w", "gap", "root", "stack", "chars", "line")

    kind: ClassVar[BlockKind]

    def __init__(self, chars: int, line: int):
        self.chars = chars  # size of its source, for the line estimate
        self.line = line  # its first source line (0-based)
        self.first: list[Piece] = []  # prefix of its first line
        self.rest: list[Piece] = []  # prefix of its other lines
        self.gap_prefix: list[Piece] = []  # prefix of the blank line before it
        self.prefix_w = 0
        self.gap = False  # a blank line before it
        self.root: Any = None  # the tight list it belongs to (no gap inside one)
        self.stack: tuple[Any, ...] = ()  # its container frames, outermost first

    @classmethod
    def build(cls, builder: Builder, tokens: list[Token], i: int) -> int:
        """Build from ``tokens[i]`` on, emit the block(s); return the next token's index."""
        raise NotImplementedError

    def estimate(self, width: int) -> int:
        """Lines it will likely take at ``width`` cells (before it is laid out)."""
        return max(1, -(-self.chars // width))

    def render(self, ctx: BlockContext, width: int) -> list[Line]:
        """Its lines at ``width`` cells (without container prefixes)."""
        raise NotImplementedError

    def plain(self, ctx: BlockContext) -> str:
        """Its text, for search, find and sections."""
        return ""

    def set_section(self, section: int) -> None:
        """Tell it which heading's section it is in (glossary words: first use)."""


def merge(pieces: list[Piece]) -> list[Piece]:
    """Join neighbouring pieces of the same style."""
    out: list[Piece] = []
    for text, style in pieces:
        if out and out[-1][1] is style:
            out[-1] = (out[-1][0] + text, style)
        else:
            out.append((text, style))
    return out
