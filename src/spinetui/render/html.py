"""Raw HTML that content editors paste from other Markdown editors, drawn as its meaning.

CommonMark passes raw HTML through untouched; a terminal cannot show it, and tag soup
in a patient's article helps nobody. So:

- comments, processing instructions, declarations and CDATA are never shown;
- `<br>` is a line break, `<p>` and `<div>` (whatever their `align`) are paragraphs,
  `<details>`/`<summary>` a section whose summary is a bold line, `<img alt>` an image
  placeholder like Markdown's, `<kbd>` a key, `<sup>`/`<sub>` marked with ^ and _;
- every other tag is dropped and the text inside it kept.

Text only ever becomes Rich segments (never markup); it is cleaned of control
characters like the rest of the article.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rich.style import Style

from spinetui.render.styles import RenderStyles
from spinetui.render.wrap import HARD, Run, clean_inline

if TYPE_CHECKING:
    from spinetui.render.html_convert import Converter

# A block or tag that is nothing but a comment, processing instruction, declaration or
# CDATA section (closed, or running to the end of the text): never shown.
_HIDDEN_PATTERN = (
    r"^\s*(?:"
    r"<!--(?:(?!-->).)*(?:-->\s*$|$)"
    r"|<\?(?:(?!\?>).)*(?:\?>\s*$|$)"
    r"|<!\[CDATA\[(?:(?!\]\]>).)*(?:\]\]>\s*$|$)"
    r"|<![A-Za-z][^>]*(?:>\s*$|$)"
    r")"
)
_hidden: re.Pattern[str] | None = None


def _is_hidden(text: str) -> bool:
    # Compiled on first use: most articles have no HTML at all.
    global _hidden
    if _hidden is None:
        _hidden = re.compile(_HIDDEN_PATTERN, re.S)
    return _hidden.match(text) is not None


def _converter(styles: RenderStyles, base: Style | None, *, block: bool) -> Converter:
    from spinetui.render.html_convert import Converter  # html.parser: on first use

    return Converter(styles, base, block)


def _combine(base: Style | None, extra: Style) -> Style:
    return extra if base is None else base + extra


def html_block_runs(raw: str, styles: RenderStyles) -> list[Run]:
    """An HTML block as runs to wrap like a paragraph; [] when nothing is to be shown."""
    if _is_hidden(raw):
        return []
    converter = _converter(styles, None, block=True)
    converter.feed(raw)
    return converter.finish()


class InlineHtml:
    """Inline HTML tags inside a paragraph, one token at a time (markdown-it gives each
    tag, and each comment, as its own `html_inline` token)."""

    def __init__(self, styles: RenderStyles) -> None:
        self.styles = styles

    def runs(self, tag_text: str, style: Style | None) -> tuple[list[Run], Style | None, str]:
        """(runs to add, the style from now on, "push"/"pop"/"" for the caller's stack)."""
        if _is_hidden(tag_text):
            return [], style, ""
        match = re.match(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9-]*)", tag_text)
        if match is None:
            return [(clean_inline(tag_text), style, None)], style, ""
        closing, tag = match.group(1) == "/", match.group(2).lower()
        st = self.styles
        if closing:
            if tag in ("kbd", "b", "strong", "i", "em", "s", "del", "strike"):
                return [], style, "pop"
            return [], style, ""
        if tag == "br":
            return [HARD], style, ""
        if tag == "img":
            converter = _converter(st, style, block=False)
            converter.feed(tag_text)
            return converter.finish(), style, ""
        extra = {
            "kbd": st.kbd,
            "b": st.strong,
            "strong": st.strong,
            "i": st.emphasis,
            "em": st.emphasis,
            "s": st.strike,
            "del": st.strike,
            "strike": st.strike,
        }.get(tag)
        if extra is not None:
            return [], _combine(style, extra), "push"
        if tag == "sup":
            return [("^", style, None)], style, ""
        if tag == "sub":
            return [("_", style, None)], style, ""
        return [], style, ""  # any other tag: dropped, its text kept
