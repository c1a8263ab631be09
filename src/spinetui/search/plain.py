"""Plain text of an article's sections, for the search index.

The index needs the words of each section, not its layout, so this drops the syntax
(heading marks, list and quote markers, table pipes, link targets, emphasis marks) with
:func:`spinetui.markdown.plain.markdown_plain`, which reads the source line by line
instead of running the full Markdown parser: the parser costs about a millisecond per
article, which alone would take a thousand-article guide past its one-second index
budget. Sections are cut at the headings the content loader
already found (`Article.headings`, with their body line numbers and anchors).
"""

from __future__ import annotations

from dataclasses import dataclass

from spinetui.markdown.plain import markdown_plain
from spinetui.model.types import Article


@dataclass(frozen=True, slots=True)
class SectionText:
    anchor: str | None  # None for the text before the first heading
    heading: str
    text: str


def markdown_plain_text(markdown: str) -> str:
    """Markdown without its syntax, line for line (every newline is kept), so that the
    lines still match ``Article.headings``' line numbers (see
    :func:`spinetui.markdown.plain.markdown_plain`)."""
    return markdown_plain(markdown)


def _words(lines: list[str]) -> str:
    return " ".join(" ".join(lines).split())


def article_sections(article: Article) -> list[SectionText]:
    """The article cut at every heading: each heading's anchor, text and words."""
    lines = markdown_plain_text(article.body).split("\n")
    sections: list[SectionText] = []
    headings = sorted(article.headings, key=lambda h: h.source_line)
    first = headings[0].source_line if headings else len(lines)
    intro = _words(lines[:first])
    if intro:
        sections.append(SectionText(None, "", intro))
    for number, heading in enumerate(headings):
        end = headings[number + 1].source_line if number + 1 < len(headings) else len(lines)
        # The heading's own line is left out: its text is indexed as the heading.
        words = _words(lines[heading.source_line + 1 : end])
        sections.append(SectionText(heading.anchor, heading.text, words))
    return sections
