"""SVG snapshots of My questions and taking it home. Review the SVGs before accepting.

Notices are cleared before each snapshot: they go after a few seconds, and a slow
machine must not change the picture.
"""

from __future__ import annotations

import pytest

from spinetui.kiosk.policy import KioskPolicy
from tests.conftest import FIXTURES
from tests.functional.helpers import make_app

GUIDE = FIXTURES / "questions-guide"
SIZES = [(80, 24), (120, 40)]
IDS = ["80x24", "120x40"]
# Tick the first and third questions.
TICKS = ["l", "space", "l", "l", "space"]


def keys(*pressed: str):
    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.press(*pressed)
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_questions_ticked_in_an_article(snap_compare, size):
    assert snap_compare(make_app(GUIDE), terminal_size=size, run_before=keys(*TICKS))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_my_questions_screen(snap_compare, size):
    # Add one of your own, leave the text box, untick the first row.
    own = ["m", "a", *"Can I drive home after?", "enter", "escape", "down", "space"]
    assert snap_compare(make_app(GUIDE), terminal_size=size, run_before=keys(*TICKS, *own))


def test_my_questions_empty(snap_compare):
    assert snap_compare(make_app(GUIDE), terminal_size=(80, 24), run_before=keys("m"))


def test_save_box(snap_compare, monkeypatch):
    # A fixed home, so the path shown is the same on every machine.
    monkeypatch.setenv("HOME", "/home/reader")
    monkeypatch.setenv("XDG_DATA_HOME", "/home/reader/.local/share")
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    run_before = keys(*TICKS, "m", "t")
    assert snap_compare(make_app(GUIDE), terminal_size=(80, 24), run_before=run_before)


def kiosk():
    return make_app(GUIDE, kiosk=KioskPolicy(enabled=True, attract_seconds=600.0))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_kiosk_qr_code(snap_compare, size):
    run_before = keys("space", *TICKS, "m", "t")
    assert snap_compare(kiosk(), terminal_size=size, run_before=run_before)


def test_kiosk_photo_layout(snap_compare):
    run_before = keys("space", *TICKS, "m", "t", "p")
    assert snap_compare(kiosk(), terminal_size=(80, 24), run_before=run_before)
