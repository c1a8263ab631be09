"""Process signals in a kiosk running on a real terminal.

Textual already puts the terminal in raw mode, so Ctrl+C, Ctrl+Z and Ctrl+\\ arrive as
keys rather than signals (unless TEXTUAL_ALLOW_SIGNALS is set, which kiosk mode
removes). This covers the same signals sent another way, and hang-ups:

- SIGINT, SIGQUIT, SIGTSTP: ignored; a visitor must not stop or suspend the kiosk.
  (Textual's driver installs its own SIGTSTP handler, which suspends the app, so this
  runs after the driver has started.)
- SIGHUP (the terminal went away): end cleanly, so the service manager starts a new
  one on a fresh terminal.
- SIGTERM is left alone: it is how the service manager stops the kiosk.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable

IGNORED_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGQUIT", "SIGTSTP") if hasattr(signal, name)
)


def shield_signals(loop: asyncio.AbstractEventLoop, on_hangup: Callable[[], None]) -> None:
    for number in IGNORED_SIGNALS:
        signal.signal(number, signal.SIG_IGN)
    if hasattr(signal, "SIGHUP"):
        loop.add_signal_handler(signal.SIGHUP, on_hangup)
