"""The comparison screen: the table, the selected cell in full, and what to do next.

Everything the visitor changes (chosen treatments, their order, differences-only, the
selected cell) is kept on the reader screen below (`ComparisonState`), so the comparison
opens as they left it while the app runs; a kiosk reset replaces that screen and so
forgets it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Static

from spinetui.components.compare.cell_detail import CellDetail
from spinetui.components.compare.columns import ColumnChoice, rows_that_differ, treatments_by_id
from spinetui.components.compare.grid import ComparisonGrid
from spinetui.components.footer import SpineFooter
from spinetui.components.navigation import KeepsVisit, OpenArticle, OpenSideBySide, OpenTool
from spinetui.decide.factors import MARK, ordered_rows, row_marks
from spinetui.i18n import N_, _, ngettext
from spinetui.keymap import COMPARE_KEYS, bindings

if TYPE_CHECKING:
    from spinetui.app import SpineApp
    from spinetui.services import Services

# Marked here, translated where it is shown: _(ALL_SAME_MESSAGE).
ALL_SAME_MESSAGE = N_(
    "The chosen treatments say the same thing on every row. "
    "Press d to show all rows, or t to choose other treatments."
)


class MattersButton(Static):
    """ "What matters to you" in the header, for mouse and touch (the key is w)."""

    DEFAULT_CSS = """
    MattersButton { width: auto; padding: 0 1; text-style: bold underline; }
    MattersButton:hover { background: $accent 40%; }
    """

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(OpenTool("what-matters"))


class ComparisonHeader(Horizontal):
    DEFAULT_CSS = """
    ComparisonHeader { height: 1; background: $panel; }
    ComparisonHeader > #compare-title { width: 1fr; padding: 0 1; text-style: bold; }
    ComparisonHeader > #compare-status { width: auto; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static(Text(_("Compare treatments")), id="compare-title")
        yield Static(id="compare-status")
        # Translators: a button in the one-line header; keep it short.
        yield MattersButton(Text(_("w: What matters")), id="compare-matters")


@dataclass(frozen=True, slots=True)
class ComparisonState:
    """What the reader chose in the comparison, to find it as they left it next time."""

    chosen: tuple[str, ...]
    differences_only: bool
    attribute_id: str | None
    treatment_id: str | None
    first_column: int


class ComparisonScreen(Screen[None]):
    BINDINGS = bindings(COMPARE_KEYS)

    DEFAULT_CSS = """
    ComparisonScreen #compare-grid { height: 1fr; }
    ComparisonScreen #compare-nothing { height: 1fr; padding: 1 2; }
    """

    app: SpineApp

    def __init__(self, services: Services, *, keeper: KeepsVisit | None = None) -> None:
        """`keeper`: the reader below, which keeps this screen's state while the app
        runs (so the comparison opens again as the reader left it)."""
        super().__init__()
        self.services = services
        self._keeper = keeper
        self.choice = ColumnChoice.default(services.guide.comparison)
        self.differences_only = False
        # The what-matters answers the rows were last ordered by (they change while
        # What matters to you is open over this screen).
        self._ordered_by: dict[str, int] = {}
        self._restore: ComparisonState | None = None
        state = self._reader_state()
        if state is not None and self.choice.replace(list(state.chosen)):
            self.differences_only = state.differences_only
            self._restore = state

    def _reader_state(self) -> ComparisonState | None:
        reader = self._keeper
        state = reader.comparison_state if reader is not None else None
        return state if isinstance(state, ComparisonState) else None

    def _save_state(self) -> None:
        reader = self._keeper
        if reader is None or not self.has_table:
            return
        selected = self.grid.selected
        reader.comparison_state = ComparisonState(
            tuple(self.choice.chosen),
            self.differences_only,
            selected[0].id if selected else None,
            selected[1].id if selected else None,
            self.grid.first_column,
        )

    def compose(self) -> ComposeResult:
        yield ComparisonHeader()
        yield ComparisonGrid(id="compare-grid")
        yield Static(
            Text(
                _(
                    "This guide has no comparison table to show (fewer than two treatments). "
                    "Press ! to see problems with the content, or Esc to go back."
                )
            ),
            id="compare-nothing",
        )
        yield CellDetail(id="cell-detail")
        yield SpineFooter()

    @property
    def grid(self) -> ComparisonGrid:
        return self.query_one(ComparisonGrid)

    @property
    def detail(self) -> CellDetail:
        return self.query_one(CellDetail)

    @property
    def has_table(self) -> bool:
        return len(self.choice.chosen) >= 2

    def on_mount(self) -> None:
        self.query_one("#compare-nothing").display = not self.has_table
        self.grid.display = self.has_table
        self.detail.display = self.has_table
        if self.has_table:
            self._show_table()
            state = self._restore
            if state is not None:
                self.grid.first_column = state.first_column
                self.grid.select_ids(state.attribute_id, state.treatment_id)
            self.grid.focus()
        else:
            self._update_status()

    # ---------------------------------------------------------------- showing
    def _show_table(self) -> None:
        table = self.services.guide.comparison
        by_id = treatments_by_id(table)
        treatments = [by_id[i] for i in self.choice.chosen]
        if self.differences_only:
            attributes = rows_that_differ(table, self.choice.chosen)
        else:
            attributes = list(table.attributes)
        # What matters to the reader first, marked; the rest in the table's order.
        matters = self.services.decision.matters
        self._ordered_by = dict(matters)
        attributes = ordered_rows(attributes, matters)
        grid = self.grid
        grid.empty_message = Text(_(ALL_SAME_MESSAGE))
        grid.show(
            table,
            treatments,
            attributes,
            marks=row_marks(matters, (a.id for a in attributes)),
            outcomes=self.services.guide.outcomes,
        )

    def on_screen_resume(self) -> None:
        """Back from What matters to you (or anywhere): reorder if the answers changed."""
        if self.has_table and dict(self.services.decision.matters) != self._ordered_by:
            self._show_table()
            self.grid.select(row=0)
            self._update_status()

    def on_comparison_grid_changed(self, message: ComparisonGrid.Changed) -> None:
        self._update_status()
        self._save_state()
        selected = self.grid.selected
        if selected is None:
            self.detail.show(Text(_(ALL_SAME_MESSAGE) if self.differences_only else ""))
        else:
            attribute, treatment = selected
            level = self.grid.marks.get(attribute.id)
            notice = self.services.cell_fallback_notice(attribute.id, treatment.id)
            self.detail.show_cell(
                self.services.completed_guide(), attribute, treatment, level, notice
            )

    def _update_status(self) -> None:
        status = self.query_one("#compare-status", Static)
        if not self.has_table:
            status.update(Text(""))
            return
        grid = self.grid
        total = len(self.choice.chosen)
        shown = grid.visible_count
        if shown and shown < total:
            first = grid.first_column + 1
            last = grid.first_column + shown
            # Translators: the header's status; "[ ]" are the keys [ and ] that page.
            columns = _("Columns {first}–{last} of {total} · [ ] to page").format(
                first=first, last=last, total=total
            )
        else:
            # A comparison has at least two treatments: always plural.
            columns = _("{shown} of {count} treatments · t to choose").format(
                shown=total, count=len(self.choice.all_ids)
            )
        parts = [columns]
        if self.differences_only:
            rows = len(grid.attributes)
            count = len(self.services.guide.comparison.attributes)
            parts.append(
                _("Differences only: {rows} of {count} rows").format(rows=rows, count=count)
            )
        status.update(Text(" · ".join(parts)))
        # The button says how many rows are marked (short: the header is one line).
        marked = len(grid.marks)
        if marked:
            # Translators: the header's button when rows are marked; {mark} is "* ".
            label = ngettext(
                "w: What matters ({mark}{count} row)",
                "w: What matters ({mark}{count} rows)",
                marked,
            ).format(mark=MARK, count=marked)
        else:
            label = _("w: What matters")
        self.query_one(MattersButton).update(Text(label))

    # ---------------------------------------------------------------- actions
    def action_close(self) -> None:
        self.dismiss(None)

    def action_what_matters(self) -> None:
        if self.has_table:
            self.post_message(OpenTool("what-matters"))

    def action_toggle_detail_size(self) -> None:
        if self.has_table:
            self.detail.toggle_size()

    def action_previous_columns(self) -> None:
        self._page(-1)

    def action_next_columns(self) -> None:
        self._page(1)

    def _page(self, step: int) -> None:
        if self.has_table and not self.grid.page_columns(step):
            self.notify(
                _("Every chosen treatment is already on screen. Press t to choose others."),
                timeout=3,
            )

    def action_differences(self) -> None:
        if not self.has_table:
            return
        self.differences_only = not self.differences_only
        self._show_table()
        self._update_status()
        self._save_state()
        if self.differences_only:
            hidden = len(self.services.guide.comparison.attributes) - len(self.grid.attributes)
            self.notify(
                ngettext(
                    "Showing differences only: {hidden} row that is the same is hidden.",
                    "Showing differences only: {hidden} rows that are the same are hidden.",
                    hidden,
                ).format(hidden=hidden),
                timeout=3,
            )
        else:
            self.notify(_("Showing all rows."), timeout=2)

    def action_move_column(self, step: int) -> None:
        selected = self.grid.selected
        if selected is None:
            return
        treatment = selected[1]
        if self.choice.move(treatment.id, step):
            self._show_table()
            self._save_state()
        else:
            self.notify(
                _("This column is already the first.")
                if step < 0
                else _("This column is already the last."),
                timeout=2,
            )

    def action_hide_column(self) -> None:
        selected = self.grid.selected
        if selected is None:
            return
        if self.choice.remove(selected[1].id):
            self._show_table()
            self._update_status()
            self._save_state()
        else:
            self.notify(
                _("A comparison needs at least two treatments. Press t to choose others."),
                severity="warning",
                timeout=3,
            )

    def action_choose(self) -> None:
        if not self.has_table:
            return
        from spinetui.components.compare.chooser import TreatmentChooser

        def chosen(treatment_ids: list[str] | None) -> None:
            if treatment_ids is not None and self.choice.replace(treatment_ids):
                self._show_table()
                self._update_status()
                self._save_state()

        self.app.push_screen(
            TreatmentChooser(self.services.guide.comparison.treatments, self.choice), chosen
        )

    def action_read_cell(self) -> None:
        selected = self.grid.selected
        if selected is None:
            return
        attribute, treatment = selected
        article_id = treatment.article
        if not article_id or article_id not in self.services.guide.articles:
            self.notify(
                _("There is no article about {treatment} in this guide.").format(
                    treatment=treatment.name
                ),
                severity="warning",
                markup=False,
            )
            return
        self._save_state()
        self.post_message(OpenArticle(article_id, attribute.anchor, from_comparison=True))

    def action_side_by_side(self) -> None:
        grid = self.grid
        selected = grid.selected
        if selected is None:
            return
        attribute, treatment = selected
        treatments = grid.treatments
        index = grid.cursor_column
        # The selected column and the one to its right (or left, for the last), in
        # the order the table shows them.
        if index + 1 < len(treatments):
            pair = (treatment, treatments[index + 1])
        else:
            pair = (treatments[index - 1], treatment)
        articles = self.services.guide.articles
        missing = [t.name for t in pair if t.article not in articles]
        if missing:
            self.notify(
                _("There is no article about {treatment} in this guide.").format(
                    treatment=missing[0]
                ),
                severity="warning",
                markup=False,
            )
            return
        left, right = pair
        self.post_message(OpenSideBySide(left.article or "", right.article or "", attribute.anchor))
