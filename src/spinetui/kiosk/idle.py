"""The idle clock of a kiosk: active, then a "Still reading?" notice, then start over.

Plain logic over an injectable clock, so tests step through the phases without waiting.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable


class Phase(enum.Enum):
    ACTIVE = "active"  # someone is using it
    NOTICE = "notice"  # idle long enough to ask "Still reading?"
    EXPIRED = "expired"  # nobody answered: start over


class IdleWatch:
    def __init__(
        self,
        idle_seconds: float,
        notice_seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.idle_seconds = idle_seconds
        self.notice_seconds = notice_seconds
        self.clock = clock
        self._last_input = clock()

    def touch(self) -> None:
        """Input arrived: the visitor is still here."""
        self._last_input = self.clock()

    def idle_for(self) -> float:
        return max(0.0, self.clock() - self._last_input)

    def phase(self) -> Phase:
        idle = self.idle_for()
        if idle < self.idle_seconds:
            return Phase.ACTIVE
        if idle < self.idle_seconds + self.notice_seconds:
            return Phase.NOTICE
        return Phase.EXPIRED

    def notice_remaining(self) -> float:
        """Seconds left on the notice before the session starts over."""
        return max(0.0, self.idle_seconds + self.notice_seconds - self.idle_for())
