"""A fast greedy word wrapper over (text, style, ref) runs, measured in terminal cells.

Rich's ``Text.wrap`` is correct but too slow for laying out a long article; this does
the one thing the renderer needs: break runs of styled text into lines no wider than
``width`` cells, at spaces, hard-breaking words that are longer than a line.
"""

from __future__ import annotations

import re
from typing import Any, cast

from rich.cells import cell_len, split_graphemes
from rich.segment import Segment
from rich.style import Style

# Callers import these from here too (the Markdown package holds them).
from spinetui.markdown.text import clean_inline as clean_inline
from spinetui.markdown.text import clean_source as clean_source

# A run is (text, style, ref). ``ref`` is any object shared by every run of one
# clickable thing (a link or a glossary term) or None. HARD is a forced line break.
Run = tuple[str, Style | None, Any]
# (Typed as a Run so run lists can hold it; it is told apart by identity, ``is HARD``.)
HARD: Run = cast(Run, (None, None, None))

# A laid-out line: its segments, its width in cells, and [x0, x1, ref] target spans.
Line = tuple[list[Segment], int, list[list[Any]]]

_PIECES = re.compile(r"[^ ]+| +")


def text_width(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


def split_cells(text: str, room: int) -> tuple[str, int, str, int]:
    """Split ``text`` into a head of at most ``room`` cells and the tail.

    Splits between grapheme clusters. The head may be empty when the first cluster is
    wider than ``room``.
    """
    if text.isascii():
        return text[:room], min(room, len(text)), text[room:], max(0, len(text) - room)
    spans, total = split_graphemes(text)
    used = 0
    cut = 0
    for start, end, width in spans:
        if used + width > room:
            cut = start
            break
        used += width
        cut = end
    return text[:cut], used, text[cut:], total - used


def fit_cells(text: str, width: int) -> tuple[str, int]:
    """``text`` cut to at most ``width`` cells (never wider)."""
    head, used, _tail, _rest = split_cells(text, width)
    return head, used


def wrap_runs(runs: list[Run], width: int) -> list[Line]:
    """Greedily wrap runs into lines of at most ``width`` cells (``width`` >= 1)."""
    width = max(1, width)
    lines: list[Line] = []
    line: list[tuple[str, int, Any, Any]] = []
    line_w = 0
    spaces: list[tuple[str, int, Any, Any]] = []
    spaces_w = 0
    word: list[tuple[str, int, Any, Any]] = []
    word_w = 0

    def emit() -> None:
        nonlocal line, line_w
        lines.append(_finish(line))
        line = []
        line_w = 0

    def place_word() -> None:
        nonlocal line_w, spaces_w, word_w
        if line_w and line_w + spaces_w + word_w > width:
            emit()
        if line_w:
            line.extend(spaces)
            line_w += spaces_w
        if line_w + word_w <= width:
            line.extend(word)
            line_w += word_w
        else:  # a word longer than a line: hard-break it by cells
            for text, w, style, ref in word:
                while True:
                    room = width - line_w
                    if w <= room:
                        if text:
                            line.append((text, w, style, ref))
                            line_w += w
                        break
                    head, hw, text, w = split_cells(text, room)
                    if not head:
                        if line_w:
                            emit()
                            continue
                        # A cluster wider than the whole line (width 1, wide char).
                        head, hw = "…", 1
                        spans, _ = split_graphemes(text)
                        cut = spans[0][1] if spans else len(text)
                        text = text[cut:]
                        w = text_width(text)
                    line.append((head, hw, style, ref))
                    line_w += hw
                    if line_w >= width and (w or text):
                        emit()
        spaces.clear()
        spaces_w = 0
        word.clear()
        word_w = 0

    for run in runs:
        text, style, ref = run
        if text is None:  # hard break
            if word:
                place_word()
            emit()
            spaces.clear()
            spaces_w = 0
            continue
        if not text:
            continue
        for piece in _PIECES.findall(text):
            if piece[0] == " ":
                if word:
                    total = line_w + spaces_w + word_w if line_w else word_w
                    if total <= width:  # the common case, inlined: the word fits
                        if line_w:
                            line.extend(spaces)
                        line.extend(word)
                        line_w = total
                        spaces.clear()
                        spaces_w = 0
                        word.clear()
                        word_w = 0
                    else:
                        place_word()
                spaces.append((piece, len(piece), style, ref))
                spaces_w += len(piece)
            else:
                w = len(piece) if piece.isascii() else cell_len(piece)
                word.append((piece, w, style, ref))
                word_w += w
    if word:
        place_word()
    if line or not lines:
        emit()
    return lines


def _finish(items: list[tuple[str, int, Any, Any]]) -> Line:
    """Merge items of one line into segments, and collect target spans."""
    segments: list[Segment] = []
    targets: list[list[Any]] = []
    x = 0
    buf: list[str] = []
    cur_style: Any = None
    cur_ref: Any = None
    for text, w, style, ref in items:
        if buf and (style is not cur_style or ref is not cur_ref):
            segments.append(Segment("".join(buf), cur_style))
            buf = []
        buf.append(text)
        cur_style = style
        cur_ref = ref
        if ref is not None:
            if targets and targets[-1][2] is ref and targets[-1][1] == x:
                targets[-1][1] = x + w
            else:
                targets.append([x, x + w, ref])
        x += w
    if buf:
        segments.append(Segment("".join(buf), cur_style))
    return segments, x, targets
