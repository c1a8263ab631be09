"""The installed `spinetui` command, in a real terminal: open an article and read it."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES
from tests.e2e.tmux import TmuxTerminal

pytestmark = pytest.mark.e2e


def test_open_an_article_and_read_it():
    guide = FIXTURES / "reader-guide"
    with TmuxTerminal(["--content", str(guide)], width=100, height=30) as term:
        term.wait_for("Welcome to the first article")
        # Step past the glossary word to the first link ("second article") and follow it.
        term.send("l")
        term.send("l")
        term.send("Enter")
        term.wait_for("Second article opening words")
        term.send("b")
        term.wait_for("Welcome to the first article")
        term.send("q")


def test_bundled_guide_opens_the_article_named_on_the_command_line():
    with TmuxTerminal(["esi"], width=120, height=40) as term:
        screen = term.wait_for("Reviewed")
        assert "Epidural steroid" in screen or "steroid" in screen.lower()
        term.send("q")


def test_help_flag_prints_usage_without_starting_the_app():
    import subprocess

    from tests.e2e.tmux import spinetui_command

    result = subprocess.run(
        [str(spinetui_command()), "--help"], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0
    assert "--content" in result.stdout and "check" in result.stdout
