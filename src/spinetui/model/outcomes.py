"""``outcomes.yaml``: what happened to 100 (or 10,000...) people like the reader.

Each entry is one outcome at one time point for one option, with the comparison group's
number beside it when the study had one (docs/content-format.md). The app draws them as
icon arrays; ``spinetui check`` validates them here: numbers in range and of the right
kind, a time point, a source that exists, an option that is in the comparison table.
Articles show a dataset with a fenced block naming it (```` ```outcome ````); the ids
those blocks name are checked against this file too.
"""

from __future__ import annotations

from collections.abc import Collection

from spinetui.markdown.outcome_fence import OUTCOME_FENCE, OUTCOME_INFO, outcome_block_name
from spinetui.model._entries import Context, Key, Kind
from spinetui.model._fields import MISSING, Fields, show
from spinetui.model.comparison import CellOutcomes
from spinetui.model.types import OUTCOME_DENOMINATORS, OUTCOME_KINDS, Outcome

REL = "outcomes.yaml"

OUTCOME = Kind(
    "outcome",
    [
        Key("id", Fields.ident),
        Key("option", Fields.ident),
        Key("kind", Fields.text),
        Key("measure", Fields.text),
        Key("who", Fields.text),
        Key("time", Fields.text),
        Key("group", Fields.text),
        Key("per", None),
        Key("count", None),
        Key("compared_with", Fields.text, required=False),
        Key("comparison_count", None),
        Key("sources", Fields.id_list, required=False),
        Key("note", Fields.text, required=False),
    ],
    needs="must be a group of fields (id, option, ...)",
)

#: Without these an outcome is not shown (the problems say why).
_NEEDED = ("id", "per", "measure", "who", "time", "group", "sources")

# ---------------------------------------------------------------------- ```outcome blocks
# The rule for which fenced blocks are outcome blocks is spinetui.markdown.outcome_fence,
# shared with the renderer, which draws them.


def outcome_blocks(body: str) -> list[tuple[str, int]]:
    """The dataset ids named by ```` ```outcome ```` blocks, each with its 0-based line."""
    # The word is common in prose; a fence is not (and the pattern costs a try a line).
    if OUTCOME_INFO not in body or ("```" not in body and "~~~" not in body):
        return []
    return [
        (outcome_block_name(m.group("body")), body.count("\n", 0, m.start()) + 1)
        for m in OUTCOME_FENCE.finditer(body)
    ]


# ---------------------------------------------------------------------- outcomes.yaml


def _count(f: Fields, key: str, per: int | None, required: bool) -> int | None:
    value = f.data.get(key, MISSING)
    if value is MISSING or value is None:
        if required:
            f.p.error(f.file, f.line, f"{f.what} needs '{key}' (a whole number of people)", key)
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        f.p.error(
            f.file,
            f.line_of(key),
            f"'{key}' must be a whole number of people, like 54, not {show(value)}",
            key,
        )
        return None
    if per is not None and not 0 <= value <= per:
        f.p.error(
            f.file,
            f.line_of(key),
            f"'{key}' is {value}, but it counts people out of {per:,}: give a number from 0 to {per:,}",
            key,
        )
        return None
    return value


def load_outcomes(
    cx: Context, sources: Collection[str], options: Collection[str]
) -> tuple[dict[str, Outcome], set[str]]:
    """Check and build every outcome in ``outcomes.yaml`` (an optional file).

    ``options`` are the comparison table's treatment ids (an outcome names the column it
    belongs to). An entry with a problem that leaves it unusable is left out; the ids of
    every entry, usable or not, come back too, so a block naming a broken entry is not
    reported a second time as naming one that does not exist.
    """
    outcomes: dict[str, Outcome] = {}
    seen: set[str] = set()
    where: dict[str, str] = {}
    data = cx.list_file(REL, "outcome numbers", warn_missing=False)
    for _entry, f in OUTCOME.entries(cx.p, REL, data or []):
        v = OUTCOME.read(f, ("id", "option", "kind"))
        oid, option, kind = v["id"], v["option"], v["kind"]
        if option is not None:
            cx.refers(
                option,
                options,
                REL,
                f.line_of("option"),
                "{0} is for option '{name}', which is not a treatment in comparison.yaml{hint}",
                f.what,
                field="option",
            )
        if kind and kind not in OUTCOME_KINDS:
            cx.p.error(
                REL,
                f.line_of("kind"),
                f"{f.what} has kind {show(kind)}; it must be one of {', '.join(OUTCOME_KINDS)}",
                "kind",
            )
        v.update(OUTCOME.read(f, ("measure", "who", "time", "group")))
        per = v["per"] = _per(f)
        v["count"] = _count(f, "count", per, required=True)
        compared_with = v["compared_with"] = OUTCOME.value(f, "compared_with")
        comparison_count = _count(f, "comparison_count", per, required=bool(compared_with))
        v["comparison_count"] = comparison_count
        if comparison_count is not None and not compared_with:
            cx.p.error(
                REL,
                f.line_of("comparison_count"),
                f"{f.what} gives 'comparison_count' but not 'compared_with': say who the comparison group were",
                "compared_with",
            )
        ids = OUTCOME.value(f, "sources")
        if not ids:
            cx.p.error(
                REL,
                f.line_of("sources"),
                f"{f.what} has no sources; every outcome needs the study it comes from",
                "sources",
            )
        v["sources"] = tuple(cx.cited(ids, sources, REL, f"{f.what} "))
        v["note"] = OUTCOME.value(f, "note")
        if oid:
            seen.add(oid)
        usable = all(v[k] for k in _NEEDED) and option in options and kind in OUTCOME_KINDS
        usable = usable and v["count"] is not None
        usable = usable and (comparison_count is not None) == bool(compared_with)
        if not usable or not cx.unique(where, "outcome", oid, f):
            continue  # the problems above say why; nothing shows it until they are fixed
        outcomes[oid] = Outcome(**v, line=f.line)
    return outcomes, seen


def _per(f: Fields) -> int | None:
    per = f.data.get("per", MISSING)
    if per is MISSING or per is None:
        f.p.error(REL, f.line, f"{f.what} needs 'per' (100 for an icon array)", "per")
        return None
    if isinstance(per, bool) or per not in OUTCOME_DENOMINATORS:
        allowed = ", ".join(f"{d:,}".replace(",", "") for d in OUTCOME_DENOMINATORS)
        f.p.error(
            REL,
            f.line_of("per"),
            f"'per' must be one of {allowed} (people counted out of), not {show(per)}",
            "per",
        )
        return None
    return per


def check_cells(
    cx: Context, cells: list[CellOutcomes], outcomes: dict[str, Outcome], ids: Collection[str]
) -> None:
    """The datasets comparison cells name: in outcomes.yaml (``ids``), and about the
    cell's treatment."""
    for c in cells:
        for oid, line in c.ids:
            if not cx.refers(
                oid,
                ids,
                "comparison.yaml",
                line,
                "{0} names outcome '{name}', which is not in outcomes.yaml{hint}",
                c.cell,
                field="outcomes",
                near=outcomes,
            ):
                continue
            if oid in outcomes and outcomes[oid].option != c.treatment:
                cx.p.warn(
                    "comparison.yaml",
                    line,
                    f"{c.cell} names outcome '{oid}', which is about '{outcomes[oid].option}', "
                    f"not '{c.treatment}'",
                    "outcomes",
                )


def check_blocks(
    cx: Context,
    path: str,
    body: str,
    body_line: int,
    outcomes: dict[str, Outcome],
    ids: Collection[str],
) -> None:
    """The datasets an article's outcome blocks name: in outcomes.yaml (``ids``)."""
    for oid, line in outcome_blocks(body):
        what = f"outcome '{oid}'" if oid else "no outcome (its first line is empty)"
        cx.refers(
            oid,
            ids,
            path,
            body_line + line,
            "has an outcome block naming {0}, which is not in outcomes.yaml{hint}; "
            "the block shows a notice instead",
            what,
            near=outcomes,
        )
