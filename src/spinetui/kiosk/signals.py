"""Process signals in a kiosk running on a real terminal.

Textual already puts the terminal in raw mode, so Ctrl+C, Ctrl+Z and Ctrl+\\ arrive as
keys rather than signals (unless TEXTUAL_ALLOW_SIGNALS is set, which kiosk mode
removes). This covers the same signals sent another way, and hang-ups:

- SIGINT, SIGQUIT, SIGTSTP: ignored; a visitor must not stop or suspend the kiosk.
  (Textual's driver installs its own SIGTSTP handler, which suspends the app, so this
  runs after the driver has started.)
- SIGHUP (the terminal went away): end, so the service manager starts a new one on a
  fresh terminal. The app is asked to exit; if it has not ended within a couple of
  seconds (Textual can block writing its goodbye to a terminal that is gone), the
  process ends anyway.
- SIGTERM is left alone: it is how the service manager stops the kiosk.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Callable

HANGUP_GRACE_SECONDS = 2.0

IGNORED_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGQUIT", "SIGTSTP") if hasattr(signal, name)
)


def shield_signals(loop: asyncio.AbstractEventLoop, on_hangup: Callable[[], None]) -> None:
    for number in IGNORED_SIGNALS:
        signal.signal(number, signal.SIG_IGN)
    if hasattr(signal, "SIGHUP"):
        loop.add_signal_handler(signal.SIGHUP, _hang_up, on_hangup)


def _hang_up(on_hangup: Callable[[], None]) -> None:
    deadline = threading.Timer(HANGUP_GRACE_SECONDS, os._exit, args=(0,))
    deadline.daemon = True
    deadline.start()
    on_hangup()
