"""A small pop-up that shows plain text (a definition, a source, a link's address)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from spinetui.components.dialog import DialogScreen
from spinetui.i18n import N_, _


class InfoScreen(DialogScreen[None]):
    """Shows `body` over the current screen.

    `kind` is app text ("Glossary", "Source", ...), translated by the caller, and becomes
    the border title, which Textual reads as markup; anything from content goes in
    `body`, a Rich Text.
    """

    BINDINGS = [Binding("escape,enter,q,space", "close", N_("Close"), key_display="Esc")]

    DEFAULT_CSS = """
    InfoScreen > VerticalScroll {
        width: 64; max-height: 80%;
    }
    """

    def __init__(self, kind: str, body: Text) -> None:
        super().__init__()
        self._kind = kind
        self._body = body

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = self._kind
            scroll.border_subtitle = _("Esc to close")
            yield Static(self._body)

    def on_click(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
