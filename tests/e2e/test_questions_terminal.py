"""My questions in a real terminal (tmux): a question ticked in the kiosk, and the
list, are gone after the idle reset; the QR code is drawn for the next step."""

from __future__ import annotations

import subprocess
import time

import pytest

from tests.conftest import FIXTURES
from tests.e2e.tmux import TmuxTerminal

pytestmark = pytest.mark.e2e

GUIDE = FIXTURES / "questions-guide"
START = "any key to start"  # "Tap or press any key…", or on the console "Press any key…"
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
        term.send("t")
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


LIGHT_NAMES = {"white", "brightwhite", "ffffff", "e5e5e5", "c0c0c0", "aaaaaa"}


def _light(color: str) -> bool:
    if color in LIGHT_NAMES:
        return True
    if len(color) == 6:
        try:
            r, g, b = (int(color[i : i + 2], 16) for i in (0, 2, 4))
        except ValueError:
            return False
        return 0.299 * r + 0.587 * g + 0.114 * b > 128
    return False


def settled_capture(term: TmuxTerminal, timeout: float = 15.0) -> str:
    """The pane with colours, once two captures in a row agree (the app has finished
    drawing: on a busy machine the text can come before the last rows of the code)."""
    deadline = time.monotonic() + timeout
    last = term._run("capture-pane", "-p", "-e", "-t", "t")
    while time.monotonic() < deadline:
        time.sleep(0.3)
        now = term._run("capture-pane", "-p", "-e", "-t", "t")
        if now == last:
            return now
        last = now
    raise AssertionError("the screen kept changing")


def test_on_a_linux_console_the_qr_code_in_full_blocks_reads_back(tmp_path):
    """TERM=linux through a real terminal: the code comes out in full blocks, two
    columns a module, and zbarimg reads the questions back from the cells' colours."""
    import pyte

    from tests.functional.test_take_home_qr import write_pgm, zbarimg

    decoder = zbarimg()
    args = ["--kiosk", "--content", str(GUIDE)]
    with TmuxTerminal(args, width=200, height=64, term="linux") as term:
        term.wait_for(START)
        term.send("Enter")
        term.wait_for("Tick the questions you want to ask")
        term.send("l")
        term.send("Space")
        term.wait_for(f"[x] {QUESTION}")
        term.send("m")
        term.wait_for(f"[x] 1. {QUESTION}")
        term.send("t")
        term.wait_for("Point your phone's camera at the code")
        captured = settled_capture(term)
    screen = pyte.Screen(200, 64)
    pyte.Stream(screen).feed(captured.replace("\n", "\r\n"))
    pixels: list[list[bool]] = []
    blocks = set()
    for y in range(screen.lines):
        row = []
        for x in range(screen.columns):
            cell = screen.buffer[y][x]
            if cell.data == "█":
                blocks.add(cell.data)
                row.append(_light(cell.fg))
            else:
                row.append(_light(cell.bg) if cell.bg != "default" else False)
        pixels += [row, row]  # a cell is about twice as tall as it is wide
    assert "▀" not in captured and "▄" not in captured and blocks == {"█"}
    image = tmp_path / "console.pgm"
    write_pgm(pixels, image)
    result = subprocess.run(
        [decoder, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
        capture_output=True,
        timeout=30,
    )
    assert result.returncode == 0, f"zbarimg found no code: {result.stderr.decode()!r}"
    assert result.stdout.decode("utf-8").removesuffix("\n") == f"My questions:\n1. {QUESTION}"
