"""A huge article of many short blocks: its first screen shows, and the reader answers
keys while the rest is still parsed and laid out (issue 16; render/chunks.py).

No timing here (benchmarks/open_huge.py measures it): the tests check what the reader
shows, and that it shows it before the whole article is parsed.
"""

from __future__ import annotations

from spinetui.app import SpineApp
from spinetui.components.article.article_view import ArticleView
from spinetui.services import Services
from tests.fixtures.content_builder import article
from tests.functional.helpers import visible_text
from tests.robustness.test_hostile_files import SIZE, guide_with


def short_blocks(size: int) -> str:
    """About ``size`` bytes of headings, short paragraphs, lists, tables and quotes."""
    parts = ["# Huge\n\nFIRSTWORDS of the huge article.\n\n"]
    total = part = 0
    while total < size:
        block = (
            f"## Part {part}\n\nA short line about part {part}.\n\n"
            f"- a point\n- another point\n\n| a | b |\n|---|---|\n| {part} | x |\n\n"
            f"> a quote in part {part}\n\nOne more short paragraph.\n\n"
        )
        parts.append(block)
        total += len(block)
        part += 1
    return "".join(parts) + "LASTWORDS of the huge article.\n"


async def test_a_huge_article_shows_its_first_screen_and_answers_keys_while_laid_out(tmp_path):
    body = short_blocks(1 << 20)  # chunked like 5 MB (from 200 KB), and quicker to test
    guide = guide_with(tmp_path, {"huge.md": article("huge", order="2", body=body)})
    app = SpineApp(Services(guide), start_article="huge")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert "FIRSTWORDS of the huge article." in visible_text(view)
        document = view.document
        assert document is not None and not document.parsed  # the rest is still to come
        # The contents list has every part's heading from the start.
        assert document.headings[-1].text == f"Part {len(document.headings) - 2}"
        await pilot.press("slash")  # find: the bar opens while the article is laid out
        await pilot.pause()
        bar = app.screen.query_one("FindBar")
        assert bar.display and "a word in this article" in str(bar.query_one("Input").placeholder)
        assert not document.parsed
        await pilot.press("escape")
        await pilot.press("end")  # the end of the whole article, not of what is parsed
        await pilot.pause()
        assert "LASTWORDS of the huge article." in visible_text(view)
        assert document.parsed
