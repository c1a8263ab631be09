"""SVG snapshots of screens in Spanish, on the bundled Spanish guide (content/es/).

The app's words come from the Spanish catalog, the table's rows and options from
content/es/comparison.yaml. Review the SVGs like code before accepting.
"""

from __future__ import annotations

from spinetui import i18n
from spinetui.app import SpineApp
from spinetui.model import bundled_content_dir
from spinetui.model.languages import load_language
from spinetui.services import Services


async def _open_comparison(pilot) -> None:
    await pilot.pause()
    await pilot.press("c")
    await pilot.pause()


def test_comparison_screen_in_spanish_at_80x24(snap_compare):
    i18n.set_language("es")
    try:
        app = SpineApp(Services(load_language(bundled_content_dir(), "es").guide))
        assert snap_compare(app, terminal_size=(80, 24), run_before=_open_comparison)
    finally:
        i18n.set_language("en")


def _spanish_app(**kwargs) -> SpineApp:
    from spinetui.services import load_services

    return SpineApp(load_services(bundled_content_dir(), "es", kiosk=True), **kwargs)


async def _open_esi(pilot) -> None:
    """The steroid-shot article at how well it works, with its icon array."""
    from spinetui.components.navigation import OpenArticle

    await pilot.pause()
    pilot.app.post_message(OpenArticle("esi", "benefits"))
    for _ in range(4):
        await pilot.pause()


def test_reader_in_spanish_at_120x40(snap_compare):
    # The main screen: Spanish contents, header, article and footer.
    try:
        assert snap_compare(_spanish_app(), terminal_size=(120, 40), run_before=_open_esi)
    finally:
        i18n.set_language("en")


def test_kiosk_start_screen_offers_both_languages(snap_compare):
    from spinetui.kiosk.policy import KioskPolicy

    try:
        app = _spanish_app(kiosk=KioskPolicy(enabled=True, attract_seconds=600.0))
        assert snap_compare(app, terminal_size=(80, 24))
    finally:
        i18n.set_language("en")
