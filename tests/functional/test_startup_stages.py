"""The reader starts from a quick load: problems and headings found after the first
paint still reach the problems screen and the contents; long guides start collapsed."""

from __future__ import annotations

from pathlib import Path

from spinetui.app import SpineApp
from spinetui.components.reader.contents_tree import COLLAPSE_OVER, ContentsTree
from spinetui.model import load_guide
from spinetui.model.loader import load_guide_quickly
from spinetui.services import Services
from tests.conftest import FIXTURES
from tests.fixtures.content_builder import article, build

BROKEN = FIXTURES / "broken"


async def test_problems_found_after_the_first_paint_are_listed():
    app = SpineApp(Services(load_guide_quickly(BROKEN)))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.action_problems()
        await pilot.pause()
        assert len(app.screen.rows) == len(load_guide(BROKEN).problems)
        assert any(p.file == "articles/bad-links.md" for p in app.screen.problems)


async def test_a_long_guide_starts_collapsed_but_the_open_section(tmp_path: Path):
    articles = {
        f"{section}{i:02}.md": article(
            f"{section}-{i:02}", title=f"{section} {i}", section=section, order=str(i)
        )
        for section in ("start", "treatments")
        for i in range(COLLAPSE_OVER // 2 + 1)
    }
    guide = load_guide_quickly(build(tmp_path, articles=articles))
    app = SpineApp(Services(guide), start_article="treatments-03")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(ContentsTree)
        start, treatments = tree.root.children
        assert not start.is_expanded
        assert treatments.is_expanded
        tree.focus()
        tree.move_cursor(start)
        await pilot.press("enter")
        await pilot.pause()
        assert start.is_expanded
        # Waits for the thread started after the first paint.
        completed = app.services.completed_guide()
        assert [h.anchor for h in completed.articles["start-01"].headings] == ["heading"]
        assert app.guide is completed  # what the screens read from now on
