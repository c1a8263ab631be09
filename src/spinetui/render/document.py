"""Markdown → lines of Rich segments, block-parsed up front (by chunks) and laid out lazily.

``MarkdownDocument`` runs markdown-it's block pass only (the core "inline" rule is
disabled) and turns the block tokens into *leaf blocks* — one ``Block`` subclass per kind
(paragraph, heading, code, rule, table, raw HTML, outcome…: ``spinetui.render.blocks``,
looked up by token type in ``BLOCKS``) — each carrying the gutter and list-marker
prefixes of the containers it sits in. A ``DocumentLayout`` (``render/layout.py``) lays
out a growing prefix of those blocks for one width, inline-parsing each block on first
use (the parse is shared by every width). A long article is block-parsed a chunk at a
time (``render/chunks.py``, ``parse_more``) as the layout asks for more blocks.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from spinetui.markdown.slug import AnchorAllocator
from spinetui.render.blocks import (
    BLOCKS,
    BOX_EMPTY,
    BOX_TICKED,
    FENCES,
    Block,
    EmptyItem,
    Heading,
    Item,
    ListFrame,
    Piece,
    Question,
    Quote,
    TooDeep,
    merge,
)
from spinetui.render.chunks import ChunkCutter, crosses_end, merged
from spinetui.render.icon_array import OutcomeData
from spinetui.render.inline import InlineRenderer
from spinetui.render.layout import DocumentLayout, Target, is_box
from spinetui.render.parse import (
    MAX_NESTING,
    RenderHeading,
    _inline_plain,
    _line,
    _scan_headings,
    block_parser,
    heading_anchors,
    link_kind,
)
from spinetui.render.parsed import MARKDOWN_IT, Parse
from spinetui.render.styles import DEFAULT_STYLES, RenderStyles
from spinetui.render.terms import TermMatcher
from spinetui.render.wrap import clean_source, text_width

if TYPE_CHECKING:
    from markdown_it.token import Token

__all__ = [
    "DocumentLayout",
    "MarkdownDocument",
    "RenderHeading",
    "BOX_EMPTY",
    "BOX_TICKED",
    "Target",
    "block_parser",
    "heading_anchors",
    "is_box",
    "link_kind",
]

_LAYOUT_CACHE_SIZE = 4
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_CLOSES = frozenset(("blockquote_close", "bullet_list_close", "ordered_list_close"))


class MarkdownDocument:
    """An article's Markdown, block-parsed; lay it out with ``layout(width)``."""

    def __init__(
        self,
        source: str,
        terms: TermMatcher | None = None,
        styles: RenderStyles | None = None,
        outcomes: Mapping[str, OutcomeData] | None = None,
        parse: Parse | None = None,
        headings: Sequence[tuple[int, str, str, int]] | None = None,
    ):
        """`parse`: where the tokens come from (default markdown-it; a parse kept from
        an earlier start: ``spinetui.render.parsed``). `headings`: the article's
        headings as the scanner found them in `source` (the guide's
        ``Article.headings``), so that a long article is not scanned again when it
        opens; held to markdown-it's like the document's own scan."""
        self._raw = source or ""
        self._source: str | None = None
        # Datasets that ```outcome blocks name (the guide's outcomes.yaml), by id.
        self.outcomes: Mapping[str, OutcomeData] = outcomes or {}
        self.terms = terms if terms else None
        self.styles = styles or DEFAULT_STYLES
        self._parse = parse or MARKDOWN_IT
        self._env: dict[str, Any] = {}
        self.inline = InlineRenderer(self._parse, self._env, self.styles, self.terms)
        self.marks_terms = self.terms is not None
        self.heading_inline: dict[int, tuple[str, list[Token]]] = {}
        self._anchors = AnchorAllocator()
        self._parsed_headings: list[RenderHeading] = []  # markdown-it's, so far
        self._checked = 0  # how many of them are held to the scanner's already
        self._blocks: list[Block] = []
        self._stack: list[Any] = []  # the open container frames while building
        self._flattened = 0  # blocks that know their heading index or section
        self._heading_count = 0
        self._layouts: OrderedDict[int, DocumentLayout] = OrderedDict()
        # A long article is parsed a chunk at a time (see render/chunks.py); its
        # headings come from the fast scanner meanwhile, so the contents, anchors and
        # sections are whole from the start. Each parsed chunk is held to them.
        # The chunks are cut (and cleaned) one at a time as they are parsed: opening a
        # long article costs its first chunk, not a pass over the whole source.
        self._cutter = ChunkCutter(self._raw)
        if self._cutter.chunked:
            if headings is None:
                headings = _scanned_headings(self._raw, self)
            self.headings = [RenderHeading(*h) for h in headings]
        else:
            self.headings = self._parsed_headings
        self._next_chunk = self._cutter.next()
        self._anchor_index = {h.anchor: n for n, h in enumerate(self.headings)}
        self._unparsed = (0, 0)  # characters and blocks not parsed yet, about
        self.parse_more()

    @property
    def source(self) -> str:
        """The whole Markdown, cleaned of control characters (made when first asked)."""
        if self._source is None:
            self._source = clean_source(self._raw)
        return self._source

    # -- public ---------------------------------------------------------------

    def layout(self, width: int) -> DocumentLayout:
        """The layout for ``width`` cells (cached; the last few widths are kept)."""
        width = max(1, int(width))
        found = self._layouts.get(width)
        if found is not None:
            self._layouts.move_to_end(width)
            return found
        made = DocumentLayout(self, width)
        self._layouts[width] = made
        while len(self._layouts) > _LAYOUT_CACHE_SIZE:
            self._layouts.popitem(last=False)
        return made

    @property
    def block_count(self) -> int:
        """Blocks parsed so far (all of them once ``parsed``)."""
        return len(self._blocks)

    @property
    def parsed(self) -> bool:
        """True once the whole source is block-parsed."""
        return self._next_chunk is None

    def unparsed_estimate(self, width: int) -> int:
        """About how many lines the source not parsed yet will take at ``width``."""
        chars, blocks = self._unparsed
        return chars // max(1, width) + 2 * blocks

    def parse_more(self) -> bool:
        """Block-parse the next chunk of the source; False if there was none left."""
        chunk = self._next_chunk
        if chunk is None:
            return False
        parse, env, cutter = self._parse, self._env, self._cutter
        self._next_chunk = cutter.next()
        tokens = parse.block(chunk.text, env)
        while self._next_chunk is not None and crosses_end(tokens, chunk.end - chunk.start):
            # A fence or HTML block runs on into the next chunk: parse the two as one.
            chunk = merged(chunk, self._next_chunk)
            self._next_chunk = cutter.next()
            tokens = parse.block(chunk.text, env)
        if chunk.start:
            for tok in tokens:
                if tok.map:
                    tok.map = [tok.map[0] + chunk.start, tok.map[1] + chunk.start]
        self.heading_inline = {}
        headings = _scan_headings(tokens, None, env, self._anchors, inline=parse.inline)
        for i, tok, content, anchor, children in headings:
            text = " ".join(_inline_plain(children).split())
            self.heading_inline[i] = (content, children)
            self._parsed_headings.append(RenderHeading(int(tok.tag[1:]), text, anchor, _line(tok)))
        self._flatten(tokens)
        after = self._next_chunk
        chars, blocks = cutter.unparsed()
        if after is not None:
            chars, blocks = chars + len(after.text), blocks + after.blocks
        self._unparsed = (chars, blocks)
        if self.headings is self._parsed_headings:  # parsed whole: index them now
            self._anchor_index = {h.anchor: n for n, h in enumerate(self.headings)}
        else:
            self._check_headings()
        return True

    def parse_all(self) -> None:
        """Block-parse the rest of the source (find, sections and plain text need it)."""
        while self.parse_more():
            pass

    def _check_headings(self) -> None:
        """Hold the parsed chunks' headings to the scanner's; parse the rest if they differ.

        The scanner agrees with markdown-it on real content (tests hold it to that); if
        some odd Markdown fools it, the whole rest is parsed now and markdown-it's
        headings replace the scanner's in the same list, so whoever holds it sees them.
        """
        exact, scanned = self._parsed_headings, self.headings
        n, checked = len(exact), self._checked
        self._checked = n
        if exact[checked:] == scanned[checked:n] and (
            len(scanned) == n
            or (self._next_chunk and scanned[n].source_line >= self._next_chunk.start)
        ):
            return
        self.headings = exact  # no more checks while the rest is parsed
        if self._next_chunk is not None:
            rest = self._cutter.rest()
            if rest is not None:
                self._next_chunk = merged(self._next_chunk, rest)
            self.parse_more()
        scanned[:] = exact
        self.headings = self._parsed_headings = scanned
        self._anchor_index = {h.anchor: n for n, h in enumerate(scanned)}

    def heading_index(self, anchor: str) -> int | None:
        return self._anchor_index.get(anchor.lstrip("#"))

    def sections(self) -> list[tuple[str | None, str, str]]:
        """(anchor, heading text, plain text) per heading section, in order.

        Text before the first heading comes first as (None, "", text) when there is
        any. Parses and inline-parses every block (the parse is kept for later layouts).
        """
        self.parse_all()
        out: list[tuple[str | None, str, str]] = []
        anchor: str | None = None
        title = ""
        parts: list[str] = []
        for block in self._blocks:
            if isinstance(block, Heading):
                if parts or anchor is not None:
                    out.append((anchor, title, "\n\n".join(p for p in parts if p)))
                heading = self.headings[block.index]
                anchor, title, parts = heading.anchor, heading.text, []
            else:
                parts.append(block.plain(self))
        if parts or anchor is not None:
            out.append((anchor, title, "\n\n".join(p for p in parts if p)))
        return out

    def questions(self) -> list[tuple[str, str]]:
        """The questions (task list items) in document order: (key, words), the key as
        ``spinetui.decide.questions.question_key`` makes it (what a tick is kept by)."""
        out = []
        for block in self._blocks:
            if isinstance(block, Question) and block.inline.question is not None:
                out.append((block.inline.question.value, block.inline.question.text))
        return out

    def plain_text(self) -> str:
        """The whole document as plain text (headings included)."""
        self.parse_all()
        chunks = []
        for block in self._blocks:
            if isinstance(block, Heading):
                chunks.append(self.headings[block.index].text)
            else:
                chunks.append(block.plain(self))
        return "\n\n".join(c for c in chunks if c)

    # -- building the blocks (what a block class's ``build`` calls) ------------

    def item(self) -> Item | None:
        stack = self._stack
        return stack[-1] if stack and isinstance(stack[-1], Item) else None

    def emit(self, block: Block) -> None:
        """Give ``block`` the prefixes of its containers and the gap before it."""
        stack = self._stack
        styles = self.styles
        first: list[Piece] = []
        rest: list[Piece] = []
        for frame in stack:
            if isinstance(frame, Quote):
                first.append(("▌ ", styles.quote_gutter))
                rest.append(("▌ ", styles.quote_gutter))
            elif isinstance(frame, Item):
                if frame.pending:
                    first.append((frame.marker, styles.list_marker))
                    frame.pending = False
                else:
                    first.append((frame.indent, None))
                rest.append((frame.indent, None))
        block.first = merge(first)
        block.rest = merge(rest)
        block.prefix_w = sum(text_width(t) for t, _ in block.rest)
        block.stack = tuple(stack)
        root = None
        for frame in reversed(stack):
            if isinstance(frame, ListFrame):
                if not frame.tight:
                    break
                root = frame
            elif isinstance(frame, Quote):
                break
        block.root = root
        if self._blocks:
            prev = self._blocks[-1]
            block.gap = root is None or prev.root is not root
            common = 0
            for a, b in zip(prev.stack, block.stack, strict=False):
                if a is not b:
                    break
                common += 1
            gap: list[Piece] = []
            for frame in block.stack[:common]:
                if isinstance(frame, Quote):
                    gap.append(("▌ ", styles.quote_gutter))
                elif isinstance(frame, Item):
                    gap.append((frame.indent, None))
            while gap and not gap[-1][0].strip():
                gap.pop()
            if gap:
                last_text, last_style = gap[-1]
                gap[-1] = (last_text.rstrip(), last_style)
            block.gap_prefix = merge(gap)
        self._blocks.append(block)

    def _flatten(self, tokens: list[Token]) -> None:
        """Leaf tokens → blocks (by ``BLOCKS``); container tokens open and close frames."""
        stack = self._stack
        n = len(tokens)
        i = 0
        while i < n:
            tok = tokens[i]
            ty = tok.type
            block = BLOCKS.get(ty)
            if block is not None:
                if ty == "fence":
                    block = FENCES.get(tok.info.strip(), block)
                i = block.build(self, tokens, i)
                continue
            if ty == "blockquote_open":
                stack.append(Quote())
                self._too_deep(tokens, i)
            elif ty in _CLOSES:
                if stack:
                    stack.pop()
            elif ty in ("bullet_list_open", "ordered_list_open"):
                stack.append(ListFrame.open(tokens, i, stack))
            elif ty == "list_item_open":
                frame = stack[-1] if stack and isinstance(stack[-1], ListFrame) else None
                stack.append(Item.open(frame))
                self._too_deep(tokens, i)
            elif ty == "list_item_close" and stack and isinstance(stack[-1], Item):
                if stack[-1].pending:
                    self.emit(EmptyItem(1, _line(tok)))
                stack.pop()
            i += 1
        stack.clear()
        # Heading blocks learn their index in document order, and text its section.
        k = self._heading_count
        for b in self._blocks[self._flattened :]:
            if isinstance(b, Heading):
                b.index = k
                k += 1
            else:
                b.set_section(k)
        self._heading_count = k
        self._flattened = len(self._blocks)

    def _too_deep(self, tokens: list[Token], i: int) -> None:
        """Say so where markdown-it dropped a container's content for nesting too deep."""
        tok = tokens[i]
        if tok.level >= MAX_NESTING - 1 and i + 1 < len(tokens) and tokens[i + 1].nesting == -1:
            self.emit(TooDeep.at(tok))


def scan_heading_anchors(source: str) -> list[tuple[int, str, str, int]]:
    """The fast scanner's headings. Imported on first use: a document given its headings
    (every one the guide opens) never scans, so its patterns are not compiled before
    the first paint."""
    from spinetui.markdown.scan import heading_anchors

    return heading_anchors(source)


def _scanned_headings(raw: str, doc: MarkdownDocument) -> list[tuple[int, str, str, int]]:
    """The scanner's headings of a long source, scanned as it is (cleaning all of it
    first would be another pass over megabytes). Control characters, which the parse
    never sees, can only matter if one is in a heading: then the cleaned source is
    scanned. Anywhere else one could at most hide a heading from the scanner, and the
    parsed chunks are held to its headings anyway (``_check_headings``)."""
    found = scan_heading_anchors(raw)
    if any(_CONTROL.search(h[1]) for h in found):
        return scan_heading_anchors(doc.source)
    return found
