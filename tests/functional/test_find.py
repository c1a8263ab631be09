"""Finding a word in the open article: `/`, marks, "3 of 7", n / N, Esc."""

from __future__ import annotations

from textual.widgets import Input, Static

from spinetui.components.article.article_view import ArticleView
from spinetui.components.article.find_bar import (
    CURRENT_MATCH_STYLE,
    MATCH_STYLE,
    FindBar,
    find_in_lines,
)
from tests.conftest import FIXTURES
from tests.functional.helpers import make_app

SEARCH_GUIDE = FIXTURES / "search-guide"
SIZE = (110, 30)
# "careful" is in each of the 40 numbered paragraphs of the steroid article, once.
WORD = "careful"
COUNT = 40


def marked_on_screen(view: ArticleView) -> list[tuple[str, bool]]:
    """(text, is the current match) for every marked span drawn in the pane now."""
    marked = []
    for y in range(view.scrollable_content_region.height):
        for segment in view.render_line(y):
            style = segment.style
            if style is None or not segment.text.strip():
                continue
            if style.bgcolor == CURRENT_MATCH_STYLE.bgcolor:
                marked.append((segment.text, True))
            elif style.bgcolor == MATCH_STYLE.bgcolor:
                marked.append((segment.text, False))
    return marked


def count_text(app) -> str:
    return str(app.screen.query_one("#find-count", Static).render())


async def start_find(app, pilot, word: str = WORD) -> ArticleView:
    await pilot.pause()
    await pilot.press("slash")
    await pilot.pause()
    assert isinstance(app.focused, Input)
    await pilot.press(*word)
    await pilot.pause()
    return app.screen.query_one(ArticleView)


async def test_slash_opens_the_find_bar_and_marks_every_match():
    app = make_app(SEARCH_GUIDE, start_article="steroid")
    async with app.run_test(size=SIZE) as pilot:
        view = await start_find(app, pilot)
        assert count_text(app) == f"1 of {COUNT}"
        marked = marked_on_screen(view)
        assert marked and all(text.lower() == WORD for text, _ in marked)
        assert [current for _, current in marked].count(True) == 1


async def test_opening_the_find_bar_leaves_the_article_where_it_was():
    app = make_app(SEARCH_GUIDE, start_article="steroid")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await pilot.press("end")
        before = view.scroll_offset.y
        await pilot.press("slash")
        await pilot.pause()
        assert view.scroll_offset.y == before
        await pilot.press(*"shot")
        await pilot.pause()
        assert view.scroll_offset.y == before  # the current match is already on screen
        assert count_text(app).endswith("of 44")


async def test_enter_n_and_shift_n_move_between_matches_and_scroll_to_them():
    app = make_app(SEARCH_GUIDE, start_article="steroid")
    async with app.run_test(size=SIZE) as pilot:
        view = await start_find(app, pilot)
        await pilot.press("enter")
        assert count_text(app) == f"2 of {COUNT}"
        await pilot.press("up")
        assert count_text(app) == f"1 of {COUNT}"
        # Leave the text box for the article; n and N work from there.
        await pilot.press("tab")
        assert app.focused is view
        for _ in range(29):
            await pilot.press("n")
        await pilot.pause()
        assert count_text(app) == f"30 of {COUNT}"
        assert view.scroll_offset.y > 0
        current = [text for text, is_current in marked_on_screen(view) if is_current]
        assert current == [WORD]  # the 30th match is on screen, marked as current
        await pilot.press("N")
        assert count_text(app) == f"29 of {COUNT}"


async def test_moving_past_the_last_match_goes_round_and_says_so():
    app = make_app(SEARCH_GUIDE, start_article="steroid")
    async with app.run_test(size=SIZE) as pilot:
        await start_find(app, pilot)
        await pilot.press("up")
        assert count_text(app) == f"{COUNT} of {COUNT} (from the end)"
        await pilot.press("down")
        assert count_text(app) == f"1 of {COUNT} (from the start)"


async def test_finding_ignores_case():
    app = make_app(SEARCH_GUIDE, start_article="steroid")
    async with app.run_test(size=SIZE) as pilot:
        await start_find(app, pilot, "CaReFuL")
        assert count_text(app) == f"1 of {COUNT}"


async def test_a_word_that_is_not_there_says_no_matches():
    app = make_app(SEARCH_GUIDE, start_article="steroid")
    async with app.run_test(size=SIZE) as pilot:
        view = await start_find(app, pilot, "zebra")
        assert count_text(app) == "No matches"
        assert marked_on_screen(view) == []
        await pilot.press("enter")  # nothing to move to, nothing breaks
        assert count_text(app) == "No matches"


async def test_escape_clears_the_marks_and_closes_the_bar():
    app = make_app(SEARCH_GUIDE, start_article="steroid")
    async with app.run_test(size=SIZE) as pilot:
        view = await start_find(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query(FindBar)
        assert marked_on_screen(view) == []
        assert app.focused is view


async def test_escape_in_the_article_also_closes_the_bar():
    app = make_app(SEARCH_GUIDE, start_article="steroid")
    async with app.run_test(size=SIZE) as pilot:
        view = await start_find(app, pilot)
        await pilot.press("tab", "escape")
        await pilot.pause()
        assert not app.screen.query(FindBar)
        assert marked_on_screen(view) == []


async def test_n_without_a_word_to_find_says_how():
    app = make_app(SEARCH_GUIDE, start_article="steroid")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert any("Press / and type a word" in n.message for n in app._notifications)


async def test_the_same_word_is_found_in_the_next_article_opened():
    app = make_app(SEARCH_GUIDE, start_article="steroid")
    async with app.run_test(size=SIZE) as pilot:
        view = await start_find(app, pilot, "blood")
        assert count_text(app) == "No matches"
        await pilot.press("tab", "right_square_bracket")  # the next article: Plasma shots
        await pilot.pause()
        assert view.article_id == "plasma"
        assert count_text(app) == "2 matches"
        assert [text for text, _ in marked_on_screen(view)] == ["blood", "blood"]
        await pilot.press("n")
        assert count_text(app) == "1 of 2"


async def test_a_narrower_window_rewraps_the_article_and_the_marks_follow():
    app = make_app(SEARCH_GUIDE, start_article="steroid")
    async with app.run_test(size=SIZE) as pilot:
        view = await start_find(app, pilot)
        await pilot.resize_terminal(50, 30)
        await pilot.pause()
        await pilot.pause()
        marked = marked_on_screen(view)
        assert marked and all(text.lower() == WORD for text, _ in marked)
        assert count_text(app).endswith(f"of {COUNT}")


def test_matches_are_found_by_cell_position_in_each_line():
    lines = ["Wide 椎間板 nerve, Nerve", "no", "NERVE"]
    matches = find_in_lines(lines, "nerve")
    # "椎間板" takes two cells per character, so "nerve" starts at cell 12.
    assert [(m.y, m.x0, m.x1) for m in matches] == [(0, 12, 17), (0, 19, 24), (2, 0, 5)]
    assert find_in_lines(lines, "   ") == []
