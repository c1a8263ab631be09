"""Text that does not fit is cut with an ellipsis (contents) or not cut at all (the
kiosk's start card at 60×20)."""

from __future__ import annotations

from textual.widgets import Static

from spinetui.app import SpineApp
from spinetui.components.kiosk.attract_screen import AttractScreen
from spinetui.components.reader.contents_tree import ContentsTree
from spinetui.kiosk.policy import KioskPolicy
from spinetui.model import bundled_content_dir, load_guide
from spinetui.services import Services


async def test_long_contents_entries_end_with_an_ellipsis():
    guide = load_guide(bundled_content_dir())
    app = SpineApp(Services(guide))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(ContentsTree)
        width = tree.scrollable_content_region.width
        lines = [tree.render_line(y).text.rstrip() for y in range(tree.size.height)]
        titles = [a.title for a in guide.articles.values()]
        long_ones = [t for t in titles if len(t) + 4 > width]
        assert long_ones, "the bundled guide has titles longer than the pane"
        cut = [line for line in lines if line.endswith("…")]
        assert cut, lines
        for line in lines:
            assert len(line) <= width


async def test_the_kiosk_start_card_shows_every_summary_whole_at_60x20():
    guide = load_guide(bundled_content_dir())
    app = SpineApp(Services(guide), kiosk=KioskPolicy(enabled=True, attract_seconds=600.0))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AttractScreen)
        topic = screen.query_one("#attract-topic", Static)
        for article in guide.reading_order():
            await pilot.pause()
            drawn = " ".join(topic.render_line(y).text.strip() for y in range(topic.size.height))
            assert " ".join(article.summary.split()) in " ".join(drawn.split()), article.id
            region = topic.region
            assert region.bottom <= app.size.height
            screen.next_topic()
