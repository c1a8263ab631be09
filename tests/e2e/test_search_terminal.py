"""The installed `spinetui`, in a real terminal: search for a word and open a result."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES
from tests.e2e.tmux import TmuxTerminal

pytestmark = pytest.mark.e2e


def wait_until_gone(term: TmuxTerminal, text: str, timeout: float = 15.0) -> str:
    return term.wait_until(
        lambda screen: text not in screen, f"{text!r} stayed on the screen", timeout
    )


def test_search_for_a_word_and_open_the_result():
    guide = FIXTURES / "search-guide"
    with TmuxTerminal(["--content", str(guide)], width=100, height=30) as term:
        term.wait_for("This guide explains")
        term.send("s")
        term.wait_for("Search the guide")
        term.send("-l", "written price")  # -l: type the text literally
        screen = term.wait_for("result for “written price”")
        assert "Steroid shots › Cost" in screen
        term.send("Enter")
        # The article opens at its cost part, far below the top.
        screen = term.wait_for("Reviewed 2026-02-01")
        assert "Steroid shots" in screen
        assert "One shot costs about 300 dollars" in screen
        assert "Paragraph 1 explains" not in screen
        term.send("/")
        term.wait_for("Find:")
        term.send("-l", "shot")
        screen = term.wait_for(" of 44")
        assert "One shot costs about 300 dollars" in screen  # still at the same place
        term.send("Escape")
        wait_until_gone(term, " of 44")
        term.send("q")


def test_find_the_word_in_the_bundled_guide_and_open_the_glossary():
    with TmuxTerminal([], width=110, height=32) as term:
        term.wait_for("Reviewed")
        term.send("s")
        term.wait_for("Search the guide")
        term.send("-l", "numbness")
        term.wait_for("results for “numbness”")
        # A key right after Esc would reach the app as Alt+key: wait for the reader.
        term.send("Escape")
        wait_until_gone(term, "Search the guide")
        term.send("g")
        term.wait_for("Glossary: the medical words")
        term.send("-l", "sciatica")
        term.send("Enter")
        term.wait_for("Read more")
        term.send("Escape")
        wait_until_gone(term, "Read more")
        term.send("Escape")
        wait_until_gone(term, "Glossary: the medical words")
        term.send("q")
