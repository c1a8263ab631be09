"""The bar above the article: which article this is and when it was last reviewed."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from spinetui.model import UNKNOWN_DATE


class ArticleHeader(Horizontal):
    DEFAULT_CSS = """
    ArticleHeader { height: 1; background: $panel; color: $foreground; }
    ArticleHeader > #header-title { width: 1fr; padding: 0 1; text-style: bold; }
    ArticleHeader > #header-reviewed { width: auto; padding: 0 1; color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="header-title")
        yield Static(id="header-reviewed")

    def show(self, guide_title: str, article_title: str | None, reviewed: dt.date | None) -> None:
        # Text objects, never markup: titles come from content files.
        title = Text(guide_title, style="dim")
        if article_title:
            title = Text.assemble(title, " › ", Text(article_title))
        self.query_one("#header-title", Static).update(title)
        if reviewed is None:
            when = Text("")
        elif reviewed == UNKNOWN_DATE:  # the file's date was missing or unreadable
            when = Text("Review date unknown", style="italic")
        else:
            when = Text(f"Reviewed {reviewed.isoformat()}")
        self.query_one("#header-reviewed", Static).update(when)
