"""Baseline for start-up and memory: the least a Textual app can be, painting one line.

Usage: python benchmarks/minimal_app.py
Paints MINIMALREADY and waits for q. Whatever spinetui costs beyond this is its own.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

READY_MARKER = "MINIMALREADY"


class MinimalApp(App[None]):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static(f"{READY_MARKER} one line of text")


if __name__ == "__main__":
    MinimalApp().run()
