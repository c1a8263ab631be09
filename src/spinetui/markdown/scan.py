"""A fast line scanner for article bodies: headings (with anchors) and link targets.

Loading checks every link in every article, and a full markdown-it parse costs about
0.7 ms per 2 KB of Markdown even for the block pass alone -- too slow for a
thousand-article guide that must load in well under half a second (this scanner is
about five times faster). It makes one pass over the lines, following just enough
CommonMark to get headings and links right in real content: fenced and indented code
blocks, ATX and setext headings, block quotes and list items, code spans, images,
reference definitions. Heading text that contains inline markup is turned into plain
text with the renderer's own inline parser (:func:`heading_text`; headings are
short, so this is cheap), and anchors come from the same :mod:`.slug` rules, so
tests/unit/test_markdown_scan.py can hold the scanner to markdown-it and the renderer
on every fixture and bundled article.
"""

from __future__ import annotations

import re

from spinetui.markdown.inline import inline_plain
from spinetui.markdown.nesting import MAX_NESTING, might_be_too_deep, too_deep_in
from spinetui.markdown.slug import AnchorAllocator, slugify, split_explicit_anchor
from spinetui.markdown.types import Link

__all__ = ["MAX_NESTING", "Link", "heading_anchors", "scan_body", "too_deep_lines"]

_FENCE_OPEN = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_ATX_CLOSE = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_HR = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}> ?")
_LIST_ITEM = re.compile(r"^( {0,3})([-+*]|\d{1,9}[.)])( {1,4}|\t|$)")
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_LINK_DEST = re.compile(r"(?<!\\)\]\([ \t]*(<[^>\n]*>|[^\s)]*)")
_REF_DEF = re.compile(r"^ {0,3}\[([^\]]+)\]:[ \t]*(<[^>\n]*>|\S+)")
_CONTAINER_STARTS = frozenset(">-+*0123456789")


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


def _split_heading(raw: str, atx: bool = True) -> tuple[str, str | None]:
    """Heading content without closing hashes and ``{#anchor}`` -> (text, explicit)."""
    raw = raw.rstrip()
    if atx and raw.endswith("#"):
        raw = _ATX_CLOSE.sub("", raw)
    if raw.endswith("}"):
        content, explicit = split_explicit_anchor(raw)
        return heading_text(content), explicit
    return heading_text(raw), None


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


def _opening_above(text: str, line_start: int) -> int:
    """Offset of the last "[" in the lines of the paragraph above ``line_start``, or -1.

    For a "](" with no "[" before it on its line: link text may break across the lines
    of a paragraph, and markdown-it (so the renderer, and a problem's line number) puts
    the link on the line of its "[". A blank line, where the paragraph starts, ends the
    search.
    """
    while line_start > 0:
        end = line_start - 1
        line_start = text.rfind("\n", 0, end) + 1
        if not text[line_start:end].strip():
            return -1
        opening = text.rfind("[", line_start, end)
        if opening >= 0:
            return opening
    return -1


def _links_in(lines: list[str], number: int, links: list[Link]) -> None:
    line = lines[number]
    if "`" in line:
        line = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
    for m in _LINK_DEST.finditer(line):
        at = number
        opening = line.rfind("[", 0, m.start())
        if opening < 0 and number:  # link text from the lines above (rare)
            above = "\n".join(lines[:number])
            opening = _opening_above(above, len(above) + 1)
            if opening >= 0:
                at -= above.count("\n", opening) + 1
                line_before = above[:opening]
            else:
                line_before = ""
        else:
            line_before = line[:opening]
        if opening > 0 and line_before[-1:] in ("!", "\\"):
            continue  # an image, or an escaped bracket: not a link
        href = m.group(1)
        if href.startswith("<") and href.endswith(">"):
            href = href[1:-1]
        links.append(Link(href, at))


# Bodies without code blocks, indented lines or possible setext underlines (the usual
# case) are scanned with str.find and a few regexes that start with a literal, which
# Python's re finds quickly, instead of line by line.
_SETEXT_ANYWHERE = re.compile(r"\n {0,3}(?:=+|-+)[ \t]*(?:\n|\Z)")
_ATX_PREFIX = re.compile(r" {0,3}(?:> ?)*(?:(?:[-+*]|\d{1,9}[.)])(?: {1,4}|\t))?")
# Greedy, and the trailing blanks left in the text: _split_heading strips them, and a
# lazy group with "[ \t]*" after it would try the rest of the pattern at every character.
_ATX_AT = re.compile(r"(#{1,6})(?:[ \t]+([^\n]*))?(?=\n|\Z)")
_LINK_ANYWHERE = re.compile(r"\]\([ \t]*(<[^>\n]*>|[^\s)]*)")
_REF_DEF_ANYWHERE = re.compile(r"\n {0,3}\[([^\]\n]+)\]:[ \t]*(<[^>\n]*>|\S+)")
_CODE_SPAN_ANYWHERE = re.compile(r"(`+)(?!`)(?:[^`]|(?!\1)`+)+?\1(?!`)")
_NOT_NEWLINE = re.compile(r"[^\n]")


def _needs_lines(body: str) -> bool:
    return (
        "```" in body
        or "~~~" in body
        or "\t" in body
        or "\n    " in body
        or body.startswith("    ")
        or _SETEXT_ANYWHERE.search(body) is not None
    )


def _scan_fast(
    body: str, with_links: bool = True
) -> tuple[list[tuple[int, str, str | None, int]], list[Link]] | None:
    """Whole-text scan; ``None`` when the body needs the line-by-line scanner."""
    if _needs_lines(body):
        return None
    raw_headings: list[tuple[int, str, str | None, int]] = []
    i = body.find("#")
    pos = line = 0
    while i != -1:
        start = body.rfind("\n", 0, i) + 1
        if (i == start or _ATX_PREFIX.fullmatch(body, start, i)) and (m := _ATX_AT.match(body, i)):
            line += body.count("\n", pos, start)
            pos = start
            raw_headings.append((len(m.group(1)), *_split_heading(m.group(2) or ""), line))
            i = body.find("#", m.end())
        else:
            i = body.find("#", i + 1)

    found: list[tuple[int, str]] = []  # (offset, href)
    if not with_links:
        return raw_headings, []
    if "](" in body:
        text = body
        if "`" in text:
            text = _CODE_SPAN_ANYWHERE.sub(lambda m: _NOT_NEWLINE.sub(" ", m.group(0)), text)
        for m in _LINK_ANYWHERE.finditer(text):
            start = m.start()
            if start and text[start - 1] == "\\":
                continue  # an escaped bracket
            line_start = text.rfind("\n", 0, start) + 1
            opening = text.rfind("[", line_start, start)
            if opening < 0:
                opening = _opening_above(text, line_start)
            if opening > 0 and text[opening - 1] in "!\\":
                continue  # an image, or an escaped bracket: not a link
            found.append((start if opening < 0 else opening, m.group(1)))
    if "]:" in body:
        text = "\n" + body
        found.extend((m.start(), m.group(2)) for m in _REF_DEF_ANYWHERE.finditer(text))
    found.sort()  # document order; a link counts from its "["
    links: list[Link] = []
    pos = line = 0
    for start, href in found:
        line += body.count("\n", pos, start)
        pos = start
        if href.startswith("<") and href.endswith(">"):
            href = href[1:-1]
        links.append(Link(href, line))
    return raw_headings, links


def scan_body(body: str) -> tuple[list[tuple[int, str, str, int]], list[Link]]:
    """Headings ``(level, text, anchor, source_line)`` and links of a Markdown body."""
    fast = _scan_fast(body)
    if fast is not None:
        return _assign_anchors(fast[0]), fast[1]
    return _scan_lines(body)


def _scan_lines(body: str) -> tuple[list[tuple[int, str, str, int]], list[Link]]:
    """The line-by-line scanner, for bodies with code blocks, indents or setext headings."""
    raw_headings: list[tuple[int, str, str | None, int]] = []
    links: list[Link] = []
    fence: tuple[str, int] | None = None
    para_start = -1  # first line of the open top-level paragraph, -1 when none
    para_lines: list[str] = []
    in_list = False
    list_indent = 0  # column where the current list item's content starts
    list_para = False  # a paragraph is open inside a list item
    blank_before = True
    want_links = "](" in body
    want_refs = "]:" in body

    lines = body.split("\n")
    for number, line in enumerate(lines):
        stripped = line.lstrip()
        if fence is not None:
            if (
                stripped.startswith(fence[0] * fence[1])
                and _indent(line) < 4
                and not stripped.rstrip().strip(fence[0])
            ):
                fence = None
            continue
        if not stripped:
            para_start = -1
            list_para = False
            blank_before = True
            continue
        was_blank, blank_before = blank_before, False
        first = stripped[0]
        leading = len(line) - len(stripped)
        indent = _indent(line) if "\t" in line[:leading] else leading
        heading: re.Match[str] | None = None
        if (
            in_list
            and indent == 0
            and (was_blank or first in "`~#>")
            and not _LIST_ITEM.match(line)
        ):
            in_list = list_para = False  # a block at the margin ends the list

        if indent >= 4:
            if para_start >= 0:
                para_lines.append(stripped)  # paragraph continuation
            elif in_list and (list_para or indent - list_indent < 4):
                content = stripped
                if indent - list_indent < 4:  # content of the list item
                    item = _LIST_ITEM.match(stripped)
                    if item and not _HR.match(stripped):
                        list_indent = indent + (item.end() if item.group(3) else item.end() + 1)
                        content = stripped[item.end() :]
                    if content.startswith("#"):
                        heading = _ATX.match(content)
                list_para = heading is None
            else:
                continue  # an indented code block, at top level or in a list item
        else:
            if first in "`~":
                m = _FENCE_OPEN.match(line)
                if m and not (m.group(2)[0] == "`" and "`" in m.group(3)):
                    fence = (m.group(2)[0], len(m.group(2)))
                    para_start = -1
                    list_para = False
                    continue

            if first in "=-" and para_start >= 0 and _SETEXT.match(line):
                text, explicit = _split_heading(" ".join(para_lines), atx=False)
                raw_headings.append((1 if first == "=" else 2, text, explicit, para_start))
                para_start = -1
                continue

            if first in "-*_" and _HR.match(line):
                para_start = -1
                list_para = False
                continue

            if first in _CONTAINER_STARTS:
                content, contained = _strip_containers(line)
            else:
                content, contained = line, False
            if contained:
                item = _LIST_ITEM.match(line)
                if item:
                    in_list = True
                    list_indent = item.end() if item.group(3) else item.end() + 1
                para_start = -1
                if content.lstrip().startswith("#"):
                    heading = _ATX.match(content)
                list_para = item is not None and heading is None
            else:
                if first == "#":
                    heading = _ATX.match(line)
                if heading is not None:
                    para_start = -1
                elif para_start >= 0:
                    para_lines.append(stripped)
                elif not in_list:
                    if first == "[" and want_refs:
                        ref = _REF_DEF.match(line)
                        if ref:
                            href = ref.group(2)
                            links.append(Link(href[1:-1] if href.startswith("<") else href, number))
                            continue
                    para_start = number
                    para_lines = [stripped]

        if heading is not None:
            raw_headings.append(
                (len(heading.group(1)), *_split_heading(heading.group(2) or ""), number)
            )
        if want_links and "](" in line:
            _links_in(lines, number, links)

    return _assign_anchors(raw_headings), links


def _assign_anchors(
    raw: list[tuple[int, str, str | None, int]],
) -> list[tuple[int, str, str, int]]:
    """Anchors in document order, as the renderer gives them: an explicit ``{#anchor}``
    or the slug, and a repeat of either gets -1, -2, ..."""
    anchors = AnchorAllocator()
    return [
        (level, text, anchors.take(explicit or slugify(text)), line)
        for level, text, explicit, line in raw
    ]


def heading_anchors(markdown: str) -> list[tuple[int, str, str, int]]:
    """``(level, text, anchor, source_line)`` for every heading, in order."""
    fast = _scan_fast(markdown, with_links=False)
    if fast is not None:
        return _assign_anchors(fast[0])
    return scan_body(markdown)[0]


def too_deep_lines(body: str) -> list[int]:
    """0-based lines where lists or quotes nest too deeply for the text inside to show.

    Lines that could be that deep are found cheaply; only then is the body block-parsed
    (with the renderer's own parser, so markdown-it loads only for such bodies) to find
    where.
    """
    if not might_be_too_deep(body):
        return []
    from spinetui.markdown.parser import block_parser

    return too_deep_in(block_parser().parse(body))


# Headings: plain text through the renderer's parser, only when there is markup;
# heading text without any of these characters is plain already (no parse needed).
_INLINE_MARKUP = re.compile(r"[*_`~\[\]<>&\\!]")
_SPACE_RUN = re.compile(r"\s\s|[^\S ]")


def heading_text(raw: str) -> str:
    """Plain text of a heading's inline Markdown (``*Risks* and `code` ``), spaces folded.

    Parsed with the renderer's parser (imported only when there is markup to parse),
    so the text, and the anchor made from it, are the renderer's.
    """
    raw = raw.strip()
    if not _INLINE_MARKUP.search(raw):
        return " ".join(raw.split()) if _SPACE_RUN.search(raw) else raw
    from spinetui.markdown.parser import parse_inline

    return " ".join(inline_plain(parse_inline(raw), keep_controls=True).split())
