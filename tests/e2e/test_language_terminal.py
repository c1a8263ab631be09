"""Choosing and switching the language in a real terminal (tmux): --lang es, the
locale, Ctrl+L while reading, and the kiosk's start screen on the Linux console, whose
idle reset goes back to English."""

from __future__ import annotations

import pytest

from spinetui.model.cache import cache_dir
from tests.conftest import BUNDLED
from tests.e2e.tmux import TmuxTerminal

pytestmark = pytest.mark.e2e

CONTENT = ["--content", str(BUNDLED)]
SPANISH_WELCOME = "Bienvenida"
ENGLISH_TITLE = "Back and leg pain"
NO_LOCALE = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}


def test_lang_es_starts_in_spanish_and_ctrl_l_switches_to_english_at_the_same_article():
    with TmuxTerminal(["--lang", "es", "esi", *CONTENT], env=NO_LOCALE) as term:
        term.wait_for("Inyecciones epidurales de esteroides")
        term.send("C-l")
        term.wait_for("Epidural steroid injections")
        term.wait_for("Now in English")
        term.send("C-l")
        term.wait_for("Inyecciones epidurales de esteroides")


def test_a_spanish_locale_starts_a_personal_reader_in_spanish():
    with TmuxTerminal(CONTENT, env={**NO_LOCALE, "LANG": "es_MX.UTF-8"}) as term:
        term.wait_for(SPANISH_WELCOME)


def test_the_kiosk_start_screen_chooses_spanish_and_the_idle_reset_returns_to_english():
    args = ["--kiosk", "--idle-seconds", "2", *CONTENT]
    env = {**NO_LOCALE, "LANG": "es_MX.UTF-8"}  # a kiosk ignores the locale
    with TmuxTerminal(args, env=env, term="linux") as term:
        screen = term.wait_for("Press any key to start")
        assert "← English" in screen and "Español →" in screen
        assert "Oprima → para leer en español." in screen
        term.send("Right")
        term.wait_for(SPANISH_WELCOME)
        # Nobody touches it: "Still reading?", then the start screen, in English again.
        term.wait_for("Press any key to start", timeout=30)
        term.send("Enter")
        screen = term.wait_for("Welcome")
        assert SPANISH_WELCOME not in screen
    folder = cache_dir()
    assert not folder.exists() or not any(folder.iterdir()), "a kiosk wrote a cache file"


def test_search_in_spanish_finds_words_typed_without_accents():
    with TmuxTerminal(["--lang", "es", *CONTENT], env=NO_LOCALE) as term:
        term.wait_for(SPANISH_WELCOME)
        term.send("s")
        term.wait_for("Buscar en la guía")
        term.send("-l", "cirugia")  # -l: typed literally; no accent, as many people type it
        screen = term.wait_for("Cirugía")
        assert "resultado" in screen  # the status line, in Spanish
        term.send("Enter")  # the first result (here a comparison cell) opens
        screen = term.wait_for("Esc Cerrar")
        assert "cirugía" in screen.lower() and "Search the guide" not in screen
