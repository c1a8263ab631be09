"""The line under the article header that says an article is shown in English because
the reader's language has no version of it yet (``Services.falls_back``), in the
reader's language. Hidden when the article is in the reader's language."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class FallbackNotice(Static):
    DEFAULT_CSS = """
    FallbackNotice {
        height: auto; padding: 0 1; background: $panel; color: $text-muted;
        text-style: italic; display: none;
    }
    FallbackNotice.-shown { display: block; }
    """

    def show_notice(self, text: str) -> None:
        """Show `text` (app text, never content), or hide the line when it is ''."""
        self.update(Text(text))
        self.set_class(bool(text), "-shown")
