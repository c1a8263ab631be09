"""What "What matters to you" and the SURE check share: a title line, a few questions
with answers to pick, and words under them that follow the answers.

The answers are written straight into the app's ``DecisionState`` as they change, so
closing the screen keeps them for the visit and the kiosk's idle reset forgets them.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static

from spinetui.components.decide.choices import ChoiceRow
from spinetui.components.footer import SpineFooter
from spinetui.i18n import _

if TYPE_CHECKING:
    from spinetui.app import SpineApp
    from spinetui.services import Services


class ToolButton(Static):
    """A line that does what a key does, for mouse and touch."""

    DEFAULT_CSS = """
    ToolButton { width: auto; padding: 0 1; background: $panel; text-style: bold; }
    ToolButton:hover { background: $accent 40%; }
    """

    def __init__(self, label: str, action: str, *, id: str | None = None) -> None:
        super().__init__(Text(label), id=id)
        self.action = action

    async def on_click(self, event: events.Click) -> None:
        event.stop()
        await self.screen.run_action(self.action)


class ChoicesScreen(Screen[None]):
    """Subclasses give the title, the intro, the rows, and what the words under them say."""

    DEFAULT_CSS = """
    ChoicesScreen > #tool-title { height: 1; background: $panel; padding: 0 1; text-style: bold; }
    ChoicesScreen > #tool-body { height: 1fr; padding: 0 1; overflow-y: auto; }
    ChoicesScreen #tool-intro { margin: 1 1; }
    ChoicesScreen #tool-result { margin: 0 1 1 1; }
    ChoicesScreen #tool-buttons { height: auto; margin: 0 1 1 1; }
    ChoicesScreen #tool-buttons > ToolButton { margin-right: 2; }
    """

    # Marked English (N_), translated in compose().
    TITLE_TEXT = ""
    INTRO = ""
    # "" (not None, which means the app's "*"): on_mount focuses the first question
    # without scrolling, so the intro above it stays in view.
    AUTO_FOCUS = ""

    app: SpineApp

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services

    def compose(self) -> ComposeResult:
        yield Static(Text(_(self.TITLE_TEXT) if self.TITLE_TEXT else ""), id="tool-title")
        # A Vertical that scrolls, not a VerticalScroll: that one would take ↑ and ↓
        # (to scroll) before the screen could move between the questions.
        with Vertical(id="tool-body"):
            yield Static(Text(_(self.INTRO) if self.INTRO else ""), id="tool-intro")
            yield from self.make_rows()
            with Horizontal(id="tool-buttons"):
                yield from self.make_buttons()
            yield Static(id="tool-result")
        yield SpineFooter()

    # ------------------------------------------------------------ subclasses
    def make_rows(self) -> list[ChoiceRow]:
        raise NotImplementedError

    def make_buttons(self) -> list[ToolButton]:
        return [ToolButton(_("Close (Esc)"), "close")]

    def remember(self, row: ChoiceRow) -> None:
        """Write the row's answer into the app's DecisionState."""
        raise NotImplementedError

    def result_text(self) -> Text:
        raise NotImplementedError

    # -------------------------------------------------------------- shared
    @property
    def rows(self) -> list[ChoiceRow]:
        return list(self.query(ChoiceRow))

    def on_mount(self) -> None:
        rows = self.rows
        if rows:
            rows[0].focus(scroll_visible=False)
        self.show_result()

    def show_result(self) -> None:
        self.query_one("#tool-result", Static).update(self.result_text())

    def on_choice_row_changed(self, message: ChoiceRow.Changed) -> None:
        self.remember(message.row)
        self.show_result()

    # The question keys act on: kept here, because focus moves only after the key is
    # handled, and the next key (typed fast, or sent by a test) must see the new one.
    _index = 0

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, ChoiceRow):
            self._index = self.rows.index(event.widget)

    def _current(self) -> ChoiceRow | None:
        rows = self.rows
        if not rows:
            return None
        self._index = max(0, min(self._index, len(rows) - 1))
        return rows[self._index]

    def _move(self, delta: int) -> None:
        rows = self.rows
        if not rows:
            return
        self._index = max(0, min(self._index + delta, len(rows) - 1))
        rows[self._index].focus()
        if self._index == 0:  # the intro above the first question back in view too
            self.query_one("#tool-body").scroll_home(animate=False)

    def action_previous_row(self) -> None:
        self._move(-1)

    def action_next_row(self) -> None:
        self._move(1)

    def action_step(self, delta: int) -> None:
        if (row := self._current()) is not None:
            row.step(delta)

    def action_pick(self, index: int) -> None:
        if (row := self._current()) is not None:
            row.pick(index)

    def action_pick_none(self) -> None:
        if (row := self._current()) is not None:
            row.pick(None)

    def action_answer(self, value: Hashable) -> None:
        if (row := self._current()) is not None:
            row.pick_value(value)

    def action_close(self) -> None:
        self.dismiss(None)

    @property
    def result(self) -> str:
        """The words under the questions, as plain text (for tests)."""
        return str(self.query_one("#tool-result", Static).render())
