"""A question with a few answers to pick from, by key or by tap.

Used by "What matters to you" (not important / a little / a lot) and the SURE check
(yes / no). The picked answer is shown as ``[x]`` and the others as ``[ ]``: plain
ASCII that every console font has, so it never depends on colour. The row with the
keyboard focus starts with ``>``.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Static

PICKED = "[x]"
NOT_PICKED = "[ ]"
FOCUS_MARK = "> "


class ChoiceButton(Static):
    """One answer; a tap picks it."""

    DEFAULT_CSS = """
    ChoiceButton { width: auto; margin-right: 3; }
    ChoiceButton:hover { text-style: underline; }
    ChoiceButton.-picked { text-style: bold; }
    """

    def __init__(self, index: int, label: str) -> None:
        super().__init__()
        self.index = index
        self.label = label

    def show(self, picked: bool) -> None:
        self.set_class(picked, "-picked")
        self.update(Text(f"{PICKED if picked else NOT_PICKED} {self.label}"))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        row = self.query_ancestor(ChoiceRow)
        row.focus()
        row.pick(self.index)


class ChoiceRow(Vertical, can_focus=True):
    """A question (a title and a line saying more) and its answers on the line below."""

    DEFAULT_CSS = """
    ChoiceRow { height: auto; padding: 0 1; margin-bottom: 1; }
    ChoiceRow:focus { background: $accent 20%; }
    ChoiceRow > .choice-title { text-style: bold; }
    ChoiceRow > .choice-detail { color: $text-muted; }
    ChoiceRow > Horizontal { height: auto; padding-left: 2; }
    """

    class Changed(Message):
        def __init__(self, row: ChoiceRow) -> None:
            super().__init__()
            self.row = row

        @property
        def control(self) -> ChoiceRow:
            return self.row

    def __init__(
        self,
        row_id: str,
        title: str,
        detail: str,
        choices: Sequence[tuple[Hashable, str]],
        value: Hashable | None = None,
    ) -> None:
        super().__init__(id=f"choice-{row_id}")
        self.row_id = row_id
        self.title = title
        self.detail = detail
        self.choices = list(choices)
        self.values = [v for v, _label in self.choices]
        self.value = value if value in self.values else None

    def compose(self) -> ComposeResult:
        yield Static(classes="choice-title")
        if self.detail:
            yield Static(Text(self.detail), classes="choice-detail")
        with Horizontal():
            for index, (_value, label) in enumerate(self.choices):
                yield ChoiceButton(index, label)

    def on_mount(self) -> None:
        self._draw()

    def on_focus(self) -> None:
        self._draw(focused=True)

    def on_blur(self) -> None:
        # Said outright: while the Blur event is handled, has_focus may still be True.
        self._draw(focused=False)

    def _draw(self, *, focused: bool | None = None) -> None:
        if focused is None:
            focused = self.has_focus
        mark = FOCUS_MARK if focused else "  "
        self.query_one(".choice-title", Static).update(Text(mark + self.title))
        for button in self.query(ChoiceButton):
            button.show(self.values[button.index] == self.value)

    def on_click(self, event: events.Click) -> None:
        self.focus()

    # ----------------------------------------------------------------- changing
    def pick(self, index: int | None) -> None:
        """Pick the answer at ``index`` (None: no answer)."""
        value = None if index is None else self.values[max(0, min(index, len(self.values) - 1))]
        if value != self.value:
            self.value = value
            self._draw()
            self.post_message(self.Changed(self))

    def pick_value(self, value: Hashable | None) -> None:
        self.pick(None if value is None else self.values.index(value))

    def step(self, delta: int) -> None:
        """The next answer along (→) or the one before (←); from no answer, the first or last."""
        if self.value is None:
            self.pick(0 if delta > 0 else len(self.values) - 1)
        else:
            self.pick(max(0, min(self.values.index(self.value) + delta, len(self.values) - 1)))

    @property
    def answer(self) -> str:
        """The picked answer's words, or "" (for tests and summaries)."""
        for value, label in self.choices:
            if value == self.value:
                return label
        return ""
