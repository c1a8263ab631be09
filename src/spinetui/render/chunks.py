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
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from markdown_it.token import Token


from spinetui.markdown.text import clean_source

#: Articles shorter than this parse whole, in one go, as they always did.
CHUNKED_FROM_CHARS = 200_000
#: About how much Markdown one chunk holds (well under the 100 ms a key may wait).
CHUNK_CHARS = 8_000

# A blank line, then an ATX heading at column 0: a place to cut (just before the "#").
_CUT = re.compile(r"\n[ \t]*\n(?=#{1,6}(?:[ \t\n]|$))")


class Chunk(NamedTuple):
    """Lines ``start <= line < end`` of the source: its text and a rough size."""

    start: int
    end: int
    text: str
    blocks: int = 1  # about how many blocks it holds (for the layout's estimate)


# A link reference definition's "]:" (control characters between the two are removed
# by the cleaning, so they may be there in the raw source).
_LATE_REF = re.compile(r"\][\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*:")


class ChunkCutter:
    """Cuts ``source`` (raw: each chunk is cleaned of control characters as it is cut)
    into chunks of about ``size`` characters, one at a time as they are asked for, so
    opening a long article costs only its first chunk (not a pass over all of it)."""

    def __init__(self, source: str, size: int | None = None) -> None:
        self._source = source
        self._size = CHUNK_CHARS if size is None else size
        self._pos = 0  # the next chunk's first character
        self.line = 0  # and its first line
        self._started = False
        self._chars = self._blocks = 0  # what has been cut so far (for the estimate)
        self.chunked = len(source) >= CHUNKED_FROM_CHARS
        if self.chunked:
            m = _CUT.search(source, self._size)
            # A link reference definition past the first chunk: links above it would
            # not resolve if the chunks before it were inline-parsed first. Parse whole.
            if m is None or _LATE_REF.search(source, m.end()) is not None:
                self.chunked = False

    @property
    def done(self) -> bool:
        return self._started and self._pos >= len(self._source)

    def next(self) -> Chunk | None:
        """The next chunk (cleaned), or None when all have been given."""
        if self.done:
            return None
        source, pos = self._source, self._pos
        m = _CUT.search(source, pos + self._size) if self.chunked else None
        return self._cut(m.end() if m is not None else len(source))

    def rest(self) -> Chunk | None:
        """Everything not given yet, as one chunk."""
        return None if self.done else self._cut(len(self._source))

    def _cut(self, cut: int) -> Chunk:
        self._started = True
        raw = self._source[self._pos : cut]
        lines = raw.count("\n")
        blocks = raw.count("\n\n") + 1
        end = self.line + lines + (1 if cut >= len(self._source) else 0)
        chunk = Chunk(self.line, end, clean_source(raw), blocks)
        self._pos, self.line = cut, self.line + lines
        self._chars += len(raw)
        self._blocks += blocks
        return chunk

    def unparsed(self) -> tuple[int, int]:
        """About how many characters and blocks are not cut yet (the blocks in
        proportion to what has been cut, rather than counted in a pass over the rest)."""
        chars = len(self._source) - self._pos
        if not chars:
            return 0, 0
        return chars, chars * self._blocks // max(1, self._chars)


def split_chunks(source: str, size: int | None = None) -> list[Chunk]:
    """``source`` cut into chunks of about ``size`` characters (``CHUNK_CHARS``); one
    chunk if it cannot be, or if it is shorter than ``CHUNKED_FROM_CHARS``."""
    cutter = ChunkCutter(source, size)
    chunks = []
    while (chunk := cutter.next()) is not None:
        chunks.append(chunk)
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
