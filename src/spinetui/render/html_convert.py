"""The HTML parser behind ``spinetui.render.html`` (the standard library's
``html.parser``): imported when an article first shows raw HTML, not at start-up."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from rich.style import Style

from spinetui.i18n import _
from spinetui.render.styles import RenderStyles
from spinetui.render.wrap import HARD, Run, clean_inline

_SPACE = re.compile(r"\s+")
_BLOCK_TAGS = {"p", "div", "details", "section", "article", "blockquote", "center", "ul", "ol"}
_LINE_TAGS = {"li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table", "pre"}


def _combine(base: Style | None, extra: Style) -> Style:
    return extra if base is None else base + extra


class Converter(HTMLParser):
    """HTML → runs: text with styles, HARD for line breaks, two for a paragraph break."""

    def __init__(self, styles: RenderStyles, base: Style | None, block: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.styles = styles
        self.block = block  # an HTML block: collapse white space as a browser would
        self.runs: list[Run] = []
        self._style_stack: list[Style | None] = [base]

    def set_cdata_mode(self, elem: str, *, escapable: bool = False) -> None:
        # <script> and <style> are not run or applied here: their text is text like any
        # other (HTMLParser would otherwise hold it back until a closing tag).
        pass

    @property
    def style(self) -> Style | None:
        return self._style_stack[-1]

    def _push(self, extra: Style) -> None:
        self._style_stack.append(_combine(self.style, extra))

    def _pop(self) -> None:
        if len(self._style_stack) > 1:
            self._style_stack.pop()

    def _text(self, text: str, style: Style | None = None) -> None:
        text = clean_inline(text)
        if text:
            self.runs.append((text, style if style is not None else self.style, None))

    def _break(self, lines: int = 1) -> None:
        """End the line (1) or the paragraph (2), never starting with blank lines."""
        if not self.runs:
            return
        trailing = 0
        for run in reversed(self.runs):
            if run is HARD:
                trailing += 1
            else:
                break
        for _line in range(max(0, lines - trailing)):
            self.runs.append(HARD)

    # -- the parser's callbacks -------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        st = self.styles
        if tag == "br":
            self.runs.append(HARD)
        elif tag == "img":
            alt = next((v for k, v in attrs if k == "alt" and v), "")
            # The brackets are drawn around the words (they are not markup here).
            # Translators: {alt} is the picture's description, from the article.
            words = _("image: {alt}").format(alt=alt) if alt else _("image")
            self._text(f"[{words}]", _combine(self.style, st.image))
        elif tag == "summary":
            self._break(2)
            self._push(st.strong)
        elif tag == "kbd":
            self._push(st.kbd)
        elif tag == "sup":
            self._text("^")
        elif tag == "sub":
            self._text("_")
        elif tag in ("b", "strong"):
            self._push(st.strong)
        elif tag in ("i", "em"):
            self._push(st.emphasis)
        elif tag in ("s", "del", "strike"):
            self._push(st.strike)
        elif tag in _BLOCK_TAGS:
            self._break(2)
        elif tag in _LINE_TAGS:
            self._break(1)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)  # <br/>, <img/>: nothing to close

    def handle_endtag(self, tag: str) -> None:
        if tag in ("summary", "kbd", "b", "strong", "i", "em", "s", "del", "strike"):
            self._pop()
            if tag == "summary":
                self._break(2)
        elif tag in _BLOCK_TAGS:
            self._break(2)
        elif tag in _LINE_TAGS:
            self._break(1)

    def handle_data(self, data: str) -> None:
        if self.block:
            data = _SPACE.sub(" ", data)
            if not self.runs or self.runs[-1] is HARD:
                data = data.lstrip()
        self._text(data)

    # Never shown: <!-- comments -->, <?processing instructions?>, <!DECLARATIONS>.
    def handle_comment(self, data: str) -> None:
        pass

    def handle_decl(self, decl: str) -> None:
        pass

    def handle_pi(self, data: str) -> None:
        pass

    def unknown_decl(self, data: str) -> None:
        pass

    def finish(self) -> list[Run]:
        self.close()
        while self.runs and (self.runs[-1] is HARD or not str(self.runs[-1][0]).strip()):
            self.runs.pop()
        return self.runs
