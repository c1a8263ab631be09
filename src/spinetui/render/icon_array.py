"""Icon arrays: "out of 100 people" drawn as a 10 x 10 grid, one mark per person.

The people an outcome happened to are ``●`` and the rest ``·``: they differ in shape,
not colour alone, and both are in the Linux console's fonts. The comparison group's
grid stands beside the treated group's when the width allows, under it when not, and
on a very narrow line only the numbers are left. Every array comes with a sentence
that says the same thing in words (for screen readers, search, and anyone who does
not read pictures). Rare events (per 1,000 and more) get the sentence only: nobody
can count 10,000 dots.

Textual-free: lines of Rich segments, like the rest of ``spinetui.render``.
"""

from __future__ import annotations

from typing import Protocol

from rich.segment import Segment
from rich.style import Style

from spinetui.i18n import _, ngettext
from spinetui.render.wrap import Line, text_width, wrap_runs

#: Marks for a person the outcome happened to, and for one it did not.
FILLED = "●"
EMPTY = "·"
SIDE = 10  # people per row and rows per array
GRID_WIDTH = 2 * SIDE - 1  # "● ● ... ●"
GAP = 6  # columns between the two grids


class OutcomeData(Protocol):
    """What an icon array needs of ``spinetui.model.Outcome`` (render does not import model)."""

    # Read-only, so a frozen dataclass (the model's Outcome) fits.
    @property
    def measure(self) -> str: ...
    @property
    def who(self) -> str: ...
    @property
    def time(self) -> str: ...
    @property
    def per(self) -> int: ...
    @property
    def group(self) -> str: ...
    @property
    def count(self) -> int: ...
    @property
    def compared_with(self) -> str: ...
    @property
    def comparison_count(self) -> int | None: ...
    @property
    def note(self) -> str: ...


def _compared(o: OutcomeData) -> bool:
    """Whether the study had a comparison group (the loader gives both fields or neither)."""
    return o.comparison_count is not None and bool(o.compared_with)


def _n(value: int | None) -> str:  # None only where _compared(o) is false
    return f"{value:,}"


def outcome_sentence(o: OutcomeData) -> str:
    """The array in words: "About 54 in 100 people who had X measure (time), compared
    with 19 in 100 people who had Y." Numbers straight from the data.

    One whole sentence per case, so a translation can order it as its language needs;
    the content's ``group``, ``measure``, ``time`` and ``compared_with`` are written to
    be read in that frame (content/es/outcomes.yaml's header says how for Spanish)."""
    fields = {
        "count": _n(o.count),
        "per": _n(o.per),
        "group": o.group,
        "measure": o.measure,
        "time": o.time,
        "comparison_count": _n(o.comparison_count) if _compared(o) else "",
        "compared_with": o.compared_with,
    }
    # "About" only per 100: those numbers are rounded to whole people out of 100.
    if o.per == 100 and _compared(o):
        # Translators: "About" only per 100; {group}, {measure}, {time}, {compared_with}
        # are the outcome's own words from outcomes.yaml. Plural forms follow {count}.
        template = ngettext(
            "About {count} in {per} people who had {group} {measure} ({time}), "
            "compared with {comparison_count} in {per} people who had {compared_with}.",
            "About {count} in {per} people who had {group} {measure} ({time}), "
            "compared with {comparison_count} in {per} people who had {compared_with}.",
            o.count,
        )
    elif o.per == 100:
        template = ngettext(
            "About {count} in {per} people who had {group} {measure} ({time}).",
            "About {count} in {per} people who had {group} {measure} ({time}).",
            o.count,
        )
    elif _compared(o):
        # Translators: a rare outcome (per 1,000 or more): exact numbers, no "About".
        template = _(
            "{count} in {per} people who had {group} {measure} ({time}), "
            "compared with {comparison_count} in {per} people who had {compared_with}."
        )
    else:
        template = _("{count} in {per} people who had {group} {measure} ({time}).")
    return template.format(**fields)


def grid_rows(count: int) -> list[str]:
    """Ten rows of ten marks, filled row by row from the top left: ``count`` of them ●."""
    count = max(0, min(SIDE * SIDE, count))
    rows = []
    for r in range(SIDE):
        filled = max(0, min(SIDE, count - r * SIDE))
        rows.append(" ".join([FILLED] * filled + [EMPTY] * (SIDE - filled)))
    return rows


class IconArrayStyles(Protocol):
    @property
    def icon_filled(self) -> Style: ...
    @property
    def icon_empty(self) -> Style: ...
    @property
    def icon_label(self) -> Style: ...
    @property
    def icon_caption(self) -> Style: ...


def _grid_segments(row: str, styles: IconArrayStyles) -> list[Segment]:
    filled = row.count(FILLED)
    split = max(0, 2 * filled - 1) if filled else 0
    out = []
    if split:
        out.append(Segment(row[:split], styles.icon_filled))
    if row[split:]:
        out.append(Segment(row[split:], styles.icon_empty))
    return out


def _label_lines(text: str, width: int, style: Style) -> list[str]:
    return [
        "".join(s.text for s in segs)
        for segs, _w, _spans in wrap_runs([(text, style, None)], width)
    ]


def icon_array_lines(o: OutcomeData, width: int, styles: IconArrayStyles) -> list[Line]:
    """The outcome as lines at ``width``: a heading, the arrays (per 100 only), the
    numbers under each, the sentence, and the note."""
    width = max(1, width)
    out: list[Line] = []

    def words(text: str, style: Style) -> None:
        out.extend(wrap_runs([(text, style, None)], width))

    words(f"{o.measure[:1].upper()}{o.measure[1:]} · {o.time}", styles.icon_label)
    # Translators: {who} is who took part in the study, e.g. "adults with sciatica".
    words(_("Studied in: {who}").format(who=o.who), styles.icon_caption)
    if o.per == 100:
        out.append(([], 0, []))
        groups = [(o.group, o.count)]
        if _compared(o):
            groups.append((o.compared_with, o.comparison_count or 0))  # not None: compared
        if width >= GRID_WIDTH:
            beside = len(groups) == 2 and width >= 2 * GRID_WIDTH + GAP
            chunks = [groups] if beside else [[g] for g in groups]
            for k, chunk in enumerate(chunks):
                if k:
                    out.append(([], 0, []))
                out.extend(_grids(chunk, styles))
        else:  # too narrow for a grid: the numbers alone
            for name, count in groups:
                # Translators: {name} is the group, e.g. "a steroid shot".
                numbers = _("{count} in 100: {name}").format(count=count, name=name)
                words(numbers, styles.icon_caption)
    out.append(([], 0, []))
    words(outcome_sentence(o), Style())
    if o.note:
        words(o.note, styles.icon_caption)
    return out


def _grids(groups: list[tuple[str, int]], styles: IconArrayStyles) -> list[Line]:
    """One or two grids side by side, each titled with its group and counted under."""
    cols = len(groups)
    titles = [
        _label_lines(f"{name[:1].upper()}{name[1:]}", GRID_WIDTH, styles.icon_label)
        for name, _count in groups
    ]
    height = max(len(t) for t in titles)
    rows = [grid_rows(count) for _name, count in groups]
    # Translators: under a drawn grid of 100 people; keep it short (19 columns).
    counts = [_("{count} in 100").format(count=count) for _name, count in groups]
    lines: list[Line] = []

    def join(parts: list[list[Segment]], widths: list[int]) -> Line:
        segments: list[Segment] = []
        x = 0
        for j, (segs, w) in enumerate(zip(parts, widths, strict=True)):
            segments.extend(segs)
            x += w
            if j < cols - 1:
                pad = GRID_WIDTH - w + GAP
                segments.append(Segment(" " * pad))
                x += pad
        return segments, x, []

    for k in range(height):
        parts, widths = [], []
        for t in titles:
            text = t[k] if k < len(t) else ""
            parts.append([Segment(text, styles.icon_label)] if text else [])
            widths.append(text_width(text))
        lines.append(join(parts, widths))
    for r in range(SIDE):
        lines.append(join([_grid_segments(g[r], styles) for g in rows], [GRID_WIDTH] * cols))
    lines.append(
        join([[Segment(c, styles.icon_label)] for c in counts], [text_width(c) for c in counts])
    )
    return lines


def compact(o: OutcomeData) -> str:
    """A few words for a grid cell too small for an array: "54 vs 19 in 100"."""
    if _compared(o):
        # Translators: in a comparison cell, the treated group's number first.
        return _("{count} vs {comparison_count} in {per}").format(
            count=_n(o.count), comparison_count=_n(o.comparison_count), per=_n(o.per)
        )
    return _("{count} in {per}").format(count=_n(o.count), per=_n(o.per))
