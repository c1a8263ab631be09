"""Plain text of an article's sections, for the search index.

The index needs the words of each section, not its layout, so this reads the Markdown
line by line and drops the syntax (heading marks, list and quote markers, table pipes,
link targets, emphasis marks) instead of running the full Markdown parser: the parser
costs about a millisecond per article, which alone would take a thousand-article guide
past its one-second index budget. Sections are cut at the headings the content loader
already found (`Article.headings`, with their body line numbers and anchors).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spinetui.model.types import Article

# Whole lines that hold no words: code fences, reference definitions, rules.
_NO_WORDS_LINE = re.compile(
    r"^(?: {0,3}(?:`{3,}|~{3,}).*"  # code fence
    r"| {0,3}\[[^\]\n]+\]:[ \t]*\S.*"  # reference definition
    r"| {0,3}(?:=+|-+)[ \t]*"  # setext underline (or a rule)
    r"| {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*"  # thematic break
    r"|[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*"  # table rule
    r")$",
    re.MULTILINE,
)
# Quote, list and heading marks at the start of a line (never an empty match: most
# lines have none, and substituting empty matches costs as much as real ones).
_BLOCK_MARKS = re.compile(
    r"^[ \t]*(?:(?:>[ \t]?)+(?:#{1,6}[ \t]+|[-+*][ \t]+|\d{1,9}[.)][ \t]+)?"
    r"|#{1,6}[ \t]+|[-+*][ \t]+|\d{1,9}[.)][ \t]+)",
    re.MULTILINE,
)
_LINK = re.compile(r"\[([^\]\n]*)\](?:\([^)\n]*\)|\[[^\]\n]*\])")  # inline or reference
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]*)>")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Emphasis and code marks. The index's tokenizer splits words at these characters
# anyway; they are dropped so that snippets read as text.
_MARKS = (("*", ""), ("`", ""), ("_", " "), ("|", " "))


@dataclass(frozen=True, slots=True)
class SectionText:
    anchor: str | None  # None for the text before the first heading
    heading: str
    text: str


def markdown_plain_text(markdown: str) -> str:
    """Markdown without its syntax, line for line (every newline is kept).

    Each pattern runs once over the whole text (a pass per line would cost several
    times more in Python), and none crosses a line end, so lines stay where they were.
    Heading lines are not cleaned here: sections leave them out (see below).
    """
    text = _NO_WORDS_LINE.sub("", markdown)
    text = _BLOCK_MARKS.sub("", text)
    if "[" in text:
        text = _LINK.sub(r"\1", text.replace("![", "["))
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    for mark, replacement in _MARKS:  # str.replace: many times faster than str.translate
        if mark in text:
            text = text.replace(mark, replacement)
    return text


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
