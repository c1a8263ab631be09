"""My questions in a real terminal (tmux): a question ticked in the kiosk, and the
list, are gone after the idle reset; the QR code is drawn for the next step."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES
from tests.e2e.tmux import TmuxTerminal

pytestmark = pytest.mark.e2e

GUIDE = FIXTURES / "questions-guide"
START = "Press any key or tap to start"
QUESTION = "What is causing my pain?"


def test_the_idle_reset_forgets_the_ticked_questions():
    args = ["--kiosk", "--idle-seconds", "8", "--content", str(GUIDE)]
    with TmuxTerminal(args, width=100, height=30) as term:
        term.wait_for(START)
        term.send("Enter")
        term.wait_for("Tick the questions you want to ask")
        assert f"[ ] {QUESTION}" in term.screen()
        term.send("l")
        term.send("Space")
        term.wait_for(f"[x] {QUESTION}")
        term.send("m")
        term.wait_for(f"[x] 1. {QUESTION}")
        term.send("h")
        term.wait_for("Point your phone's camera at the code")
        # Nobody touches it: "Still reading?", then the start screen again.
        term.wait_for("Still reading?", timeout=30)
        term.wait_for(START, timeout=30)
        term.send("Enter")
        screen = term.wait_for("Tick the questions you want to ask")
        assert f"[ ] {QUESTION}" in screen
        assert f"[x] {QUESTION}" not in screen
        term.send("m")
        term.wait_for("No questions yet")
