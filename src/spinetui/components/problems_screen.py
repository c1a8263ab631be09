"""Lists problems found in the content files: file, line, message."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Static

from spinetui.components.footer import SpineFooter
from spinetui.model import Problem


class ProblemsScreen(Screen[None]):
    BINDINGS = [Binding("escape,q,exclamation_mark", "close", "Close", key_display="Esc")]

    DEFAULT_CSS = """
    ProblemsScreen > #problems-summary { padding: 0 1; height: auto; background: $panel; }
    ProblemsScreen > DataTable { height: 1fr; }
    """

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__()
        self.problems = problems

    def compose(self) -> ComposeResult:
        count = len(self.problems)
        if count:
            summary = Text(
                f"{count} problem{'s' if count != 1 else ''} in the content files. "
                "Everything else is shown as normal.",
                style="bold",
            )
        else:
            summary = Text("No problems were found in the content files.", style="bold")
        yield Static(summary, id="problems-summary")
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True)
        table.add_columns("File", "Line", "Problem")
        for problem in self.problems:
            severity = "" if problem.severity.value == "error" else "warning: "
            table.add_row(
                Text(problem.file),
                Text(str(problem.line or "")),
                Text(severity + problem.message),
            )
        yield table
        yield SpineFooter()

    def action_close(self) -> None:
        self.dismiss(None)
