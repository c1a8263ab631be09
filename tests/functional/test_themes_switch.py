"""Changing the theme redraws the open article at once, and a personal reader's choice
is remembered in the config file; a kiosk takes its theme from the config and writes
nothing."""

from __future__ import annotations

from rich.color import Color

from spinetui.components.article.article_view import ArticleView
from spinetui.kiosk.config import load_config
from spinetui.kiosk.policy import KioskPolicy
from spinetui.themes import PALETTES
from tests.functional.helpers import make_app


def _article_colours(view: ArticleView) -> tuple[set[str], set[str]]:
    """The foreground and background colours of the article lines on screen."""
    fore, back = set(), set()
    for y in range(view.scrollable_content_region.height):
        for segment in view.render_line(y):
            if segment.style is None or not segment.text.strip():
                continue
            if segment.style.color is not None and segment.style.color.triplet is not None:
                fore.add(segment.style.color.triplet.hex)
            if segment.style.bgcolor is not None and segment.style.bgcolor.triplet is not None:
                back.add(segment.style.bgcolor.triplet.hex)
    return fore, back


def _hex(colour: str) -> str:
    return Color.parse(colour).get_truecolor().hex


async def test_changing_theme_redraws_the_open_article_and_is_remembered(tmp_path):
    settings = tmp_path / "config.toml"
    settings.write_text("# my settings\nidle_seconds = 120\n")
    app = make_app(start_article="third", settings_path=settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await pilot.press("pagedown")
        place = round(view.scroll_offset.y)
        fore, back = _article_colours(view)
        assert _hex(PALETTES["dark"].background) in back
        app.theme = "light"  # what the palette's "Change theme" does
        await pilot.pause()
        await pilot.pause()
        fore, back = _article_colours(view)
        assert back == {_hex(PALETTES["light"].background)}
        assert _hex(PALETTES["light"].foreground) in fore
        assert round(view.scroll_offset.y) == place
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.theme == "high-contrast"
    text = settings.read_text()
    assert "# my settings" in text and "idle_seconds = 120" in text
    assert load_config(settings).theme == "high-contrast"


async def test_the_palette_offers_only_the_checked_themes():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert set(app.available_themes) == set(PALETTES)


async def test_the_app_starts_in_the_configured_theme():
    app = make_app(theme="light")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == "light"
        _fore, back = _article_colours(app.screen.query_one(ArticleView))
        assert back == {_hex(PALETTES["light"].background)}


async def test_a_kiosk_writes_no_theme_and_the_next_visitor_gets_the_configured_one(tmp_path):
    settings = tmp_path / "config.toml"
    policy = KioskPolicy(enabled=True)
    app = make_app(kiosk=policy, theme="light", settings_path=settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.theme = "dark"
        await pilot.pause()
        await app.reset_session()
        await pilot.pause()
        assert app.theme == "light"
    assert not settings.exists()


def _backgrounds(lines: list) -> set[str]:
    return {
        segment.style.bgcolor.triplet.hex
        for line in lines
        for segment in line
        if segment.style is not None
        and segment.style.bgcolor is not None
        and segment.style.bgcolor.triplet is not None
    }


async def test_the_frame_after_a_theme_change_is_drawn_in_the_new_theme():
    """The contents and the article keep their styles for one frame only (FrameMemo,
    components/frame_memo.py): whole frames drawn as Textual draws them, after each
    change of theme, are in that theme's colours, and nothing is kept between frames."""
    from textual.geometry import Region

    from spinetui.components.reader.contents_tree import ContentsTree

    app = make_app(start_article="third")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        tree = app.screen.query_one(ContentsTree)
        for theme in ("light", "dark", "high-contrast", "light"):
            app.theme = theme
            await pilot.pause()
            await pilot.pause()
            mine = {_hex(c) for c in PALETTES[theme].backgrounds.values()}
            others = {_hex(c) for p in PALETTES.values() for c in p.backgrounds.values()} - mine
            for widget in (tree, view):
                frame = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
                backgrounds = _backgrounds(frame)
                where = (theme, type(widget).__name__)
                assert backgrounds & mine, where
                assert not backgrounds & others, where  # nothing left of the last theme
                assert widget._frame_memo is None  # kept for that one frame only
