"""Icon arrays in articles: the marks drawn equal the data, the sentence says the same,
rare events are words only, and every width gets something readable."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spinetui.model import Outcome
from spinetui.render import MarkdownDocument
from spinetui.render.icon_array import EMPTY, FILLED, compact, grid_rows, outcome_sentence

RELIEF = Outcome(
    id="esi-relief",
    option="esi",
    kind="benefit",
    measure="had at least half of their leg pain go away",
    who="adults with sciatica",
    time="1 month after the shot",
    per=100,
    group="a steroid shot",
    count=54,
    sources=("src",),
    compared_with="a shot of salt water",
    comparison_count=19,
    note="By 12 months the groups no longer differed.",
)
RARE = Outcome(
    id="esi-infection",
    option="esi",
    kind="harm",
    measure="had a deep infection of the spine",
    who="adults having single shots",
    time="within 90 days",
    per=10_000,
    group="an epidural shot",
    count=1,
    sources=("src",),
)
BODY = "# Shot\n\nWords.\n\n```outcome\nesi-relief\n```\n\n```outcome\nesi-infection\n```\n"


def _lines(body: str, width: int, **outcomes: Outcome) -> list[str]:
    layout = MarkdownDocument(
        body, outcomes=outcomes or {"esi-relief": RELIEF, "esi-infection": RARE}
    ).layout(width)
    layout.lay_out_all()
    return [layout.plain(y) for y in range(layout.height)]


def _grid_marks(lines: list[str]) -> list[str]:
    return [
        line for line in lines if set(line.replace(" ", "")) <= {FILLED, EMPTY} and line.strip()
    ]


def test_two_grids_side_by_side_hold_exactly_the_counts():
    lines = _lines(BODY, 80)
    rows = _grid_marks(lines)
    assert len(rows) == 10
    left = "".join(r[:19] for r in rows)
    right = "".join(r[19:] for r in rows)
    assert (left.count(FILLED), left.count(EMPTY)) == (54, 46)
    assert (right.count(FILLED), right.count(EMPTY)) == (19, 81)
    text = " ".join(" ".join(lines).split())
    assert (
        "About 54 in 100 people who had a steroid shot had at least half of their leg pain go "
        "away (1 month after the shot), compared with 19 in 100 people who had a shot of salt water."
    ) in text
    under = len(lines) - lines[::-1].index(rows[-1])  # the line after the last grid row
    assert lines[under].split() == ["54", "in", "100", "19", "in", "100"]
    assert "Studied in: adults with sciatica" in text
    assert "By 12 months the groups no longer differed." in text


def test_narrower_stacks_the_grids_and_narrowest_keeps_the_numbers():
    stacked = _grid_marks(_lines(BODY, 30))
    assert len(stacked) == 20
    assert sum(r.count(FILLED) for r in stacked[:10]) == 54
    assert sum(r.count(FILLED) for r in stacked[10:]) == 19
    tiny = _lines(BODY, 12)
    assert _grid_marks(tiny) == []
    joined = " ".join(" ".join(tiny).split())
    assert "54 in 100: a steroid shot" in joined and "19 in 100: a shot of salt water" in joined


def test_rare_events_are_words_not_dots():
    lines = _lines("```outcome\nesi-infection\n```\n", 80)
    assert _grid_marks(lines) == []
    assert (
        "1 in 10,000 people who had an epidural shot had a deep infection of the spine "
        "(within 90 days)." in " ".join(lines)
    )


def test_a_block_naming_no_dataset_shows_a_notice():
    lines = _lines("```outcome\nnope\n```\n", 80)
    assert lines == ["(The numbers named 'nope' are not in this guide's outcomes.yaml.)"]


def test_the_sentence_is_what_find_and_search_read():
    doc = MarkdownDocument(BODY, outcomes={"esi-relief": RELIEF})
    assert outcome_sentence(RELIEF) in doc.plain_text()
    assert "●" not in doc.plain_text()


def test_compact_form_for_small_cells():
    assert compact(RELIEF) == "54 vs 19 in 100"
    assert compact(RARE) == "1 in 10,000"


@given(st.integers(min_value=0, max_value=100))
def test_grid_rows_fill_row_by_row(count):
    rows = grid_rows(count)
    marks = "".join(r.replace(" ", "") for r in rows)
    assert len(rows) == 10 and len(marks) == 100
    assert marks == FILLED * count + EMPTY * (100 - count)


@pytest.mark.parametrize("width", [1, 5, 19, 20, 43, 44, 200])
def test_no_line_is_wider_than_the_width(width):
    from rich.cells import cell_len

    assert all(cell_len(line) <= width for line in _lines(BODY, width))
