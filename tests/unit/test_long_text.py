"""The cell detail panel's wrapper for long texts breaks lines as the renderer's does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.style import Style

from spinetui.components.compare.long_text import wrap_plain, wrap_text_runs
from spinetui.render.wrap import HARD, wrap_runs

BOLD = Style(bold=True)


@settings(max_examples=300, deadline=None)
@given(text=st.text("ab c", max_size=60), width=st.integers(1, 14))
def test_a_plain_paragraph_is_broken_exactly_as_wrap_runs_breaks_it(text, width):
    assert wrap_plain(text, BOLD, width) == wrap_runs([(text, BOLD, None)], width)


def test_spaces_at_a_break_go_and_a_long_word_is_broken():
    lines = wrap_plain("  one  two three abcdefghijkl x", None, 9)
    assert [line[0][0].text for line in lines] == ["one  two", "three", "abcdefghi", "jkl x"]
    assert [line[1] for line in lines] == [8, 5, 9, 5]


@settings(max_examples=200, deadline=None)
@given(
    paragraphs=st.lists(st.text("ab é", max_size=30), min_size=1, max_size=5),
    width=st.integers(1, 12),
)
def test_paragraphs_are_wrapped_as_the_whole_text_is(paragraphs, width):
    runs = []
    for index, paragraph in enumerate(paragraphs):
        if index:
            runs.append(HARD)
        if paragraph:
            runs.append((paragraph, None, None))
    runs.append(HARD)  # the detail text ends with a newline
    assert wrap_text_runs(runs, width) == wrap_runs(runs, width)
