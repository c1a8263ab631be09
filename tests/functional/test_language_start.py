"""Which language the command line starts in: --lang, the config file's `language`,
and (personal mode only) the locale; a bad value is told, with its file and line, and
English shown. Also the guide cache: a Spanish start writes only the English folder's
entry, and a kiosk writes none. The app is built by `spinetui.cli.main` as the command
builds it; `App.run` is replaced so nothing is drawn."""

from __future__ import annotations

import io

import pytest

from spinetui import cli
from spinetui.app import SpineApp
from spinetui.i18n import set_language
from spinetui.kiosk.commands import check_config
from spinetui.kiosk.config import parse_config
from spinetui.model.cache import cache_dir, read_cache
from tests.conftest import BUNDLED


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    set_language("en")


@pytest.fixture
def started(monkeypatch):
    """Run the CLI; return the app it would have run."""
    built: list[SpineApp] = []

    def run(self, *args, **kwargs):
        built.append(self)

    monkeypatch.setattr(SpineApp, "run", run)
    for name in ("LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)

    def start(*args: str, env: dict[str, str] | None = None) -> SpineApp:
        for name, value in (env or {}).items():
            monkeypatch.setenv(name, value)
        assert cli.main(["--content", str(BUNDLED), *args]) == 0
        return built[-1]

    return start


def test_lang_es_starts_the_guide_in_spanish(started):
    app = started("--lang", "es")
    assert app.services.lang == "es" and app.default_language == "es"
    assert app.services.guide.title.startswith("Dolor de espalda")
    assert app._start_notices == ()


def test_the_default_is_english(started):
    app = started()
    assert app.services.lang == "en"
    assert app.services.guide.title.startswith("Back and leg pain")


def test_a_spanish_locale_starts_a_personal_reader_in_spanish(started):
    assert started(env={"LANG": "es_MX.UTF-8"}).services.lang == "es"


def test_a_kiosk_ignores_the_locale_of_whoever_started_it(started):
    assert started("--kiosk", env={"LANG": "es_MX.UTF-8"}).services.lang == "en"


def test_lang_overrides_the_locale(started):
    assert started("--lang", "en", env={"LANG": "es_US.UTF-8"}).services.lang == "en"


def test_the_config_file_language_is_used(started, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('language = "es"\n')
    app = started("--config", str(config), env={"LANG": "en_US.UTF-8"})
    assert app.services.lang == "es"


def test_a_kiosk_uses_the_config_file_language(started, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('kiosk = true\nlanguage = "es"\n')
    app = started("--config", str(config))
    assert app.kiosk_mode and app.services.lang == "es"


def test_a_bad_config_language_is_told_with_file_and_line_and_english_is_shown(started, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('theme = "dark"\n\nlanguage = "klingon"\n')
    app = started("--config", str(config), env={"LANG": "es_MX.UTF-8"})
    assert app.services.lang == "en"
    (notice,) = app._start_notices
    assert f"{config}, line 3" in notice
    assert "klingon" in notice and "Showing English" in notice


def test_a_bad_lang_flag_is_told_and_english_is_shown(started):
    app = started("--lang", "xx")
    assert app.services.lang == "en"
    assert "--lang" in app._start_notices[0]


def test_a_language_that_is_not_a_string_is_a_problem_not_a_crash():
    config = parse_config("language = 3\n", "/etc/spinetui.toml")
    assert config.language == "3"
    assert config.language_where == "/etc/spinetui.toml, line 1"


def test_check_config_reports_the_language(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('language = "es"\n')
    out = io.StringIO()
    assert check_config(config, out) == 0
    assert "language: es (Español)" in out.getvalue()
    config.write_text('language = "fr"\n')
    out = io.StringIO()
    assert check_config(config, out) == 0
    assert f"{config}, line 1" in out.getvalue() and "language: en" in out.getvalue()


async def test_the_start_notice_is_shown_outside_kiosk_mode(started, tmp_path):
    app = started("--lang", "xx")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert any("--lang" in str(n.message) for n in app._notifications)


# ------------------------------------------------------------------- the cache
def _cache_files():
    folder = cache_dir()
    return sorted(folder.glob("guide-*.cache")) if folder.is_dir() else []


def test_a_spanish_kiosk_start_writes_no_cache_file(started):
    app = started("--kiosk", "--lang", "es")
    app.services.completed_guide()
    assert app.services.lang == "es"
    assert _cache_files() == []


def test_a_spanish_personal_start_caches_only_the_english_guide(started):
    from spinetui.model.cache import content_key

    app = started("--lang", "es")
    app.services.completed_guide()
    (path,) = _cache_files()  # one entry: the English folder's, in English
    cached = read_cache(path, content_key(BUNDLED.resolve()))
    assert cached is not None and cached.title.startswith("Back and leg pain")
    assert "Bienvenida" not in cached.articles["welcome"].title
    # The next English start reads it and is English.
    assert started().services.guide.title.startswith("Back and leg pain")
