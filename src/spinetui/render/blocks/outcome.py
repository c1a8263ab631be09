"""```outcome blocks: a named dataset of the guide's outcomes.yaml drawn as an icon array."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from spinetui.i18n import _
from spinetui.markdown.outcome_fence import outcome_block_name
from spinetui.render.blocks.base import Block, BlockContext, BlockKind, Builder
from spinetui.render.icon_array import icon_array_lines, outcome_sentence
from spinetui.render.parse import _line
from spinetui.render.wrap import Line, clean_inline, wrap_runs

if TYPE_CHECKING:
    from markdown_it.token import Token


class OutcomeBlock(Block):
    __slots__ = ("name",)
    kind: ClassVar[BlockKind] = "outcome"

    def __init__(self, name: str, line: int):
        super().__init__(18, line)  # about an icon array's height
        self.name = name

    @classmethod
    def build(cls, builder: Builder, tokens: list[Token], i: int) -> int:
        tok = tokens[i]
        builder.emit(cls(outcome_block_name(tok.content), _line(tok)))
        return i + 1

    def estimate(self, width: int) -> int:
        return self.chars

    def render(self, ctx: BlockContext, width: int) -> list[Line]:
        outcome = ctx.outcomes.get(self.name)
        if outcome is None:
            # Translators: {name} is the dataset's id; outcomes.yaml is a file name.
            notice = _("(The numbers named '{name}' are not in this guide's outcomes.yaml.)")
            notice = notice.format(name=self.name)
            return wrap_runs([(clean_inline(notice), ctx.styles.notice, None)], width)
        return icon_array_lines(outcome, width, ctx.styles)

    def plain(self, ctx: BlockContext) -> str:
        # The array's text equivalent: what find and search read.
        outcome = ctx.outcomes.get(self.name)
        return clean_inline(outcome_sentence(outcome)) if outcome is not None else ""
