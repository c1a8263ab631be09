"""Searching the whole guide with `s`: results as you type, marked words, going there."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.widgets import Input, OptionList, Static

from spinetui.components.article.article_view import ArticleView
from spinetui.components.compare.comparison_screen import ComparisonScreen
from spinetui.components.find.search_screen import MATCH_STYLE, SearchScreen
from spinetui.components.find.term_screen import TermScreen
from spinetui.components.reader.reader_screen import ReaderScreen
from tests.conftest import FIXTURES
from tests.functional.helpers import make_app, visible_text

SEARCH_GUIDE = FIXTURES / "search-guide"
SIZE = (110, 36)


async def open_search(app, pilot) -> SearchScreen:
    await pilot.press("s")
    await pilot.pause()
    await app.workers.wait_for_complete()  # the index is built in a worker thread
    await pilot.pause()
    assert isinstance(app.screen, SearchScreen)
    return app.screen


async def type_query(pilot, text: str) -> None:
    await pilot.press(*text)
    await pilot.pause()


def status(screen: SearchScreen) -> str:
    return str(screen.query_one("#search-status", Static).render())


def prompts(screen: SearchScreen) -> list[Text]:
    return [option.prompt for option in screen.query_one("#search-results", OptionList).options]


def marked_words(prompt: Text) -> list[str]:
    return [
        prompt.plain[span.start : span.end] for span in prompt.spans if span.style == MATCH_STYLE
    ]


async def choose(pilot, screen: SearchScreen, contains: str) -> None:
    """Move the highlight down to the first result whose text contains `contains`."""
    texts = [prompt.plain for prompt in prompts(screen)]
    target = next(i for i, text in enumerate(texts) if contains in text)
    for _ in range(target):
        await pilot.press("down")
    assert contains in texts[screen.query_one("#search-results", OptionList).highlighted]


async def test_s_opens_search_and_results_follow_each_keystroke():
    app = make_app(SEARCH_GUIDE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_search(app, pilot)
        assert "Type a word" in status(screen)
        await type_query(pilot, "hea")
        assert any("What can go wrong" in p.plain for p in prompts(screen))
        await type_query(pilot, "dache")
        assert "results for “headache”" in status(screen) or "1 result for" in status(screen)
        assert all("headache" in p.plain.lower() for p in prompts(screen))


async def test_the_index_is_not_built_before_the_first_search():
    app = make_app(SEARCH_GUIDE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.services.search_index_built
        await open_search(app, pilot)
        assert app.services.search_index_built


async def test_matching_words_are_marked_in_titles_headings_and_snippets():
    app = make_app(SEARCH_GUIDE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_search(app, pilot)
        await type_query(pilot, "written price")
        article = next(p for p in prompts(screen) if p.plain.startswith("Article:"))
        assert "Steroid shots › Cost" in article.plain
        assert marked_words(article) == ["written", "price"]


async def test_enter_opens_the_article_at_the_matching_section():
    app = make_app(SEARCH_GUIDE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_search(app, pilot)
        await type_query(pilot, "written price")
        await choose(pilot, screen, "Steroid shots › Cost")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one(ArticleView)
        assert view.article_id == "steroid"
        # The cost part is far below the top of this long article.
        assert view.scroll_offset.y > 40
        assert "Ask the clinic for a written price" in " ".join(visible_text(view).split())
        assert app.focused is view


async def test_a_title_match_opens_the_article_at_the_top():
    app = make_app(SEARCH_GUIDE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_search(app, pilot)
        await type_query(pilot, "plasma shots")
        first = prompts(screen)[0]
        assert first.plain.startswith("Article: Plasma shots")
        assert "Shots made from your own blood." in first.plain  # the summary
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert view.article_id == "plasma"
        assert view.scroll_offset.y == 0


async def test_a_comparison_result_opens_the_table_at_its_cell():
    app = make_app(SEARCH_GUIDE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_search(app, pilot)
        await type_query(pilot, "insurance")
        await choose(pilot, screen, "Comparison: Typical cost — Plasma shot")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ComparisonScreen)
        attribute, treatment = app.screen.grid.selected
        assert (attribute.id, treatment.id) == ("cost", "plasma")


async def test_a_glossary_result_opens_its_card_and_escape_returns_to_the_results():
    app = make_app(SEARCH_GUIDE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_search(app, pilot)
        await type_query(pilot, "facet")
        await choose(pilot, screen, "Glossary: zygapophyseal joint")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TermScreen)
        definition = str(app.screen.query_one("#term-definition", Static).render())
        assert "A small joint at the back of each vertebra." in definition
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#search-input", Input).value == "facet"


async def test_a_result_can_be_opened_with_the_mouse():
    app = make_app(SEARCH_GUIDE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_search(app, pilot)
        await type_query(pilot, "discs")
        results = screen.query_one("#search-results", OptionList)
        await pilot.click(results, offset=(4, 1))
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.query_one(ArticleView).article_id == "spine"


async def test_no_results_says_so_and_enter_explains():
    app = make_app(SEARCH_GUIDE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_search(app, pilot)
        await type_query(pilot, "qzxv")
        assert "No results for “qzxv”" in status(screen)
        assert prompts(screen) == []
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert any("no result to open" in n.message for n in app._notifications)


async def test_a_question_finds_places_with_some_of_its_words():
    app = make_app(SEARCH_GUIDE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_search(app, pilot)
        await type_query(pilot, "how much does a plasma shot cost in zanzibar")
        assert "with some of the words" in status(screen)
        assert prompts(screen)


async def test_content_that_looks_like_markup_is_shown_as_text():
    app = make_app(SEARCH_GUIDE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_search(app, pilot)
        await type_query(pilot, "odd")
        text = prompts(screen)[0].plain
        assert "[bold]odd[/bold] term" in text
        await type_query(pilot, " quit")
        assert app.is_running


async def test_escape_closes_search_and_the_article_is_where_it_was():
    app = make_app(SEARCH_GUIDE, start_article="steroid")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await pilot.press("pagedown", "pagedown")
        before = view.scroll_offset.y
        await open_search(app, pilot)
        await type_query(pilot, "nerve")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert view.article_id == "steroid" and view.scroll_offset.y == before


async def test_search_reopens_with_the_last_query_and_its_results():
    # Issue 13: search keeps its query and results while the app runs (a kiosk reset
    # forgets them: test_kiosk.py::test_starting_over_forgets_the_search_text).
    app = make_app(SEARCH_GUIDE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_search(app, pilot)
        await type_query(pilot, "nerve")
        await pilot.press("escape")
        screen = await open_search(app, pilot)
        assert screen.query_one("#search-input", Input).value == "nerve"
        assert prompts(screen) != []


HOSTILE_QUERIES = [
    pytest.param('"', id="lone quote"),
    pytest.param('"nerve root', id="unclosed quote"),
    pytest.param("covid-19", id="hyphen"),
    pytest.param("it's", id="apostrophe"),
    pytest.param("NEAR(", id="NEAR open"),
    pytest.param("NEAR(nerve root, 2)", id="NEAR query"),
    pytest.param("nerve*", id="star"),
    pytest.param("*", id="star alone"),
    pytest.param("^nerve", id="caret"),
    pytest.param("nerve OR NOT AND", id="operators"),
    pytest.param("title:nerve", id="column filter"),
    pytest.param("{title heading}:nerve", id="column set"),
    pytest.param("((nerve)", id="brackets"),
    pytest.param("[bold]nerve[/bold]", id="textual markup"),
    pytest.param("[@click=app.quit]nerve[/]", id="click markup"),
    pytest.param("😀 nerve 😀", id="emoji"),
    pytest.param("😀", id="emoji only"),
    pytest.param("café naïve", id="accents"),
    pytest.param("椎間板ヘルニア", id="japanese"),
    pytest.param("\x1b[31mnerve\x07\x00", id="control characters"),
    pytest.param("\u202enerve\u200b", id="bidi and zero width"),
    pytest.param("\ue000nerve\ue001", id="private use marks"),
    pytest.param("nerve " * 2_000, id="10,000-character paste"),
    pytest.param("x" * 10_000, id="10,000-character word"),
    pytest.param("   ", id="spaces"),
]


@pytest.mark.parametrize("text", HOSTILE_QUERIES)
async def test_any_query_is_safe(text):
    app = make_app(SEARCH_GUIDE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_search(app, pilot)
        screen.query_one("#search-input", Input).value = text  # as if pasted
        await pilot.pause()
        said = status(screen)
        if prompts(screen):
            assert "result" in said
        elif text.strip():
            assert "No results" in said or "Type letters or numbers" in said, said
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
