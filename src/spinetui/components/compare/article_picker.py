"""A pop-up list of the guide's articles, for choosing what to read side by side."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from spinetui.components.dialog import DialogScreen
from spinetui.i18n import _
from spinetui.model.types import Guide


class ArticlePicker(DialogScreen[str | None]):
    """Returns the chosen article id, or None when closed with Esc."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", key_display="Esc")]

    DEFAULT_CSS = """
    ArticlePicker > Vertical {
        width: 64; max-height: 90%;
    }
    ArticlePicker OptionList { height: auto; max-height: 20; border: none; }
    """

    def __init__(
        self, guide: Guide, title: str, *, leave_out: str | None = None, suggest: str | None = None
    ) -> None:
        super().__init__()
        self._title = title  # app text, never content: it becomes a (markup) border title
        self._articles = [a for a in guide.reading_order() if a.id != leave_out]
        self._suggest = suggest

    def compose(self) -> ComposeResult:
        with Vertical() as dialog:
            dialog.border_title = self._title
            dialog.border_subtitle = _("Enter: choose · Esc: cancel")
            yield OptionList(*(Option(Text(a.title), id=a.id) for a in self._articles))

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        ids = [a.id for a in self._articles]
        options.highlighted = ids.index(self._suggest) if self._suggest in ids else 0

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        message.stop()
        self.dismiss(message.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
