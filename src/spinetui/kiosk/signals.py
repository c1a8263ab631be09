"""Process signals in a kiosk running on a real terminal.

Textual already puts the terminal in raw mode, so Ctrl+C, Ctrl+Z and Ctrl+\\ arrive as
keys rather than signals (unless TEXTUAL_ALLOW_SIGNALS is set, which kiosk mode
removes). This covers the same signals sent another way, hang-ups and stops:

- SIGINT, SIGQUIT, SIGTSTP: ignored; a visitor must not stop or suspend the kiosk.
  (Textual's driver installs its own SIGTSTP handler, which suspends the app, so this
  runs after the driver has started.)
- SIGUSR1, SIGUSR2, SIGALRM: ignored. Their default is to end the process on the spot,
  leaving the console in the alternate screen; nothing in spinetui uses them.
- SIGHUP (the terminal went away) and SIGTERM (the service manager stops it): end,
  with the terminal put back, within seconds even if the app is stuck
  (spinetui.terminal_signals). After a hang-up the service manager starts a new one
  on a fresh terminal.
"""

from __future__ import annotations

import signal
from typing import Any

from spinetui.terminal_signals import end_on_signals

IGNORED_SIGNALS = tuple(
    getattr(signal, name)
    for name in ("SIGINT", "SIGQUIT", "SIGTSTP", "SIGUSR1", "SIGUSR2", "SIGALRM")
    if hasattr(signal, name)
)
ENDING_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name)
)


def shield_signals(app: Any) -> None:
    for number in IGNORED_SIGNALS:
        signal.signal(number, signal.SIG_IGN)
    end_on_signals(app, ENDING_SIGNALS)
