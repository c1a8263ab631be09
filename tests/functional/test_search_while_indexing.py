"""Search while the index is still being built (issue 16): quick exact results at once, a
status line that says so, the screen answering keys, ranked results when it is ready;
and no index file, in kiosk mode or out."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from textual.widgets import OptionList

from spinetui.components.find.search_screen import SearchScreen
from spinetui.kiosk.policy import KioskPolicy
from tests.conftest import FIXTURES
from tests.functional.helpers import make_app
from tests.functional.test_search import prompts, status, type_query

SEARCH_GUIDE = FIXTURES / "search-guide"
SIZE = (110, 36)
STILL_PREPARING = "Still preparing the full search"


def _hold_the_build(app) -> threading.Event:
    """Make the index build wait (as a 10,000-article guide's does, for seconds) until
    the returned event is set."""
    services = app.services
    build = services.search_index
    release = threading.Event()

    def slow_build():
        release.wait(timeout=60)
        return build()

    services.search_index = slow_build  # type: ignore[method-assign]
    return release


async def _until(pilot, condition, rounds: int = 200) -> None:
    for _ in range(rounds):
        if condition():
            return
        await pilot.pause(0.02)


async def _search_while_building(app, pilot) -> SearchScreen:
    """Open search while the build is held, once its quick scan is ready."""
    await pilot.pause()
    await pilot.press("s")
    screen = app.screen
    assert isinstance(screen, SearchScreen)
    await _until(pilot, lambda: screen.scan is not None)
    return screen


async def test_quick_results_come_while_the_index_builds_and_ranked_ones_replace_them():
    app = make_app(SEARCH_GUIDE)
    release = _hold_the_build(app)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = await _search_while_building(app, pilot)
            await type_query(pilot, "headache")
            assert screen.index is None  # still building
            assert STILL_PREPARING in status(screen)
            assert "Enter opens the chosen one." in status(screen)
            shown = [p.plain for p in prompts(screen)]
            assert shown and all("headache" in text.lower() for text in shown)
            # The screen answers keys meanwhile: more letters, a new search; arrows move.
            await type_query(pilot, " zanzibar")
            assert "No exact matches" in status(screen) and STILL_PREPARING in status(screen)
            for _ in range(len(" zanzibar")):
                await pilot.press("backspace")
            await pilot.pause()
            assert prompts(screen)
            await pilot.press("down")
            assert screen.query_one("#search-results", OptionList).highlighted is not None
            release.set()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert screen.index is not None and screen.scan is None
            assert STILL_PREPARING not in status(screen)
            assert "results for “headache”" in status(screen) or "1 result for" in status(screen)
            assert any("What can go wrong" in p.plain for p in prompts(screen))  # its section
    finally:
        release.set()


async def test_enter_on_a_quick_result_opens_its_article():
    from spinetui.components.article.article_view import ArticleView
    from spinetui.components.reader.reader_screen import ReaderScreen

    app = make_app(SEARCH_GUIDE)
    release = _hold_the_build(app)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = await _search_while_building(app, pilot)
            await type_query(pilot, "plasma shots")
            assert STILL_PREPARING in status(screen)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ReaderScreen)
            assert app.screen.query_one(ArticleView).article_id == "plasma"
    finally:
        release.set()


def _files_under(*folders: Path) -> set[Path]:
    return {path for folder in folders if folder.exists() for path in folder.rglob("*")}


async def test_a_kiosk_search_writes_no_index_file(tmp_path, monkeypatch):
    from tests.functional.test_kiosk import start_reading

    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    monkeypatch.chdir(workdir)
    home = Path(os.environ["HOME"])
    before = _files_under(home, workdir, cache)
    app = make_app(SEARCH_GUIDE, kiosk=KioskPolicy(enabled=True, attract_seconds=600.0))
    async with app.run_test(size=SIZE) as pilot:
        await start_reading(app, pilot)
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await type_query(pilot, "nerve root")
        screen = app.screen
        assert isinstance(screen, SearchScreen) and screen.index is not None
        assert prompts(screen)
    assert _files_under(home, workdir, cache) == before
