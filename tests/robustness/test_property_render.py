"""Property: any Markdown renders, at any width from 1 to 500, inside that width, with
no control character in anything drawn.

tests/unit/test_render.py fuzzes a small alphabet at widths up to 60; here the text is
built from the pieces of Markdown syntax (block prefixes, inline markers, links, HTML,
entities, tables, fences) mixed with arbitrary Unicode, and every width up to 500 is
allowed.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from spinetui.render import MarkdownDocument, TermMatcher
from tests.robustness.helpers import CONTROL, PROPERTY

BLOCK_PREFIXES = [
    "",
    "# ",
    "###### ",
    "####### ",
    "> ",
    ">",
    "- ",
    "* ",
    "+ ",
    "1. ",
    "2) ",
    "123456789. ",
    "    ",
    "\t",
    "   ",
    "- [ ] ",
]
BLOCK_LINES = [
    "```",
    "```python",
    "~~~",
    "---",
    "***",
    "___",
    "===",
    "| a | b |",
    "|---|:--:|",
    "| - | --- |",
    "[ref]: http://example.com 'title'",
    "<div>",
    "</div>",
    "<!-- comment",
    "-->",
    "<pre>",
    "",
    "",
]
INLINE = [
    "word",
    "words and more words",
    "Longwordwithoutanyspacesatallthatmustbebrokensomewhere",
    " ",
    "  ",
    "*",
    "**",
    "_",
    "__",
    "~~",
    "`",
    "``",
    "[",
    "]",
    "(",
    ")",
    "![",
    "](",
    "[link](other#part)",
    "[ext](https://example.com/a_(b))",
    "[src](source:nope)",
    "[term](glossary:word)",
    "[ref]",
    "<https://example.com>",
    "<a href='x'>",
    "</a>",
    "<",
    ">",
    "&amp;",
    "&#27;",
    "&#x9b;",
    "&#0;",
    "&nbsp;",
    "&notanentity;",
    "\\",
    "\\*",
    "|",
    "{#anchor}",
    "\x1b[31m",
    "\x1b]0;title\x07",
    "\x9b",
    "\x00",
    "\r",
    "\x0b",
    "\x0c",
    "é",
    "e\u0301",
    "日本語",
    "👍🏽",
    "👨‍👩‍👧",
    "\u200b",
    "\u202e",
    "\ufeff",
    "\ufffd",
    "ｗｉｄｅ",
    "[@click=app.quit]x[/]",
]

inline_text = st.lists(st.one_of(st.sampled_from(INLINE), st.text(max_size=6)), max_size=12).map(
    "".join
)
line = st.one_of(
    st.builds(
        lambda prefixes, text: "".join(prefixes) + text,
        st.lists(st.sampled_from(BLOCK_PREFIXES), max_size=5),
        inline_text,
    ),
    st.sampled_from(BLOCK_LINES),
)
markdown = st.one_of(
    st.lists(line, max_size=25).map("\n".join),
    st.text(max_size=300),
)
# Narrow widths get their own share: most edge cases live below a dozen columns.
widths = st.one_of(st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=500))

TERMS = TermMatcher({"word": "word", "日本語": "japanese", "more words": "more"})


@PROPERTY
@given(markdown, widths)
def test_any_markdown_renders_inside_any_width(text: str, width: int) -> None:
    document = MarkdownDocument(text, terms=TERMS)
    layout = document.layout(width)
    layout.lay_out_all()
    assert layout.complete
    assert not layout.errors, layout.errors
    assert layout.height == layout.laid_out_lines
    for y in range(layout.height):
        segments = layout.line(y)
        assert sum(cell_len(s.text) for s in segments) <= width, (y, segments)
        for segment in segments:
            assert CONTROL.search(segment.text) is None, (y, segment)
        for target in layout.targets_on(y):
            assert 0 <= target.x0 < target.x1 <= width
        assert CONTROL.search(layout.plain(y)) is None
        layout.heading_at(y)
    # The other views of the document the app uses (contents, search, find).
    for heading in document.headings:
        assert CONTROL.search(heading.text) is None
        assert layout.anchor_line(heading.anchor) is not None
    document.sections()
    document.plain_text()


@PROPERTY
@given(markdown)
def test_any_markdown_renders_at_the_extremes(text: str) -> None:
    """Width 1 (nothing fits) and 500 (everything does) on the same document."""
    document = MarkdownDocument(text, terms=TERMS)
    for width in (1, 500):
        layout = document.layout(width)
        layout.lay_out_all()
        assert not layout.errors, layout.errors
        for y in range(layout.height):
            assert sum(cell_len(s.text) for s in layout.line(y)) <= width
