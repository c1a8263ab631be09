"""GFM tables: boxed columns sized to their text, or "Header: value" lines when the
columns cannot fit the width."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.segment import Segment

from spinetui.render.blocks.base import Block, BlockContext, BlockKind, Builder
from spinetui.render.inline import Inline
from spinetui.render.parse import _line
from spinetui.render.wrap import Line, Run, text_width, wrap_runs

if TYPE_CHECKING:
    from markdown_it.token import Token

_LONG_WORD = 15  # table columns break words longer than this rather than give up

#: (is a header row, [(cell text, alignment)]) per row.
Rows = list[tuple[bool, list[tuple[Inline, str]]]]


class TableBlock(Block):
    __slots__ = ("rows",)
    kind: ClassVar[BlockKind] = "table"

    def __init__(self, rows: Rows, chars: int, line: int):
        super().__init__(chars, line)
        self.rows = rows

    @classmethod
    def build(cls, builder: Builder, tokens: list[Token], i: int) -> int:
        """Collect a table's rows; return the index after table_close."""
        terms = builder.marks_terms
        header_style = builder.styles.table_header
        rows: Rows = []
        in_head = False
        chars = 0
        line = _line(tokens[i])
        n = len(tokens)
        j = i + 1
        while j < n and tokens[j].type != "table_close":
            t = tokens[j]
            ty = t.type
            if ty == "thead_open":
                in_head = True
            elif ty == "thead_close":
                in_head = False
            elif ty == "tr_open":
                rows.append((in_head, []))
            elif ty in ("th_open", "td_open"):
                style = str(t.attrGet("style") or "")
                align = style.split(":", 1)[1].strip() if ":" in style else "left"
                content = ""
                if j + 1 < n and tokens[j + 1].type == "inline":
                    content = tokens[j + 1].content
                    j += 1
                base = header_style if in_head else None
                if rows:
                    rows[-1][1].append((Inline(content, base, terms and not in_head), align))
                chars += len(content) + 3
            j += 1
        if rows:
            builder.emit(cls(rows, chars, line))
        return j + 1

    def estimate(self, width: int) -> int:
        return len(self.rows) + 3 + self.chars // max(width, 1)

    def set_section(self, section: int) -> None:
        for _head, cells in self.rows:
            for inl, _align in cells:
                inl.section = section

    def plain(self, ctx: BlockContext) -> str:
        plain = ctx.inline.plain
        return "\n".join(" | ".join(plain(inl) for inl, _ in cells) for _head, cells in self.rows)

    def render(self, ctx: BlockContext, width: int) -> list[Line]:
        rows = self.rows
        inline = ctx.inline
        ncols = max((len(cells) for _h, cells in rows), default=0)
        if ncols == 0:
            return [([], 0, [])]
        natural = [1] * ncols
        longest = [1] * ncols  # longest word, so columns need not break words
        for _head, cells in rows:
            for j, (inl, _align) in enumerate(cells):
                plain = inline.plain(inl)
                natural[j] = max(natural[j], text_width(plain))
                for word in plain.split():
                    longest[j] = max(longest[j], text_width(word))
        avail = width - (3 * ncols + 1)
        minimum = [min(n, w, _LONG_WORD) for n, w in zip(natural, longest, strict=True)]
        if avail < sum(minimum):
            return self._as_records(ctx, width)
        # Every column gets its minimum, then the room left is shared out, narrowest
        # need first, so short columns stay whole and long ones wrap.
        widths = list(minimum)
        extra = avail - sum(minimum)
        order = sorted(range(ncols), key=lambda j: natural[j] - minimum[j])
        for k, j in enumerate(order):
            add = min(natural[j] - minimum[j], extra // (ncols - k))
            widths[j] += add
            extra -= add
        border = ctx.styles.table_border

        def rule(left: str, mid: str, right: str, fill: str) -> Line:
            text = left + mid.join(fill * (w + 2) for w in widths) + right
            return [Segment(text, border)], text_width(text), []

        out: list[Line] = [rule("┌", "┬", "┐", "─")]
        wrapped_rows = []
        for head, cells in rows:
            wrapped = []
            for j in range(ncols):
                if j < len(cells):
                    inl, align = cells[j]
                    wrapped.append((wrap_runs(inline.runs(inl), widths[j]), align))
                else:
                    wrapped.append(([([], 0, [])], "left"))
            wrapped_rows.append((head, wrapped))
        multi = any(max(len(c[0]) for c in w) > 1 for h, w in wrapped_rows if not h)
        for r, (head, wrapped) in enumerate(wrapped_rows):
            height = max(len(c[0]) for c in wrapped)
            for k in range(height):
                segments: list[Segment] = [Segment("│", border)]
                spans: list[list[Any]] = []
                x = 1
                for j, (cell_lines, align) in enumerate(wrapped):
                    cw = widths[j]
                    if k < len(cell_lines):
                        segs, w, cell_spans = cell_lines[k]
                    else:
                        segs, w, cell_spans = [], 0, []
                    gap = cw - w
                    left = gap // 2 if align == "center" else gap if align == "right" else 0
                    segments.append(Segment(" " * (1 + left)))
                    segments.extend(segs)
                    offset = x + 1 + left
                    for x0, x1, ref in cell_spans:
                        spans.append([offset + x0, offset + x1, ref])
                    segments.append(Segment(" " * (gap - left + 1)))
                    segments.append(Segment("│", border))
                    x += cw + 3
                out.append((segments, x, spans))
            last = r == len(wrapped_rows) - 1
            if not last:
                if head and not wrapped_rows[r + 1][0]:
                    out.append(rule("╞", "╪", "╡", "═"))
                elif multi:
                    out.append(rule("├", "┼", "┤", "─"))
        out.append(rule("└", "┴", "┘", "─"))
        return out

    def _as_records(self, ctx: BlockContext, width: int) -> list[Line]:
        """Too many columns for the width: each row as "Header: value" lines."""
        rows = self.rows
        inline = ctx.inline
        header_style = ctx.styles.table_header
        headers = [inline.plain(inl) for inl, _ in rows[0][1]] if rows and rows[0][0] else []
        body = [cells for head, cells in rows if not head]
        out: list[Line] = []
        if not body:
            return wrap_runs([(" | ".join(headers), header_style, None)], width)
        for r, cells in enumerate(body):
            if r:
                out.append(
                    ([Segment("─" * min(width, 3), ctx.styles.table_border)], min(width, 3), [])
                )
            for j, (inl, _align) in enumerate(cells):
                label = headers[j] if j < len(headers) and headers[j] else f"Column {j + 1}"
                runs: list[Run] = [(f"{label}: ", header_style, None), *inline.runs(inl)]
                out.extend(wrap_runs(runs, width))
        return out
