"""Red-team findings (issue 14) that show only in a real terminal (tmux): what a visitor
sees when the kiosk gives up, signals, a stuck kiosk's hang-up, and cell widths."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from spinetui.kiosk.policy import KIOSK_FAILURE_MESSAGE
from tests.conftest import FIXTURES
from tests.e2e.tmux import TmuxTerminal

pytestmark = pytest.mark.e2e

GUIDE = FIXTURES / "reader-guide"
START = "Tap or press any key to start"
FIRST_WORDS = "Welcome to the first article"

# spinetui with one key action broken, the way a bug would break it.
FAILING_SPINETUI = """\
import sys

from spinetui.components.reader.article_view import ArticleView


def boom(*args, **kwargs):
    secret_local = "visitor-typed-text"  # a traceback with locals would show this
    raise RuntimeError("simulated failure " + secret_local)


ArticleView.action_next_target = boom
from spinetui.cli import main

sys.exit(main())
"""


def failing_spinetui(tmp_path: Path) -> list[str]:
    script = tmp_path / "spinetui-failing.py"
    script.write_text(FAILING_SPINETUI)
    return [sys.executable, str(script)]


class PtyTerminal:
    """A program on a pseudo-terminal of its own, with everything it wrote kept.

    tmux can drop the last output of a program that exits straight after writing it,
    so what the visitor would see at the very end is read here from the terminal
    device itself, until the program has closed it.
    """

    def __init__(self, argv: list[str], *, width: int = 100, height: int = 30, env=None):
        import fcntl
        import pty
        import struct
        import subprocess
        import termios

        import pyte

        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
        environment = {**os.environ, "TERM": "xterm-256color", **(env or {})}
        self.process = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=environment,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.output = bytearray()
        self.screen = pyte.Screen(width, height)
        self.stream = pyte.ByteStream(self.screen)

    def _read(self, timeout: float) -> bool:
        """Read what is there; False once the program has closed the terminal."""
        import select

        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return True
        try:
            data = os.read(self.master, 65536)
        except OSError:
            return False
        if not data:
            return False
        self.output += data
        self.stream.feed(data)
        return True

    def wait_for(self, text: str, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in "\n".join(self.screen.display):
                return
            if not self._read(0.1):
                break
        raise AssertionError(f"{text!r} did not appear:\n" + "\n".join(self.screen.display))

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def read_to_the_end(self, timeout: float = 20.0) -> bytes:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self._read(0.1):
            pass
        self.process.wait(timeout=max(1.0, deadline - time.monotonic()))
        return bytes(self.output)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.master)


def test_a_kiosk_that_keeps_failing_shows_no_traceback(tmp_path):
    program = failing_spinetui(tmp_path)
    env = {"SPINETUI_STRICT_ERRORS": "0"}  # let the crash guard do its job
    term = PtyTerminal([*program, "--kiosk", "--content", str(GUIDE)], env=env)
    try:
        # Each failure starts over on the start screen; the sixth in a row gives up.
        for _ in range(6):
            term.wait_for(START)
            term.send(b"\r")
            term.wait_for(FIRST_WORDS)
            term.send(b"l")
        output = term.read_to_the_end().decode("utf-8", "replace")
        assert term.process.returncode == 1
    finally:
        term.close()
    assert "Traceback" not in output
    assert "simulated failure" not in output
    assert "visitor-typed-text" not in output
    assert KIOSK_FAILURE_MESSAGE in output


def test_emoji_sequences_do_not_shift_the_contents_divider(tmp_path):
    # Finding 10: a ZWJ sequence, a skin tone or an emoji variation selector is one
    # glyph for Textual but wider or narrower in a terminal, so the contents divider
    # on that row moved. Cleaned at load time, every row keeps it in one column.
    from tests.fixtures.content_builder import article, build

    body = "# Family 👨\u200d👩\u200d👧 care\n\nWords.\n\n## Thumbs 👍🏽 up ❤️\n\nMore words.\n"
    folder = build(
        tmp_path / "guide",
        articles={"one.md": article(title="Heart ❤️ and 1️⃣ keycap", body=body)},
    )
    with TmuxTerminal(["--content", str(folder)]) as term:
        screen = term.wait_for("More words")
    columns = {
        terminal_width(line[: line.index("▕")]) for line in screen.splitlines() if "▕" in line
    }
    assert len(columns) == 1, screen


def terminal_width(text: str) -> int:
    """Cells a terminal gives `text`, one code point at a time (as wcwidth does): wide
    and full-width characters two, combining marks and format characters none."""
    import unicodedata

    width = 0
    for char in text:
        if unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width
