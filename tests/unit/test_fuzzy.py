"""The palette's fuzzy matcher: right answers, and work and memory with a fixed bound
(issue 14, finding 2: Textual's matcher took 4 GB on a 260-character name)."""

from __future__ import annotations

import tracemalloc

import pytest

from spinetui.components import fuzzy

# A 260-character comparison row label full of "e"s, as the red team used.
LONG_LABEL = ("Evidence the experts rate as weaker, see every reference here " * 5)[:259] + "e"


def test_letters_are_found_in_order_whatever_the_case():
    score, offsets = fuzzy.match("PlSh", "Plasma shots")
    assert score > 0
    assert "".join("Plasma shots"[i] for i in offsets).lower() == "plsh"
    assert fuzzy.match("xyz", "Plasma shots") == (0.0, ())
    assert fuzzy.match("   ", "Plasma shots") == (0.0, ())


def test_word_starts_and_letters_together_score_higher():
    first, _ = fuzzy.match("ci", "Cost information")
    second, _ = fuzzy.match("ci", "medicine")
    assert first > second
    near, _ = fuzzy.match("cost", "Cost")
    far, _ = fuzzy.match("cost", "Chronic back pain, or sciatica, treatment")
    assert near > far


@pytest.mark.parametrize("query", ["e" * 20, "e" * 12, "e" * 2000, "ee ee " * 300])
def test_a_long_name_and_a_query_of_repeated_letters_take_bounded_work(query, monkeypatch):
    scored = []
    score = fuzzy._score
    monkeypatch.setattr(fuzzy, "_score", lambda *a: scored.append(a) or score(*a))
    tracemalloc.start()
    try:
        result, offsets = fuzzy.match(query, LONG_LABEL)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result > 0
    assert len(offsets) == min(len("".join(query.split())), fuzzy.MAX_QUERY)
    assert all(LONG_LABEL[i].lower() == "e" for i in offsets)
    assert len(scored) <= fuzzy.MAX_STARTS  # candidates scored, each one linear
    assert peak < 256 * 1024  # bytes: a few lists of offsets, nothing that grows


def test_a_name_longer_than_the_limit_is_matched_on_its_start():
    name = "a" * fuzzy.MAX_NAME + "z"
    assert fuzzy.match("z", name) == (0.0, ())
    assert fuzzy.match("a", name)[0] > 0
