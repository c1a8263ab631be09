"""Where the reader asks to go, as messages: screens and widgets post them, the app
handles them (``SpineApp.on_open_article`` and the rest).

So no screen imports another: a screen says "open this article at this place" and the
app, the one module that knows every screen, opens it. The messages bubble from the
widget or screen that posts them up to the app.
"""

from __future__ import annotations

from typing import Protocol

from textual.message import Message


class KeepsVisit(Protocol):
    """What a screen keeps for the rest of a visit on the reader below it (the reader,
    so a kiosk reset, which replaces that screen, forgets it)."""

    comparison_state: object | None
    search_memory: tuple[str, int | None] | None


class OpenArticle(Message):
    """Show an article in the reader, at a heading when `anchor` is given.

    `words`: what was searched for, marked in the article as find marks its matches.
    `from_comparison`: Back in the reader then returns to the comparison.
    """

    def __init__(
        self,
        article_id: str,
        anchor: str | None = None,
        *,
        words: tuple[str, ...] = (),
        from_comparison: bool = False,
    ) -> None:
        super().__init__()
        self.article_id = article_id
        self.anchor = anchor
        self.words = words
        self.from_comparison = from_comparison


class ShowTerm(Message):
    """A glossary term's card over the current screen."""

    def __init__(self, term_id: str) -> None:
        super().__init__()
        self.term_id = term_id


class OpenComparison(Message):
    """The comparison table, with a cell (or a row, or a column) selected when given.

    A comparison already open is reused, so the treatments the visitor chose stay.
    """

    def __init__(self, attribute_id: str | None = None, treatment_id: str | None = None) -> None:
        super().__init__()
        self.attribute_id = attribute_id
        self.treatment_id = treatment_id


class OpenBeside(Message):
    """Choose an article to read beside `article_id`, then show both side by side."""

    def __init__(self, article_id: str | None, anchor: str | None = None) -> None:
        super().__init__()
        self.article_id = article_id
        self.anchor = anchor


class OpenSideBySide(Message):
    """Two articles side by side, both at `anchor` when it is given."""

    def __init__(self, left: str, right: str, anchor: str | None = None) -> None:
        super().__init__()
        self.left = left
        self.right = right
        self.anchor = anchor


class OpenTool(Message):
    """A decision tool, by its ``tool:`` id (``spinetui.decide.TOOL_IDS``)."""

    def __init__(self, tool_id: str) -> None:
        super().__init__()
        self.tool_id = tool_id
