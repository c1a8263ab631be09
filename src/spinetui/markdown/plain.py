"""Markdown as plain text: the one set of rules the renderer, the loader, search and
``spinetui check`` use to drop Markdown syntax and keep the words.

- :func:`inline_plain` (from :mod:`.inline`) reads parsed inline tokens (the
  renderer's heading and image text; the scanner's heading text, so the two anchor alike).
- ``spinetui.markdown.scan.heading_text`` is the plain text of one heading's Markdown
  source (it needs the parser, which imports this module).
- :func:`markdown_plain` reads a whole article's source without parsing it (a
  markdown-it parse costs about a millisecond an article, too slow for indexing a
  thousand-article guide): line for line for the search index, or with
  ``sentences=True`` one full-stopped unit per line for reading-grade formulas.
"""

from __future__ import annotations

import re

from spinetui.markdown.inline import inline_plain as inline_plain

# ------------------------------------------------------------ whole-source text
#
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
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>\n]*>")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Emphasis, strikethrough and code marks: the search index's tokenizer splits words at
# these characters anyway; they are dropped so that snippets and sentences read as text.
_MARKS = (("*", ""), ("`", ""), ("~~", ""), ("_", " "), ("|", " "))

# For sentences=True: code goes (it is not prose), and each line is classified.
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^ {0,3}\1[`~]*[ \t]*$|\Z)", re.M | re.S)
_INDENTED_CODE = re.compile(r"(?:(?<=\n\n)|\A)(?:(?: {4}|\t)[^\n]*(?:\n|\Z))+")
_TABLE_RULE = re.compile(r"^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$")
_HR = re.compile(r"^([-*_])(?:[ \t]*\1){2,}$")
_SETEXT = re.compile(r"^(?:=+|-+)$")
_REF_DEF = re.compile(r"^\[[^\]]+\]:")
_HEADING = re.compile(r"^#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?$")
_QUOTE = re.compile(r"^(?:>[ \t]?)+")
_LIST = re.compile(r"^(?:[-+*]|\d{1,9}[.)])[ \t]+")
_ANCHOR = re.compile(r"[ \t]*\{#[^\s{}]+\}$")


def markdown_plain(markdown: str, *, sentences: bool = False) -> str:
    """Markdown without its syntax.

    By default line for line (every newline is kept, so a line number in the source
    is one in the text; code stays, as words a reader may search for; heading lines
    keep their text). With ``sentences=True``, as prose for reading-grade formulas:
    code blocks go, and each paragraph, heading, list item and table cell is one line
    ending in a full stop (headings and items usually have none, and the formula would
    otherwise read a whole list as one enormous sentence).

    Each pattern runs once over the whole text (a pass per line would cost several
    times more in Python), and none crosses a line end.
    """
    if sentences:
        text = "\n".join(_units(markdown))
    else:
        text = _BLOCK_MARKS.sub("", _NO_WORDS_LINE.sub("", markdown))
    # "".join(pattern.split(text)) is pattern.sub(r"\1", text) for a pattern with one
    # group, without a Python call for every match.
    if "[" in text:
        text = "".join(_LINK.split(text.replace("![", "[")))
    if "<" in text:
        text = _HTML_TAG.sub("", "".join(_AUTOLINK.split(text)))
    if "\\" in text:
        text = "".join(_ESCAPE.split(text))
    for mark, replacement in _MARKS:  # str.replace: many times faster than str.translate
        if mark in text:
            text = text.replace(mark, replacement)
    if not sentences:
        return text
    # Each unit ends a sentence if it ends in a stop (.!?:;…), then perhaps closing
    # quotes or brackets; otherwise it gets a full stop. The end is looked at directly
    # (a regex search of the whole unit costs a try at every character).
    units = []
    for unit in text.split("\n"):
        unit = " ".join(unit.split())
        if unit:
            bare = unit.rstrip("\"')]")
            units.append(unit if bare and bare[-1] in ".!?:;…" else unit + ".")
    return "\n".join(units)


# The first characters of the lines _units must look at twice: rules and setext
# underlines, reference definitions, headings, list items. Any other line that has no
# "|" is a line of a paragraph.
_MARK_FIRST = frozenset("-*_=[#+0123456789")


def _units(body: str) -> list[str]:
    """The paragraphs, headings, list items and table cells of ``body``, code left out,
    each with its block marks gone and its inline Markdown still in it."""
    text = body
    if "```" in text or "~~~" in text:  # no fence without one
        text = _FENCE.sub("\n", text)
    if "\n\n    " in text or "\n\n\t" in text or text.startswith(("    ", "\t")):
        text = _INDENTED_CODE.sub("", text)  # indented code starts after a blank line
    units: list[str] = []
    paragraph: list[str] = []
    append = paragraph.append

    for raw in text.split("\n"):
        line = raw.strip()
        if line[:1] == ">":
            line = _QUOTE.sub("", line).strip()
        if not line:
            if paragraph:
                units.append(" ".join(paragraph))
                paragraph.clear()
            continue
        first = line[0]
        if "|" not in line and first not in _MARK_FIRST and not first.isdigit():
            append(line)  # most lines: no other test can match them
            continue
        # Each pattern is tried only on lines whose first character it can match.
        if (
            (first in "-*_" and _HR.match(line))
            or (first in "=-" and _SETEXT.match(line))
            or (first == "[" and _REF_DEF.match(line))
        ):
            if paragraph:
                units.append(" ".join(paragraph))
                paragraph.clear()
            continue
        if "|" in line:
            if paragraph:
                units.append(" ".join(paragraph))
                paragraph.clear()
            if not _TABLE_RULE.match(line):
                units.extend(c for c in line.strip("|").split("|") if c.strip())
            continue
        heading = _HEADING.match(line) if first == "#" else None
        if heading:
            if paragraph:
                units.append(" ".join(paragraph))
                paragraph.clear()
            words = heading.group(1) or ""
            units.append(_ANCHOR.sub("", words) if "{#" in words else words)
            continue
        item = _LIST.match(line) if first in "-+*" or first.isdigit() else None
        if item:
            if paragraph:
                units.append(" ".join(paragraph))
                paragraph.clear()
            line = line[item.end() :]
        append(line)
    if paragraph:
        units.append(" ".join(paragraph))
    return units
