"""The SURE check: four yes/no questions; each "no" says what could help next."""

from __future__ import annotations

from rich.text import Text

from spinetui.components.decide.base import ChoicesScreen, ToolButton
from spinetui.components.decide.choices import ChoiceRow
from spinetui.components.navigation import OpenTool
from spinetui.decide import sure
from spinetui.decide.sure import SOURCE_ID, SURE_ITEMS, all_yes, answered_no, score_line
from spinetui.i18n import N_, _
from spinetui.keymap import SURE_KEYS, bindings

# The answers' words, marked here and translated when the rows are made.
YES_NO = [(True, N_("Yes")), (False, N_("No"))]


class SureScreen(ChoicesScreen):
    BINDINGS = bindings(SURE_KEYS)

    TITLE_TEXT = N_("Are you sure? Four questions before you decide")
    INTRO = N_(
        'Answer yes or no: press y or n, or tap an answer. A "no" is common and '
        "shows what could help. Nothing is saved to a file."
    )

    def make_rows(self) -> list[ChoiceRow]:
        answers = self.services.decision.sure
        yes_no = [(value, _(label)) for value, label in YES_NO]
        return [
            ChoiceRow(item.id, f"{n}. {item.question}", "", yes_no, answers.get(item.id))
            for n, item in enumerate(SURE_ITEMS, start=1)
        ]

    def make_buttons(self) -> list[ToolButton]:
        buttons = [ToolButton(_("Close (Esc)"), "close", id="close-tool")]
        if self.services.guide.comparison.treatments:
            matters = ToolButton(_("What matters to you"), "what_matters", id="open-matters")
            buttons.insert(0, matters)
        return buttons

    def remember(self, row: ChoiceRow) -> None:
        answers = self.services.decision.sure
        if row.value is None:
            answers.pop(row.row_id, None)
        else:
            answers[row.row_id] = bool(row.value)

    def result_text(self) -> Text:
        answers = self.services.decision.sure
        text = Text()
        text.append(score_line(answers) + "\n\n", style="bold")
        noes = answered_no(answers)
        if noes:
            text.append(sure.NO_INTRO + "\n\n")
            for item in noes:
                text.append(item.question + "\n", style="bold")
                # Translators: before what could help, under a question answered no.
                text.append("  " + _("No:") + " ", style="bold")
                text.append(item.if_no + "\n\n")
        elif all_yes(answers):
            text.append(sure.ALL_YES + "\n\n")
        source = self.services.guide.sources.get(SOURCE_ID)
        if source is not None:
            # Translators: {citation} is the SURE test's paper, as the list of sources gives it.
            credit = _("These questions are based on the SURE test: {citation}").format(
                citation=source.citation
            )
        else:
            credit = _("These questions are based on the SURE test (Légaré and others, 2010).")
        text.append(credit, style="dim")
        return text

    def action_answer(self, value: object) -> None:
        """y or n answers this question and goes on to the next one; after the last,
        the result comes into view (on a small screen it is below the questions)."""
        row = self._current()
        if row is None:
            return
        row.pick_value(value)
        rows = self.rows
        if row is not rows[-1]:
            self._move(1)
        else:
            self.call_after_refresh(self._show_result_in_view)

    def _show_result_in_view(self) -> None:
        self.query_one("#tool-body").scroll_to_widget(
            self.query_one("#tool-result"), animate=False, top=True
        )

    def action_what_matters(self) -> None:
        self.dismiss(None)
        # To the app (this screen is closing): it opens the tool over the one below.
        self.app.post_message(OpenTool("what-matters"))
