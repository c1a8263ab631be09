"""The installed `spinetui` command, in a real terminal: open the comparison and read it."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES
from tests.e2e.tmux import TmuxTerminal

pytestmark = pytest.mark.e2e


def test_c_opens_the_comparison_and_a_cell_can_be_read():
    guide = FIXTURES / "compare-guide"
    with TmuxTerminal(["--content", str(guide)], width=80, height=24) as term:
        term.wait_for("This guide compares")
        term.send("c")
        screen = term.wait_for("Columns 1–2 of 3")
        assert "Steroid injection (ESI)" in screen
        assert "A steroid and a numbing" in screen  # the first cell, wrapped
        assert "Moderate evidence" in screen
        # Move to the PRP column of the "How well it works" row: the detail panel
        # under the table shows the cell in full, with its source.
        term.send("Right", "Down", "Down")
        screen = term.wait_for("How well it works · Platelet-rich plasma (PRP)")
        assert "Unclear; small trials disagree." in screen
        term.send("Escape")
        term.wait_for("This guide compares")
        term.send("q")


def test_the_bundled_comparison_opens():
    with TmuxTerminal([], width=120, height=40) as term:
        term.wait_for("Reviewed")
        term.send("c")
        screen = term.wait_for("Compare treatments")
        assert "Platelet-rich plasma" in screen
        term.send("q")
