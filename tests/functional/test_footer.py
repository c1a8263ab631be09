"""The footer fits, most important keys first, and never offers a key that would type."""

from __future__ import annotations

import pytest

from spinetui.app import SpineApp
from spinetui.components.footer import SpineFooter
from spinetui.model import bundled_content_dir, load_guide
from spinetui.services import Services


def footer_text(app) -> str:
    footer = app.screen.query_one(SpineFooter)
    return footer.render().plain


def bundled_app() -> SpineApp:
    return SpineApp(Services(load_guide(bundled_content_dir())))


async def test_at_80_columns_the_reader_footer_fits_with_help_quit_and_glossary():
    app = bundled_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = footer_text(app)
        assert len(text) <= 80
        for item in ("? Help", "q Quit", "g Glossary", "/ Find", "s Search"):
            assert item in text, text
        assert "▏" not in text


@pytest.mark.parametrize("width", [60, 80, 120])
async def test_the_comparison_footer_shows_whole_keys_only(width):
    app = bundled_app()
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        footer = app.screen.query_one(SpineFooter)
        text = footer.render().plain
        assert len(text) <= width
        assert "Esc Close" in text and "? Help" in text
        # Every word on the line is a whole key label or description.
        shown = {f"{item.key} {item.description}" for item in footer.items}
        assert text.strip() == "  ".join(f"{i.key} {i.description}" for i in footer.items)
        assert all(s in text for s in shown)


async def test_the_find_bar_footer_offers_no_key_that_types_into_the_box():
    app = bundled_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        footer = app.screen.query_one(SpineFooter)
        keys = [item.key for item in footer.items]
        assert "?" not in keys and "b" not in keys and "/" not in keys
        text = footer.render().plain
        assert "Esc Close" in text and "Enter/↓ Next" in text


async def test_a_footer_key_can_be_tapped():
    app = bundled_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(SpineFooter)
        footer.render()
        start = next(s for s, _e, item in footer._spans if item.action == "compare")
        await pilot.click(SpineFooter, offset=(start + 1, 0))
        await pilot.pause()
        assert type(app.screen).__name__ == "ComparisonScreen"
