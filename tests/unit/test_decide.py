"""The decision tools' data, without Textual: the factor -> row table, the order and
marks it gives the comparison, the summary built from the cells, the SURE items, the
``tool:`` link kind, and the state the idle reset clears."""

from __future__ import annotations

import pytest

from spinetui.decide import TOOL_IDS, DecisionState
from spinetui.decide.factors import (
    A_LITTLE,
    A_LOT,
    FACTORS,
    NOT_IMPORTANT,
    answer_lines,
    ordered_rows,
    row_marks,
    summary_lines,
)
from spinetui.decide.sure import SURE_ITEMS, result_lines
from spinetui.model import load_guide
from spinetui.model.types import Attribute, Cell, ComparisonTable, Treatment
from spinetui.render import MarkdownDocument, link_kind
from tests.conftest import BUNDLED, FIXTURES
from tests.fixtures.content_builder import article, build

ROWS = [
    Attribute(i, i.replace("-", " ").capitalize())
    for i in (
        "what-it-is",
        "relief-starts",
        "typical-cost",
        "serious-harms",
        "insurance",
    )
]
TREATMENTS = [Treatment("a", "Option A"), Treatment("b", "Option B")]
TABLE = ComparisonTable(
    tuple(TREATMENTS),
    tuple(ROWS),
    {
        ("relief-starts", "a"): Cell("Within days."),
        ("relief-starts", "b"): Cell("After weeks."),
        ("typical-cost", "a"): Cell("Often covered."),
        ("typical-cost", "b"): Cell("Often covered."),
        ("insurance", "a"): Cell("Yes."),
    },
)


def ids(rows):
    return [r.id for r in rows]


def test_nothing_chosen_keeps_the_table_order_and_marks_nothing():
    assert ids(ordered_rows(ROWS, {})) == ids(ROWS)
    assert row_marks({}, ids(ROWS)) == {}
    not_important = {f.id: NOT_IMPORTANT for f in FACTORS}
    assert ids(ordered_rows(ROWS, not_important)) == ids(ROWS)
    assert row_marks(not_important, ids(ROWS)) == {}


def test_a_lot_comes_before_a_little_and_nothing_is_left_out():
    matters = {"fast-relief": A_LITTLE, "cost": A_LOT}
    order = ids(ordered_rows(ROWS, matters))
    assert order == ["typical-cost", "insurance", "relief-starts", "what-it-is", "serious-harms"]
    assert sorted(order) == sorted(ids(ROWS))
    assert row_marks(matters, ids(ROWS)) == {
        "typical-cost": A_LOT,
        "insurance": A_LOT,
        "relief-starts": A_LITTLE,
    }


def test_rows_the_table_lacks_are_skipped():
    # "time-off" names recovery and time-in-clinic, neither of which is in this table.
    assert ids(ordered_rows(ROWS, {"time-off": A_LOT})) == ids(ROWS)
    assert row_marks({"time-off": A_LOT}, ids(ROWS)) == {}
    lines = summary_lines(TABLE, ROWS, TREATMENTS, {"time-off": A_LOT})
    assert ("note", "The comparison has no row about this.") in lines


def test_the_summary_quotes_the_cells_in_column_order_and_notes_when_they_agree():
    lines = summary_lines(TABLE, ROWS, TREATMENTS, {"fast-relief": A_LOT, "cost": A_LITTLE})
    assert lines[0] == ("heading", "* Fast relief (matters to you a lot)")
    assert ("cell", "Option A: Within days.") in lines
    assert ("cell", "Option B: After weeks.") in lines
    assert lines.index(("cell", "Option A: Within days.")) < lines.index(
        ("cell", "Option B: After weeks.")
    )
    assert ("note", "All the options shown say the same: Often covered.") in lines
    # A missing cell is said, never dropped (so no option looks better by omission).
    assert ("cell", "Option B: No information") in lines
    # The columns in another order: the summary follows them, it does not sort.
    flipped = summary_lines(TABLE, ROWS, TREATMENTS[::-1], {"fast-relief": A_LOT})
    assert flipped.index(("cell", "Option B: After weeks.")) < flipped.index(
        ("cell", "Option A: Within days.")
    )


def test_every_factor_finds_a_row_in_the_bundled_comparison():
    guide = load_guide(BUNDLED)
    present = {a.id for a in guide.comparison.attributes}
    missing = [f.id for f in FACTORS if not set(f.rows) & present]
    assert not missing, f"factors with no row in content/comparison.yaml: {missing}"


def test_answers_in_words_for_my_questions():
    assert answer_lines({"cost": A_LOT, "evidence": NOT_IMPORTANT}) == [
        "Cost: a lot",
        "Strength of the evidence: not important",
    ]


# ------------------------------------------------------------------ SURE
def test_sure_has_four_yes_no_items_and_each_no_has_a_next_step():
    assert len(SURE_ITEMS) == 4
    assert all(item.question.endswith("?") and item.if_no for item in SURE_ITEMS)
    assert result_lines({}) == ["You have not answered the questions yet."]
    all_no = result_lines({item.id: False for item in SURE_ITEMS})
    assert all_no[0] == "You said yes to 0 of 4 questions."
    for item in SURE_ITEMS:
        assert any(item.if_no in line for line in all_no)
    all_yes = result_lines({item.id: True for item in SURE_ITEMS})
    assert all_yes[0] == "You said yes to 4 of 4 questions."
    assert "You said yes to all four." in all_yes[1]
    partial = result_lines({"sure": True})
    assert partial[0] == "You said yes to 1 of 4 questions. 3 not answered yet."


def test_clear_forgets_every_answer_in_place():
    state = DecisionState()
    matters, sure = state.matters, state.sure
    state.matters["cost"] = A_LOT
    state.sure["sure"] = False
    assert not state.is_empty
    state.clear()
    assert state.is_empty
    assert state.matters is matters and state.sure is sure  # screens holding them see it


# ------------------------------------------------------------------ tool: links
def test_tool_links_are_a_kind_of_their_own():
    assert link_kind("tool:what-matters") == ("tool", "what-matters")
    assert link_kind("TOOL:sure") == ("tool", "sure")
    layout = MarkdownDocument("See [What matters to you](tool:what-matters).").layout(60)
    layout.lay_out_all()
    [target] = layout.targets()
    assert (target.kind, target.value, target.text) == (
        "tool",
        "what-matters",
        "What matters to you",
    )
    assert "tool:" not in layout.plain(0)  # drawn as its text, not as an address


@pytest.mark.parametrize("tool", TOOL_IDS)
def test_check_accepts_the_known_tools(tmp_path, tool):
    folder = build(tmp_path, articles={"one.md": article(body=f"# A\n\n[Open it](tool:{tool}).\n")})
    assert [p for p in load_guide(folder).problems if "tool" in p.message] == []


def test_check_reports_a_tool_link_to_nothing(tmp_path):
    folder = build(
        tmp_path, articles={"one.md": article(body="# A\n\n[Open it](tool:crystal-ball).\n")}
    )
    problems = [p for p in load_guide(folder).problems if "tool" in p.message]
    assert len(problems) == 1
    assert "links to tool 'crystal-ball', which spinetui does not have" in problems[0].message
    assert problems[0].line is not None


def test_the_decide_fixture_has_the_tool_links():
    guide = load_guide(FIXTURES / "decide-guide")
    body = guide.articles["questions"].body
    assert "(tool:what-matters)" in body and "(tool:sure)" in body
