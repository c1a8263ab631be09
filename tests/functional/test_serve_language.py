"""`spinetui serve` in Spanish: --lang (or the config's language) starts every session
in it, and the pages say `lang="es"` and their own words in Spanish. Over a real server
on 127.0.0.1."""

from __future__ import annotations

import asyncio
import shlex

import pytest

from spinetui import serve

pytest.importorskip("textual_serve")
aiohttp = pytest.importorskip("aiohttp")

from tests.browser.served import Served  # noqa: E402
from tests.conftest import BUNDLED  # noqa: E402
from tests.functional.test_serve_red_team import receive_until, ws_url  # noqa: E402


def test_the_served_language_comes_from_lang_then_the_config_never_the_locale(monkeypatch, capsys):
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    assert serve.served_language(None, None, None) == "en"
    assert serve.served_language("es", None, None) == "es"
    assert serve.served_language(None, "es", "/etc/x.toml, line 2") == "es"
    assert serve.served_language("en", "es", "/etc/x.toml, line 2") == "en"
    assert serve.served_language(None, "zz", "/etc/x.toml, line 2") == "en"
    assert "/etc/x.toml, line 2" in capsys.readouterr().err


def test_each_session_is_started_in_the_served_language():
    options = serve._parser().parse_args(["--lang", "es"])
    options.language = "es"
    argv = shlex.split(serve.session_command(options))
    assert argv[argv.index("--lang") + 1] == "es"


def test_the_page_says_lang_es_and_the_session_starts_in_spanish():
    async def visit(served: Served) -> None:
        async with (
            aiohttp.ClientSession() as client,
            client.ws_connect(ws_url(served, "?width=100&height=30")) as websocket,
        ):
            await receive_until(websocket, "Toque la pantalla")

    with Served("--lang", "es", content=BUNDLED) as served:
        status, body = served.get()
        assert status == 200
        assert '<html lang="es">' in body
        assert "Cargando la guía…" in body and "Loading the guide" not in body
        asyncio.run(visit(served))


def test_the_config_language_is_served(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('language = "es"\n')
    with Served("--config", str(config), content=BUNDLED) as served:
        _status, body = served.get()
        assert '<html lang="es">' in body


def test_english_is_served_by_default():
    with Served(content=BUNDLED) as served:
        _status, body = served.get()
        assert '<html lang="en">' in body and "Loading the guide…" in body


def test_the_busy_page_words_are_in_the_served_language():
    from spinetui.web.limits import BUSY_RETRY_SECONDS
    from spinetui.web.server import GuideServer

    def words(lang: str) -> dict[str, str]:
        server = GuideServer(
            ["spinetui"], host="127.0.0.1", port=0, max_sessions=1, kiosk=True, lang=lang
        )
        return server._words()

    spanish = words("es")
    assert spanish["lang"] == "es"
    assert spanish["busy_title"] == "Todas las pantallas están ocupadas"
    assert f"{BUSY_RETRY_SECONDS} segundos" in spanish["busy_text"]
    assert words("en")["busy_title"] == "All screens are busy"
