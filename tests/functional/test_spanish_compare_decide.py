"""The comparison, What matters to you and the SURE check in Spanish: the app's own words
come from the catalog, the rows and options from content/es/, and no English is left
on them (the footer's key names belong to the footer's own translation)."""

from __future__ import annotations

import re

import pytest

from spinetui import i18n
from spinetui.app import SpineApp
from spinetui.components.compare.comparison_screen import ComparisonScreen, MattersButton
from spinetui.components.decide.sure_screen import SureScreen
from spinetui.components.decide.what_matters import WhatMattersScreen
from spinetui.model import bundled_content_dir
from spinetui.model.languages import load_language
from spinetui.services import Services
from tests.robustness.helpers import screen_lines

SIZE = (120, 40)


@pytest.fixture(scope="module")
def spanish_guide():
    return load_language(bundled_content_dir(), "es").guide


@pytest.fixture
def spanish_app(spanish_guide):
    i18n.set_language("es")
    try:
        yield SpineApp(Services(spanish_guide))
    finally:
        i18n.set_language("en")


def body_text(app) -> str:
    """What the screen draws, less its bottom line (the footer: key names, another's)."""
    return "\n".join(screen_lines(app)[:-1])


def assert_no_english(text: str, words: list[str]) -> None:
    found = [w for w in words if re.search(rf"(?<![\w]){re.escape(w)}(?![\w])", text)]
    assert not found, f"English on a Spanish screen: {found}\n{text}"


# Words of the app's own English on these screens (none of them is also Spanish).
COMPARISON_ENGLISH = [
    "Compare treatments",
    "What matters",
    "treatments",
    "to choose",
    "Treatment",
    "Sources",
    "Enter: read",
    "evidence",
    "in 100",
    "vs",
    "bigger panel",
    "tap here",
    "No information",
]
WHAT_MATTERS_ENGLISH = [
    "What matters to you",
    "How much",
    "Not important",
    "A little",
    "A lot",
    "Show the comparison",
    "Close",
    "How the options differ",
    "This does not pick",
    "matters to you",
]
SURE_ENGLISH = [
    "Are you sure",
    "Four questions",
    "Yes",
    "Answer yes or no",
    "You said",
    "not answered",
    "These questions",
    "SURE test",
    "What matters to you",
    "Close",
]


async def test_the_comparison_what_matters_and_sure_speak_spanish(spanish_app):
    app = spanish_app
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        compare = app.screen
        assert isinstance(compare, ComparisonScreen)
        text = body_text(app)
        assert "Comparar tratamientos" in text
        assert "3 de 6 tratamientos · t para elegir" in text
        assert "w: Lo que importa" in text
        assert "Tratamiento ▸" in text
        assert "Inyección de esteroides (ESI)" in text  # content/es/comparison.yaml
        assert "Fuentes:" in compare.detail.text and "Enter: lea “" in compare.detail.text
        assert_no_english(text, COMPARISON_ENGLISH)
        assert_no_english(compare.detail.text, COMPARISON_ENGLISH)

        # What matters to you, from the header's key: Spanish question and answers.
        await pilot.press("w")
        await pilot.pause()
        matters = app.screen
        assert isinstance(matters, WhatMattersScreen)
        text = body_text(app)
        assert "Lo que le importa a usted" in text
        assert "¿Cuánto le importa cada una de estas cosas?" in text
        assert "[ ] No es importante" in text and "[ ] Mucho" in text
        assert "Costo" in text and "Ver la comparación (Enter)" in text
        assert "En qué se diferencian las opciones en lo que le importa" in matters.result
        assert "Todavía no ha marcado nada" in matters.result
        assert_no_english(text, WHAT_MATTERS_ENGLISH)
        # Cost matters a lot: the summary quotes the Spanish cells, then back to the table.
        await pilot.press("down", "down", "down", "down", "3")
        await pilot.pause()
        assert app.decision.matters == {"cost": 3}
        assert "* Costo (le importa mucho)" in matters.result
        assert_no_english(body_text(app), WHAT_MATTERS_ENGLISH)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is compare
        text = body_text(app)
        assert "* Costo" in text and "le importa mucho" in text
        assert str(compare.query_one(MattersButton).render()) == "w: Lo que importa (* 2 filas)"
        assert "* Esta fila le importa mucho." in compare.detail.text
        assert_no_english(text, COMPARISON_ENGLISH + ["matters to you", "rows"])

        # The SURE check: one "no" says what could help, in Spanish.
        await pilot.press("escape")
        await pilot.pause()
        app.action_sure_check()
        await pilot.pause()
        sure = app.screen
        assert isinstance(sure, SureScreen)
        text = body_text(app)
        assert "¿Está seguro? Cuatro preguntas antes de decidir" in text
        assert "[ ] Sí" in text and "[ ] No" in text
        assert "1. ¿Se siente seguro de cuál es la mejor opción para usted?" in text
        assert "Todavía no ha contestado las preguntas." in text
        assert_no_english(text, SURE_ENGLISH)
        await pilot.press("n")
        await pilot.pause()
        result = sure.result
        assert "Contestó que sí a 0 de 4 preguntas. Faltan 3 por contestar." in result
        assert 'Un "no" quiere decir' in result and "  No: Está bien no estar seguro" in result
        assert "Estas preguntas se basan en la prueba SURE" in result
        assert_no_english(result, SURE_ENGLISH)
        assert_no_english(body_text(app), SURE_ENGLISH)
    assert i18n.get_language() == "es"  # the fixture puts English back after the test


async def test_the_kiosk_notice_and_pin_prompt_speak_spanish(spanish_guide):
    from spinetui.components.kiosk.idle_notice import StillReadingNotice
    from spinetui.components.kiosk.pin_prompt import PinPrompt
    from spinetui.kiosk.policy import KioskPolicy
    from tests.functional.test_kiosk import PIN_HASH, go_idle, start_reading, use_fake_clock

    i18n.set_language("es")
    try:
        policy = KioskPolicy(
            enabled=True,
            attract_seconds=600.0,
            pin_hash=PIN_HASH,
            idle_seconds=90,
            notice_seconds=15,
        )
        app = SpineApp(Services(spanish_guide), kiosk=policy)
        async with app.run_test(size=SIZE) as pilot:
            await start_reading(app, pilot)
            clock = use_fake_clock(app)
            await go_idle(app, pilot, clock, 91)
            notice = app.screen
            assert isinstance(notice, StillReadingNotice)

            def said() -> str:
                return " ".join(
                    str(notice.query_one(f"#notice-{part}").render())
                    for part in ("title", "countdown")
                )

            assert said().startswith("¿Sigue leyendo? La guía volverá a empezar")
            assert "para la próxima persona en 14 segundos." in said()
            assert "Toque la pantalla u oprima cualquier tecla para seguir leyendo." in said()
            await go_idle(app, pilot, clock, 13)
            assert "en 1 segundo." in said()
            assert_no_english(said(), ["Still reading", "start over", "second", "key"])
            assert "¿Sigue leyendo?" in body_text(app)
            await pilot.press("j")
            await pilot.pause()
            await pilot.press("ctrl+k", "ctrl+x")
            await pilot.pause()
            prompt = app.screen
            assert isinstance(prompt, PinPrompt)
            await pilot.press(*"1111", "enter")
            await pilot.pause()
            assert "PIN incorrecto. Espere 1 s para intentar otra vez." in prompt.status_text
            text = body_text(app)
            assert "Cerrar el quiosco" in text and "PIN de administrador:" in text
            assert_no_english(text, ["Close the kiosk", "Admin", "Wrong", "Waiting"])
    finally:
        i18n.set_language("en")
