"""The reader, its footer, the help screen, search, the glossary and a term card in
Spanish: the app's own words come from the catalog, none of them left in English, and
the key tables' words follow a change of language at run time."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console

from spinetui import i18n
from spinetui.app import SpineApp
from spinetui.components.footer import SpineFooter
from spinetui.components.help_screen import HelpScreen
from spinetui.components.reader.reader_screen import ReaderScreen
from spinetui.keymap import HELP_SECTIONS
from spinetui.model import load_guide
from spinetui.services import Services
from tests.conftest import FIXTURES

# A small guide written in Spanish, so every word on screen should be Spanish.
GUIDE = FIXTURES / "search-guide-es"


@pytest.fixture(autouse=True)
def spanish():
    i18n.set_language("es")
    yield
    i18n.set_language("en")


def spanish_app() -> SpineApp:
    return SpineApp(Services(load_guide(GUIDE)))


def screen_text(app) -> str:
    """Everything drawn now (every layer), as plain text."""
    update = app.screen._compositor.render_update(
        full=True, screen_stack=app._background_screens, simplify=False
    )
    console = Console(width=app.size.width, height=app.size.height, file=io.StringIO(), record=True)
    console.print(update)
    return console.export_text()


def footer_text(app) -> str:
    return app.screen.query_one(SpineFooter).render().plain


def english_left(text: str, words: list[str]) -> list[str]:
    return [w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)]


READER_ENGLISH = ["Help", "Quit", "Find", "Search", "Glossary", "Compare", "Back", "Contents"]
READER_ENGLISH += ["Reviewed", "Part", "Jump", "Questions", "Next", "Prev"]


async def test_the_reader_and_its_footer_are_in_spanish_at_80_columns():
    app = spanish_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = footer_text(app)
        assert len(footer) <= 80
        for item in ("? Ayuda", "q Salir", "/ Buscar aquí", "s Buscar", "g Glosario"):
            assert item in footer, footer
        text = screen_text(app)
        assert "Revisado el 2026-02-01" in text
        assert not english_left(text, READER_ENGLISH), text


async def test_the_help_screen_is_in_spanish():
    app = spanish_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        text = screen_text(app)
        for words in (
            "Teclas",
            "Esc para cerrar",
            "También puede usar el mouse",
            "Leer un artículo",
        ):
            assert words in text, text
        assert not english_left(text, ["Keys", "Esc to close", "Mouse", "Reading an article"])
        console = Console(width=300, record=True, file=io.StringIO())
        console.print(screen.table)
        table = console.export_text()
        for words in ("Moverse por la guía", "Lo que le importa a usted", "A diferencia de less"):
            assert words in table
        assert "Mostrar esta lista de teclas (h como en less)" in table
        # Every key's English help text is gone (key names stay: "Esc", "PgDn", ...).
        english = {k.help for _title, keys in HELP_SECTIONS for k in keys if k.help}
        assert len(english) > 80
        left = sorted(h for h in english if h in table)
        assert not left, left
        titles = [title for title, _keys in HELP_SECTIONS]
        assert not english_left(table, ["Unlike less", *titles])
        assert "Esc" in table and "PgDn" in table  # the keys' names as they are


async def test_search_is_in_spanish():
    app = spanish_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert "Buscar en la guía" in text
        assert "Escriba una palabra, por ejemplo: adormecimiento, costo, PRP" in text
        assert "Escriba una palabra para buscar en los artículos" in text
        await pilot.press(*"costo")
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert re.search(r"\d+ resultados para “costo”\. Enter abre el elegido\.", text), text
        assert "Artículo: " in text and "Comparación: " in text
        assert "Esc Cerrar" in footer_text(app) and "Enter Abrir" in footer_text(app)
        english = ["Search the guide", "results", "Article", "Comparison", "Enter opens"]
        english += ["Close", "Open", "Help", "more matches"]
        assert not english_left(text, english), text
        await pilot.press(*["backspace"] * 5, *"zqxw")
        await pilot.pause()
        text = screen_text(app)
        assert "No hay resultados para “zqxw”. Revise cómo lo escribió" in text, text
        assert not english_left(text, ["No results", "Check the spelling"])


async def test_the_glossary_and_a_term_card_are_in_spanish():
    app = spanish_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        text = screen_text(app)
        assert "Glosario: las palabras médicas de esta guía, de la A a la Z" in text
        assert "Escriba para filtrar, por ejemplo: nervio" in text
        assert "3 palabras. Enter muestra la ficha de una palabra" in text
        assert "(también: raíces nerviosas)" in text
        english = ["Glossary", "words", "Type to filter", "also", "Close", "Open", "Help"]
        assert not english_left(text, english), text
        await pilot.press(*"nerv")
        await pilot.pause()
        text = screen_text(app)
        assert "2 palabras coinciden con “nerv”." in text, text  # one by name, one by definition
        await pilot.press(*"zzz")
        await pilot.pause()
        text = screen_text(app)
        assert "Ninguna palabra coincide con “nervzzz”. Oprima Esc y luego s" in text, text
        assert not english_left(text, ["No words match", "Press Esc"])
        for _ in "nervzzz":
            await pilot.press("backspace")
        await pilot.press(*"nervi", "enter")  # raíz nerviosa
        await pilot.pause()
        text = screen_text(app)
        assert "Leer más: Cómo funciona su columna" in text and "Esc para cerrar" in text
        assert not english_left(text, ["Read more", "Esc to close", "Glossary"]), text


async def test_the_footer_and_help_follow_a_change_of_language_at_run_time():
    app = spanish_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "? Ayuda" in footer_text(app)
        i18n.set_language("en")
        app.screen.query_one(SpineFooter).refresh()
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert "? Help" in footer_text(app) and "Ayuda" not in footer_text(app)
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Reading an article" in screen_text(app)
        await pilot.press("escape")
        i18n.set_language("es")
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Leer un artículo" in screen_text(app)
