"""Reading in Spanish and switching language with Pilot: the start language, Ctrl+L and
the palette's switch at the same article and section, answers and ticks kept, and the
kiosk's start screen choice, which every idle reset forgets."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from spinetui.app import SpineApp
from spinetui.components.kiosk.attract_screen import AttractScreen
from spinetui.components.reader.reader_screen import ReaderScreen
from spinetui.i18n import get_language, set_language
from spinetui.kiosk.policy import KioskPolicy
from spinetui.services import load_services
from tests.conftest import BUNDLED
from tests.functional.test_kiosk import go_idle, tap, use_fake_clock

SIZE = (120, 40)


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    set_language("en")  # the catalog is process-wide: leave the next test in English


def bundled_app(lang: str = "en", **kwargs) -> SpineApp:
    kiosk = kwargs.get("kiosk")
    return SpineApp(load_services(BUNDLED, lang, kiosk=kiosk is not None), **kwargs)


def kiosk_app(lang: str = "en") -> SpineApp:
    return bundled_app(lang, kiosk=KioskPolicy(enabled=True, attract_seconds=600.0))


def header_title(app) -> str:
    return str(app.screen.query_one("#header-title", Static).render())


async def settle(pilot, times: int = 3) -> None:
    for _ in range(times):
        await pilot.pause()


async def test_a_spanish_start_shows_the_spanish_guide_and_ui():
    app = bundled_app("es")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert get_language() == "es"
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article_view.article_id == "welcome"
        assert "Dolor de espalda" in header_title(app)
        assert app.services.guide.articles["welcome"].title != (
            load_services(BUNDLED, "en", kiosk=True).guide.articles["welcome"].title
        )


async def test_ctrl_l_switches_at_the_same_article_and_section_and_back_still_works():
    app = bundled_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reader = app.screen
        reader.open_article("esi", "risks")
        await settle(pilot)
        english_title = header_title(app)
        assert "Epidural steroid injections" in english_title
        assert reader.article_view.top_anchor == "risks"
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert app.language == "es" and get_language() == "es"
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert reader.article_view.article_id == "esi"
        assert reader.article_view.top_anchor == "risks"
        assert "Inyecciones epidurales de esteroides" in header_title(app)
        # History came along: back returns to the article read before, now in Spanish.
        await pilot.press("b")
        await settle(pilot)
        assert reader.article_view.article_id == "welcome"
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert app.language == "en"
        assert app.screen.article_view.article_id == "welcome"


async def test_ticked_questions_and_answers_survive_a_switch_in_the_new_words():
    app = bundled_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        questions = app.services.document_for("questions").questions()
        app.services.questions.toggle(questions[1][1])  # "What are the risks?"
        app.services.questions.add_own("Can I drive home?")
        app.services.decision.matters["cost"] = 3
        await pilot.press("ctrl+l")
        await settle(pilot)
        ticked = [q.text for q in app.services.questions.ticked()]
        assert ticked == ["¿Cuáles son los riesgos?", "Can I drive home?"]
        spanish_key = app.services.document_for("questions").questions()[1][0]
        assert app.services.questions.is_ticked(spanish_key)
        assert app.services.decision.matters == {"cost": 3}
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert [q.text for q in app.services.questions.ticked()] == [
            "What are the risks?",
            "Can I drive home?",
        ]


async def test_the_switch_reopens_the_screen_that_was_on_top():
    app = bundled_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert type(app.screen).__name__ == "GlossaryScreen"
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert type(app.screen).__name__ == "GlossaryScreen"
        assert app.screen.services.lang == "es"


async def test_the_palette_offers_the_other_language_by_its_own_name():
    from spinetui.components.palette import destinations

    app = bundled_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        names = [d.name for d in destinations(app)]
        assert "Español" in names and "English" not in names
        next(d for d in destinations(app) if d.name == "Español").go()
        await settle(pilot, 5)
        assert app.language == "es"
        assert "English" in [d.name for d in destinations(app)]


async def test_the_footer_offers_the_language_key():
    app = bundled_app("en")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        keys = {b.binding.id for b in app.active_bindings.values()}
        assert "app.language" in keys


# ------------------------------------------------------------------------ kiosk
async def test_the_kiosk_start_screen_offers_english_and_spanish():
    app = kiosk_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, AttractScreen)
        english = str(app.screen.query_one("#choice-lang-en", Static).render())
        spanish = str(app.screen.query_one("#choice-lang-es", Static).render())
        assert "English" in english and "Español" in spanish
        hint = str(app.screen.query_one("#attract-language-hint", Static).render())
        assert "español" in hint


async def test_right_arrow_on_the_start_screen_starts_in_spanish_and_idle_resets_to_english():
    app = kiosk_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        clock = use_fake_clock(app)
        await pilot.press("right")
        await settle(pilot, 5)
        assert isinstance(app.screen, ReaderScreen)
        assert app.language == "es" and get_language() == "es"
        assert "Dolor de espalda" in header_title(app)
        app.services.questions.add_own("¿Puedo manejar?")
        await go_idle(app, pilot, clock, app.kiosk.idle_seconds + 1)
        await go_idle(app, pilot, clock, app.kiosk.notice_seconds + 1)
        await settle(pilot)
        assert isinstance(app.screen, AttractScreen)
        assert app.language == "en" and get_language() == "en"
        assert "Tap or press any key" in str(app.screen.query_one("#attract-prompt").render())
        assert app.services.questions.is_empty
        await pilot.press("space")
        await settle(pilot)
        assert app.screen.services.lang == "en"
        assert "Back and leg pain" in header_title(app)


async def test_a_tap_on_espanol_starts_in_spanish():
    app = kiosk_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        region = app.screen.query_one("#choice-lang-es").region
        await tap(app, pilot, region.x + 2, region.y + 1)
        await settle(pilot, 5)
        assert isinstance(app.screen, ReaderScreen)
        assert app.language == "es"


async def test_a_spanish_kiosk_comes_back_to_spanish_after_an_english_visit():
    app = kiosk_app("es")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        clock = use_fake_clock(app)
        # The start screen in Spanish; the way to English said in English.
        assert "Toque" in str(app.screen.query_one("#attract-prompt").render())
        hint = str(app.screen.query_one("#attract-language-hint", Static).render())
        assert "read in English" in hint
        await pilot.press("left")
        await settle(pilot, 5)
        assert app.language == "en"
        await go_idle(app, pilot, clock, app.kiosk.idle_seconds + 1)
        await go_idle(app, pilot, clock, app.kiosk.notice_seconds + 1)
        await settle(pilot)
        assert isinstance(app.screen, AttractScreen)
        assert app.language == "es" and get_language() == "es"


async def test_an_article_the_spanish_tree_lacks_is_shown_in_english_and_says_so(tmp_path):
    import shutil

    content = tmp_path / "content"
    shutil.copytree(BUNDLED, content)
    (content / "es" / "articles" / "prp.md").unlink()
    app = SpineApp(load_services(content, "es", kiosk=True))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        notice = app.screen.query_one("FallbackNotice", Static)
        assert not notice.display
        app.screen.open_article("prp")
        await settle(pilot)
        assert notice.display
        assert "no está en español" in str(notice.render())
        assert app.services.guide.articles["prp"].title.startswith("Platelet")
        app.screen.open_article("esi")
        await settle(pilot)
        assert not notice.display


async def test_back_after_a_switch_returns_to_the_section_read_before():
    app = bundled_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.open_article("esi", "risks")
        await settle(pilot)
        app.screen.open_article("prp")  # leaving esi in its "What can go wrong" part
        await settle(pilot)
        await pilot.press("ctrl+l")
        await settle(pilot)
        reader = app.screen
        assert reader.article_view.article_id == "prp"
        await pilot.press("b")
        await settle(pilot)
        assert reader.article_view.article_id == "esi"
        assert reader.article_view.top_anchor == "risks"
        assert "Qué puede salir mal" in "\n".join(
            reader.article_view.render_line(y).text for y in range(3)
        )
