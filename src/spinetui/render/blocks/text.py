"""Text blocks: paragraphs, headings, questions (task list items), raw HTML, rules,
empty list items and the too-deep notice. Their inline text is parsed on first use."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment

from spinetui.decide.questions import question_key
from spinetui.i18n import N_, _
from spinetui.render.blocks.base import Block, BlockContext, BlockKind, Builder
from spinetui.render.blocks.containers import BULLETS, Item
from spinetui.render.html import html_block_runs
from spinetui.render.inline import Inline, InlineRenderer, Ref
from spinetui.render.parse import _line
from spinetui.render.wrap import Line, wrap_runs

if TYPE_CHECKING:
    from markdown_it.token import Token

# A GFM task list item: "- [ ] Question?" (or "[x]"). Drawn as a tick box the reader
# ticks; the box in the file only marks it as a question (ticks are the reader's own).
_TASK = re.compile(r"^\[[ xX]\](?:[ \t]+|$)")
#: How a question's tick box is drawn before the reader ticks it, and after: shape
#: (ASCII), not colour, so it reads on the Linux console and in 16 colours.
BOX_EMPTY = "[ ]"
BOX_TICKED = "[x]"
#: The words of ``TOO_DEEP`` (which is them in italics, as Markdown), for the catalog:
#: the notice is made in the reader's language when the article is parsed.
TOO_DEEP_WORDS = N_("(Lists or quotes are nested too deeply here; the text inside is not shown.)")


def too_deep_notice() -> str:
    """``TOO_DEEP`` in the current language (Markdown: the words in italics)."""
    return f"*{_(TOO_DEEP_WORDS)}*"


class Paragraph(Block):
    """Running text (also a list item's text and a stray inline token)."""

    __slots__ = ("inline",)
    kind: ClassVar[BlockKind] = "para"

    def __init__(self, inline: Inline, chars: int, line: int):
        super().__init__(chars, line)
        self.inline = inline

    @classmethod
    def build(cls, builder: Builder, tokens: list[Token], i: int) -> int:
        tok = tokens[i]
        if tok.type == "inline":  # stray inline token (should not happen)
            inl = Inline(tok.content, None, builder.marks_terms)
            builder.emit(cls(inl, len(tok.content), _line(tok)))
            return i + 1
        inline = tokens[i + 1] if i + 1 < len(tokens) else None
        content = inline.content if inline is not None else ""
        item = builder.item()
        if item is not None and item.pending and (task := _TASK.match(content)):
            question = Question.make(content[task.end() :], item, builder.inline)
            builder.emit(Question(question, len(content), _line(tok)))
        else:
            builder.emit(cls(Inline(content, None, builder.marks_terms), len(content), _line(tok)))
        return i + 3  # paragraph_open, inline, paragraph_close

    def render(self, ctx: BlockContext, width: int) -> list[Line]:
        return wrap_runs(ctx.inline.runs(self.inline), width)

    def plain(self, ctx: BlockContext) -> str:
        return ctx.inline.plain(self.inline)

    def set_section(self, section: int) -> None:
        self.inline.section = section


class Question(Paragraph):
    """A task list item: the box takes the list marker's place, and its text is one
    target the reader ticks (identified by its words)."""

    __slots__ = ()

    @staticmethod
    def make(content: str, item: Item, inline: InlineRenderer) -> Inline:
        inl = Inline(content, None, False)
        text = " ".join(inline.plain(inl).split())
        inl.question = Ref("question", question_key(text), text)
        # A numbered question keeps its number ("2. [ ] ..."); a bullet gives way.
        number = "" if item.marker.strip() in BULLETS else item.marker
        item.marker = number + BOX_EMPTY + " "
        item.indent = " " * len(item.marker)
        return inl


class Heading(Paragraph):
    """A heading; its inline parse is done with the block parse (for the anchors)."""

    __slots__ = ("index",)
    kind: ClassVar[BlockKind] = "heading"

    def __init__(self, inline: Inline, chars: int, line: int):
        super().__init__(inline, chars, line)
        self.index = -1  # its place in MarkdownDocument.headings

    @classmethod
    def build(cls, builder: Builder, tokens: list[Token], i: int) -> int:
        tok = tokens[i]
        content, children = builder.heading_inline.get(i, ("", []))
        inl = Inline(content, builder.styles.heading(int(tok.tag[1:])), False)
        inl.children = children
        builder.emit(cls(inl, len(content), _line(tok)))
        return i + 3

    def set_section(self, section: int) -> None:
        pass  # headings mark no glossary words


class HtmlBlock(Paragraph):
    """Raw HTML, drawn as its meaning (paragraphs, breaks, images...), or not at all
    (comments, declarations): spinetui.render.html."""

    __slots__ = ()

    @classmethod
    def build(cls, builder: Builder, tokens: list[Token], i: int) -> int:
        tok = tokens[i]
        runs = html_block_runs(tok.content, builder.styles)
        if runs:
            inl = Inline(tok.content, None, False)
            inl.children = []
            inl.runs = runs
            inl.plain = " ".join(" ".join(str(r[0]) for r in runs if r[0] is not None).split())
            builder.emit(cls(inl, len(tok.content), _line(tok)))
        return i + 1


class TooDeep(Paragraph):
    """Where markdown-it dropped a container's content for nesting too deep: say so."""

    __slots__ = ()

    @classmethod
    def at(cls, tok: Token) -> TooDeep:
        notice = too_deep_notice()
        return cls(Inline(notice, None, False), len(notice), _line(tok))


class Rule(Block):
    """A thematic break: one line across."""

    __slots__ = ()
    kind: ClassVar[BlockKind] = "hr"

    @classmethod
    def build(cls, builder: Builder, tokens: list[Token], i: int) -> int:
        builder.emit(cls(1, _line(tokens[i])))
        return i + 1

    def render(self, ctx: BlockContext, width: int) -> list[Line]:
        return [([Segment("─" * width, ctx.styles.rule)], width, [])]


class EmptyItem(Block):
    """A list item with nothing in it: its marker on a line of its own."""

    __slots__ = ()
    kind: ClassVar[BlockKind] = "empty"

    def render(self, ctx: BlockContext, width: int) -> list[Line]:
        return [([], 0, [])]
