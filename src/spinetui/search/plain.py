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

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_SETEXT_RULE = re.compile(r"^ {0,3}(=+|-+)\s*$")
_HR = re.compile(r"^ {0,3}([-*_])(\s*\1){2,}\s*$")
_BLOCK_MARKS = re.compile(r"^\s*(?:>\s?)*(?:#{1,6}\s+|[-+*]\s+|\d{1,9}[.)]\s+)?")
_EXPLICIT_ANCHOR = re.compile(r"\s*\{#[^\s{}]+\}\s*$")
_CLOSING_HASHES = re.compile(r"\s+#+\s*$")
_IMAGE_OR_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_REFERENCE_LINK = re.compile(r"!?\[([^\]]*)\]\[[^\]]*\]")
_REFERENCE_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+.*$")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]*)>")
_EMPHASIS = re.compile(r"(?<![\w\\])[*_]{1,3}|[*_]{1,3}(?![\w])|`+")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class SectionText:
    anchor: str | None  # None for the text before the first heading
    heading: str
    text: str


def markdown_line_text(line: str) -> str:
    """One Markdown line's words, without its syntax."""
    line = _BLOCK_MARKS.sub("", line, count=1)
    if "{#" in line:
        line = _EXPLICIT_ANCHOR.sub("", line)
    if "#" in line:
        line = _CLOSING_HASHES.sub("", line)
    if "[" in line:
        line = _IMAGE_OR_LINK.sub(r"\1", line)
        line = _REFERENCE_LINK.sub(r"\1", line)
    if "<" in line:
        line = _AUTOLINK.sub(r"\1", line)
    if "|" in line:
        line = line.replace("|", " ")
    line = _EMPHASIS.sub("", line)
    if "\\" in line:
        line = _ESCAPE.sub(r"\1", line)
    return line


def _body_text(lines: list[str]) -> str:
    words: list[str] = []
    for line in lines:
        if not line.strip() or _FENCE.match(line) or _REFERENCE_DEF.match(line):
            continue
        if _SETEXT_RULE.match(line) or _HR.match(line) or _TABLE_RULE.match(line):
            continue
        words.append(markdown_line_text(line))
    return _SPACES.sub(" ", " ".join(words)).strip()


def article_sections(article: Article) -> list[SectionText]:
    """The article cut at every heading: each heading's anchor, text and words."""
    lines = article.body.split("\n")
    sections: list[SectionText] = []
    headings = sorted(article.headings, key=lambda h: h.source_line)
    first = headings[0].source_line if headings else len(lines)
    intro = _body_text(lines[:first])
    if intro:
        sections.append(SectionText(None, "", intro))
    for number, heading in enumerate(headings):
        end = headings[number + 1].source_line if number + 1 < len(headings) else len(lines)
        # The heading's own line is left out: its text is indexed as the heading.
        sections.append(
            SectionText(
                heading.anchor, heading.text, _body_text(lines[heading.source_line + 1 : end])
            )
        )
    return sections
