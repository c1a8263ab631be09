"""Code blocks (fenced and indented): shown as written, one source line per line."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment

from spinetui.render.blocks.base import Block, BlockContext, BlockKind, Builder
from spinetui.render.parse import _line
from spinetui.render.wrap import Line, clean_inline, split_cells, text_width

if TYPE_CHECKING:
    from markdown_it.token import Token


class CodeBlock(Block):
    __slots__ = ("text",)
    kind: ClassVar[BlockKind] = "code"

    def __init__(self, text: str, line: int):
        super().__init__(text.count("\n") + 1, line)
        self.text = text

    @classmethod
    def build(cls, builder: Builder, tokens: list[Token], i: int) -> int:
        tok = tokens[i]
        builder.emit(cls(tok.content, _line(tok)))
        return i + 1

    def estimate(self, width: int) -> int:
        return self.chars  # its line count

    def render(self, ctx: BlockContext, width: int) -> list[Line]:
        style = ctx.styles.code_block
        out: list[Line] = []
        text = self.text
        if text.endswith("\n"):
            text = text[:-1]
        for raw in text.split("\n"):
            rest = clean_inline(raw.expandtabs(4)) if raw else ""
            rest_w = text_width(rest)
            while True:
                if rest_w <= width:
                    pad = width - rest_w
                    out.append(([Segment(rest + " " * pad, style)], width, []))
                    break
                head, hw, rest, rest_w = split_cells(rest, width)
                if not head:  # a cluster wider than the line
                    head, hw = "…", 1
                    rest = rest[1:]
                    rest_w = text_width(rest)
                out.append(([Segment(head + " " * (width - hw), style)], width, []))
        return out

    def plain(self, ctx: BlockContext) -> str:
        lines = self.text.split("\n")
        return "\n".join(clean_inline(line.expandtabs(4)) for line in lines).rstrip()
