"""Ending on SIGTERM (and, in a kiosk, SIGHUP) with the terminal put back, even when
the app's event loop is stuck.

Python's default for SIGTERM ends the process at once, leaving the terminal in the
alternate screen with mouse tracking on (issue 14, finding 10). And a handler added to
the asyncio loop runs only when the loop gets round to it, so a kiosk stuck in a long
computation outlived its terminal's hang-up with gigabytes in use (finding 11).

So the handler here is a plain signal handler, which Python runs in the main thread
between two bytecodes whether or not the loop is free. It asks the app to exit and
starts a watchdog thread: if the app has not ended within GRACE_SECONDS, the watchdog
puts the terminal back itself (leaves the alternate screen, turns mouse reporting and
bracketed paste off, shows the cursor, restores the terminal's settings) and ends the
process with os._exit.

No Textual and no kiosk imports here: the reader uses this at start-up too.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable
from typing import Any

GRACE_SECONDS = 2.0

# What Textual's Linux driver undoes when it stops, in the same order: mouse modes,
# focus reports, bracketed paste, the kitty keyboard protocol, line wrapping, then the
# alternate screen and the cursor.
RESTORE_TERMINAL = (
    "\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1015l\x1b[?1006l\x1b[?1004l"
    "\x1b[?2004l\x1b[?2048l\x1b[<u\x1b[?7h\x1b[?1049l\x1b[?25h"
)


def restore_terminal(driver: Any) -> None:
    """Put the terminal back without the app's help (from any thread)."""
    fileno = getattr(getattr(driver, "_file", None), "fileno", None)
    try:
        stderr = sys.__stderr__
        out = fileno() if fileno is not None else stderr.fileno() if stderr else 2
    except (OSError, ValueError, AttributeError):
        out = 2
    with contextlib.suppress(OSError):
        os.write(out, RESTORE_TERMINAL.encode("ascii"))
    attrs = getattr(driver, "attrs_before", None)
    tty = getattr(driver, "fileno", None)
    if attrs is not None and isinstance(tty, int):
        import termios

        with contextlib.suppress(OSError, termios.error):
            termios.tcsetattr(tty, termios.TCSANOW, attrs)


class EndOnSignals:
    """Install with `install(signals)`; each signal then ends the app (see above)."""

    def __init__(
        self,
        request_exit: Callable[[], None],
        driver: Any,
        *,
        call_soon_threadsafe: Callable[..., Any],
        grace_seconds: float = GRACE_SECONDS,
    ) -> None:
        self._request_exit = request_exit
        self._driver = driver
        self._call_soon_threadsafe = call_soon_threadsafe
        self._grace_seconds = grace_seconds
        self._ending = False

    def install(self, signals: Iterable[int]) -> None:
        for number in signals:
            signal.signal(number, self._on_signal)

    def _on_signal(self, number: int, frame: object) -> None:
        if self._ending:
            return
        self._ending = True
        watchdog = threading.Timer(self._grace_seconds, self.force_exit)
        watchdog.daemon = True
        watchdog.name = "spinetui-exit-watchdog"
        watchdog.start()
        try:
            self._call_soon_threadsafe(self._request_exit)
        except RuntimeError:  # the loop is already closed
            self.force_exit()

    def force_exit(self) -> None:
        restore_terminal(self._driver)
        os._exit(0)


def end_on_signals(app: Any, signals: Iterable[int]) -> EndOnSignals | None:
    """Make `signals` end `app` (a running Textual app on a real terminal)."""
    import asyncio

    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return None
    handler = EndOnSignals(
        lambda: app.exit(), app._driver, call_soon_threadsafe=loop.call_soon_threadsafe
    )
    handler.install(signals)
    return handler
