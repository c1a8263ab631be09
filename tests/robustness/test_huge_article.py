"""A huge article of many short blocks: its first screen shows, and the reader answers
keys while the rest is still parsed and laid out (issue 16; render/chunks.py), and End,
a heading far down, find and the searched words get there in steps.

No timing here (benchmarks/open_huge.py measures it): the tests check what the reader
shows, and the order of events. The layout steps keep running on their timer, but a
gate holds their work while keys are sent, so that "the key was answered before the
layout got there" does not depend on how fast the machine is.
"""

from __future__ import annotations

import pytest

from spinetui.app import SpineApp
from spinetui.components.article import article_view
from spinetui.components.article.article_view import ArticleView
from spinetui.render.layout import DocumentLayout
from spinetui.services import Services
from tests.fixtures.content_builder import article
from tests.functional.helpers import until, visible_text
from tests.robustness.test_hostile_files import SIZE, guide_with


class Gate:
    """Holds the layout steps' work while closed; logs each step and each key."""

    def __init__(self) -> None:
        self.open = True
        self.log: list[str] = []

    def steps_since(self, event: str) -> int:
        at = len(self.log) - 1 - self.log[::-1].index(event)
        return self.log[at:].count("step")


@pytest.fixture
def gate(monkeypatch):
    gate = Gate()
    lay_out_more = DocumentLayout.lay_out_more
    step = ArticleView._lay_out_step

    def held(self, max_blocks=50):
        # Closed: no work, and "done" for this step (so that the step ends at once).
        return lay_out_more(self, max_blocks) if gate.open else True

    def logged(self):
        gate.log.append("step")
        step(self)

    monkeypatch.setattr(DocumentLayout, "lay_out_more", held)
    monkeypatch.setattr(ArticleView, "_lay_out_step", logged)
    monkeypatch.setattr(article_view, "LAYOUT_STEP_BLOCKS", 40)
    return gate


async def press(pilot, gate: Gate, *keys: str) -> None:
    gate.log.append("key")
    await pilot.press(*keys)
    await pilot.pause()


def short_blocks(size: int) -> str:
    """About ``size`` bytes of headings, short paragraphs, lists, tables and quotes."""
    parts = ["# Huge\n\nFIRSTWORDS of the huge article.\n\n"]
    total = part = 0
    while total < size:
        block = (
            f"## Part {part}\n\nA short line about part {part}.\n\n"
            f"- a point\n- another point\n\n| a | b |\n|---|---|\n| {part} | x |\n\n"
            f"> a quote in part {part}\n\nOne more short paragraph.\n\n"
        )
        parts.append(block)
        total += len(block)
        part += 1
    return "".join(parts) + "LASTWORDS of the huge article.\n"


def huge_app(tmp_path, size: int = 400_000) -> SpineApp:
    # Chunked like 5 MB (from 200 KB), and quicker to test.
    body = short_blocks(size)
    guide = guide_with(tmp_path, {"huge.md": article("huge", order="2", body=body)})
    return SpineApp(Services(guide), start_article="huge")


async def test_a_huge_article_shows_its_first_screen_and_answers_keys_while_laid_out(
    tmp_path, gate
):
    app = huge_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert "FIRSTWORDS of the huge article." in visible_text(view)
        document = view.document
        assert document is not None and not document.parsed  # the rest is still to come
        # The contents list has every part's heading from the start.
        assert document.headings[-1].text == f"Part {len(document.headings) - 2}"
        layout = view.layout_now
        assert layout is not None
        gate.open = False
        await press(pilot, gate, "end")  # the end of the whole article, not of what is parsed
        # End does not lay the rest out at once (the screen would freeze): a note says
        # how far it has got, and keys are answered meanwhile.
        assert not layout.complete
        assert "Going there" in visible_text(view)
        await press(pilot, gate, "slash")  # find: the bar opens while the article is laid out
        bar = app.screen.query_one("FindBar")
        assert bar.display and "a word in this article" in str(bar.query_one("Input").placeholder)
        await press(pilot, gate, "escape")
        await until(pilot, lambda: gate.steps_since("key") > 2)
        assert not layout.complete and not document.parsed  # steps came between the keys
        gate.open = True
        await until(pilot, lambda: layout.complete)
        await pilot.pause()
        assert "LASTWORDS of the huge article." in visible_text(view)
        assert "Going there" not in visible_text(view)
        assert document.parsed


async def test_find_in_a_huge_article_finds_a_word_near_its_end_without_waiting_for_it(
    tmp_path, gate
):
    app = huge_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        layout = view.layout_now
        assert layout is not None
        gate.open = False
        await press(pilot, gate, "slash", *"lastwords")
        bar = app.screen.query_one("FindBar")
        # Typing was answered before the article was laid out as far as the word.
        assert not layout.complete and bar.current is None and bar.text == "lastwords"
        assert str(bar.count_text()) == "Looking…"
        gate.open = True
        await until(pilot, lambda: bar.current is not None)
        await pilot.pause()
        match = bar.matches[bar.current]
        assert layout.plain(match.y).startswith("LASTWORDS of the huge article.")
        assert view.line_in_view(match.y)
        assert "LASTWORDS of the huge article." in visible_text(view)
        assert str(bar.count_text()) == "1 of 1"


async def test_searched_words_are_marked_in_a_huge_article_as_it_is_laid_out(tmp_path, gate):
    app = huge_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        layout = view.layout_now
        assert layout is not None
        reader = app.screen
        gate.open = False
        reader.mark_words(("firstwords", "lastwords"))  # as a search result opened does
        await pilot.pause()
        # The first screen's word is marked at once; the screen did not wait for the rest.
        assert not layout.complete
        assert [layout.plain(m.y)[m.x0 : m.x1] for m in reader._word_marks] == ["FIRSTWORDS"]
        gate.open = True
        await until(pilot, lambda: len(reader._word_marks) == 2)
        await pilot.press("n", "n")  # the first mark (on screen), then the last one
        await pilot.pause()
        assert "LASTWORDS of the huge article." in visible_text(view)


async def test_a_heading_far_down_a_huge_article_is_gone_to_in_steps(tmp_path, gate):
    app = huge_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        document = view.document
        assert document is not None
        far = document.headings[-5]  # "Part N", near the end
        gate.open = False
        app.screen.open_article("huge", far.anchor)  # as the contents or a link does
        await pilot.pause()
        layout = view.layout_now
        assert layout is not None and not layout.complete
        assert "Going there" in visible_text(view)
        await press(pilot, gate, "slash")  # answered while the steps go on
        assert app.screen.query_one("FindBar").display and view.top_anchor != far.anchor
        await press(pilot, gate, "escape")
        gate.open = True
        await until(pilot, lambda: view.top_anchor == far.anchor)
        await pilot.pause()
        assert visible_text(view).lstrip().startswith(far.text)
        assert "Going there" not in visible_text(view)
