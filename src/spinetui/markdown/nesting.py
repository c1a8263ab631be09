"""Lists and quotes nested too deeply for markdown-it: the limit, and where it is hit.

markdown-it (and so the renderer) stops nesting blocks at a depth of :data:`MAX_NESTING`
(a list item counts two: the list and the item) and drops what is inside; the renderer
says so in its place (:data:`TOO_DEEP`) and the loader warns at the same lines
(``spinetui.markdown.scan.too_deep_lines``, from :func:`too_deep_in`). tests/robustness/test_hostile_files.py holds the two together.
"""

from __future__ import annotations

import re
from typing import Any

MAX_NESTING = 200
TOO_DEEP = "*(Lists or quotes are nested too deeply here; the text inside is not shown.)*"

_DEEP_CANDIDATE = re.compile(r"^[ \t>+*\-0-9.)]{100,}", re.M)
_LIST_MARKER = re.compile(r"(?<![^ \t>])(?:[-+*]|\d{1,9}[.)])(?=[ \t])")


def skip_too_deep(md: Any) -> None:
    """Make the markdown-it parser ``md`` skip only the container nested too deeply.

    At ``maxNesting`` markdown-it skips "the tail to the end", which inside a list item
    is the rest of the document: a list nested too deeply would hide everything after
    it. Here only the lines that belong to the too-deep container are skipped.
    """
    tokenize = md.block.tokenize

    def bounded(state: Any, start: int, end: int) -> None:
        if state.level < md.options.maxNesting:
            tokenize(state, start, end)
            return
        # As tokenize would: stop at the first line less indented than the container.
        line = start
        while line < end and (state.isEmpty(line) or state.sCount[line] >= state.blkIndent):
            line += 1
        state.line = line

    md.block.tokenize = bounded


def _nesting_score(prefix: str) -> int:
    """Roughly how many blocks deep a line's prefix of markers and indentation goes."""
    return (
        prefix.count(">") + len(_LIST_MARKER.findall(prefix)) + prefix.expandtabs(4).count(" ") // 2
    )


def might_be_too_deep(body: str) -> bool:
    """Cheaply: could any line of ``body`` nest lists or quotes too deeply? (Only such
    bodies need a block parse to find where.)"""
    return any(_nesting_score(m.group()) >= 90 for m in _DEEP_CANDIDATE.finditer(body))


def too_deep_in(tokens: list[Any]) -> list[int]:
    """0-based lines of the block tokens where markdown-it dropped a too-deep container."""
    return [
        tok.map[0] if tok.map else 0
        for i, tok in enumerate(tokens)
        if tok.type in ("blockquote_open", "list_item_open")
        and tok.level >= MAX_NESTING - 1
        and i + 1 < len(tokens)
        and tokens[i + 1].nesting == -1
    ]
