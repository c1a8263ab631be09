"""The "Still reading?" notice: counts down before a kiosk starts over for the next visitor."""

from __future__ import annotations

import math

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from spinetui.i18n import _, ngettext


class StillReadingNotice(ModalScreen[None]):
    """Shown over whatever the visitor was reading. Any key, tap or mouse movement keeps
    the session (the kiosk session handles the input and closes this)."""

    DEFAULT_CSS = """
    StillReadingNotice { align: center middle; }
    StillReadingNotice > Vertical {
        width: 52; max-width: 100%; height: auto;
        border: thick $warning; background: $surface; padding: 1 2;
    }
    StillReadingNotice #notice-title { text-style: bold; text-align: center; }
    StillReadingNotice #notice-countdown { text-align: center; margin-top: 1; }
    """

    def __init__(self, seconds_left: float) -> None:
        super().__init__()
        self._seconds_left = seconds_left

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(_("Still reading?")), id="notice-title")
            yield Static(id="notice-countdown")

    def on_mount(self) -> None:
        self.show_remaining(self._seconds_left)

    def show_remaining(self, seconds: float) -> None:
        self._seconds_left = seconds
        whole = max(0, math.ceil(seconds))
        countdown = ngettext(
            "The guide will start over for the next person in {seconds} second.",
            "The guide will start over for the next person in {seconds} seconds.",
            whole,
        ).format(seconds=whole)
        keep = (
            _("Tap the screen or press any key to keep reading.")
            if getattr(self.app, "has_pointer", True)
            else _("Press any key to keep reading.")
        )
        self.query_one("#notice-countdown", Static).update(Text(f"{countdown}\n\n{keep}"))

    @property
    def seconds_left(self) -> float:
        return self._seconds_left
