"""Which treatments the comparison shows, in what order, and which rows differ.

Plain Python (no Textual) so the rules — never fewer than two columns, reordering,
"differences only" — are easy to test on their own. One instance lives on each
`ComparisonScreen`, so every visitor starts from the default choice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spinetui.i18n import N_
from spinetui.model.types import Attribute, ComparisonTable, Treatment

# The comparison starts with this many treatments: the first ones in the data
# (steroid injection, PRP and stem-cell shots in the bundled guide).
DEFAULT_COLUMNS = 3
FEWEST_COLUMNS = 2

# Marked here, translated where it is drawn: _(MISSING_CELL_TEXT). (Compared below as
# it is: a missing cell is the same in every language.)
MISSING_CELL_TEXT = N_("No information")

_SPACE = re.compile(r"\s+")


@dataclass
class ColumnChoice:
    """The chosen treatments, left to right. Keeps at least two whenever it can."""

    all_ids: tuple[str, ...]
    chosen: list[str] = field(default_factory=list)

    @classmethod
    def default(cls, table: ComparisonTable) -> ColumnChoice:
        ids = tuple(t.id for t in table.treatments)
        return cls(ids, list(ids[:DEFAULT_COLUMNS]))

    @property
    def fewest(self) -> int:
        """Two, unless the data has fewer treatments than that."""
        return min(FEWEST_COLUMNS, len(self.all_ids))

    @property
    def hidden(self) -> list[str]:
        return [i for i in self.all_ids if i not in self.chosen]

    def can_remove(self) -> bool:
        return len(self.chosen) > self.fewest

    def remove(self, treatment_id: str) -> bool:
        if treatment_id not in self.chosen or not self.can_remove():
            return False
        self.chosen.remove(treatment_id)
        return True

    def add(self, treatment_id: str) -> bool:
        if treatment_id not in self.all_ids or treatment_id in self.chosen:
            return False
        self.chosen.append(treatment_id)
        return True

    def move(self, treatment_id: str, step: int) -> bool:
        """Move a column `step` places to the right (negative: left)."""
        if treatment_id not in self.chosen:
            return False
        index = self.chosen.index(treatment_id)
        new_index = index + step
        if not 0 <= new_index < len(self.chosen):
            return False
        self.chosen.insert(new_index, self.chosen.pop(index))
        return True

    def replace(self, treatment_ids: list[str]) -> bool:
        """Show exactly these treatments in this order; refuses fewer than the minimum."""
        known = [i for i in dict.fromkeys(treatment_ids) if i in self.all_ids]
        if len(known) < self.fewest:
            return False
        self.chosen = known
        return True


def cell_text(table: ComparisonTable, attribute_id: str, treatment_id: str) -> str:
    cell = table.cell(attribute_id, treatment_id)
    return cell.text if cell is not None and cell.text.strip() else MISSING_CELL_TEXT


def _same_meaning(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def rows_that_differ(
    table: ComparisonTable, treatment_ids: list[str] | tuple[str, ...]
) -> list[Attribute]:
    """The attributes on which the given treatments' cells say different things.

    Cells are compared by their text, ignoring case and runs of white space, so a
    row where every chosen treatment says the same thing is left out.
    """
    return [
        attribute
        for attribute in table.attributes
        if len({_same_meaning(cell_text(table, attribute.id, t)) for t in treatment_ids}) > 1
    ]


def treatments_by_id(table: ComparisonTable) -> dict[str, Treatment]:
    return {t.id: t for t in table.treatments}
