"""SVG snapshots of search, the find bar, the glossary and a term card.

Review the SVGs like code before accepting them.
"""

from __future__ import annotations

from tests.conftest import FIXTURES
from tests.functional.helpers import make_app

SEARCH_GUIDE = FIXTURES / "search-guide"
SIZE = (100, 30)


def test_search_results_with_marked_words(snap_compare):
    async def search(pilot):
        await pilot.press("s")
        await pilot.app.workers.wait_for_complete()
        await pilot.press(*"shot cost")
        await pilot.pause()

    assert snap_compare(make_app(SEARCH_GUIDE), terminal_size=SIZE, run_before=search)


def test_find_bar_with_matches_marked(snap_compare):
    async def find(pilot):
        await pilot.press("slash", *"careful", "enter")
        await pilot.pause()

    app = make_app(SEARCH_GUIDE, start_article="steroid")
    assert snap_compare(app, terminal_size=SIZE, run_before=find)


def test_glossary_a_to_z(snap_compare):
    assert snap_compare(make_app(SEARCH_GUIDE), terminal_size=SIZE, press=["g"])


def test_term_card_with_read_more(snap_compare):
    app = make_app(SEARCH_GUIDE)
    assert snap_compare(app, terminal_size=SIZE, press=["g", *"sciat", "enter"])
