"""The help screen: every key, built from the key map so it can never go stale."""

from __future__ import annotations

from collections.abc import Callable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from spinetui.keymap import HELP_SECTIONS, Key


def _key_label(key: Key) -> str:
    if key.display:
        return key.display
    return " / ".join(k.replace("_", " ") for k in key.keys.split(","))


def help_table(
    extra: tuple[tuple[str, tuple[Key, ...]], ...] = (),
    available: Callable[[Key], bool] = lambda key: True,
) -> Table:
    """Every key in the key map; `available` leaves out keys that do nothing here."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    listed: set[Key] = set()
    for title, keys in (*HELP_SECTIONS, *extra):
        table.add_row(Text(title, style="bold underline"), Text(""))
        for key in keys:
            if key in listed or not available(key):  # a key bound twice is listed once
                continue
            listed.add(key)
            table.add_row(Text(_key_label(key)), Text(key.help or key.description))
        table.add_row(Text(""), Text(""))
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,question_mark,f1,q", "dismiss", "Close", key_display="Esc"),
    ]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 76; max-width: 100%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, extra: tuple[tuple[str, tuple[Key, ...]], ...] = ()) -> None:
        super().__init__()
        self._extra = extra

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Keys"
            scroll.border_subtitle = "Esc to close"
            yield Static(
                Text(
                    "Mouse and touch work too: tap a heading, article or link, or a question to tick it.\n"
                )
            )
            self.table = help_table(self._extra, self._available)
            yield Static(self.table)

    def _available(self, key: Key) -> bool:
        # App-wide keys the app refuses (quitting or the problems list, in kiosk mode).
        name = key.action.removeprefix("app.")
        if "." in name:
            return True
        return self.app.check_action(name, ()) is not False

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
