"""``outcomes.yaml``: what happened to 100 (or 10,000...) people like the reader.

Each entry is one outcome at one time point for one option, with the comparison group's
number beside it when the study had one (docs/content-format.md). The app draws them as
icon arrays; ``spinetui check`` validates them here: numbers in range and of the right
kind, a time point, a source that exists, an option that is in the comparison table.
Articles show a dataset with a fenced block naming it (```` ```outcome ````); the ids
those blocks name are checked against this file too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spinetui.model._fields import MISSING, Fields, Problems, place, show
from spinetui.model._yaml import line_of
from spinetui.model.types import OUTCOME_DENOMINATORS, OUTCOME_KINDS, Outcome, Source

REL = "outcomes.yaml"
_KEYS = {
    "id",
    "option",
    "kind",
    "measure",
    "who",
    "time",
    "per",
    "group",
    "count",
    "compared_with",
    "comparison_count",
    "sources",
    "note",
}
#: A fenced block whose info string is "outcome": its first line names a dataset.
OUTCOME_FENCE = re.compile(
    r"^ {0,3}(?P<fence>`{3,}|~{3,})[ \t]*outcome[ \t]*\n(?P<body>.*?)^ {0,3}(?P=fence)[`~]*[ \t]*$",
    re.M | re.S,
)


def outcome_blocks(body: str) -> list[tuple[str, int]]:
    """The dataset ids named by ```` ```outcome ```` blocks, each with its 0-based line."""
    if "outcome" not in body:
        return []
    found = []
    for m in OUTCOME_FENCE.finditer(body):
        name = m.group("body").strip().split("\n", 1)[0].strip()
        found.append((name, body.count("\n", 0, m.start()) + 1))
    return found


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
    data: Any,
    problems: Problems,
    sources: dict[str, Source],
    options: dict[str, Any],
    hint: Callable[[str, Any], str],
) -> tuple[dict[str, Outcome], set[str]]:
    """Check and build every outcome of the parsed ``outcomes.yaml`` list ``data``.

    ``options`` are the comparison table's treatment ids (an outcome names the column it
    belongs to). An entry with a problem that leaves it unusable is left out; the ids of
    every entry, usable or not, come back too, so a block naming a broken entry is not
    reported a second time as naming one that does not exist.
    """
    outcomes: dict[str, Outcome] = {}
    seen: set[str] = set()
    where: dict[str, str] = {}
    for i, entry in enumerate(data or ()):
        line = line_of(data, i, None)
        if not isinstance(entry, dict):
            problems.error(
                REL,
                line,
                f"each outcome must be a group of fields (id, option, ...), not {show(entry)}",
            )
            continue
        oid = entry.get("id")
        f = Fields(
            entry, REL, problems, f"outcome '{oid}'" if isinstance(oid, str) else "an outcome"
        )
        f.unknown_keys(_KEYS)
        oid = f.ident()
        option = f.ident("option")
        if option is not None and option not in options:
            problems.error(
                REL,
                f.line_of("option"),
                f"{f.what} is for option '{option}', which is not a treatment in comparison.yaml{hint(option, options)}",
                "option",
            )
        kind = f.text("kind")
        if kind and kind not in OUTCOME_KINDS:
            problems.error(
                REL,
                f.line_of("kind"),
                f"{f.what} has kind {show(kind)}; it must be one of {', '.join(OUTCOME_KINDS)}",
                "kind",
            )
        measure, who, time, group = (
            f.text("measure"),
            f.text("who"),
            f.text("time"),
            f.text("group"),
        )
        per = f.data.get("per", MISSING)
        if per is MISSING or per is None:
            problems.error(REL, f.line, f"{f.what} needs 'per' (100 for an icon array)", "per")
            per = None
        elif isinstance(per, bool) or per not in OUTCOME_DENOMINATORS:
            allowed = ", ".join(f"{d:,}".replace(",", "") for d in OUTCOME_DENOMINATORS)
            problems.error(
                REL,
                f.line_of("per"),
                f"'per' must be one of {allowed} (people counted out of), not {show(per)}",
                "per",
            )
            per = None
        count = _count(f, "count", per, required=True)
        compared_with = f.text("compared_with", required=False)
        comparison_count = _count(f, "comparison_count", per, required=bool(compared_with))
        if comparison_count is not None and not compared_with:
            problems.error(
                REL,
                f.line_of("comparison_count"),
                f"{f.what} gives 'comparison_count' but not 'compared_with': say who the comparison group were",
                "compared_with",
            )
        ids = f.id_list("sources")
        if not ids:
            problems.error(
                REL,
                f.line_of("sources"),
                f"{f.what} has no sources; every outcome needs the study it comes from",
                "sources",
            )
        kept = []
        for sid, s_line in ids:
            if sid in sources:
                kept.append(sid)
            else:
                problems.error(
                    REL,
                    s_line,
                    f"{f.what} cites source '{sid}', which is not in sources.yaml{hint(sid, sources)}",
                    "sources",
                )
        note = f.text("note", required=False)
        usable = oid and option in options and kind in OUTCOME_KINDS and per and count is not None
        usable = usable and measure and who and time and group and kept
        usable = usable and (comparison_count is not None) == bool(compared_with)
        if oid:
            seen.add(oid)
        if not usable:
            continue  # the problems above say why; nothing shows it until they are fixed
        if oid in outcomes:
            problems.error(
                REL,
                f.line_of("id"),
                f"outcome id '{oid}' is used twice (first at {where[oid]}); the first is kept",
                "id",
            )
            continue
        where[oid] = place(REL, f.line_of("id"))
        outcomes[oid] = Outcome(
            id=oid,
            option=option,
            kind=kind,
            measure=measure,
            who=who,
            time=time,
            per=per,
            group=group,
            count=count,
            sources=tuple(kept),
            compared_with=compared_with,
            comparison_count=comparison_count,
            note=note,
            line=f.line,
        )
    return outcomes, seen
