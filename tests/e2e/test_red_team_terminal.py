"""Red-team findings (issue 14) that show only in a real terminal (tmux): what a visitor
sees when the kiosk gives up, signals, a stuck kiosk's hang-up, and cell widths."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from spinetui.kiosk.policy import KIOSK_FAILURE_MESSAGE
from tests.conftest import FIXTURES
from tests.e2e.tmux import TmuxTerminal, app_pid

pytestmark = pytest.mark.e2e

GUIDE = FIXTURES / "reader-guide"
START = "Tap or press any key to start"
FIRST_WORDS = "Welcome to the first article"

# spinetui with one key action broken, the way a bug would break it.
FAILING_SPINETUI = """\
import sys

from spinetui.app import SpineApp
from spinetui.components import crash_guard


def boom(*args, **kwargs):
    secret_local = "visitor-typed-text"  # a traceback with locals would show this
    raise RuntimeError("simulated failure " + secret_local)


SpineApp.action_compare = boom  # "c", an app-wide key: wherever the focus is
# The guard gives up after six failures within 30 s. On a loaded machine six trips
# through the start screen can take longer than that, and the oldest failure would drop
# out of the window; the test is about what the visitor sees when it gives up, so the
# window is made long enough that the sixth always counts.
crash_guard.FAILURE_WINDOW_SECONDS = 3600.0
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

    def wait_for(self, text: str, timeout: float = 15.0, *, gone: str | None = None) -> None:
        """Wait until `text` is on the screen (and `gone`, if given, is not)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = "\n".join(self.screen.display)
            if text in shown and (gone is None or gone not in shown):
                return
            if not self._read(0.1):
                break
        raise AssertionError(f"{text!r} did not appear:\n" + "\n".join(self.screen.display))

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def read_to_the_end(self, timeout: float = 60.0) -> bytes:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self._read(0.1):
            pass
        try:
            self.process.wait(timeout=max(10.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            raise AssertionError(
                "the program did not end; its screen:\n" + "\n".join(self.screen.display)
            ) from None
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
            # Each screen in turn, the other gone: a key sent while the last one is
            # still drawn would go to it (the start screen takes any key to start).
            term.wait_for(START, gone="Reviewed")
            term.send(b"\r")
            # The reader's header (the start card may quote the article's first words).
            term.wait_for("Reviewed", gone=START)
            term.send(b"c")
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
        term.wait_for("More words")
        # The article can reach the terminal a frame before the contents do; wait for
        # the contents rows this test is about (the emoji headings) beside the divider.
        screen = term.wait_until(
            lambda screen: all(
                any(word in line and "▕" in line for line in screen.splitlines())
                for word in ("Family", "Thumbs")
            ),
            "the contents' emoji rows were not drawn",
        )
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


# spinetui whose `l` key never returns, as when the palette's matcher ran away
# (finding 2): the UI thread is busy for good and the event loop never runs again.
STUCK_SPINETUI = """\
import sys

from spinetui.components.article.article_view import ArticleView


def spin(*args, **kwargs):
    while True:
        pass


ArticleView.action_next_target = spin
from spinetui.cli import main

sys.exit(main())
"""


def stuck_spinetui(tmp_path: Path) -> list[str]:
    script = tmp_path / "spinetui-stuck.py"
    script.write_text(STUCK_SPINETUI)
    return [sys.executable, str(script)]


def left_the_terminal_as_it_was(output: bytes) -> bool:
    """The alternate screen was left and mouse reporting turned off, after they were
    last turned on."""
    return all(
        output.rfind(off) > output.rfind(on) >= 0
        for on, off in ((b"\x1b[?1049h", b"\x1b[?1049l"), (b"\x1b[?1000h", b"\x1b[?1000l"))
    )


@pytest.mark.parametrize("kiosk", [True, False])
def test_sigterm_puts_the_terminal_back(kiosk):
    # Finding 10: SIGTERM ended the process on the spot, in the alternate screen with
    # mouse tracking on.
    args = ["--kiosk" if kiosk else "--no-kiosk", "--content", str(GUIDE)]
    term = PtyTerminal([sys.executable, "-m", "spinetui", *args])
    try:
        term.wait_for(START if kiosk else FIRST_WORDS)
        term.process.send_signal(signal.SIGTERM)
        output = term.read_to_the_end()
    finally:
        term.close()
    assert term.process.returncode == 0
    assert left_the_terminal_as_it_was(output)


def test_sigterm_puts_the_terminal_back_even_when_the_kiosk_is_stuck(tmp_path):
    term = PtyTerminal([*stuck_spinetui(tmp_path), "--kiosk", "--content", str(GUIDE)])
    try:
        term.wait_for(START)
        term.send(b"\r")
        term.wait_for(FIRST_WORDS)
        term.send(b"l")  # the UI thread is stuck from here on
        term.process.send_signal(signal.SIGTERM)
        output = term.read_to_the_end()
    finally:
        term.close()
    assert left_the_terminal_as_it_was(output)


def test_sigusr1_and_sigalrm_do_not_end_the_kiosk():
    with TmuxTerminal(["--kiosk", "--content", str(GUIDE)]) as term:
        term.wait_for(START)
        pid = app_pid(term)
        for number in (signal.SIGUSR1, signal.SIGUSR2, signal.SIGALRM):
            os.kill(pid, number)
        term.send("Enter")
        term.wait_for(FIRST_WORDS)
        assert term.is_running()


def test_a_stuck_kiosk_ends_when_its_terminal_hangs_up(tmp_path):
    # Finding 11: the hang-up handler waited for the event loop, which a stuck kiosk
    # never ran again, so it kept running (and its memory) after the terminal went.
    term = TmuxTerminal(["--kiosk", "--content", str(GUIDE)], program=stuck_spinetui(tmp_path))
    try:
        term.wait_for(START)
        term.send("Enter")
        term.wait_for(FIRST_WORDS)
        pid = app_pid(term)
        term.send("l")
        time.sleep(0.5)  # let the key reach the app and start the endless loop
        assert process_state(pid) == "R"  # busy, not waiting for input
    finally:
        term.close()  # the terminal goes away: a hang-up
    deadline = time.monotonic() + 20
    while process_state(pid) not in ("gone", "Z"):
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            raise AssertionError("the stuck kiosk kept running after its terminal went away")
        time.sleep(0.1)


def process_state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "gone"


def test_the_login_shell_script_ends_when_its_console_hangs_up(tmp_path):
    # Finding 8: the script ignored SIGHUP and ran spinetui again and again on a
    # terminal that was gone, so getty never got the console back.
    from tests.conftest import REPO
    from tests.e2e.tmux import child_pids, spinetui_command

    config = tmp_path / "config.toml"
    config.write_text("kiosk = true\n")
    env = {"SPINETUI": str(spinetui_command()), "SPINETUI_CONFIG": str(config)}
    script = REPO / "deploy" / "spinetui-kiosk-session"
    term = TmuxTerminal([], program=["/bin/sh", str(script)], env=env)
    try:
        term.wait_for(START, timeout=30)
        pane = int(term._run("list-panes", "-t", "t", "-F", "#{pane_pid}").strip())
        family = [pane, *child_pids(pane)]
        family += [grandchild for pid in family[1:] for grandchild in child_pids(pid)]
        shell = next(pid for pid in family if b"kiosk-session" in _cmdline(pid))
        app = next(pid for pid in family if b"--config" in _cmdline(pid))
    finally:
        term.close()  # the console goes away: a hang-up
    deadline = time.monotonic() + 20
    while any(process_state(pid) not in ("gone", "Z") for pid in (shell, app)):
        if time.monotonic() > deadline:
            for pid in (shell, *child_pids(shell)):
                os.kill(pid, signal.SIGKILL)
            raise AssertionError("the session script kept running after the hang-up")
        time.sleep(0.1)


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""
