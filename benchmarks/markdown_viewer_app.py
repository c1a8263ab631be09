"""Baseline for the open-article benchmark: Textual's own MarkdownViewer.

Usage: python markdown_viewer_app.py FILE [FILE ...]
Shows a ready line first; each press of ] shows the next file in a MarkdownViewer.
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import MarkdownViewer


class ViewerApp(App[None]):
    BINDINGS = [("right_square_bracket", "next_file", "Next")]

    def __init__(self, files: list[Path]) -> None:
        super().__init__()
        self.files = files
        self.index = -1

    def compose(self) -> ComposeResult:
        yield MarkdownViewer("HOMEREADY", show_table_of_contents=True)

    async def action_next_file(self) -> None:
        self.index += 1
        if self.index < len(self.files):
            text = self.files[self.index].read_text().split("---\n", 2)[-1]
            await self.query_one(MarkdownViewer).document.update(text)


if __name__ == "__main__":
    ViewerApp([Path(p) for p in sys.argv[1:]]).run()
