"""The start screen of a kiosk: "Press any key or tap to start", and the guide's topics.

Shown when a kiosk starts and after an idle reset. It cycles through the articles
(title and summary) every few seconds so a passer-by sees what the guide covers. The
kiosk session dismisses it on the first key or tap (that input only wakes the screen).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

if TYPE_CHECKING:
    from spinetui.model import Guide

START_PROMPT = "Press any key or tap to start"


class AttractScreen(Screen[None]):
    DEFAULT_CSS = """
    AttractScreen { align: center middle; background: $background; }
    AttractScreen > Vertical {
        width: 72; max-width: 100%; height: auto;
        border: round $accent; padding: 1 3; background: $surface;
    }
    AttractScreen #attract-title { text-align: center; text-style: bold; color: $accent; }
    AttractScreen #attract-prompt {
        text-align: center; text-style: bold; margin: 1 0; padding: 1 0;
        background: $primary-muted; color: $text;
    }
    /* As tall as the topic needs: a fixed height cut summaries mid-sentence at 60x20. */
    AttractScreen #attract-topic { height: auto; min-height: 4; }
    AttractScreen #attract-position { text-align: center; color: $text-muted; }
    """

    def __init__(self, guide: Guide, *, cycle_seconds: float | None) -> None:
        """`cycle_seconds`: how often the next topic is shown; None keeps the first."""
        super().__init__()
        self._guide = guide
        self._topics = [(a.title, a.summary) for a in guide.reading_order()]
        self._index = 0
        self._cycle_seconds = cycle_seconds
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            # Text objects, never markup: titles and summaries come from content files.
            yield Static(Text(self._guide.title), id="attract-title")
            yield Static(Text(START_PROMPT), id="attract-prompt")
            yield Static(id="attract-topic")
            yield Static(id="attract-position")

    def on_mount(self) -> None:
        self._show_topic()
        if self._cycle_seconds and len(self._topics) > 1:
            self._timer = self.set_interval(self._cycle_seconds, self.next_topic)

    @property
    def topic_index(self) -> int:
        return self._index

    def next_topic(self) -> None:
        if self._topics:
            self._index = (self._index + 1) % len(self._topics)
            self._show_topic()

    def _show_topic(self) -> None:
        if not self.query("#attract-topic"):
            # Mounted or timed while the app is closing: its widgets are already gone.
            return
        topic = self.query_one("#attract-topic", Static)
        position = self.query_one("#attract-position", Static)
        if not self._topics:
            topic.update(Text(""))
            position.update(Text(""))
            return
        title, summary = self._topics[self._index]
        topic.update(Text.assemble(("In this guide\n", "dim"), (title, "bold"), "\n", summary))
        position.update(Text(f"{self._index + 1} of {len(self._topics)}"))
