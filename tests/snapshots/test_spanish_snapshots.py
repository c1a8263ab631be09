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
