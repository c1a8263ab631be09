"""The help screen: every key, built from the key map so it can never go stale.

The key map's words are English marked with `N_()`; they are translated here, as the
screen is built, so it shows in the language chosen when it is opened.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from spinetui.components.dialog import DialogScreen
from spinetui.components.user_keys import UserKeys
from spinetui.i18n import N_, _
from spinetui.keymap import DIFFERENCES_NOTE, HELP_SECTIONS, Key, help_label

# The help screen starts with the keys of the screen it was opened from (by the
# sections' English titles, as in `HELP_SECTIONS`).
SECTIONS_FOR_SCREEN: dict[str, tuple[str, ...]] = {
    "ReaderScreen": ("Reading an article", "Moving around", "The contents"),
    "ComparisonScreen": ("Comparing treatments",),
    "TreatmentChooser": ("Choosing treatments to compare",),
    "SideBySideScreen": ("Reading side by side",),
    "SearchScreen": ("Search and glossary",),
    "GlossaryScreen": ("Search and glossary",),
    "WhatMattersScreen": ("What matters to you",),
    "SureScreen": ("Are you sure? (the SURE check)",),
}


def help_table(
    extra: tuple[tuple[str, tuple[Key, ...]], ...] = (),
    available: Callable[[Key], bool] = lambda key: True,
    first: tuple[str, ...] = (),
    keymap: Mapping[str, str] | None = None,
) -> Table:
    """Every key in the key map; `available` leaves out keys that do nothing here;
    the sections named in `first` come first; `keymap` holds the reader's own keys
    (binding id → keys, as given to `App.set_keymap`)."""
    keymap = keymap or {}
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    listed: set[Key] = set()
    sections = (*HELP_SECTIONS, *extra)
    ordered = sorted(sections, key=lambda s: first.index(s[0]) if s[0] in first else len(first))
    for title, keys in ordered:
        table.add_row(Text(_(title), style="bold underline"), Text(""))
        for key in keys:
            if key in listed or not available(key):  # a key bound twice is listed once
                continue
            listed.add(key)
            table.add_row(Text(help_label(key, keymap)), Text(_(key.help or key.description)))
        table.add_row(Text(""), Text(""))
    # Translators: the heading over the notes on where spinetui's keys differ from the
    # keys of "less", a program for reading text files (its name stays as it is).
    table.add_row(Text(_("Unlike less"), style="bold underline"), Text(""))
    for line in DIFFERENCES_NOTE:
        table.add_row(Text(""), Text(_(line)))
    return table


class HelpScreen(DialogScreen[None]):
    BINDINGS = [
        # Descriptions are translated where the footer draws them.
        Binding("escape,question_mark,f1,q,h", "dismiss", N_("Close"), key_display="Esc"),
        # The keys that scroll an article scroll the help too.
        Binding("down,j", "scroll(1)", N_("Down"), show=False),
        Binding("up,k", "scroll(-1)", N_("Up"), show=False),
        Binding("pagedown,space,d", "page(1)", N_("Page down"), show=False),
        Binding("pageup,u", "page(-1)", N_("Page up"), show=False),
        Binding("home,g", "to_end(0)", N_("Top"), show=False),
        Binding("end,G", "to_end(1)", N_("End"), show=False),
    ]

    DEFAULT_CSS = """
    HelpScreen > VerticalScroll {
        width: 76; max-height: 90%;
    }
    """

    def __init__(
        self, extra: tuple[tuple[str, tuple[Key, ...]], ...] = (), *, opened_from: str = ""
    ) -> None:
        """`opened_from`: the class name of the screen below, whose keys come first."""
        super().__init__()
        self._extra = extra
        self._first = SECTIONS_FOR_SCREEN.get(opened_from, ())

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            # Border titles are read as markup: these are app text, never content.
            scroll.border_title = _("Keys")
            scroll.border_subtitle = _("Esc to close")
            intro = _(
                "Mouse and touch work too: tap a heading, article, link or answer, "
                "or a question to tick it. "
                "What matters to you and the SURE check help you weigh the choices; "
                "they never pick one for you."
            )
            yield Static(Text(intro + "\n"))
            keymap = self.app.user_keymap if isinstance(self.app, UserKeys) else None
            self.table = help_table(self._extra, self._available, self._first, keymap)
            yield Static(self.table)

    @property
    def scroller(self) -> VerticalScroll:
        return self.query_one(VerticalScroll)

    def action_scroll(self, lines: int) -> None:
        self.scroller.scroll_relative(y=lines, animate=False)

    def action_page(self, direction: int) -> None:
        height = max(1, self.scroller.scrollable_content_region.height - 1)
        self.scroller.scroll_relative(y=direction * height, animate=False)

    def action_to_end(self, end: int) -> None:
        scroller = self.scroller
        scroller.scroll_to(y=scroller.max_scroll_y if end else 0, animate=False)

    def _available(self, key: Key) -> bool:
        # App-wide keys the app refuses (quitting or the problems list, in kiosk mode).
        name = key.action.removeprefix("app.")
        if "." in name:
            return True
        return self.app.check_action(name, ()) is not False

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
