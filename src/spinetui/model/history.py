"""Back and forward through what was read, like a web browser's history."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple


class Location(NamedTuple):
    article_id: str
    anchor: str | None = None
    scroll_y: int = 0


class History:
    """A list of locations and a cursor. Visiting a new place drops the forward list."""

    def __init__(self, limit: int = 200) -> None:
        self._items: list[Location] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> Location | None:
        return self._items[self._index] if self._index >= 0 else None

    @property
    def index(self) -> int:
        """The current location's place in the list (-1 when empty)."""
        return self._index

    @property
    def can_go_back(self) -> bool:
        return self._index > 0

    @property
    def can_go_forward(self) -> bool:
        return self._index < len(self._items) - 1

    def visit(self, location: Location) -> None:
        del self._items[self._index + 1 :]
        self._items.append(location)
        if len(self._items) > self._limit:
            del self._items[0]
        self._index = len(self._items) - 1

    def remember_scroll(self, scroll_y: int) -> None:
        """Record where the reader is in the current article before leaving it."""
        if self.current is not None:
            self._items[self._index] = self.current._replace(scroll_y=scroll_y, anchor=None)

    def back(self) -> Location | None:
        if not self.can_go_back:
            return None
        self._index -= 1
        return self.current

    def forward(self) -> Location | None:
        if not self.can_go_forward:
            return None
        self._index += 1
        return self.current

    def relocate(self, change: Callable[[Location], Location]) -> None:
        """Replace every location by ``change(location)``, keeping the order and the
        cursor (a switch of language turns line positions into sections)."""
        self._items = [change(location) for location in self._items]
