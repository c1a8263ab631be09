"""Choosing which treatments the comparison shows, and in what order.

A tick list in column order: ticked treatments are shown, left to right as listed.
Unticking is refused when only two would remain, with a message saying why.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.strip import Strip
from textual.widgets import SelectionList, Static
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist
from textual.widgets.selection_list import Selection

from spinetui.components.compare.columns import ColumnChoice
from spinetui.components.dialog import DialogScreen
from spinetui.components.footer import SpineFooter
from spinetui.i18n import _
from spinetui.keymap import CHOOSER_KEYS, bindings
from spinetui.model.types import Treatment


class TreatmentList(SelectionList[str]):
    """The tick list, with keys to move the highlighted treatment up or down."""

    BINDINGS = bindings(CHOOSER_KEYS)

    def __init__(self, treatments: list[Treatment], ticked: set[str], *, id: str | None = None):
        self._names = {t.id: t.name for t in treatments}
        super().__init__(*self._selections([t.id for t in treatments], ticked), id=id)

    def _selections(self, order: list[str], ticked: set[str]) -> list[Selection[str]]:
        """One line per treatment; the words say whether and where it is shown."""
        selections = []
        column = 0
        for treatment_id in order:
            shown = treatment_id in ticked
            column += shown
            # Translators: after a treatment's name in the chooser: where it is shown.
            where = "  " + (_("column {number}").format(number=column) if shown else _("not shown"))
            # Text, not a string: a string prompt would be read as markup.
            prompt = Text.assemble(self._names[treatment_id], (where, "dim"))
            selections.append(Selection(prompt, treatment_id, shown))
        return selections

    def render_line(self, y: int) -> Strip:
        """Textual draws the same "▐X▌" ticked or not, told apart by colour alone: draw
        "[x]" for a ticked treatment and "[ ]" for one that is not (plain ASCII, which
        every console font has)."""
        strip = super().render_line(y)
        segments = list(strip)
        if len(segments) < 3 or segments[1].text != ToggleButton.BUTTON_INNER:
            return strip
        index = round(self.scroll_offset.y) + y
        try:
            ticked = self.get_option_at_index(index).value in self._selected
        except OptionDoesNotExist:
            return strip
        box = ("[", "x" if ticked else " ", "]")
        segments[:3] = [
            Segment(text, seg.style) for text, seg in zip(box, segments[:3], strict=True)
        ]
        return Strip(segments, strip.cell_length)

    def rebuild(self, order: list[str]) -> None:
        """Show the treatments in this order, keeping ticks and the highlighted one."""
        highlighted = self.highlighted
        value = self.get_option_at_index(highlighted).value if highlighted is not None else None
        ticked = set(self.selected)
        with self.prevent(SelectionList.SelectionToggled, SelectionList.SelectedChanged):
            self.clear_options()
            self.add_options(self._selections(order, ticked))
        if value is not None:
            self.highlighted = order.index(value)

    @property
    def order(self) -> list[str]:
        return [self.get_option_at_index(i).value for i in range(self.option_count)]

    def action_move(self, step: int) -> None:
        index = self.highlighted
        if index is None:
            return
        order = self.order
        new_index = index + step
        if not 0 <= new_index < len(order):
            return
        order.insert(new_index, order.pop(index))
        self.rebuild(order)


class TreatmentChooser(DialogScreen[list[str] | None]):
    """Returns the ticked treatment ids in order, or None when cancelled."""

    DEFAULT_CSS = """
    TreatmentChooser > Vertical {
        width: 60; max-height: 90%;
    }
    TreatmentChooser TreatmentList { height: auto; max-height: 16; border: none; }
    TreatmentChooser #chooser-help { color: $text-muted; margin-top: 1; }
    """

    def __init__(self, treatments: tuple[Treatment, ...], choice: ColumnChoice) -> None:
        super().__init__()
        by_id = {t.id: t for t in treatments}
        self._fewest = choice.fewest
        order = [*choice.chosen, *choice.hidden]
        self._treatments = [by_id[i] for i in order if i in by_id]
        self._ticked = set(choice.chosen)

    def compose(self) -> ComposeResult:
        with Vertical() as dialog:
            # Border titles are markup: these are the app's own words, never content.
            dialog.border_title = _("Choose treatments")
            dialog.border_subtitle = _("Enter: done · Esc: cancel")
            yield Static(
                Text(
                    _(
                        "Tick the treatments to compare; they are shown left to right in "
                        "this order. At least two stay ticked."
                    )
                )
            )
            yield TreatmentList(self._treatments, self._ticked, id="treatment-list")
            yield Static(
                Text(_("Space: tick or untick · < >: move up or down · Enter: done · Esc: cancel")),
                id="chooser-help",
            )
        yield SpineFooter()

    @property
    def treatment_list(self) -> TreatmentList:
        return self.query_one(TreatmentList)

    def on_mount(self) -> None:
        self.treatment_list.focus()
        self.treatment_list.highlighted = 0

    def on_selection_list_selection_toggled(
        self, message: SelectionList.SelectionToggled[str]
    ) -> None:
        listing = self.treatment_list
        if len(listing.selected) < self._fewest:
            with listing.prevent(SelectionList.SelectionToggled):
                listing.select(message.selection.value)
            self.notify(
                _("A comparison needs at least {count} treatments ticked.").format(
                    count=self._fewest
                ),
                severity="warning",
                timeout=3,
            )
        listing.rebuild(listing.order)

    def action_apply(self) -> None:
        listing = self.treatment_list
        ticked = set(listing.selected)
        self.dismiss([i for i in listing.order if i in ticked])

    def action_cancel(self) -> None:
        self.dismiss(None)
