"""The comparison's column rules: never fewer than two, reordering, differences only."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from spinetui.components.compare.columns import ColumnChoice, rows_that_differ
from spinetui.components.compare.evidence import evidence_badge
from spinetui.model.types import Attribute, Cell, ComparisonTable, Treatment

IDS = ("esi", "prp", "stem", "exercise")

TABLE = ComparisonTable(
    treatments=tuple(Treatment(i, i.upper(), i) for i in IDS),
    attributes=(
        Attribute("same", "Same"),
        Attribute("spacing", "Spacing"),
        Attribute("gap", "Gap"),
    ),
    cells={
        **{("same", i): Cell("Go home the same day.") for i in IDS},
        ("spacing", "esi"): Cell("One  visit."),
        ("spacing", "prp"): Cell("one visit. "),
        ("spacing", "stem"): Cell("Two visits."),
        ("gap", "esi"): Cell("Known."),
    },
)


def test_the_default_is_the_first_three_treatments():
    assert ColumnChoice.default(TABLE).chosen == ["esi", "prp", "stem"]


def test_rows_that_say_the_same_are_left_out():
    assert [a.id for a in rows_that_differ(TABLE, ["esi", "prp"])] == ["gap"]
    assert [a.id for a in rows_that_differ(TABLE, ["esi", "stem"])] == ["spacing", "gap"]
    # Missing cells count as "No information": the same for two treatments without one.
    assert [a.id for a in rows_that_differ(TABLE, ["prp", "stem"])] == ["spacing"]


def test_badges_use_words_and_dots():
    assert evidence_badge("moderate").plain == "●●●○ Moderate evidence"
    assert evidence_badge("very-low").plain == "●○○○ Very low evidence"
    assert evidence_badge(None) is None
    assert evidence_badge("[b]made up[/b]").plain == "Evidence: [b]made up[/b]"


operations = st.lists(
    st.tuples(
        st.sampled_from(["add", "remove", "move", "replace"]),
        st.sampled_from(IDS),
        st.integers(-3, 3),
    ),
    max_size=30,
)


@given(operations, st.lists(st.sampled_from(IDS), max_size=5))
def test_never_fewer_than_two_and_never_a_repeat(steps, replacement):
    choice = ColumnChoice.default(TABLE)
    for operation, treatment_id, step in steps:
        if operation == "add":
            choice.add(treatment_id)
        elif operation == "remove":
            choice.remove(treatment_id)
        elif operation == "move":
            choice.move(treatment_id, step)
        else:
            choice.replace(replacement)
        assert len(choice.chosen) >= 2
        assert len(set(choice.chosen)) == len(choice.chosen)
        assert set(choice.chosen) | set(choice.hidden) == set(IDS)


def test_move_keeps_everything_else_in_order():
    choice = ColumnChoice.default(TABLE)
    assert choice.move("stem", -2)
    assert choice.chosen == ["stem", "esi", "prp"]
    assert not choice.move("stem", -1)
