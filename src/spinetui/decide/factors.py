"""What matters to you: the things a reader can weigh, and the comparison rows each is about.

The factor -> row table is data, declared once here: ids of attributes in
comparison.yaml. Rows the guide's comparison does not have are skipped, so an older or
smaller comparison still works (a factor with no row says so in the summary).

Everything here only sorts, marks and quotes the comparison's own cells: it never
ranks the treatments or says which to choose.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from spinetui.i18n import N_, Translated, _

NOT_IMPORTANT = 1
A_LITTLE = 2
A_LOT = 3


class _Translated(Mapping[int, str]):
    """A constant table of marked texts that answers in the current language on each
    look-up, so a table made at import time still follows a language switch."""

    __slots__ = ("_texts",)

    def __init__(self, texts: dict[int, str]) -> None:
        self._texts = texts

    def __getitem__(self, key: int) -> str:
        return _(self._texts[key])

    def __iter__(self) -> Iterator[int]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def __repr__(self) -> str:
        return repr(dict(self.items()))


#: Level -> words, in order; a factor not answered has no level.
LEVELS: Mapping[int, str] = _Translated(
    {NOT_IMPORTANT: N_("Not important"), A_LITTLE: N_("A little"), A_LOT: N_("A lot")}
)
#: How a marked row says how much it matters (after "matters to you").
LEVEL_WORDS: Mapping[int, str] = _Translated(
    # Translators: the {level} in "matters to you {level}" and "This row matters to you {level}."
    {A_LITTLE: N_("a little"), A_LOT: N_("a lot")}
)

#: The marker in front of a row that matters to the reader: plain ASCII, so it reads on
#: the Linux console and in the browser, and words go with it (never colour alone).
MARK = "* "


@dataclass(frozen=True, slots=True)
class Factor:
    id: str
    label_msgid: str  # what the reader weighs, e.g. "Fast relief" (English, marked)
    question_msgid: str  # said in full on the screen (English, marked)
    rows: tuple[str, ...]  # comparison.yaml attribute ids this factor is about, in order

    # The label and the question in the current language.
    label = Translated("label_msgid")
    question = Translated("question_msgid")


FACTORS: tuple[Factor, ...] = (
    Factor(
        "fast-relief",
        N_("Fast relief"),
        N_("Getting relief soon"),
        ("relief-starts", "relief-chance"),
    ),
    Factor(
        "lasting-relief",
        N_("Relief that lasts"),
        N_("Relief that lasts a long time"),
        ("relief-lasts", "function"),
    ),
    Factor(
        "avoid-needles",
        N_("Avoiding needles"),
        N_("Not having a needle or a procedure"),
        ("how-it-is-done", "sessions", "repeats"),
    ),
    Factor(
        "avoid-rare-harms",
        N_("Avoiding rare serious harms"),
        N_("Staying clear of harms that are rare but serious"),
        ("serious-harms", "rare-serious-risks", "radiation"),
    ),
    Factor(
        "cost",
        N_("Cost"),
        N_("What it costs you, and what insurance pays"),
        ("typical-cost", "insurance"),
    ),
    Factor(
        "evidence",
        N_("Strength of the evidence"),
        N_("How sure the studies are about what it does"),
        ("evidence-strength", "tested-in", "fda-status"),
    ),
    Factor(
        "time-off",
        N_("Time off"),
        N_("How much time it takes, and time off work or driving"),
        ("recovery", "time-in-clinic"),
    ),
)

FACTORS_BY_ID: dict[str, Factor] = {f.id: f for f in FACTORS}


# Read-only members, so the model's frozen dataclasses match.
class _Attribute(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def label(self) -> str: ...


A = TypeVar("A", bound=_Attribute)


class _Treatment(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...


class _Cell(Protocol):
    @property
    def text(self) -> str: ...


class _Table(Protocol):
    def cell(self, attribute_id: str, treatment_id: str) -> _Cell | None: ...


def chosen_factors(matters: Mapping[str, int]) -> list[tuple[Factor, int]]:
    """Factors that matter (a little or a lot): a lot first, then in the table's order."""
    chosen = [(f, matters[f.id]) for f in FACTORS if matters.get(f.id, 0) >= A_LITTLE]
    return sorted(chosen, key=lambda pair: -pair[1])


def row_marks(matters: Mapping[str, int], attribute_ids: Iterable[str]) -> dict[str, int]:
    """attribute id -> how much it matters (the highest level of the factors naming it),
    for the rows this comparison has."""
    present = set(attribute_ids)
    marks: dict[str, int] = {}
    for factor, level in chosen_factors(matters):
        for row in factor.rows:
            if row in present:
                marks[row] = max(level, marks.get(row, 0))
    return marks


def ordered_rows(attributes: Sequence[A], matters: Mapping[str, int]) -> list[A]:
    """The rows with the ones that matter first (a lot, then a little, each in the order
    of the factors), the rest after in their own order. Nothing is left out."""
    by_id = {a.id: a for a in attributes}
    first: list[A] = []
    for factor, _level in chosen_factors(matters):
        for row in factor.rows:
            attribute = by_id.get(row)
            if attribute is not None and attribute not in first:
                first.append(attribute)
    return first + [a for a in attributes if a not in first]


def _same(text: str) -> str:
    return " ".join(text.split()).casefold()


def summary_lines(
    table: _Table,
    attributes: Sequence[_Attribute],
    treatments: Sequence[_Treatment],
    matters: Mapping[str, int],
) -> list[tuple[str, str]]:
    """How the options differ on what the reader chose, from the cells' own words.

    (kind, text) pairs: kind is "heading", "row", "cell" or "note". Options are listed
    in the order given (the comparison's columns), never sorted by how they do.
    """
    chosen = chosen_factors(matters)
    if not chosen:
        return [
            (
                "note",
                _(
                    "You have not marked anything as mattering to you yet. "
                    'Choose "A little" or "A lot" for the things you care about.'
                ),
            )
        ]
    by_id = {a.id: a for a in attributes}
    out: list[tuple[str, str]] = []
    for factor, level in chosen:
        # Translators: {factor} is a factor's label, {level} is "a little" or "a lot".
        heading = _("{factor} (matters to you {level})").format(
            factor=factor.label, level=LEVEL_WORDS[level]
        )
        out.append(("heading", MARK + heading))
        rows = [by_id[r] for r in factor.rows if r in by_id]
        if not rows:
            out.append(("note", _("The comparison has no row about this.")))
            continue
        for attribute in rows:
            out.append(("row", attribute.label))
            texts = []
            for treatment in treatments:
                cell = table.cell(attribute.id, treatment.id)
                texts.append((treatment.name, cell.text.strip() if cell is not None else ""))
            said = {_same(t) for _name, t in texts if t}
            if len(said) == 1 and all(t for _name, t in texts):
                same = _("All the options shown say the same: {text}").format(text=texts[0][1])
                out.append(("note", same))
                continue
            for name, text in texts:
                said_here = text or _("No information")
                # Translators: {option} is a treatment's name, {text} its comparison cell.
                cell_line = _("{option}: {text}").format(option=name, text=said_here)
                out.append(("cell", cell_line))
    return out


def answer_lines(matters: Mapping[str, int]) -> list[str]:
    """The reader's answers in words, one per answered factor (for My questions)."""
    return [
        # Translators: {factor} is a factor's label, {level} the reader's answer, in lower case.
        _("{factor}: {level}").format(factor=f.label, level=LEVELS[matters[f.id]].lower())
        for f in FACTORS
        if matters.get(f.id) in LEVELS
    ]
