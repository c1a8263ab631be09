"""What matters to you: the reader says how much each thing matters; the comparison then
shows those rows first, marked, and the words under the questions say how the options
differ on them, in the comparison's own words. Nothing here ranks the options.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from spinetui.components.decide.base import ChoicesScreen, ToolButton
from spinetui.components.decide.choices import ChoiceRow
from spinetui.components.navigation import OpenComparison
from spinetui.decide.factors import FACTORS, LEVELS, summary_lines
from spinetui.i18n import N_, _
from spinetui.keymap import WHAT_MATTERS_KEYS, bindings
from spinetui.model.types import Treatment

if TYPE_CHECKING:
    from spinetui.services import Services

# Marked here, translated where they are shown.
SUMMARY_TITLE = N_("How the options differ on what matters to you")
NO_CHOICE_NOTE = N_(
    "This does not pick a treatment for you. It puts what you care about side by side, "
    "so you can talk it over with your doctor."
)


class WhatMattersScreen(ChoicesScreen):
    BINDINGS = bindings(WHAT_MATTERS_KEYS)

    TITLE_TEXT = N_("What matters to you")
    INTRO = N_(
        "How much does each of these matter to you? There are no right or wrong answers. "
        "Use ← and → (or 1, 2, 3), or tap an answer. The comparison then shows the rows "
        "about what matters to you first, marked with *. Nothing is saved to a file."
    )

    def __init__(self, services: Services, treatment_ids: list[str] | None = None) -> None:
        """``treatment_ids``: the options to set side by side (the comparison's columns);
        all of the guide's when not given."""
        super().__init__(services)
        self._treatment_ids = treatment_ids

    def make_rows(self) -> list[ChoiceRow]:
        matters = self.services.decision.matters
        choices = list(LEVELS.items())
        return [ChoiceRow(f.id, f.label, f.question, choices, matters.get(f.id)) for f in FACTORS]

    def make_buttons(self) -> list[ToolButton]:
        return [
            ToolButton(_("Show the comparison (Enter)"), "done", id="show-comparison"),
            ToolButton(_("Close (Esc)"), "close", id="close-tool"),
        ]

    def remember(self, row: ChoiceRow) -> None:
        matters = self.services.decision.matters
        if row.value is None:
            matters.pop(row.row_id, None)
        else:
            matters[row.row_id] = int(row.value)  # type: ignore[call-overload]

    @property
    def treatments(self) -> list[Treatment]:
        table = self.services.guide.comparison
        if self._treatment_ids is None:
            return list(table.treatments)
        by_id = {t.id: t for t in table.treatments}
        return [by_id[i] for i in self._treatment_ids if i in by_id]

    def result_text(self) -> Text:
        table = self.services.guide.comparison
        text = Text()
        text.append(_(SUMMARY_TITLE) + "\n", style="bold underline")
        for kind, words in summary_lines(
            table, table.attributes, self.treatments, self.services.decision.matters
        ):
            if kind == "heading":
                text.append("\n" + words + "\n", style="bold")
            elif kind == "row":
                text.append("  " + words + "\n", style="underline")
            elif kind == "cell":
                text.append("    - " + words + "\n")
            else:
                text.append("    " + words + "\n", style="italic")
        text.append("\n" + _(NO_CHOICE_NOTE), style="dim")
        return text

    def action_done(self) -> None:
        """Back to the comparison (it reorders itself when shown again), or open it."""
        self.dismiss(None)
        # To the app (this screen is closing): it goes back to the comparison if one is
        # open, else opens it.
        self.app.post_message(OpenComparison())
