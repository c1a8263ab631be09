"""Container frames (quotes, lists, list items) open around the leaf blocks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spinetui.render.wrap import text_width

if TYPE_CHECKING:
    from markdown_it.token import Token

BULLETS = ("•", "◦", "▪", "‣")


class Quote:
    __slots__ = ()


class ListFrame:
    __slots__ = ("ordered", "number", "delim", "width", "tight", "depth")

    def __init__(self, ordered: bool, number: int, delim: str, width: int, tight: bool, depth: int):
        self.ordered = ordered
        self.number = number
        self.delim = delim
        self.width = width
        self.tight = tight
        self.depth = depth

    @classmethod
    def open(cls, tokens: list[Token], i: int, stack: list[Any]) -> ListFrame:
        """The frame of the list opening at ``tokens[i]``, inside ``stack``."""
        tok = tokens[i]
        ordered = tok.type == "ordered_list_open"
        start = tok.attrGet("start")
        try:
            number = int(start) if start is not None else 1
        except (TypeError, ValueError):
            number = 1
        level = tok.level
        close = "ordered_list_close" if ordered else "bullet_list_close"
        items = 0
        tight = True
        for j in range(i + 1, len(tokens)):
            t = tokens[j]
            if t.level == level and t.type == close:
                break
            if t.level == level + 1 and t.type == "list_item_open":
                items += 1
            elif t.level == level + 2 and t.type == "paragraph_open" and not t.hidden:
                tight = False
        delim = tok.markup if ordered and tok.markup in (".", ")") else "."
        width = len(str(number + max(items - 1, 0))) + len(delim) if ordered else 1
        depth = sum(1 for f in stack if isinstance(f, ListFrame) and not f.ordered)
        return cls(ordered, number, delim, width, tight, depth)


class Item:
    __slots__ = ("marker", "indent", "pending")

    def __init__(self, marker: str):
        self.marker = marker
        self.indent = " " * text_width(marker)
        self.pending = True  # its marker is not drawn yet (its first block takes it)

    @classmethod
    def open(cls, frame: ListFrame | None) -> Item:
        """The next item of the list ``frame`` (numbered lists count on)."""
        if frame is None:
            return cls("• ")
        if frame.ordered:
            text = f"{frame.number}{frame.delim}"
            frame.number += 1
            return cls(text.rjust(frame.width) + " ")
        return cls(BULLETS[frame.depth % len(BULLETS)] + " ")
