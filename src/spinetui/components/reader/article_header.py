"""The bar above the article: which article this is and when it was last reviewed."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from spinetui.i18n import _
from spinetui.model import UNKNOWN_DATE

# Shorter than this, a cut guide title says nothing: the article's title is shown alone.
MIN_GUIDE_TITLE = 12


class ArticleHeader(Horizontal):
    DEFAULT_CSS = """
    ArticleHeader { height: 1; background: $panel; color: $foreground; }
    ArticleHeader > #header-title { width: 1fr; padding: 0 1; text-style: bold; }
    ArticleHeader > #header-reviewed { width: auto; padding: 0 1; color: $text-muted; }
    ArticleHeader > #header-progress { width: auto; padding: 0 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._titles: tuple[str, str | None] = ("", None)

    def compose(self) -> ComposeResult:
        yield Static(id="header-title")
        yield Static(id="header-progress")
        yield Static(id="header-reviewed")

    def show_progress(self, text: str) -> None:
        """Where the reader is: "Part 2 of 7 · 35%" (app text, never from content)."""
        widget = self.query_one("#header-progress", Static)
        if str(widget.render()) != text:
            widget.update(Text(text))
            self.call_after_refresh(self._show_title)  # the title's room changed

    def show(self, guide_title: str, article_title: str | None, reviewed: dt.date | None) -> None:
        self._titles = (guide_title, article_title)
        self._show_title()
        if reviewed is None:
            when = Text("")
        elif reviewed == UNKNOWN_DATE:  # the file's date was missing or unreadable
            when = Text(_("Review date unknown"), style="italic")
        else:
            # Translators: when the article was last checked; {date} is like 2026-12-01.
            when = Text(_("Reviewed {date}").format(date=reviewed.isoformat()))
        self.query_one("#header-reviewed", Static).update(when)

    def on_resize(self) -> None:
        # After the refresh: the title's own width follows the header's.
        self.call_after_refresh(self._show_title)

    def _show_title(self) -> None:
        """The guide's title and the article's; on a narrow screen the article's alone,
        cut with an ellipsis rather than wrapped out of sight."""
        guide_title, article_title = self._titles
        widget = self.query_one("#header-title", Static)
        room = widget.size.width - 2  # its padding
        # Text objects, never markup: titles come from content files.
        if not article_title:
            title = Text(guide_title)
        elif room <= 0 or len(guide_title) + 3 + len(article_title) <= room:
            title = Text.assemble(guide_title, " › ", article_title)
        elif (guide_room := room - 3 - len(article_title)) >= MIN_GUIDE_TITLE:
            # The guide's title gives way first: the article's is the one being read.
            title = Text.assemble(guide_title[: guide_room - 1] + "…", " › ", article_title)
        else:
            title = Text(article_title)
        title.no_wrap = True
        title.overflow = "ellipsis"
        widget.update(title)
