"""What search, the glossary and the find bar share: a text box whose every keystroke
finds again and whose Enter acts, and (for the two screens) a list of results under it.

- `QueryBox`: the text box's handlers (typing finds again, Enter acts), for a widget
  or screen with one search box; the find bar and both screens use it.
- `ResultList`: the list of results (dividers or headings between them, the first
  result chosen, each option's id its index among the results).
- `ResultsScreen`: a screen of title, box, status line, result list and footer, with
  the keys of `SEARCH_KEYS` (↑ ↓ choose, Enter or a tap opens, Esc closes).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from spinetui.components.footer import SpineFooter
from spinetui.i18n import _
from spinetui.keymap import SEARCH_KEYS, bindings

if TYPE_CHECKING:
    from spinetui.app import SpineApp


def _translated(text: str) -> str:
    return _(text) if text else text  # _("") would be the catalog's header


class QueryBox:
    """Mixin: typing in the box finds again (`query_changed`), Enter acts (`query_submitted`).

    Handled by name, not with `@on`, so the handlers are found through the mixin (Textual
    looks for `on_input_changed` along the class's MRO). A widget or screen with it has
    one text box.
    """

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.query_changed(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_submitted()

    def query_changed(self, text: str) -> None:
        raise NotImplementedError

    def query_submitted(self) -> None:
        raise NotImplementedError


class ResultList(OptionList):
    """Results as options whose ids are their index among the results; `None` in what
    is shown is a divider line, a disabled option a heading (an A-Z letter)."""

    def __init__(self, *, id: str) -> None:
        # Prompts are built as Text from content, never markup.
        super().__init__(id=id, markup=False)

    def show(self, options: Sequence[Option | None]) -> None:
        """Show these options with the first result chosen (none if there is none)."""
        self.set_options(options)
        first = next((i for i, o in enumerate(self.options) if not o.disabled), None)
        if first is not None:
            self.highlighted = first

    @staticmethod
    def result(number: int, prompt: Text) -> Option:
        return Option(prompt, id=str(number))

    @property
    def chosen(self) -> int | None:
        """The index among the results of the one chosen, if any."""
        option = self.highlighted_option
        if option is None or option.id is None:
            return None
        return int(option.id)


class ResultsScreen(QueryBox, Screen[None]):
    """A search box over a list of results; a subclass says what is found and opened.

    `NAME` makes the widgets' ids (`search-title`, `search-input` …) that tests and
    queries use; the layout CSS is shared, by class.
    """

    BINDINGS = bindings(SEARCH_KEYS)

    DEFAULT_CSS = """
    ResultsScreen > .results-title { padding: 0 1; text-style: bold; background: $panel; width: 100%; }
    ResultsScreen > .results-box { margin: 0 1; }
    ResultsScreen > .results-status { padding: 0 2; height: auto; color: $text-muted; }
    ResultsScreen > ResultList { height: 1fr; margin: 0 1; }
    """

    app: SpineApp

    NAME = ""
    TITLE_TEXT = ""  # marked with N_(), translated when the screen is built
    PLACEHOLDER = ""  # the same
    BOX_ID = "input"  # the box's id after NAME- ("search-input", "glossary-filter")
    LIST_ID = "results"

    def compose(self) -> ComposeResult:
        # markup=False: a translation is plain text, whatever it holds.
        yield Label(
            _translated(self.TITLE_TEXT),
            id=f"{self.NAME}-title",
            classes="results-title",
            markup=False,
        )
        yield Input(
            placeholder=_translated(self.PLACEHOLDER),
            id=f"{self.NAME}-{self.BOX_ID}",
            classes="results-box",
        )
        yield Static(self.initial_status(), id=f"{self.NAME}-status", classes="results-status")
        yield ResultList(id=f"{self.NAME}-{self.LIST_ID}")
        yield SpineFooter()

    def initial_status(self) -> Text | str:
        return ""

    @property
    def box(self) -> Input:
        return self.query_one(f"#{self.NAME}-{self.BOX_ID}", Input)

    @property
    def results(self) -> ResultList:
        return self.query_one(f"#{self.NAME}-{self.LIST_ID}", ResultList)

    @property
    def text(self) -> str:
        return self.box.value

    def show_status(self, status: Text) -> None:
        self.query_one(f"#{self.NAME}-status", Static).update(status)

    # --------------------------------------------------------------- choosing
    def query_submitted(self) -> None:
        self.action_open_result()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # A tap on a result (or Enter with the list focused) opens it, as Enter does.
        event.stop()
        self.action_open_result()

    def action_next_result(self) -> None:
        self.results.action_cursor_down()

    def action_previous_result(self) -> None:
        self.results.action_cursor_up()

    def action_open_result(self) -> None:
        raise NotImplementedError

    def action_close(self) -> None:
        self.dismiss(None)
