"""``comparison.yaml``: the treatments, the attributes they are compared on, and a cell
for each pair, with its sources, evidence level and outcome datasets.

Two checks need files read later, so they are handed back rather than made here: an
attribute's heading anchor (once the articles' headings are scanned) and the outcome
datasets a cell names (once outcomes.yaml is read).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from typing import Any

from spinetui.model._entries import Context, Key, Kind
from spinetui.model._fields import MISSING, Fields, show
from spinetui.model._yaml import line_of
from spinetui.model.types import EVIDENCE_LEVELS, Attribute, Cell, ComparisonTable, Treatment

REL = "comparison.yaml"

TOP = Kind(
    "comparison.yaml",
    [Key("treatments", None), Key("attributes", None), Key("cells", None)],
)
TREATMENT = Kind(
    "treatment",
    [Key("id", Fields.ident), Key("name", Fields.text), Key("article", Fields.ident, False)],
)
ATTRIBUTE = Kind(
    "attribute",
    [Key("id", Fields.ident), Key("label", Fields.text), Key("anchor", Fields.text, False)],
)
CELL = Kind(
    "cell",
    [
        Key("text", Fields.text),
        Key("sources", Fields.id_list, required=False),
        Key("no_study", None),
        Key("outcomes", Fields.id_list, required=False),
        Key("evidence", None),
    ],
)

_NO_ATTRIBUTE = "cells are given for attribute '{name}', which is not in 'attributes'{hint}"
_NO_TREATMENT = "a cell is given for treatment '{name}', which is not in 'treatments'{hint}"


@dataclass(frozen=True, slots=True)
class AnchorCheck:
    """An attribute's anchor, to be found in each treatment's article."""

    attribute: str
    anchor: str
    line: int | None
    articles: list[str]


@dataclass(frozen=True, slots=True)
class CellOutcomes:
    """The outcome datasets a cell names, to be found in outcomes.yaml."""

    cell: str  # "the cell for 'a' and 't'"
    treatment: str
    ids: list[tuple[str, int | None]]


@dataclass(slots=True)
class Comparison:
    table: ComparisonTable = field(default_factory=ComparisonTable)
    anchors: list[AnchorCheck] = field(default_factory=list)
    cell_outcomes: list[CellOutcomes] = field(default_factory=list)


def load_comparison(cx: Context, articles: Collection[str], sources: Collection[str]) -> Comparison:
    out = Comparison()
    data = cx.reader.optional_yaml(REL, "comparison table")
    if data is None:
        return out
    if not isinstance(data, dict):
        cx.p.error(
            REL, getattr(data, "line", 1), "must have 'treatments', 'attributes' and 'cells'"
        )
        return out
    top = TOP.fields(data, REL, cx.p, "comparison.yaml")

    treatments: list[Treatment] = []
    t_seen: dict[str, str] = {}
    for f in _entries(cx, data, "treatments", top, TREATMENT):
        v = TREATMENT.read(f)
        tid, name, article = v["id"], v["name"], v["article"]
        if tid is None or not name or not cx.unique(t_seen, "treatment", tid, f):
            continue
        if article is not None and not cx.refers(
            article,
            articles,
            REL,
            f.line_of("article"),
            "treatment '{0}' names article '{name}', but there is no article with that id{hint}",
            tid,
            field="article",
        ):
            article = None
        treatments.append(Treatment(tid, name, article))

    attributes: list[Attribute] = []
    a_seen: dict[str, str] = {}
    for f in _entries(cx, data, "attributes", top, ATTRIBUTE):
        v = ATTRIBUTE.read(f)
        aid, label, anchor = v["id"], v["label"], v["anchor"] or None
        if aid is None or not label or not cx.unique(a_seen, "attribute", aid, f):
            continue
        attributes.append(Attribute(aid, label, anchor))
        if anchor:  # checked once the headings are known
            out.anchors.append(
                AnchorCheck(aid, anchor, f.line_of("anchor"), [t.article or "" for t in treatments])
            )

    cells: dict[tuple[str, str], Cell] = {}
    raw_cells = data.get("cells")
    cells_line = top.line_of("cells")
    if raw_cells is None:
        if treatments and attributes:
            cx.p.error(REL, top.line, "comparison.yaml needs 'cells'", "cells")
        raw_cells = {}
    elif not isinstance(raw_cells, dict):
        cx.p.error(
            REL, cells_line, "'cells' must group cells by attribute id, then treatment id", "cells"
        )
        raw_cells = {}
    for attr_id, row in raw_cells.items():
        row_line = line_of(raw_cells, attr_id, cells_line)
        if not cx.refers(attr_id, a_seen, REL, row_line, _NO_ATTRIBUTE, field="cells"):
            continue
        if not isinstance(row, dict):
            cx.p.error(
                REL, row_line, f"cells for '{attr_id}' must be grouped by treatment id", "cells"
            )
            continue
        for t_id, raw in row.items():
            line = line_of(row, t_id, row_line)
            if not cx.refers(t_id, t_seen, REL, line, _NO_TREATMENT, field="cells"):
                continue
            cell = _cell(cx, out, line, attr_id, t_id, raw, sources)
            if cell is not None:
                cells[(attr_id, t_id)] = cell
    for a in attributes:
        for t in treatments:
            if (a.id, t.id) not in cells:
                cx.p.warn(
                    REL,
                    line_of(raw_cells, a.id, cells_line),
                    f"there is no cell for '{a.id}' and '{t.id}'; it will show 'No information'",
                    "cells",
                )
    out.table = ComparisonTable(tuple(treatments), tuple(attributes), cells)
    return out


def _entries(
    cx: Context, data: dict[str, Any], key: str, top: Fields, kind: Kind
) -> Iterator[Fields]:
    """The entries of the required list ``key`` ('treatments', 'attributes')."""
    value = data.get(key, MISSING)
    if value is MISSING or value is None:
        cx.p.error(REL, top.line, f"comparison.yaml needs '{key}'", key)
        return
    if not isinstance(value, list):
        cx.p.error(
            REL,
            top.line_of(key),
            f"'{key}' must be a list, each item starting with '- id: ...'",
            key,
        )
        return
    for _entry, f in kind.entries(cx.p, REL, value, None, key):
        yield f


def _cell(
    cx: Context,
    out: Comparison,
    line: int | None,
    attr_id: str,
    t_id: str,
    raw: Any,
    sources: Collection[str],
) -> Cell | None:
    name = f"the cell for '{attr_id}' and '{t_id}'"
    if isinstance(raw, str):
        raw = {"text": raw}
    if not isinstance(raw, dict):
        cx.p.error(REL, line, f"{name} must have 'text' and 'sources', not {show(raw)}")
        return None
    f = CELL.fields(raw, REL, cx.p, name)
    f.line = line
    v = CELL.read(f, ("text", "sources"))
    text, ids = v["text"], v["sources"]
    no_study = raw.get("no_study", False)
    if not isinstance(no_study, bool):
        cx.p.error(
            REL,
            f.line_of("no_study"),
            f"'no_study' must be true or false, not {show(no_study)}",
            "no_study",
        )
        no_study = False
    if no_study and ids:
        cx.p.warn(
            REL,
            f.line_of("no_study"),
            f"{name} says no study has measured this, but also lists sources; "
            "remove one of the two",
            "no_study",
        )
    elif not ids and not no_study:
        cx.p.error(
            REL,
            f.line_of("sources"),
            f"{name} has no sources; every cell needs at least one (or 'no_study: true' "
            "with text that says no study has measured this)",
            "sources",
        )
    outcome_ids = CELL.value(f, "outcomes")
    if outcome_ids:
        out.cell_outcomes.append(CellOutcomes(name, t_id, outcome_ids))
    kept = cx.cited(ids, sources, REL, f"{name} ")
    evidence = None
    if raw.get("evidence") is not None:
        evidence = f.text("evidence", required=False)
        if evidence not in EVIDENCE_LEVELS:
            cx.p.error(
                REL,
                f.line_of("evidence"),
                f"{name} has evidence {show(evidence)}; it must be one of {', '.join(EVIDENCE_LEVELS)}",
                "evidence",
            )
            evidence = None
    if not text:
        return None
    return Cell(
        text=text,
        sources=tuple(kept),
        evidence=evidence,
        outcomes=tuple(oid for oid, _line in outcome_ids),
        no_study=no_study,
    )
