"""The decision tools in a real terminal (tmux): a kiosk on TERM=linux, 16 colours,
drawing only what the console fonts hold, and forgetting the answers when it starts over."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from spinetui.components.kiosk.attract_screen import START_PROMPT as START
from tests.conftest import FIXTURES, SHARED, in_ci
from tests.e2e.tmux import TmuxTerminal

pytestmark = pytest.mark.e2e

GUIDE = FIXTURES / "decide-guide"
CONSOLE_TOOL = SHARED / "tools" / "console_glyphs.py"
#: Drawn by Textual on every screen, not by the decision tools: scrollbar thumb ends
#: and the footer's divider.
SHARED_FRAME = "▁▂▃▄▅▆▇▏▕"
FONTS = [
    "/usr/share/consolefonts/Uni2-Fixed16.psf.gz",
    "/usr/share/consolefonts/Lat15-Fixed16.psf.gz",
]


def test_what_matters_and_sure_on_the_linux_console_then_the_idle_reset(tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text("kiosk = true\nidle_seconds = 8\nnotice_seconds = 2\n")
    args = ["--config", str(config), "--content", str(GUIDE)]
    with TmuxTerminal(args, width=80, height=24, env={"TERM": "linux"}) as term:
        term.wait_for(START)
        term.send("Enter")
        term.wait_for("This guide tests the decision tools")
        term.send("c")
        term.wait_for("w: What matters")
        term.send("w")
        term.wait_for("Fast relief")
        term.send("3")
        screens = [term.wait_for("[x] A lot")]
        term.send("Enter")
        term.wait_for("(* 1 row)")
        term.send("C-p")
        term.wait_for("for commands")
        term.send("-l", "are you sure")
        term.wait_for("Decision tool")
        term.send("Enter")
        term.wait_for("Four questions before you decide")
        term.send("n", "n", "n", "n")  # each answer goes on to the next question
        screens.append(term.wait_for("You said yes to 0 of 4 questions."))
        # Nobody touches it: the start screen, and the next visitor starts with nothing.
        term.wait_for(START, timeout=40)
        term.send("Enter")
        term.wait_for("This guide tests the decision tools")
        term.send("c")
        comparison = term.wait_for("w: What matters")
        assert "(* 1 row)" not in comparison and "matters to you" not in comparison
        term.send("w")
        screens.append(term.wait_for("Fast relief"))
        assert "[x]" not in screens[-1]
    # The glyph check reads the screens of the tools themselves. The comparison's
    # evidence badges, Textual's palette, and the frame every screen shares (Textual's
    # scrollbar ends and the footer's divider) are left to the checks of those parts.
    capture = tmp_path / "capture.txt"
    text = "\n".join(screens).translate({ord(c): None for c in SHARED_FRAME})
    capture.write_text(text, encoding="utf-8")
    if not CONSOLE_TOOL.exists():
        reason = f"the console glyph check needs {CONSOLE_TOOL}"
        if in_ci():
            pytest.fail(reason)
        pytest.skip(reason)
    fonts = [f for f in FONTS if os.path.exists(f)]
    if not fonts:
        pytest.skip("no Linux console fonts (Debian's console-setup-linux)")
    result = subprocess.run(
        [sys.executable, str(CONSOLE_TOOL), str(capture), *fonts], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout
