"""Keep the app alive when something inside it fails.

Textual's default is to exit and print a traceback. For a reading app on a shared
screen that is the worst outcome, so a failure in a screen or widget is caught here:
outside kiosk mode it is written to a log file and the reader sees a plain message and
can keep reading; in kiosk mode the app starts over for the next visitor and writes
nothing. If failures repeat quickly (a fault that recurs on every redraw), the app
exits with a short message instead of looping; a kiosk's service manager restarts it.
"""

from __future__ import annotations

import datetime as dt
import os
import time
import traceback
from pathlib import Path
from typing import Any

from rich.text import Text

from spinetui.i18n import _

# More failures than this within the window means recovering is not working.
MAX_FAILURES = 5
FAILURE_WINDOW_SECONDS = 30.0
LOG_LIMIT_BYTES = 1_000_000


def crash_log_path() -> Path:
    state = os.environ.get("XDG_STATE_HOME") or os.path.join(
        os.path.expanduser("~"), ".local", "state"
    )
    return Path(state) / "spinetui" / "crash.log"


def write_crash_log(error: BaseException) -> Path | None:
    """Append the error to the crash log; return its path, or None if it cannot be written."""
    path = crash_log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > LOG_LIMIT_BYTES:
            path.unlink()  # keep the log small; the newest failure is what matters
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')}\n")
            log.write("".join(traceback.format_exception(error)))
    except OSError:
        return None
    return path


def strict_errors() -> bool:
    """Tests set SPINETUI_STRICT_ERRORS=1 so a failure fails the test instead of being caught."""
    return os.environ.get("SPINETUI_STRICT_ERRORS") == "1"


class CrashGuard:
    """Mixin for the App (before textual.app.App in the bases)."""

    _failure_times: list[float]

    # A private method, overridden on purpose: Textual 8 (checked against 8.2.8) has no
    # public hook for an unhandled exception. Every place that catches one (message
    # handlers, compose and mount, timers, workers, screens) calls
    # `App._handle_exception` directly, and the public ways out (`App.panic`, `exit`)
    # end the app, which is what this guard exists to avoid; there is no
    # `on_exception` handler or exception message to subscribe to (Textualize/textual
    # issue 2818 asked for one). If a Textual upgrade renames it, the crash-guard tests
    # fail (tests/functional/test_crash_guard.py), rather than failures ending the app
    # unnoticed.
    def _handle_exception(self, error: Exception) -> None:
        failures = getattr(self, "_failure_times", [])
        now = time.monotonic()
        failures = [t for t in failures if now - t < FAILURE_WINDOW_SECONDS] + [now]
        self._failure_times = failures
        if strict_errors() or len(failures) > MAX_FAILURES:
            super()._handle_exception(error)  # type: ignore[misc]
            return
        kiosk = bool(getattr(self, "kiosk_mode", False))
        log_path = None if kiosk else write_crash_log(error)
        self.call_later(self._recover_from_failure, log_path)  # type: ignore[attr-defined]

    async def run_action(
        self, action: Any, default_namespace: Any = None, namespaces: Any = None
    ) -> bool:
        # Key bindings run in the App's own message loop; a failure there would stop the
        # whole app, so it is caught here and handled like any other.
        try:
            return await super().run_action(action, default_namespace, namespaces)  # type: ignore[misc]
        except Exception as error:
            self._handle_exception(error)
            return False

    async def _recover_from_failure(self, log_path: Path | None) -> None:
        """Replace every screen with a fresh start: the failed one may no longer respond."""
        from spinetui.components.info_screen import InfoScreen

        session = getattr(self, "kiosk_session", None)
        if session is not None:
            await session.start_over()  # the next visitor's start screen
            return
        # Reopen what was being read. Ask the reader's history, not its widgets: the
        # widget that failed may already be gone.
        reader = self._current_reader()
        if reader is not None and reader.history.current is not None:
            self.start_article = reader.history.current.article_id
        await self.reset_session()  # type: ignore[attr-defined]
        where = (
            _("The details were saved to {path}.").format(path=log_path)
            if log_path
            else _("The details could not be saved.")
        )
        message = Text.assemble(
            (_("Something went wrong while showing that.") + "\n\n", "bold"),
            where + "\n" + _("You can keep reading. Press Esc to close this message."),
        )
        # Translators: the title of the box that says something went wrong.
        self.push_screen(InfoScreen(_("Problem"), message))  # type: ignore[attr-defined]

    def _current_reader(self) -> Any:
        from spinetui.components.reader.reader_screen import ReaderScreen

        for screen in reversed(self.screen_stack):  # type: ignore[attr-defined]
            if isinstance(screen, ReaderScreen):
                return screen
        return None
