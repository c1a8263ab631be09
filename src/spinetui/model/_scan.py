"""A fast line scanner for article bodies: headings (with anchors) and link targets.

Loading checks every link in every article, and a full markdown-it parse costs about
0.7 ms per 2 KB of Markdown even for the block pass alone -- too slow for a
thousand-article guide that must load in well under half a second. This scanner
makes one pass over the lines, following just enough CommonMark to get headings and
links right in real content: fenced and indented code blocks, ATX and setext
headings, block quotes and list items, code spans, images, reference definitions.
Heading text that contains inline markup is turned into plain text with
markdown-it's inline parser (headings are short, so this is cheap).

Anchors follow ``spinetui.render`` exactly (see :func:`slugify` and
:func:`_assign_anchors`); tests compare the two on every fixture and bundled article.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

_FENCE_OPEN = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_ATX_CLOSE = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_EXPLICIT = re.compile(r"[ \t]*\{#([^\s{}]+)\}$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_HR = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}> ?")
_LIST_ITEM = re.compile(r"^( {0,3})([-+*]|\d{1,9}[.)])( {1,4}|\t|$)")
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_LINK_DEST = re.compile(r"(?<!\\)\]\([ \t]*(<[^>\n]*>|[^\s)]*)")
_REF_DEF = re.compile(r"^ {0,3}\[([^\]]+)\]:[ \t]*(<[^>\n]*>|\S+)")
_CONTAINER_STARTS = frozenset(">-+*0123456789")
_INLINE_MARKUP_RE = re.compile(r"[*_`\[\]<>&\\!]")
_SPACE_RUN_RE = re.compile(r"\s\s|[^\S ]")
_SPACES = re.compile(r"\s+")


class Link(NamedTuple):
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
    """The automatic anchor for a heading's plain text.

    The same rule as ``spinetui.render.slugify`` (tests/unit/test_loader_scan.py holds
    the two together; the model does not import the renderer, which would pull Rich
    and markdown-it into every load): lowercase, each run of whitespace becomes one
    hyphen, letters, digits, combining marks, hyphens and underscores are kept, other
    punctuation is dropped. "Risks & side effects" gives "risks--side-effects".
    """
    text = _SPACES.sub("-", text.strip().lower())
    kept = "".join(
        ch for ch in text if ch.isalnum() or ch in "-_" or unicodedata.category(ch)[0] in "LNM"
    )
    return kept or "section"


@lru_cache(maxsize=1)
def _inline_parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False})


def _inline_plain(children) -> str:
    parts: list[str] = []
    for child in children or ():
        if child.type in ("text", "text_special", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(_inline_plain(child.children))
    return "".join(parts)


def heading_plain_text(raw: str) -> str:
    """Plain text of a heading's inline Markdown (``*Risks* and `code` ``)."""
    raw = raw.strip()
    if not _INLINE_MARKUP_RE.search(raw):
        return " ".join(raw.split()) if _SPACE_RUN_RE.search(raw) else raw
    tokens = _inline_parser().parseInline(raw)
    return " ".join("".join(_inline_plain(t.children) for t in tokens).split())


def _split_heading(raw: str, atx: bool = True) -> tuple[str, str | None]:
    """Heading content without closing hashes and ``{#anchor}`` -> (text, explicit)."""
    raw = raw.rstrip()
    if atx and raw.endswith("#"):
        raw = _ATX_CLOSE.sub("", raw)
    m = _EXPLICIT.search(raw) if raw.endswith("}") else None
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
        if opening > 0 and line[opening - 1] in "!\\":
            continue  # an image, or an escaped bracket: not a link
        href = m.group(1)
        if href.startswith("<") and href.endswith(">"):
            href = href[1:-1]
        links.append(Link(href, number))


# Bodies without code blocks, indented lines or possible setext underlines (the usual
# case) are scanned with str.find and a few regexes that start with a literal, which
# Python's re finds quickly, instead of line by line.
_SETEXT_ANYWHERE = re.compile(r"\n {0,3}(?:=+|-+)[ \t]*(?:\n|\Z)")
_ATX_PREFIX = re.compile(r" {0,3}(?:> ?)*(?:(?:[-+*]|\d{1,9}[.)])(?: {1,4}|\t))?")
_ATX_AT = re.compile(r"(#{1,6})(?:[ \t]+([^\n]*?))?[ \t]*(?:\n|\Z)")
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


def _scan_fast(body: str) -> tuple[list[tuple[int, str, str | None, int]], list[Link]] | None:
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
    if "](" in body:
        text = body
        if "`" in text:
            text = _CODE_SPAN_ANYWHERE.sub(lambda m: _NOT_NEWLINE.sub(" ", m.group(0)), text)
        for m in _LINK_ANYWHERE.finditer(text):
            start = m.start()
            if start and text[start - 1] == "\\":
                continue  # an escaped bracket
            opening = text.rfind("[", text.rfind("\n", 0, start) + 1, start)
            if opening > 0 and text[opening - 1] in "!\\":
                continue  # an image, or an escaped bracket: not a link
            found.append((start, m.group(1)))
    if "]:" in body:
        text = "\n" + body
        found.extend((m.start(), m.group(2)) for m in _REF_DEF_ANYWHERE.finditer(text))
        found.sort()
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

    for number, line in enumerate(body.split("\n")):
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
            _links_in(line, number, links)

    return _assign_anchors(raw_headings), links


def _assign_anchors(
    raw: list[tuple[int, str, str | None, int]],
) -> list[tuple[int, str, str, int]]:
    """Anchors in document order, as ``spinetui.render``'s AnchorAllocator gives them:
    an explicit ``{#anchor}`` or the slug, and a repeat of either gets -1, -2, ..."""
    used: set[str] = set()
    out: list[tuple[int, str, str, int]] = []
    for level, text, explicit, line in raw:
        wanted = explicit or slugify(text)
        anchor, n = wanted, 0
        while anchor in used:
            n += 1
            anchor = f"{wanted}-{n}"
        used.add(anchor)
        out.append((level, text, anchor, line))
    return out


def heading_anchors(markdown: str) -> list[tuple[int, str, str, int]]:
    """``(level, text, anchor, source_line)`` for every heading, in order."""
    return scan_body(markdown)[0]


# ------------------------------------------------------------- nesting too deep
#
# markdown-it (and so the renderer) stops nesting blocks at a depth of 200 (a list
# item counts two: the list and the item) and drops what is inside; the renderer says
# so in its place (spinetui.render.parse: MAX_NESTING, skip_too_deep, _too_deep;
# tests/robustness/test_hostile_files.py holds the two together). Lines that could be
# that deep are found cheaply; only then is the body block-parsed to find where.
MAX_NESTING = 200
_DEEP_CANDIDATE = re.compile(r"^[ \t>+*\-0-9.)]{100,}", re.M)
_LIST_MARKER = re.compile(r"(?<![^ \t>])(?:[-+*]|\d{1,9}[.)])(?=[ \t])")


def _nesting_score(prefix: str) -> int:
    """Roughly how many blocks deep a line's prefix of markers and indentation goes."""
    return (
        prefix.count(">") + len(_LIST_MARKER.findall(prefix)) + prefix.expandtabs(4).count(" ") // 2
    )


def too_deep_lines(body: str) -> list[int]:
    """0-based lines where lists or quotes nest too deeply for the text inside to show."""
    if not any(_nesting_score(m.group()) >= 90 for m in _DEEP_CANDIDATE.finditer(body)):
        return []
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")
    md.disable("inline")
    tokenize = md.block.tokenize

    def bounded(state, start: int, end: int) -> None:
        # As the renderer: skip only the too-deep container, not the rest of the body.
        if state.level < MAX_NESTING:
            tokenize(state, start, end)
            return
        line = start
        while line < end and (state.isEmpty(line) or state.sCount[line] >= state.blkIndent):
            line += 1
        state.line = line

    md.block.tokenize = bounded
    tokens = md.parse(body)
    return [
        tok.map[0] if tok.map else 0
        for i, tok in enumerate(tokens)
        if tok.type in ("blockquote_open", "list_item_open")
        and tok.level >= MAX_NESTING - 1
        and i + 1 < len(tokens)
        and tokens[i + 1].nesting == -1
    ]
