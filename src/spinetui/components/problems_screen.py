"""Lists problems found in the content files: file, line, message, each in full.

A list whose entries wrap (a long message is read to its end, never cut at the edge
of a table cell); Home and End go to the first and the last problem.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from spinetui.components.footer import SpineFooter
from spinetui.i18n import N_, _, ngettext
from spinetui.model import Problem


def problem_row(problem: Problem) -> tuple[str, str, str]:
    # The problems and their "warning: " stay in English, as `spinetui check` prints them:
    # this list is for the staff who look after the content files, not for visitors.
    severity = "" if problem.severity.value == "error" else "warning: "
    return problem.file, str(problem.line or ""), severity + problem.message


def problem_prompt(row: tuple[str, str, str]) -> Text:
    # Text, never markup: file names and messages come from the content.
    file, line, message = row
    where = f"{file}:{line}" if line else file
    return Text.assemble((where, "bold"), "\n", message)


class ProblemsScreen(Screen[None]):
    BINDINGS = [
        Binding("escape,q,exclamation_mark", "close", N_("Close"), key_display="Esc"),
        Binding("j", "move(1)", N_("Down"), show=False),
        Binding("k", "move(-1)", N_("Up"), show=False),
    ]

    DEFAULT_CSS = """
    ProblemsScreen > #problems-summary { padding: 0 1; height: auto; background: $panel; }
    ProblemsScreen > OptionList { height: 1fr; }
    """

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__()
        self.problems = problems
        self.rows = [problem_row(p) for p in problems]

    def compose(self) -> ComposeResult:
        count = len(self.problems)
        if count:
            summary = Text(
                ngettext(
                    "{count} problem in the content files. Everything else is shown as "
                    "normal. Run `spinetui check` for advice on each.",
                    "{count} problems in the content files. Everything else is shown as "
                    "normal. Run `spinetui check` for advice on each.",
                    count,
                ).format(count=count),
                style="bold",
            )
        else:
            summary = Text(_("No problems were found in the content files."), style="bold")
        yield Static(summary, id="problems-summary")
        options: list[Option | None] = []
        for number, row in enumerate(self.rows):
            if number:
                options.append(None)
            options.append(Option(problem_prompt(row), id=str(number)))
        yield OptionList(*options, id="problems-list", markup=False)
        yield SpineFooter()

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        listing.focus()
        if self.rows:
            listing.highlighted = 0

    def action_move(self, step: int) -> None:
        listing = self.query_one(OptionList)
        if step > 0:
            listing.action_cursor_down()
        else:
            listing.action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)
