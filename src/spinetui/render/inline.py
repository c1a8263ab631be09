"""Inline Markdown → runs: the lazy inline parse each text block asks for on first use.

A block's inline text (``Inline``) is parsed by markdown-it's inline pass only when it is
first laid out or read as plain text, and the result is kept, so every width and every
later read share one parse. ``InlineRenderer`` turns the inline tokens into styled runs
with their link, glossary-term and question targets (``Ref``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, cast
from urllib.parse import unquote

from rich.style import Style

from spinetui.render.html import InlineHtml
from spinetui.render.parse import _inline_plain, link_kind
from spinetui.render.styles import RenderStyles
from spinetui.render.terms import TermMatcher
from spinetui.render.wrap import HARD, Run, clean_inline

if TYPE_CHECKING:
    from markdown_it.token import Token

    from spinetui.render.parsed import Parse

#: What a target leads to (see ``Target``).
TargetKind = Literal["article", "anchor", "external", "source", "term", "tool", "question"]


class Ref:
    """What every piece of one link or term shares (identity groups target spans)."""

    __slots__ = ("kind", "value", "text")

    def __init__(self, kind: TargetKind, value: str, text: str):
        self.kind: TargetKind = kind
        self.value = value
        self.text = text


class Inline:
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
        self.question: Ref | None = None


def _combine(a: Style | None, b: Style) -> Style:
    return b if a is None else a + b


def _same_address(text: str, href: str) -> bool:
    if not text:
        return False
    if text == href or text == unquote(href):
        return True
    lower = href.lower()
    return lower.startswith("mailto:") and unquote(href[7:]) == text


class InlineRenderer:
    """Inline-parses ``Inline`` texts on demand and builds their runs (one per document:
    it remembers which glossary words each section has marked already)."""

    def __init__(
        self,
        parse: Parse,
        env: dict[str, Any],
        styles: RenderStyles,
        terms: TermMatcher | None,
    ):
        """`parse`: where inline tokens come from (markdown-it, or a parse kept from
        before: ``spinetui.render.parsed``); `env`: the document's reference definitions."""
        self.parse = parse
        self.env = env
        self.styles = styles
        self.terms = terms
        self._terms_seen: dict[int, set[str]] = {}
        self._inline_html = InlineHtml(styles)

    def children(self, inl: Inline) -> list[Token]:
        if inl.children is None:
            inl.children = self.parse.inline(inl.content, self.env)
        return inl.children

    def runs(self, inl: Inline) -> list[Run]:
        if inl.runs is None:
            out: list[Run] = []
            seen = self._terms_seen.setdefault(inl.section, set())
            self.build_runs(
                self.children(inl), inl.base, inl.terms, out, seen, base_ref=inl.question
            )
            inl.runs = out
        return inl.runs

    def plain(self, inl: Inline) -> str:
        if inl.plain is None:
            inl.plain = _inline_plain(self.children(inl))
        return inl.plain

    def build_runs(
        self,
        children: list[Token],
        base: Style | None,
        terms: bool,
        out: list[Run],
        seen: set[str] | None = None,
        base_ref: Ref | None = None,
    ) -> None:
        """`seen`: glossary words already marked in this section. Only a word's first use
        in a section is marked (a target for l and Enter), not every repeat: blocks are
        laid out in reading order, so the first built is the first read."""
        seen = set() if seen is None else seen
        st = self.styles
        matcher = self.terms
        style = base
        stack: list[Style | None] = []
        # A question's text is all one target; a link inside it is a target of its own.
        ref: Ref | None = base_ref
        link_start = 0
        link_outer: Style | None = None
        buf: list[str] = []

        def add(text: str, s: Style | None, r: Any, mark: bool) -> None:
            text = clean_inline(text)
            if not text:
                return
            if mark and matcher is not None:
                pos = 0
                term_style = _combine(s, st.term)
                opening, closing = st.term_marks
                for start, end, term_id in matcher.finditer(text):
                    if term_id in seen:
                        continue
                    seen.add(term_id)
                    if start > pos:
                        out.append((text[pos:start], s, r))
                    found = text[start:end]
                    out.append((opening + found + closing, term_style, Ref("term", term_id, found)))
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
                ref = Ref(cast(TargetKind, kind), value, href)
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
