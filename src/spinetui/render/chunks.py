"""Where a long article's Markdown may be cut into chunks that block-parse on their own.

markdown-it's block parse of a 5 MB article of many short blocks takes seconds, so
``MarkdownDocument`` parses a long article a chunk at a time (the first chunk when it
opens, the next whenever the layout runs out of blocks). A chunk may start only at an
ATX heading at column 0 right after a blank line: every block and container that is
open there ends there (a list item, quote, table or paragraph cannot continue across a
blank line into an unindented heading), except a fenced code block or a long HTML block
(``<pre>``, ``<!--`` …) still open. Rather than follow CommonMark to find those, the
cut is made blindly and ``crosses_end`` checks each chunk's tokens: a chunk whose last
top-level block runs to its end is merged with the next one and parsed again, so the
result is always markdown-it's own parse of the whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token


#: Articles shorter than this parse whole, in one go, as they always did.
CHUNKED_FROM_CHARS = 200_000
#: About how much Markdown one chunk holds (well under the 100 ms a key may wait).
CHUNK_CHARS = 8_000

# A blank line, then an ATX heading at column 0: a place to cut (just before the "#").
_CUT = re.compile(r"\n[ \t]*\n(?=#{1,6}(?:[ \t\n]|$))")


@dataclass(frozen=True, slots=True)
class Chunk:
    """Lines ``start <= line < end`` of the source: its text and a rough size."""

    start: int
    end: int
    text: str
    blocks: int = 1  # about how many blocks it holds (for the layout's estimate)


def split_chunks(source: str, size: int | None = None) -> list[Chunk]:
    """``source`` cut into chunks of about ``size`` characters (``CHUNK_CHARS``); one
    chunk if it cannot be, or if it is shorter than ``CHUNKED_FROM_CHARS``."""
    if len(source) < CHUNKED_FROM_CHARS:
        return [Chunk(0, 0, source)]
    size = CHUNK_CHARS if size is None else size
    chunks: list[Chunk] = []
    start = line = 0  # the chunk's first character and line
    for m in _CUT.finditer(source, size):
        cut = m.end()
        if cut - start < size:
            continue
        text = source[start:cut]
        end = line + text.count("\n")
        chunks.append(Chunk(line, end, text, text.count("\n\n") + 1))
        start, line = cut, end
    if not chunks:
        return [Chunk(0, 0, source)]
    text = source[start:]
    chunks.append(Chunk(line, line + text.count("\n") + 1, text, text.count("\n\n") + 1))
    if "]:" in source[len(chunks[0].text) :]:
        # A link reference definition past the first chunk: links above it would not
        # resolve if the chunks before it were inline-parsed first. Parse it whole.
        return [Chunk(0, 0, source)]
    return chunks


def crosses_end(tokens: list[Token], lines: int) -> bool:
    """True if a top-level fence or HTML block runs to the chunk's end (``lines`` long).

    A closed one ends before the chunk's last line, which is blank; one that reaches the
    end was still open there, and would go on into the next chunk in a whole parse.
    """
    for tok in reversed(tokens):
        if tok.level == 0 and tok.map:
            return tok.type in ("fence", "html_block") and tok.map[1] >= lines
    return False


def merged(first: Chunk, second: Chunk) -> Chunk:
    """Two neighbouring chunks as one."""
    return Chunk(first.start, second.end, first.text + second.text, first.blocks + second.blocks)
