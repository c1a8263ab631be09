"""Jump to (Ctrl+P): articles, headings, glossary words and comparison rows by name."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widgets import OptionList

from spinetui.components.article.article_view import ArticleView
from spinetui.components.compare.comparison_screen import ComparisonScreen
from spinetui.components.find.term_screen import TermScreen
from spinetui.components.palette import (
    LANGUAGE_KIND,
    MY_QUESTIONS_KIND,
    JumpToProvider,
    destinations,
)
from spinetui.components.reader.reader_screen import ReaderScreen
from tests.conftest import FIXTURES
from tests.functional.helpers import make_app, visible_text

SEARCH_GUIDE = FIXTURES / "search-guide"
SIZE = (110, 36)


async def palette(app, pilot, text: str) -> list[str]:
    """Open the palette, type `text`, and return what it lists (plain text)."""
    await pilot.pause()
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(app.screen, CommandPalette)
    await pilot.press(*text)
    await app.workers.wait_for_complete()
    await pilot.pause(0.1)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return [str(option.prompt) for option in app.screen.query_one(OptionList).options]


async def test_an_article_is_found_by_part_of_its_name_and_opened():
    app = make_app(SEARCH_GUIDE)
    async with app.run_test(size=SIZE) as pilot:
        listed = await palette(app, pilot, "plasm")
        assert listed[0] == "Plasma shots\nArticle"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.query_one(ArticleView).article_id == "plasma"


async def test_a_heading_opens_its_article_there():
    app = make_app(SEARCH_GUIDE)
    async with app.run_test(size=SIZE) as pilot:
        listed = await palette(app, pilot, "cost")
        row = listed.index("Cost\nHeading in Steroid shots")
        for _ in range(row):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert view.article_id == "steroid"
        assert view.scroll_offset.y > 40  # far down this long article
        assert "Ask the clinic for a written price" in " ".join(visible_text(view).split())


async def test_a_glossary_word_opens_its_card():
    app = make_app(SEARCH_GUIDE)
    async with app.run_test(size=SIZE) as pilot:
        listed = await palette(app, pilot, "sciatica")
        assert listed[0] == "sciatica\nGlossary word"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TermScreen)


async def test_a_comparison_row_opens_the_table_at_that_row():
    app = make_app(SEARCH_GUIDE)
    async with app.run_test(size=SIZE) as pilot:
        listed = await palette(app, pilot, "what can go wrong")
        row = listed.index("What can go wrong\nRow of the comparison table")
        for _ in range(row):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ComparisonScreen)
        attribute, _treatment = app.screen.grid.selected
        assert attribute.id == "risks"


async def test_names_that_look_like_markup_are_shown_as_typed():
    app = make_app(SEARCH_GUIDE)
    async with app.run_test(size=SIZE) as pilot:
        listed = await palette(app, pilot, "odd term")
        assert "[bold]odd[/bold] term\nGlossary word" in listed


async def test_the_palette_lists_the_articles_before_anything_is_typed():
    app = make_app(SEARCH_GUIDE)
    async with app.run_test(size=SIZE) as pilot:
        listed = await palette(app, pilot, "")
        for title in ("Welcome", "How your spine works", "Steroid shots", "Plasma shots"):
            assert f"{title}\nArticle" in listed


async def test_the_jump_to_provider_only_navigates():
    """Nothing it offers writes files, opens pages or quits: safe in kiosk mode too."""
    app = make_app(SEARCH_GUIDE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        kinds = {destination.kind.split(" in ")[0] for destination in destinations(app)}
        # Decision tools open a screen whose answers stay in memory (no file, no page).
        assert kinds == {
            "Article",
            "Heading",
            "Glossary word",
            "Row of the comparison table",
            "Decision tool",
            MY_QUESTIONS_KIND,  # a screen of the visit, not a file or a way out
            LANGUAGE_KIND,  # the same guide in another language
        }
        provider = JumpToProvider(app.screen)
        hits = [hit async for hit in provider.search("quit")]
        hits += [hit async for hit in provider.search("screenshot")]
        assert all("quit" not in (hit.text or "").lower() for hit in hits)
        assert all("screenshot" not in (hit.text or "").lower() for hit in hits)
