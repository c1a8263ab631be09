"""Every screen under TERM=linux, in a real terminal (tmux): each capture is checked
with the shared console-font checker, which fails on any character that Uni2-Fixed16,
Lat15-Fixed16 or Uni2-Terminus16 cannot draw."""

from __future__ import annotations

import time

import pytest

from spinetui.kiosk.pin import hash_pin
from tests.console_contrast import low_contrast
from tests.console_fonts import check_capture, console_fonts, glyph_checker
from tests.e2e.tmux import TmuxTerminal

pytestmark = pytest.mark.e2e

PIN = "8642"


class Walk:
    """Keys to press, text to wait for, and every screen seen on the way."""

    def __init__(self, term: TmuxTerminal) -> None:
        self.term = term
        self.screens: list[str] = []
        self.coloured: list[str] = []  # the same screens with their colour codes

    def see(self, text: str, *keys: str) -> str:
        for key in keys:
            self.term.send(key)
        screen = self.term.wait_for(text)
        self.screens.append(screen)
        self.coloured.append(self.term._run("capture-pane", "-e", "-p", "-t", "t"))
        return screen

    def gone(self, text: str, *keys: str, timeout: float = 15.0) -> None:
        """Press keys, then wait until `text` is no longer on the screen (a closed
        pop-up: what was under it may already be showing)."""
        for key in keys:
            self.term.send(key)
        deadline = time.monotonic() + timeout
        while text in (screen := self.term.screen()):
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} is still on the screen:\n{screen}")
            time.sleep(0.1)
        # Escape and the next key in one burst would read as an Alt chord (Textual
        # waits ESCDELAY, 100 ms, for the rest of a sequence).
        time.sleep(0.3)

    def check(self, tmp_path) -> None:
        result = check_capture("\n".join(self.screens), tmp_path)
        assert result.returncode == 0, (
            "characters the console fonts lack were drawn:\n" + result.stdout + result.stderr
        )
        # Every text as the console shows it (16 colours, 8 backgrounds) is >= 7:1.
        problems = [p for screen in self.coloured for p in low_contrast(screen)]
        assert problems == [], "\n".join(problems[:20])


@pytest.fixture(autouse=True)
def _checker_and_fonts():
    # Skip (or fail in CI) before starting any terminal when either is missing.
    glyph_checker()
    console_fonts()


def test_every_reading_screen_draws_only_console_glyphs(tmp_path):
    with TmuxTerminal([], width=100, height=30, term="linux") as term:
        walk = Walk(term)
        walk.see("Reviewed")  # the reader, with the contents beside it
        walk.see("Esc to close", "?")  # help
        walk.gone("Esc to close", "Escape")
        walk.see("Search the guide", "s")
        walk.see("result", "steroid")  # search results, matches marked
        walk.gone("Search the guide", "Escape")
        walk.see("words.", "g")  # the glossary
        walk.see("Read more", "Enter")  # a term's card
        walk.gone("Read more", "Escape")
        walk.gone("words.", "Escape")
        walk.see("Shift+Enter", "/", "pain")  # the find bar
        walk.gone("Shift+Enter", "Escape")
        walk.see("Search for commands", "C-p")  # the palette
        walk.see("Heading in", "esi")
        walk.gone("Heading in", "Escape")
        walk.gone("Search for commands")
        walk.see("Compare treatments", "c")  # the comparison
        walk.see("Choose treatments", "t")  # the chooser
        walk.gone("Choose treatments", "Escape")
        walk.see("What matters to you", "w")  # the decision tools
        walk.gone("What matters to you", "Escape")
        walk.see("Side by side ·", "v")  # side by side, from the comparison
        walk.gone("Side by side ·", "Escape")
        walk.gone("Compare treatments", "Escape")
        walk.see("in the content files", "!")  # the problems screen
        walk.gone("in the content files", "Escape")
        walk.see("Search for commands", "C-p")
        walk.see("SURE check", "sure")
        walk.see("Four questions before you decide", "Enter")
        walk.gone("Four questions before you decide", "Escape")
        walk.see("Read beside this article", "v")  # side by side's article picker
        walk.see("Side by side ·", "Enter")
        assert term.is_running()
    walk.check(tmp_path)


def test_every_kiosk_screen_draws_only_console_glyphs(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text(f'pin_hash = "{hash_pin(PIN, n=2**10)}"\n')
    args = ["--kiosk", "--config", str(config), "--idle-seconds", "4"]
    with TmuxTerminal(args, width=80, height=25, term="linux") as term:
        walk = Walk(term)
        # No mouse on the text console: the start screen says so.
        start = walk.see("Press any key to start")
        assert "Tap" not in start
        walk.see("Reviewed", "Enter")
        notice = walk.see("Still reading?")  # the idle notice, after 4 s
        assert "Press any key to keep reading" in notice
        walk.gone("Still reading?", "j")
        walk.see("Admin PIN", "C-k", "C-x")  # the PIN prompt
        walk.see("•", "1")
        assert term.is_running()
    walk.check(tmp_path)
