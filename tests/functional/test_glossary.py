"""The A-Z glossary (`g`) and a term's card, from the glossary or from a marked word."""

from __future__ import annotations

from textual.widgets import Button, Input, OptionList, Static

from spinetui.components.article.article_view import ArticleView
from spinetui.components.find.glossary_screen import GlossaryScreen
from spinetui.components.find.term_screen import TermScreen
from spinetui.components.reader.reader_screen import ReaderScreen
from tests.conftest import FIXTURES
from tests.functional.helpers import make_app, visible_text

SEARCH_GUIDE = FIXTURES / "search-guide"
SIZE = (110, 36)


async def open_glossary(app, pilot) -> GlossaryScreen:
    await pilot.pause()
    await pilot.press("g")
    await pilot.pause()
    assert isinstance(app.screen, GlossaryScreen)
    return app.screen


def listed(screen: GlossaryScreen) -> list[str]:
    """Each line of the list's first rows: letter headings and term names."""
    options = screen.query_one("#glossary-terms", OptionList).options
    return [option.prompt.plain.split("\n")[0] for option in options]


def status(screen: GlossaryScreen) -> str:
    return str(screen.query_one("#glossary-status", Static).render())


async def test_g_lists_every_term_a_to_z_under_letter_headings():
    app = make_app(SEARCH_GUIDE)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_glossary(app, pilot)
        assert listed(screen) == [
            " A ",
            "anesthetic (also: numbing medicine)",
            " N ",
            "nerve root (also: nerve roots)",
            " S ",
            "sciatica",
            " Z ",
            "zygapophyseal joint (also: facet joint)",
            " # ",
            "[bold]odd[/bold] term",  # content that looks like markup stays text
        ]
        assert status(screen).startswith("5 words.")
        assert app.focused is screen.query_one("#glossary-filter", Input)


async def test_typing_filters_by_name_then_by_definition():
    app = make_app(SEARCH_GUIDE)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_glossary(app, pilot)
        await pilot.press(*"nerve")
        await pilot.pause()
        # By name first, then the term whose definition mentions a nerve.
        assert listed(screen) == ["nerve root (also: nerve roots)", "sciatica"]
        assert status(screen) == "2 words match “nerve”."


async def test_one_letter_shows_the_words_listed_under_it():
    app = make_app(SEARCH_GUIDE)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_glossary(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        assert listed(screen) == ["sciatica"]


async def test_a_filter_that_matches_nothing_says_what_to_do():
    app = make_app(SEARCH_GUIDE)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_glossary(app, pilot)
        await pilot.press(*"qzxv")
        await pilot.pause()
        assert listed(screen) == []
        assert "No words match “qzxv”" in status(screen)
        assert "s to search the whole guide" in status(screen)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen


async def test_enter_shows_the_card_and_read_more_opens_the_article():
    app = make_app(SEARCH_GUIDE)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_glossary(app, pilot)
        await pilot.press(*"sciat", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TermScreen)
        card = str(app.screen.query_one("#term-definition", Static).render())
        assert card.startswith("sciatica") and "down the back of the leg" in card
        read_more = app.screen.query_one("#term-read-more", Button)
        assert str(read_more.label) == "Read more: How your spine works"
        assert app.focused is read_more
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen  # back to the glossary, filter kept
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # the Read more button
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.query_one(ArticleView).article_id == "spine"


async def test_a_term_without_an_article_has_no_read_more():
    app = make_app(SEARCH_GUIDE)
    async with app.run_test(size=SIZE) as pilot:
        await open_glossary(app, pilot)
        await pilot.press(*"anest", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TermScreen)
        assert not app.screen.query("#term-read-more")
        await pilot.press("r")  # the Read more key explains instead of failing
        await pilot.pause()
        assert isinstance(app.screen, TermScreen)
        assert any("no article" in n.message for n in app._notifications)


async def test_escape_closes_the_glossary_and_the_filter_is_not_kept():
    app = make_app(SEARCH_GUIDE)
    async with app.run_test(size=SIZE) as pilot:
        await open_glossary(app, pilot)
        await pilot.press(*"nerve", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        screen = await open_glossary(app, pilot)
        assert screen.query_one("#glossary-filter", Input).value == ""


async def test_a_marked_word_opens_its_card_by_keyboard_and_the_place_is_kept():
    app = make_app(SEARCH_GUIDE, start_article="spine")
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await pilot.press("down", "down", "down")
        while (target := view.selected_target) is None or target.kind != "term":
            await pilot.press("l")  # select the next link or marked word
        before = view.scroll_offset.y
        assert before > 0
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TermScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert view.article_id == "spine"
        assert view.scroll_offset.y == before
        assert view.selected_target == target


async def test_a_marked_word_opens_its_card_with_a_click_and_closes_with_a_click_outside():
    app = make_app(SEARCH_GUIDE, start_article="spine")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        before = view.scroll_offset.y
        target = next(t for t in view.lay_out_all().targets() if t.kind == "term")
        margin = view._margin
        region = view.scrollable_content_region
        await pilot.click(
            view, offset=(region.x - view.region.x + margin + target.x0, target.y - before)
        )
        await pilot.pause()
        assert isinstance(app.screen, TermScreen)
        assert target.text.lower() in str(app.screen.query_one("#term-definition", Static).render())
        await pilot.click(offset=(1, 1))  # outside the card
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert view.scroll_offset.y == before
        assert "nerve root" in visible_text(view)
