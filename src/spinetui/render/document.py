"""Markdown → lines of Rich segments, parsed eagerly by block and laid out lazily.

``MarkdownDocument`` runs markdown-it's block pass only (the core "inline" rule is
disabled) and flattens the block tokens into *leaf blocks* (paragraph, heading, code,
rule, table, raw HTML), each carrying the gutter and list-marker prefixes of the
containers it sits in. A ``DocumentLayout`` lays out a growing prefix of those leaves
for one width, inline-parsing each leaf on first use (the parse is shared by every
width).
"""

from __future__ import annotations

import bisect
import re
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from markdown_it.token import Token
from rich.segment import Segment
from rich.style import Style

from spinetui.decide.questions import question_key
from spinetui.render.html import InlineHtml, html_block_runs
from spinetui.render.icon_array import OutcomeData, icon_array_lines, outcome_sentence
from spinetui.render.parse import (
    MAX_NESTING,
    TOO_DEEP,
    RenderHeading,
    _inline_plain,
    _line,
    _scan_headings,
    block_parser,
    heading_anchors,
    link_kind,
)
from spinetui.render.styles import DEFAULT_STYLES, RenderStyles
from spinetui.render.terms import TermMatcher
from spinetui.render.wrap import (
    HARD,
    Line,
    Run,
    clean_inline,
    clean_source,
    fit_cells,
    split_cells,
    text_width,
    wrap_runs,
)

__all__ = [
    "DocumentLayout",
    "MarkdownDocument",
    "RenderHeading",
    "BOX_EMPTY",
    "BOX_TICKED",
    "Target",
    "heading_anchors",
    "is_box",
    "link_kind",
]

_LAYOUT_CACHE_SIZE = 4
_BULLETS = ("•", "◦", "▪", "‣")
_LONG_WORD = 15  # table columns break words longer than this rather than give up
# A GFM task list item: "- [ ] Question?" (or "[x]"). Drawn as a tick box the reader
# ticks; the box in the file only marks it as a question (ticks are the reader's own).
_TASK = re.compile(r"^\[[ xX]\](?:[ \t]+|$)")
#: How a question's tick box is drawn before the reader ticks it, and after: shape
#: (ASCII), not colour, so it reads on the Linux console and in 16 colours.
BOX_EMPTY = "[ ]"
BOX_TICKED = "[x]"


@dataclass(frozen=True, slots=True)
class Target:
    """A clickable span: line ``y``, cells ``x0 <= x < x1``."""

    y: int
    x0: int
    x1: int
    kind: str  # "article" | "anchor" | "external" | "source" | "term" | "tool" | "question"
    value: str
    text: str

    def contains(self, x: int) -> bool:
        return self.x0 <= x < self.x1


class _Ref:
    """What every piece of one link or term shares (identity groups target spans)."""

    __slots__ = ("kind", "value", "text")

    def __init__(self, kind: str, value: str, text: str):
        self.kind = kind
        self.value = value
        self.text = text


class _Inline:
    """One inline token's content, parsed and turned into runs on first use."""

    __slots__ = ("content", "base", "terms", "children", "runs", "plain", "section", "question")

    def __init__(self, content: str, base: Style | None, terms: bool):
        self.content = content
        self.base = base
        self.terms = terms
        self.section = 0  # which heading's section it is in (glossary words: first use)
        self.children: list[Token] | None = None
        self.runs: list[Run] | None = None
        self.plain: str | None = None
        # A task list item's text: every run of it is one "question" target.
        self.question: _Ref | None = None


# ---------------------------------------------------------------- container frames


class _Quote:
    __slots__ = ()


class _List:
    __slots__ = ("ordered", "number", "delim", "width", "tight", "depth")

    def __init__(self, ordered: bool, number: int, delim: str, width: int, tight: bool, depth: int):
        self.ordered = ordered
        self.number = number
        self.delim = delim
        self.width = width
        self.tight = tight
        self.depth = depth


class _Item:
    __slots__ = ("marker", "indent", "pending")

    def __init__(self, marker: str):
        self.marker = marker
        self.indent = " " * text_width(marker)
        self.pending = True


Piece = tuple[str, Style | None]


class _Leaf:
    __slots__ = (
        "kind",
        "data",
        "first",
        "rest",
        "gap_prefix",
        "prefix_w",
        "gap",
        "root",
        "stack",
        "chars",
        "heading",
        "line",
    )

    def __init__(self, kind: str, data: Any, chars: int, line: int):
        self.kind = kind
        self.data = data
        self.chars = chars
        self.line = line
        self.heading = -1
        self.first: list[Piece] = []
        self.rest: list[Piece] = []
        self.gap_prefix: list[Piece] = []
        self.prefix_w = 0
        self.gap = False
        self.root: Any = None
        self.stack: tuple[Any, ...] = ()


def _merge(pieces: list[Piece]) -> list[Piece]:
    out: list[Piece] = []
    for text, style in pieces:
        if out and out[-1][1] is style:
            out[-1] = (out[-1][0] + text, style)
        else:
            out.append((text, style))
    return out


# ---------------------------------------------------------------- the document


class MarkdownDocument:
    """An article's Markdown, block-parsed; lay it out with ``layout(width)``."""

    def __init__(
        self,
        source: str,
        terms: TermMatcher | None = None,
        styles: RenderStyles | None = None,
        outcomes: Mapping[str, OutcomeData] | None = None,
    ):
        self.source = clean_source(source or "")
        # Datasets that ```outcome blocks name (the guide's outcomes.yaml), by id.
        self.outcomes: Mapping[str, OutcomeData] = outcomes or {}
        self.terms = terms if terms else None
        self.styles = styles or DEFAULT_STYLES
        self._md = block_parser()
        self._env: dict[str, Any] = {}
        tokens = self._md.parse(self.source, self._env)
        self.headings: list[RenderHeading] = []
        self._heading_inline: dict[int, tuple[str, list[Token]]] = {}
        for i, tok, content, anchor, children in _scan_headings(tokens, self._md, self._env):
            text = " ".join(_inline_plain(children).split())
            self._heading_inline[i] = (content, children)
            self.headings.append(RenderHeading(int(tok.tag[1:]), text, anchor, _line(tok)))
        self._anchor_index = {h.anchor: n for n, h in enumerate(self.headings)}
        self._leaves: list[_Leaf] = []
        self._terms_seen: dict[int, set[str]] = {}
        self._inline_html = InlineHtml(self.styles)
        self._flatten(tokens)
        self._layouts: OrderedDict[int, DocumentLayout] = OrderedDict()

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
        return len(self._leaves)

    def heading_index(self, anchor: str) -> int | None:
        return self._anchor_index.get(anchor.lstrip("#"))

    def sections(self) -> list[tuple[str | None, str, str]]:
        """(anchor, heading text, plain text) per heading section, in order.

        Text before the first heading comes first as (None, "", text) when there is
        any. Inline-parses every block (the parse is kept for later layouts).
        """
        out: list[tuple[str | None, str, str]] = []
        anchor: str | None = None
        title = ""
        parts: list[str] = []
        for leaf in self._leaves:
            if leaf.kind == "heading":
                if parts or anchor is not None:
                    out.append((anchor, title, "\n\n".join(p for p in parts if p)))
                heading = self.headings[leaf.heading]
                anchor, title, parts = heading.anchor, heading.text, []
            else:
                parts.append(self._leaf_plain(leaf))
        if parts or anchor is not None:
            out.append((anchor, title, "\n\n".join(p for p in parts if p)))
        return out

    def plain_text(self) -> str:
        """The whole document as plain text (headings included)."""
        chunks = []
        for leaf in self._leaves:
            if leaf.kind == "heading":
                chunks.append(self.headings[leaf.heading].text)
            else:
                chunks.append(self._leaf_plain(leaf))
        return "\n\n".join(c for c in chunks if c)

    # -- flattening -------------------------------------------------------------

    def _flatten(self, tokens: list[Token]) -> None:
        stack: list[Any] = []
        styles = self.styles
        terms = self.terms is not None
        n = len(tokens)
        i = 0
        while i < n:
            tok = tokens[i]
            ty = tok.type
            if ty == "paragraph_open":
                inline = tokens[i + 1] if i + 1 < n else None
                content = inline.content if inline is not None else ""
                data = _Inline(content, None, terms)
                item = stack[-1] if stack and isinstance(stack[-1], _Item) else None
                if item is not None and item.pending and (task := _TASK.match(content)):
                    data = self._question(content[task.end() :], item)
                self._emit(_Leaf("para", data, len(content), _line(tok)), stack)
                i += 3
                continue
            if ty == "heading_open":
                content, children = self._heading_inline.get(i, ("", []))
                inl = _Inline(content, styles.heading(int(tok.tag[1:])), False)
                inl.children = children
                self._emit(_Leaf("heading", inl, len(content), _line(tok)), stack)
                i += 3
                continue
            if ty == "fence" and tok.info.strip() == "outcome":
                name = tok.content.strip().split("\n", 1)[0].strip()
                self._emit(_Leaf("outcome", name, 18, _line(tok)), stack)
            elif ty in ("fence", "code_block"):
                text = tok.content
                self._emit(_Leaf("code", text, text.count("\n") + 1, _line(tok)), stack)
            elif ty == "html_block":
                # Drawn as its meaning (paragraphs, breaks, images...), or not at all
                # (comments, declarations): spinetui.render.html.
                runs = html_block_runs(tok.content, styles)
                if runs:
                    inl = _Inline(tok.content, None, False)
                    inl.children = []
                    inl.runs = runs
                    inl.plain = " ".join(
                        " ".join(str(r[0]) for r in runs if r[0] is not None).split()
                    )
                    self._emit(_Leaf("para", inl, len(tok.content), _line(tok)), stack)
            elif ty == "hr":
                self._emit(_Leaf("hr", None, 1, _line(tok)), stack)
            elif ty == "blockquote_open":
                stack.append(_Quote())
                self._too_deep(tokens, i, stack)
            elif ty in ("blockquote_close", "bullet_list_close", "ordered_list_close"):
                if stack:
                    stack.pop()
            elif ty in ("bullet_list_open", "ordered_list_open"):
                stack.append(self._list_frame(tokens, i, stack))
            elif ty == "list_item_open":
                frame = stack[-1] if stack and isinstance(stack[-1], _List) else None
                stack.append(_Item(self._marker(frame)))
                self._too_deep(tokens, i, stack)
            elif ty == "list_item_close":
                if stack and isinstance(stack[-1], _Item):
                    if stack[-1].pending:
                        self._emit(_Leaf("empty", None, 1, _line(tok)), stack)
                    stack.pop()
            elif ty == "table_open":
                i = self._table(tokens, i, stack)
                continue
            elif ty == "inline":  # stray inline token (should not happen)
                self._emit(
                    _Leaf("para", _Inline(tok.content, None, terms), len(tok.content), _line(tok)),
                    stack,
                )
            i += 1
        # Heading leaves learn their index in document order, and text its section.
        k = 0
        for leaf in self._leaves:
            if leaf.kind == "heading":
                leaf.heading = k
                k += 1
            elif leaf.kind == "para":
                leaf.data.section = k
            elif leaf.kind == "table":
                for _head, cells in leaf.data:
                    for inl, _align in cells:
                        inl.section = k

    def _question(self, content: str, item: _Item) -> _Inline:
        """A task list item: the box takes the list marker's place, and its text is
        one target the reader ticks (identified by its words)."""
        inl = _Inline(content, None, False)
        text = " ".join(self._plain(inl).split())
        inl.question = _Ref("question", question_key(text), text)
        # A numbered question keeps its number ("2. [ ] ..."); a bullet gives way.
        number = "" if item.marker.strip() in _BULLETS else item.marker
        item.marker = number + BOX_EMPTY + " "
        item.indent = " " * len(item.marker)
        return inl

    def _too_deep(self, tokens: list[Token], i: int, stack: list[Any]) -> None:
        """Say so where markdown-it dropped a container's content for nesting too deep."""
        tok = tokens[i]
        if tok.level >= MAX_NESTING - 1 and i + 1 < len(tokens) and tokens[i + 1].nesting == -1:
            inline = _Inline(TOO_DEEP, None, False)
            self._emit(_Leaf("para", inline, len(TOO_DEEP), _line(tok)), stack)

    def _list_frame(self, tokens: list[Token], i: int, stack: list[Any]) -> _List:
        tok = tokens[i]
        ordered = tok.type == "ordered_list_open"
        start = tok.attrGet("start")
        try:
            number = int(start) if start is not None else 1
        except (TypeError, ValueError):
            number = 1
        level = tok.level
        close = "ordered_list_close" if ordered else "bullet_list_close"
        items = 0
        tight = True
        for j in range(i + 1, len(tokens)):
            t = tokens[j]
            if t.level == level and t.type == close:
                break
            if t.level == level + 1 and t.type == "list_item_open":
                items += 1
            elif t.level == level + 2 and t.type == "paragraph_open" and not t.hidden:
                tight = False
        delim = tok.markup if ordered and tok.markup in (".", ")") else "."
        width = len(str(number + max(items - 1, 0))) + len(delim) if ordered else 1
        depth = sum(1 for f in stack if isinstance(f, _List) and not f.ordered)
        return _List(ordered, number, delim, width, tight, depth)

    def _marker(self, frame: _List | None) -> str:
        if frame is None:
            return "• "
        if frame.ordered:
            text = f"{frame.number}{frame.delim}"
            frame.number += 1
            return text.rjust(frame.width) + " "
        return _BULLETS[frame.depth % len(_BULLETS)] + " "

    def _table(self, tokens: list[Token], i: int, stack: list[Any]) -> int:
        """Collect a table's rows; return the index after table_close."""
        terms = self.terms is not None
        header_style = self.styles.table_header
        rows: list[tuple[bool, list[tuple[_Inline, str]]]] = []
        in_head = False
        chars = 0
        line = _line(tokens[i])
        n = len(tokens)
        j = i + 1
        while j < n and tokens[j].type != "table_close":
            t = tokens[j]
            ty = t.type
            if ty == "thead_open":
                in_head = True
            elif ty == "thead_close":
                in_head = False
            elif ty == "tr_open":
                rows.append((in_head, []))
            elif ty in ("th_open", "td_open"):
                style = str(t.attrGet("style") or "")
                align = style.split(":", 1)[1].strip() if ":" in style else "left"
                content = ""
                if j + 1 < n and tokens[j + 1].type == "inline":
                    content = tokens[j + 1].content
                    j += 1
                base = header_style if in_head else None
                if rows:
                    rows[-1][1].append((_Inline(content, base, terms and not in_head), align))
                chars += len(content) + 3
            j += 1
        if rows:
            self._emit(_Leaf("table", rows, chars, line), stack)
        return j + 1

    def _emit(self, leaf: _Leaf, stack: list[Any]) -> None:
        styles = self.styles
        first: list[Piece] = []
        rest: list[Piece] = []
        for frame in stack:
            if isinstance(frame, _Quote):
                first.append(("▌ ", styles.quote_gutter))
                rest.append(("▌ ", styles.quote_gutter))
            elif isinstance(frame, _Item):
                if frame.pending:
                    first.append((frame.marker, styles.list_marker))
                    frame.pending = False
                else:
                    first.append((frame.indent, None))
                rest.append((frame.indent, None))
        leaf.first = _merge(first)
        leaf.rest = _merge(rest)
        leaf.prefix_w = sum(text_width(t) for t, _ in leaf.rest)
        leaf.stack = tuple(stack)
        root = None
        for frame in reversed(stack):
            if isinstance(frame, _List):
                if not frame.tight:
                    break
                root = frame
            elif isinstance(frame, _Quote):
                break
        leaf.root = root
        if self._leaves:
            prev = self._leaves[-1]
            leaf.gap = root is None or prev.root is not root
            common = 0
            for a, b in zip(prev.stack, leaf.stack, strict=False):
                if a is not b:
                    break
                common += 1
            gap: list[Piece] = []
            for frame in leaf.stack[:common]:
                if isinstance(frame, _Quote):
                    gap.append(("▌ ", styles.quote_gutter))
                elif isinstance(frame, _Item):
                    gap.append((frame.indent, None))
            while gap and not gap[-1][0].strip():
                gap.pop()
            if gap:
                last_text, last_style = gap[-1]
                gap[-1] = (last_text.rstrip(), last_style)
            leaf.gap_prefix = _merge(gap)
        self._leaves.append(leaf)

    # -- inline ---------------------------------------------------------------

    def _children(self, inl: _Inline) -> list[Token]:
        if inl.children is None:
            children: list[Token] = []
            self._md.inline.parse(inl.content, self._md, self._env, children)
            inl.children = children
        return inl.children

    def _runs(self, inl: _Inline) -> list[Run]:
        if inl.runs is None:
            out: list[Run] = []
            seen = self._terms_seen.setdefault(inl.section, set())
            self._build_runs(
                self._children(inl), inl.base, inl.terms, out, seen, base_ref=inl.question
            )
            inl.runs = out
        return inl.runs

    def _plain(self, inl: _Inline) -> str:
        if inl.plain is None:
            inl.plain = _inline_plain(self._children(inl))
        return inl.plain

    def _leaf_plain(self, leaf: _Leaf) -> str:
        kind = leaf.kind
        if kind in ("para", "heading"):
            return self._plain(leaf.data)
        if kind in ("code", "html"):
            lines = leaf.data.split("\n")
            return "\n".join(clean_inline(line.expandtabs(4)) for line in lines).rstrip()
        if kind == "table":
            return "\n".join(
                " | ".join(self._plain(inl) for inl, _ in cells) for _head, cells in leaf.data
            )
        if kind == "outcome":  # the array's text equivalent: what find and search read
            outcome = self.outcomes.get(leaf.data)
            return clean_inline(outcome_sentence(outcome)) if outcome is not None else ""
        return ""

    def _build_runs(
        self,
        children: list[Token],
        base: Style | None,
        terms: bool,
        out: list[Run],
        seen: set[str] | None = None,
        base_ref: _Ref | None = None,
    ) -> None:
        """`seen`: glossary words already marked in this section. Only a word's first use
        in a section is marked (a target for l and Enter), not every repeat: blocks are
        laid out in reading order, so the first built is the first read."""
        seen = set() if seen is None else seen
        st = self.styles
        style = base
        stack: list[Style | None] = []
        # A question's text is all one target; a link inside it is a target of its own.
        ref: _Ref | None = base_ref
        link_start = 0
        link_outer: Style | None = None
        buf: list[str] = []

        def add(text: str, s: Style | None, r: Any, mark: bool) -> None:
            text = clean_inline(text)
            if not text:
                return
            if mark and self.terms is not None:
                pos = 0
                term_style = _combine(s, st.term)
                opening, closing = st.term_marks
                for start, end, term_id in self.terms.finditer(text):
                    if term_id in seen:
                        continue
                    seen.add(term_id)
                    if start > pos:
                        out.append((text[pos:start], s, r))
                    found = text[start:end]
                    out.append(
                        (opening + found + closing, term_style, _Ref("term", term_id, found))
                    )
                    pos = end
                if pos < len(text):
                    out.append((text[pos:], s, r))
            else:
                out.append((text, s, r))

        for tok in children:
            ty = tok.type
            if ty == "text" or ty == "text_special":
                buf.append(tok.content)
                continue
            if ty == "softbreak":  # part of the running text, so terms match across it
                buf.append(" ")
                continue
            if buf:
                add("".join(buf), style, ref, terms and ref is None)
                buf = []
            if ty == "hardbreak":
                out.append(HARD)
            elif ty == "code_inline":
                add(tok.content, _combine(style, st.code_inline), ref, False)
            elif ty == "em_open":
                stack.append(style)
                style = _combine(style, st.emphasis)
            elif ty == "strong_open":
                stack.append(style)
                style = _combine(style, st.strong)
            elif ty == "s_open":
                stack.append(style)
                style = _combine(style, st.strike)
            elif ty in ("em_close", "strong_close", "s_close"):
                style = stack.pop() if stack else base
            elif ty == "link_open":
                href = str(tok.attrGet("href") or "")
                kind, value = link_kind(href)
                link_outer = style
                stack.append(style)
                style = _combine(style, st.link)
                ref = _Ref(kind, value, href)
                if st.link_marks[0]:
                    out.append((st.link_marks[0], style, ref))
                link_start = len(out)
            elif ty == "link_close":
                style = stack.pop() if stack else base
                if ref is not None:
                    text = "".join(r[0] for r in out[link_start:] if r[0] is not None)
                    ref.text = " ".join(text.split())
                    if st.link_marks[1]:
                        out.append((st.link_marks[1], _combine(link_outer, st.link), ref))
                    href = ref.value
                    if ref.kind == "external" and not _same_address(ref.text, href):
                        add(f" ({href})", _combine(link_outer, st.link_address), ref, False)
                ref = base_ref
            elif ty == "image":
                alt = _inline_plain(tok.children) or tok.content
                add(f"[image: {alt}]", _combine(style, st.image), ref, False)
            elif ty == "html_inline":
                runs, new_style, change = self._inline_html.runs(tok.content, style)
                if change == "push":
                    stack.append(style)
                    style = new_style
                elif change == "pop":
                    style = stack.pop() if stack else base
                for run in runs:
                    out.append(run if run is HARD else (run[0], run[1], ref))
            elif tok.content:
                add(tok.content, style, ref, False)
        if buf:
            add("".join(buf), style, ref, terms and ref is None)


def is_box(layout: DocumentLayout, target: Target) -> bool:
    """True for the piece of a question target that starts with its tick box."""
    return target.kind == "question" and layout.plain(target.y)[target.x0 :].startswith(BOX_EMPTY)


def _combine(a: Style | None, b: Style) -> Style:
    return b if a is None else a + b


def _same_address(text: str, href: str) -> bool:
    if not text:
        return False
    if text == href or text == unquote(href):
        return True
    lower = href.lower()
    return lower.startswith("mailto:") and unquote(href[7:]) == text


# ---------------------------------------------------------------- the layout


class DocumentLayout:
    """A document laid out at one width, a prefix of blocks at a time."""

    def __init__(self, doc: MarkdownDocument, width: int):
        self.doc = doc
        self.width = max(1, int(width))
        self._lines: list[list[Segment]] = []
        self._line_targets: dict[int, list[Target]] = {}
        self._targets: list[Target] = []
        self._heading_ys: list[int] = []
        self._next = 0
        self._estimates = [self._estimate(leaf) for leaf in doc._leaves]
        self._remaining = sum(self._estimates)
        self.errors: list[str] = []  # blocks that failed to render (drawn as plain text)

    # -- public ---------------------------------------------------------------

    @property
    def complete(self) -> bool:
        return self._next >= len(self.doc._leaves)

    @property
    def laid_out_lines(self) -> int:
        """Lines laid out so far (exact)."""
        return len(self._lines)

    @property
    def height(self) -> int:
        """Exact lines of the laid-out prefix plus an estimate for the rest."""
        return len(self._lines) + self._remaining

    def lay_out_more(self, max_blocks: int = 50) -> bool:
        """Lay out up to ``max_blocks`` more blocks; True once the layout is complete."""
        for _ in range(max(1, int(max_blocks))):
            if self.complete:
                break
            self._lay_out_next()
        return self.complete

    def lay_out_all(self) -> None:
        while not self.complete:
            self._lay_out_next()

    def line(self, y: int) -> list[Segment]:
        """The segments of line ``y`` (empty past the end)."""
        self._ensure(y)
        if 0 <= y < len(self._lines):
            return self._lines[y]
        return []

    def plain(self, y: int) -> str:
        return "".join(segment.text for segment in self.line(y))

    def targets_on(self, y: int) -> list[Target]:
        self._ensure(y)
        return list(self._line_targets.get(y, ()))

    def target_at(self, y: int, x: int) -> Target | None:
        """The target under cell (x, y), if any."""
        for target in self.targets_on(y):
            if target.x0 <= x < target.x1:
                return target
        return None

    def targets(self) -> list[Target]:
        """Every target laid out so far, in reading order."""
        return list(self._targets)

    def anchor_line(self, anchor: str) -> int | None:
        """The line of the heading with ``anchor`` (laying out up to it), or None."""
        index = self.doc.heading_index(anchor)
        if index is None:
            return None
        while len(self._heading_ys) <= index and not self.complete:
            self._lay_out_next()
        return self._heading_ys[index] if index < len(self._heading_ys) else None

    def heading_at(self, y: int) -> RenderHeading | None:
        """The heading whose section contains line ``y`` (None before the first)."""
        self._ensure(y)
        index = bisect.bisect_right(self._heading_ys, y) - 1
        return self.doc.headings[index] if index >= 0 else None

    def heading_line(self, index: int) -> int | None:
        """The line of the ``index``-th heading if it is laid out already."""
        return self._heading_ys[index] if 0 <= index < len(self._heading_ys) else None

    # -- laying out -------------------------------------------------------------

    def _ensure(self, y: int) -> None:
        while y >= len(self._lines) and not self.complete:
            self._lay_out_next()

    def _estimate(self, leaf: _Leaf) -> int:
        avail = max(1, self.width - leaf.prefix_w)
        if leaf.kind in ("code", "outcome"):
            body = leaf.chars
        elif leaf.kind == "table":
            body = len(leaf.data) + 3 + leaf.chars // max(avail, 1)
        else:
            body = max(1, -(-leaf.chars // avail))
        return body + (1 if leaf.gap else 0)

    def _lay_out_next(self) -> None:
        index = self._next
        leaf = self.doc._leaves[index]
        self._next += 1
        self._remaining -= self._estimates[index]
        width = self.width
        lines = self._lines
        if leaf.gap and lines:
            lines.append(self._prefix_segments(leaf.gap_prefix, width)[0])
        first, first_w = self._prefix_segments(leaf.first, width)
        rest, rest_w = self._prefix_segments(leaf.rest, width)
        inner = max(1, width - max(first_w, rest_w))
        try:
            body = self._render(leaf, inner)
        except Exception as error:  # never let one block break the article
            self.errors.append(f"block {index} ({leaf.kind}): {error!r}")
            body = wrap_runs([(self.doc._leaf_plain(leaf), None, None)], inner)
        if leaf.kind == "heading":
            self._heading_ys.append(len(lines))
        for n, (segments, _w, spans) in enumerate(body):
            y = len(lines)
            prefix, px = (first, first_w) if n == 0 else (rest, rest_w)
            lines.append(prefix + segments if prefix else segments)
            if spans:
                found = [
                    Target(y, px + x0, px + x1, ref.kind, ref.value, ref.text)
                    for x0, x1, ref in spans
                ]
                if n == 0 and found[0].kind == "question" and spans[0][0] == 0:
                    # The tick box is the list marker (the prefix's last cells): tapping
                    # or selecting it is tapping the question.
                    box = len(BOX_EMPTY) + 1
                    if px >= box:
                        first_target = found[0]
                        found[0] = Target(
                            y,
                            px - box,
                            first_target.x1,
                            "question",
                            first_target.value,
                            first_target.text,
                        )
                self._line_targets[y] = found
                self._targets.extend(found)

    def _prefix_segments(self, pieces: list[Piece], width: int) -> tuple[list[Segment], int]:
        if not pieces:
            return [], 0
        limit = width - (width + 1) // 2  # containers take at most half the line
        out: list[Segment] = []
        used = 0
        for text, style in pieces:
            w = text_width(text)
            if used + w > limit:
                text, w = fit_cells(text, limit - used)
                if text:
                    out.append(Segment(text, style))
                    used += w
                break
            out.append(Segment(text, style))
            used += w
        return out, used

    def _render(self, leaf: _Leaf, width: int) -> list[Line]:
        kind = leaf.kind
        doc = self.doc
        if kind == "para" or kind == "heading":
            return wrap_runs(doc._runs(leaf.data), width)
        if kind == "code":
            return self._code(leaf.data, width)
        if kind == "hr":
            return [([Segment("─" * width, doc.styles.rule)], width, [])]
        if kind == "html":
            style = doc.styles.html
            out: list[Line] = []
            for raw in leaf.data.rstrip("\n").split("\n"):
                out.extend(wrap_runs([(clean_inline(raw), style, None)], width))
            return out
        if kind == "table":
            return self._table(leaf.data, width)
        if kind == "outcome":
            outcome = doc.outcomes.get(leaf.data)
            if outcome is None:
                notice = f"(The numbers named '{leaf.data}' are not in this guide's outcomes.yaml.)"
                return wrap_runs([(clean_inline(notice), doc.styles.notice, None)], width)
            return icon_array_lines(outcome, width, doc.styles)
        return [([], 0, [])]  # "empty": a list item with nothing in it

    def _code(self, text: str, width: int) -> list[Line]:
        style = self.doc.styles.code_block
        out: list[Line] = []
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

    def _table(self, rows: list[tuple[bool, list[tuple[_Inline, str]]]], width: int) -> list[Line]:
        doc = self.doc
        ncols = max((len(cells) for _h, cells in rows), default=0)
        if ncols == 0:
            return [([], 0, [])]
        natural = [1] * ncols
        longest = [1] * ncols  # longest word, so columns need not break words
        for _head, cells in rows:
            for j, (inl, _align) in enumerate(cells):
                plain = doc._plain(inl)
                natural[j] = max(natural[j], text_width(plain))
                for word in plain.split():
                    longest[j] = max(longest[j], text_width(word))
        avail = width - (3 * ncols + 1)
        minimum = [min(n, w, _LONG_WORD) for n, w in zip(natural, longest, strict=True)]
        if avail < sum(minimum):
            return self._table_as_records(rows, width)
        # Every column gets its minimum, then the room left is shared out, narrowest
        # need first, so short columns stay whole and long ones wrap.
        widths = list(minimum)
        extra = avail - sum(minimum)
        order = sorted(range(ncols), key=lambda j: natural[j] - minimum[j])
        for k, j in enumerate(order):
            add = min(natural[j] - minimum[j], extra // (ncols - k))
            widths[j] += add
            extra -= add
        border = doc.styles.table_border

        def rule(left: str, mid: str, right: str, fill: str) -> Line:
            text = left + mid.join(fill * (w + 2) for w in widths) + right
            return [Segment(text, border)], text_width(text), []

        out: list[Line] = [rule("┌", "┬", "┐", "─")]
        wrapped_rows = []
        for head, cells in rows:
            wrapped = []
            for j in range(ncols):
                if j < len(cells):
                    inl, align = cells[j]
                    wrapped.append((wrap_runs(doc._runs(inl), widths[j]), align))
                else:
                    wrapped.append(([([], 0, [])], "left"))
            wrapped_rows.append((head, wrapped))
        multi = any(max(len(c[0]) for c in w) > 1 for h, w in wrapped_rows if not h)
        for r, (head, wrapped) in enumerate(wrapped_rows):
            height = max(len(c[0]) for c in wrapped)
            for k in range(height):
                segments: list[Segment] = [Segment("│", border)]
                spans: list[list[Any]] = []
                x = 1
                for j, (cell_lines, align) in enumerate(wrapped):
                    cw = widths[j]
                    if k < len(cell_lines):
                        segs, w, cell_spans = cell_lines[k]
                    else:
                        segs, w, cell_spans = [], 0, []
                    gap = cw - w
                    left = gap // 2 if align == "center" else gap if align == "right" else 0
                    segments.append(Segment(" " * (1 + left)))
                    segments.extend(segs)
                    offset = x + 1 + left
                    for x0, x1, ref in cell_spans:
                        spans.append([offset + x0, offset + x1, ref])
                    segments.append(Segment(" " * (gap - left + 1)))
                    segments.append(Segment("│", border))
                    x += cw + 3
                out.append((segments, x, spans))
            last = r == len(wrapped_rows) - 1
            if not last:
                if head and not wrapped_rows[r + 1][0]:
                    out.append(rule("╞", "╪", "╡", "═"))
                elif multi:
                    out.append(rule("├", "┼", "┤", "─"))
        out.append(rule("└", "┴", "┘", "─"))
        return out

    def _table_as_records(
        self, rows: list[tuple[bool, list[tuple[_Inline, str]]]], width: int
    ) -> list[Line]:
        """Too many columns for the width: each row as "Header: value" lines."""
        doc = self.doc
        header_style = doc.styles.table_header
        headers = [doc._plain(inl) for inl, _ in rows[0][1]] if rows and rows[0][0] else []
        body = [cells for head, cells in rows if not head]
        out: list[Line] = []
        if not body:
            return wrap_runs([(" | ".join(headers), header_style, None)], width)
        for r, cells in enumerate(body):
            if r:
                out.append(
                    ([Segment("─" * min(width, 3), doc.styles.table_border)], min(width, 3), [])
                )
            for j, (inl, _align) in enumerate(cells):
                label = headers[j] if j < len(headers) and headers[j] else f"Column {j + 1}"
                runs: list[Run] = [(f"{label}: ", header_style, None), *doc._runs(inl)]
                out.extend(wrap_runs(runs, width))
        return out
