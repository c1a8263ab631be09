"""A fast line scanner for article bodies: headings (with anchors) and link targets.

Loading checks every link in every article, and a full markdown-it parse costs about
0.7 ms per 2 KB of Markdown even for the block pass alone -- too slow for a
thousand-article guide that must load in well under half a second. This scanner
makes one pass over the lines, following just enough CommonMark to get headings and
links right in real content: fenced and indented code blocks, ATX and setext
headings, block quotes and list items, code spans, images, reference definitions.
Heading text that contains inline markup is turned into plain text with
markdown-it's inline parser (headings are short, so this is cheap).

Anchors: lowercase, whitespace runs become one hyphen, punctuation other than
hyphens is dropped, Unicode letters and digits are kept. An explicit trailing
``{#anchor}`` wins; explicit anchors are reserved first, then a repeated automatic
anchor gets ``-1``, ``-2``, ... A heading with no letters or digits gets ``section``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_FENCE_OPEN = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_ATX_CLOSE = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_EXPLICIT = re.compile(r"[ \t]*\{#([^\s{}]+)\}[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_HR = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}> ?")
_LIST_ITEM = re.compile(r"^( {0,3})([-+*]|\d{1,9}[.)])( {1,4}|\t|$)")
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_LINK_DEST = re.compile(r"(?<!\\)\]\([ \t]*(<[^>\n]*>|[^\s)]*)")
_REF_DEF = re.compile(r"^ {0,3}\[([^\]]+)\]:[ \t]*(<[^>\n]*>|\S+)")
_INLINE_MARKUP = frozenset("*_`[]<>&\\!")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Link:
    href: str
    line: int  # 0-based line in the body


def _indent(line: str) -> int:
    n = 0
    for ch in line:
        if ch == " ":
            n += 1
        elif ch == "\t":
            n += 4 - n % 4
        else:
            break
    return n


def slugify(text: str) -> str:
    """The automatic anchor for a heading's plain text."""
    kept = "".join(ch for ch in text.lower() if ch.isalnum() or ch == "-" or ch.isspace())
    return _SPACES.sub("-", kept.strip()) or "section"


@lru_cache(maxsize=1)
def _inline_parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False})


def heading_plain_text(raw: str) -> str:
    """Plain text of a heading's inline Markdown (``*Risks* and `code` ``)."""
    raw = raw.strip()
    if not _INLINE_MARKUP.intersection(raw):
        return _SPACES.sub(" ", raw)
    parts: list[str] = []
    for token in _inline_parser().parseInline(raw):
        for child in token.children or ():
            if child.type in ("text", "code_inline", "html_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
            elif child.type == "image":
                parts.append(child.content)
    return _SPACES.sub(" ", "".join(parts)).strip()


def _split_heading(raw: str) -> tuple[str, str | None]:
    """Heading content without closing hashes and ``{#anchor}`` -> (text, explicit)."""
    raw = _ATX_CLOSE.sub("", raw)
    m = _EXPLICIT.search(raw)
    if m:
        return heading_plain_text(raw[: m.start()]), m.group(1)
    return heading_plain_text(raw), None


def _strip_containers(line: str) -> tuple[str, bool]:
    """Remove block-quote markers and one list marker; report whether any were found."""
    found = False
    while True:
        m = _QUOTE.match(line)
        if not m:
            break
        line = line[m.end() :]
        found = True
    m = _LIST_ITEM.match(line)
    if m and not _HR.match(line):
        line = line[m.end() :]
        found = True
    return line, found


def _links_in(line: str, number: int, links: list[Link]) -> None:
    if "`" in line:
        line = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
    for m in _LINK_DEST.finditer(line):
        opening = line.rfind("[", 0, m.start())
        if opening > 0 and line[opening - 1] == "!":
            continue  # an image, not a link
        href = m.group(1)
        if href.startswith("<") and href.endswith(">"):
            href = href[1:-1]
        links.append(Link(href, number))


def scan_body(body: str) -> tuple[list[tuple[int, str, str, int]], list[Link]]:
    """Headings ``(level, text, anchor, source_line)`` and links of a Markdown body."""
    raw_headings: list[tuple[int, str, str | None, int]] = []
    links: list[Link] = []
    fence: tuple[str, int] | None = None
    para_start = -1  # first line of the open top-level paragraph, -1 when none
    para_lines: list[str] = []
    in_list = False
    list_indent = 0
    blank_before = True
    want_links = "](" in body
    want_refs = "]:" in body

    for number, line in enumerate(body.split("\n")):
        if fence is not None:
            stripped = line.strip()
            if (
                _indent(line) < 4
                and stripped.startswith(fence[0] * fence[1])
                and not stripped.strip(fence[0])
            ):
                fence = None
            continue
        if not line.strip():
            para_start = -1
            para_lines = []
            blank_before = True
            continue
        was_blank, blank_before = blank_before, False
        indent = _indent(line)

        if indent >= 4:
            if para_start >= 0:
                para_lines.append(line.strip())  # paragraph continuation
            elif not in_list:
                continue  # indented code block
            elif indent - list_indent >= 4:
                continue  # code block inside a list item
            content = line.strip()
            m = _ATX.match(content)
            if m and para_start < 0:
                raw_headings.append((len(m.group(1)), *_split_heading(m.group(2) or ""), number))
                continue
            if want_links and "](" in line:
                _links_in(line, number, links)
            continue

        m = _FENCE_OPEN.match(line)
        if m and not (m.group(2)[0] == "`" and "`" in m.group(3)):
            fence = (m.group(2)[0], len(m.group(2)))
            para_start = -1
            para_lines = []
            continue

        if para_start >= 0 and _SETEXT.match(line):
            level = 1 if line.strip()[0] == "=" else 2
            text, explicit = _split_heading(" ".join(para_lines))
            raw_headings.append((level, text, explicit, para_start))
            para_start = -1
            para_lines = []
            continue

        if _HR.match(line):
            para_start = -1
            para_lines = []
            continue

        content, contained = _strip_containers(line)
        if contained:
            item = _LIST_ITEM.match(line)
            if item:
                in_list = True
                list_indent = item.end() if item.group(3) else item.end() + 1
            para_start = -1
            para_lines = []
            m = _ATX.match(content)
            if m:
                raw_headings.append((len(m.group(1)), *_split_heading(m.group(2) or ""), number))
                continue
        else:
            if in_list and was_blank and indent == 0:
                in_list = False
            m = _ATX.match(line)
            if m:
                raw_headings.append((len(m.group(1)), *_split_heading(m.group(2) or ""), number))
                para_start = -1
                para_lines = []
                continue
            if para_start >= 0:
                para_lines.append(line.strip())
            elif not in_list:
                para_start = number
                para_lines = [line.strip()]
        if want_refs and para_start == number:
            ref = _REF_DEF.match(line)
            if ref:
                href = ref.group(2)
                links.append(Link(href[1:-1] if href.startswith("<") else href, number))
                para_start = -1
                para_lines = []
                continue
        if want_links and "](" in line:
            _links_in(line, number, links)

    return _assign_anchors(raw_headings), links


def _assign_anchors(
    raw: list[tuple[int, str, str | None, int]],
) -> list[tuple[int, str, str, int]]:
    used = {explicit for _, _, explicit, _ in raw if explicit}
    out: list[tuple[int, str, str, int]] = []
    for level, text, explicit, line in raw:
        if explicit:
            anchor = explicit
        else:
            base = slugify(text)
            anchor, n = base, 0
            while anchor in used:
                n += 1
                anchor = f"{base}-{n}"
            used.add(anchor)
        out.append((level, text, anchor, line))
    return out


def heading_anchors(markdown: str) -> list[tuple[int, str, str, int]]:
    """``(level, text, anchor, source_line)`` for every heading, in order."""
    return scan_body(markdown)[0]
