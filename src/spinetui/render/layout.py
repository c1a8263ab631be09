"""``DocumentLayout``: a document laid out at one width, a prefix of blocks at a time.

Each block is laid out (and inline-parsed, on first use) only when a line at or past it
is asked for, so the first screen of a long article costs only the blocks it shows; the
rest have estimated heights until they are laid out.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, NamedTuple

from rich.segment import Segment

from spinetui.render.blocks import BOX_EMPTY, Block, Heading, Piece
from spinetui.render.inline import TargetKind
from spinetui.render.parse import RenderHeading
from spinetui.render.wrap import Line, fit_cells, text_width, wrap_runs

if TYPE_CHECKING:
    from spinetui.render.document import MarkdownDocument


class Target(NamedTuple):
    """A clickable span: line ``y``, cells ``x0 <= x < x1``."""

    y: int
    x0: int
    x1: int
    kind: TargetKind
    value: str
    text: str

    def contains(self, x: int) -> bool:
        return self.x0 <= x < self.x1


def is_box(layout: DocumentLayout, target: Target) -> bool:
    """True for the piece of a question target that starts with its tick box."""
    return target.kind == "question" and layout.plain(target.y)[target.x0 :].startswith(BOX_EMPTY)


class DocumentLayout:
    """A document laid out at one width, a prefix of blocks at a time."""

    def __init__(self, doc: MarkdownDocument, width: int):
        self.doc = doc
        self.width = max(1, int(width))
        self._lines: list[list[Segment]] = []
        self._line_targets: dict[int, list[Target]] = {}
        self._targets: list[Target] = []
        self._heading_ys: list[int] = []
        self._next = 0
        self._estimates: list[int] = []
        self._remaining = 0  # the estimated lines of parsed blocks not laid out yet
        self._sync()
        self.errors: list[str] = []  # blocks that failed to render (drawn as plain text)

    # -- public ---------------------------------------------------------------

    @property
    def complete(self) -> bool:
        return self._next >= len(self.doc._blocks) and self.doc.parsed

    @property
    def laid_out_lines(self) -> int:
        """Lines laid out so far (exact)."""
        return len(self._lines)

    @property
    def blocks_left(self) -> int:
        """Blocks parsed but not laid out yet (more may come if the document is not
        all parsed: see ``doc.parsed``)."""
        return len(self.doc._blocks) - self._next

    @property
    def next_source_line(self) -> int:
        """The source line where the laid-out part ends (of the next block to lay out)."""
        blocks = self.doc._blocks
        if self._next < len(blocks):
            return blocks[self._next].line
        after = self.doc._next_chunk
        return after.start if after is not None else 1 << 62

    @property
    def height(self) -> int:
        """Exact lines of the laid-out prefix plus an estimate for the rest."""
        self._sync()
        return len(self._lines) + self._remaining + self.doc.unparsed_estimate(self.width)

    def lay_out_more(self, max_blocks: int = 50) -> bool:
        """Lay out up to ``max_blocks`` more blocks; True once the layout is complete.

        Of a long article parsed a chunk at a time, it parses at most one more chunk
        when it runs out of blocks, so each call stays short and the UI keeps answering.
        """
        parsed = False
        for _ in range(max(1, int(max_blocks))):
            if self.complete:
                break
            if self._next >= len(self.doc._blocks):
                if parsed:
                    break
                parsed = True
            self._lay_out_next()
        return self.complete

    def lay_out_all(self) -> None:
        while not self.complete:
            self._lay_out_next()

    def line(self, y: int) -> list[Segment]:
        """The segments of line ``y`` (empty past the end)."""
        self._ensure(y)
        if 0 <= y < len(self._lines):
            return self._lines[y]
        return []

    def plain(self, y: int) -> str:
        return "".join(segment.text for segment in self.line(y))

    def targets_on(self, y: int) -> list[Target]:
        self._ensure(y)
        return list(self._line_targets.get(y, ()))

    def target_at(self, y: int, x: int) -> Target | None:
        """The target under cell (x, y), if any."""
        for target in self.targets_on(y):
            if target.x0 <= x < target.x1:
                return target
        return None

    def targets(self) -> list[Target]:
        """Every target laid out so far, in reading order."""
        return list(self._targets)

    def anchor_line(self, anchor: str) -> int | None:
        """The line of the heading with ``anchor`` (laying out up to it), or None."""
        index = self.doc.heading_index(anchor)
        if index is None:
            return None
        while len(self._heading_ys) <= index and not self.complete:
            self._lay_out_next()
        return self._heading_ys[index] if index < len(self._heading_ys) else None

    def heading_at(self, y: int) -> RenderHeading | None:
        """The heading whose section contains line ``y`` (None before the first)."""
        self._ensure(y)
        index = bisect.bisect_right(self._heading_ys, y) - 1
        return self.doc.headings[index] if index >= 0 else None

    def heading_line(self, index: int) -> int | None:
        """The line of the ``index``-th heading if it is laid out already."""
        return self._heading_ys[index] if 0 <= index < len(self._heading_ys) else None

    # -- laying out -------------------------------------------------------------

    def _ensure(self, y: int) -> None:
        while y >= len(self._lines) and not self.complete:
            self._lay_out_next()

    def _estimate(self, block: Block) -> int:
        body = block.estimate(max(1, self.width - block.prefix_w))
        return body + (1 if block.gap else 0)

    def _sync(self) -> None:
        """Estimate the blocks parsed since (by this or another width's layout)."""
        blocks = self.doc._blocks
        for block in blocks[len(self._estimates) :]:
            estimate = self._estimate(block)
            self._estimates.append(estimate)
            self._remaining += estimate

    def _lay_out_next(self) -> None:
        index = self._next
        if index >= len(self.doc._blocks):
            self.doc.parse_more()
        self._sync()
        if index >= len(self.doc._blocks):
            return
        block = self.doc._blocks[index]
        self._next += 1
        self._remaining -= self._estimates[index]
        width = self.width
        lines = self._lines
        if block.gap and lines:
            lines.append(self._prefix_segments(block.gap_prefix, width)[0])
        first, first_w = self._prefix_segments(block.first, width)
        rest, rest_w = self._prefix_segments(block.rest, width)
        inner = max(1, width - max(first_w, rest_w))
        body: list[Line]
        try:
            body = block.render(self.doc, inner)
        except Exception as error:  # never let one block break the article
            self.errors.append(f"block {index} ({block.kind}): {error!r}")
            body = wrap_runs([(block.plain(self.doc), None, None)], inner)
        if isinstance(block, Heading):
            self._heading_ys.append(len(lines))
        for n, (segments, _w, spans) in enumerate(body):
            y = len(lines)
            prefix, px = (first, first_w) if n == 0 else (rest, rest_w)
            lines.append(prefix + segments if prefix else segments)
            if spans:
                found = [
                    Target(y, px + x0, px + x1, ref.kind, ref.value, ref.text)
                    for x0, x1, ref in spans
                ]
                if n == 0 and found[0].kind == "question" and spans[0][0] == 0:
                    # The tick box is the list marker (the prefix's last cells): tapping
                    # or selecting it is tapping the question.
                    box = len(BOX_EMPTY) + 1
                    if px >= box:
                        first_target = found[0]
                        found[0] = Target(
                            y,
                            px - box,
                            first_target.x1,
                            "question",
                            first_target.value,
                            first_target.text,
                        )
                self._line_targets[y] = found
                self._targets.extend(found)

    def _prefix_segments(self, pieces: list[Piece], width: int) -> tuple[list[Segment], int]:
        if not pieces:
            return [], 0
        limit = width - (width + 1) // 2  # containers take at most half the line
        out: list[Segment] = []
        used = 0
        for text, style in pieces:
            w = text_width(text)
            if used + w > limit:
                text, w = fit_cells(text, limit - used)
                if text:
                    out.append(Segment(text, style))
                    used += w
                break
            out.append(Segment(text, style))
            used += w
        return out, used
