"""SVG snapshots of the help screen and search in Spanish, at 80×24, on a small guide
written in Spanish. Review the SVGs like code before accepting them."""

from __future__ import annotations

import pytest

from spinetui import i18n
from spinetui.app import SpineApp
from spinetui.model import load_guide
from spinetui.services import Services
from tests.conftest import FIXTURES

GUIDE = FIXTURES / "search-guide-es"
SIZE = (80, 24)


@pytest.fixture(autouse=True)
def spanish():
    i18n.set_language("es")
    yield
    i18n.set_language("en")


def spanish_app() -> SpineApp:
    return SpineApp(Services(load_guide(GUIDE)))


def test_help_screen_in_spanish(snap_compare):
    assert snap_compare(spanish_app(), terminal_size=SIZE, press=["question_mark"])


def test_search_results_in_spanish(snap_compare):
    async def search(pilot):
        await pilot.press("s")
        await pilot.app.workers.wait_for_complete()
        await pilot.press(*"costo")
        await pilot.pause()

    assert snap_compare(spanish_app(), terminal_size=SIZE, run_before=search)
