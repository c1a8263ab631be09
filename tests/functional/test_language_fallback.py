"""A piece the Spanish tree lacks is shown in English, and the reader is told so in
Spanish: a comparison cell in its panel, a glossary term on its card (an article under
its header: tests/functional/test_language_switch.py)."""

from __future__ import annotations

import re
import shutil

import pytest
from textual.widgets import Static

from spinetui.app import SpineApp
from spinetui.components.navigation import OpenComparison, ShowTerm
from spinetui.i18n import set_language
from spinetui.services import load_services
from tests.conftest import BUNDLED
from tests.robustness.helpers import screen_text

SIZE = (120, 40)
NOTICE = "aún no está en español"


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    set_language("en")  # the catalog is process-wide: leave the next test in English


@pytest.fixture
def partial_spanish(tmp_path):
    """The bundled guide, its Spanish tree lacking the ESI 'tested-in' cell and the
    glossary's 'disc' term."""
    content = tmp_path / "content"
    shutil.copytree(BUNDLED, content)
    comparison = content / "es" / "comparison.yaml"
    text = comparison.read_text(encoding="utf-8")
    cell = re.compile(r"(  tested-in:\n)    esi:\n      text: .*\n      sources: .*\n")
    assert cell.search(text), "the fixture's edit no longer matches comparison.yaml"
    comparison.write_text(cell.sub(r"\1", text, count=1), encoding="utf-8")
    glossary = content / "es" / "glossary.yaml"
    text = glossary.read_text(encoding="utf-8")
    term = re.compile(r"^- id: disc\n(?:  .*\n)+\n?", re.M)
    assert term.search(text), "the fixture's edit no longer matches glossary.yaml"
    glossary.write_text(term.sub("", text, count=1), encoding="utf-8")
    return content


async def test_a_cell_shown_in_english_says_so_in_spanish(partial_spanish):
    services = load_services(partial_spanish, "es", kiosk=True)
    assert services.falls_back("cell", "tested-in/esi")
    app = SpineApp(services)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.post_message(OpenComparison("tested-in", "esi"))
        for _ in range(4):
            await pilot.pause()
        shown = screen_text(app)
        assert NOTICE in shown
        assert "2,470" in shown  # the English cell's text, in place of the Spanish one
        # A cell the Spanish tree has says nothing of the kind.
        app.post_message(OpenComparison("tested-in", "prp"))
        for _ in range(4):
            await pilot.pause()
        assert NOTICE not in screen_text(app)


async def test_a_term_shown_in_english_says_so_in_spanish(partial_spanish):
    services = load_services(partial_spanish, "es", kiosk=True)
    assert services.falls_back("term", "disc")
    app = SpineApp(services)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.post_message(ShowTerm("disc"))
        for _ in range(3):
            await pilot.pause()
        notice = app.screen.query_one("#term-fallback", Static)
        assert NOTICE in str(notice.render())
        app.screen.dismiss(None)
        await pilot.pause()
        app.post_message(ShowTerm("vertebra"))
        for _ in range(3):
            await pilot.pause()
        assert not app.screen.query("#term-fallback")
