"""SVG snapshots of console-safe drawing (TERM=linux, --console): the VGA palette,
box-line borders, whole-cell scrollbars, [links] and ‹marked words›."""

from __future__ import annotations

from spinetui.kiosk.policy import KioskPolicy
from tests.conftest import FIXTURES
from tests.functional.helpers import make_app


def test_console_main_screen(snap_compare):
    # 80x25: the text console's own size on a VGA screen.
    assert snap_compare(make_app(console=True), terminal_size=(80, 25))


def test_console_comparison(snap_compare):
    app = make_app(FIXTURES / "compare-guide", console=True)
    assert snap_compare(app, terminal_size=(100, 30), press=["c", "down"])


def test_console_kiosk_start_screen(snap_compare):
    app = make_app(console=True, pointer=False, kiosk=KioskPolicy(enabled=True))
    assert snap_compare(app, terminal_size=(80, 25))
