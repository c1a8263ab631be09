"""`spinetui --kiosk` in a real terminal (tmux): no key gets a visitor out, the admin
PIN does, an idle screen starts over, and nothing is written to disk."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from spinetui.kiosk.pin import hash_pin
from spinetui.kiosk.policy import ADMIN_EXIT_STATUS
from tests.conftest import FIXTURES
from tests.e2e.tmux import TmuxTerminal, app_pid

pytestmark = pytest.mark.e2e

GUIDE = FIXTURES / "reader-guide"
START = "Tap or press any key to start"
# tmux key names for Ctrl+Q, Ctrl+C, Ctrl+Z, Ctrl+\, Escape and q.
QUIT_KEYS = ["C-q", "C-c", "C-z", "C-\\", "Escape", "q"]
PIN = "8642"


def wait_until_ended(term: TmuxTerminal, pid: int, timeout: float = 20.0) -> str:
    """Wait for the app to end; its exit status (or "signal N")."""
    deadline = time.monotonic() + timeout
    fields = ""
    while time.monotonic() < deadline:
        fields = term._run(
            "list-panes", "-t", "t", "-F", "#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}"
        ).strip()
        dead, _, rest = fields.partition(":")
        status, _, killed_by = rest.partition(":")
        if dead == "1" and (status or killed_by):
            return status or f"signal {killed_by}"
        # tmux sometimes leaves an ended pane's process unreaped, and its status unknown;
        # the kernel still has it.
        wait_status = _zombie_wait_status(pid)
        if wait_status is not None:
            if wait_status & 0x7F:
                return f"signal {wait_status & 0x7F}"
            return str(wait_status >> 8 & 0xFF)
        time.sleep(0.1)
    raise AssertionError(f"the app is still running (tmux says {fields!r})")


def _zombie_wait_status(pid: int) -> int | None:
    """The exit status of an ended, unreaped process, as waitpid reports it (Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    # After the command name: state is the first field, exit_code the last (since 3.5).
    return int(fields[-1]) if fields[0] == "Z" else None


def test_quit_suspend_and_interrupt_keys_leave_the_kiosk_running():
    # TEXTUAL_ALLOW_SIGNALS would let Ctrl+C and Ctrl+Z through as signals; kiosk mode
    # must switch that off again.
    env = {"TEXTUAL_ALLOW_SIGNALS": "1"}
    with TmuxTerminal(["--kiosk", "--content", str(GUIDE)], env=env) as term:
        term.wait_for(START)
        term.send("Enter")
        term.wait_for("Welcome to the first article")
        for key in QUIT_KEYS:
            term.send(key)
            term.send("j")  # a key after each, so a suspended app could not hide
            assert term.is_running(), f"{key} ended the kiosk"
        # The same signals sent from outside do nothing either.
        pid = app_pid(term)
        for number in (signal.SIGINT, signal.SIGQUIT, signal.SIGTSTP):
            os.kill(pid, number)
        term.send("]")
        term.wait_for("Second article opening words")
        assert term.is_running()


def test_the_admin_pin_closes_the_kiosk_and_a_session_writes_no_files(tmp_path, monkeypatch):
    home = Path(os.environ["HOME"])
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    monkeypatch.chdir(workdir)  # tmux starts the app here
    config = tmp_path / "etc" / "config.toml"
    config.parent.mkdir()
    config.write_text(f'pin_hash = "{hash_pin(PIN)}"\n')
    before = set(home.rglob("*"))
    args = ["--kiosk", "--config", str(config), "--content", str(GUIDE)]
    with TmuxTerminal(args) as term:
        term.wait_for(START)
        term.send("Enter")
        term.wait_for("Welcome to the first article")
        term.send("]", "j", "j", "/")
        term.send("-l", "second")
        term.send("Escape", "s")
        term.send("-l", "cost")
        term.wait_for("cost")
        term.send("Escape")
        term.send("C-k", "C-x")
        term.wait_for("Admin PIN")
        term.send("-l", "1357")
        term.send("Enter")
        term.wait_for("Wrong PIN")
        assert term.is_running()
        term.wait_for("try again now", timeout=20)
        pid = app_pid(term)
        term.send("-l", PIN)
        term.send("Enter")
        assert wait_until_ended(term, pid) == str(ADMIN_EXIT_STATUS), term.screen()
    assert set(home.rglob("*")) == before
    assert list(workdir.iterdir()) == []


def test_an_idle_kiosk_asks_still_reading_then_starts_over():
    args = ["--kiosk", "--idle-seconds", "1", "--content", str(GUIDE)]
    with TmuxTerminal(args) as term:
        term.wait_for(START)
        term.send("Enter")
        term.wait_for("Welcome to the first article")
        term.send("]")
        term.wait_for("Second article opening words")
        term.wait_for("Still reading?", timeout=30)
        screen = term.wait_for(START, timeout=30)
        assert "Second article opening words" not in screen
        term.send("Enter")
        term.wait_for("Welcome to the first article")


def test_a_hang_up_ends_the_kiosk_cleanly_for_the_service_manager_to_restart():
    with TmuxTerminal(["--kiosk", "--content", str(GUIDE)]) as term:
        term.wait_for(START)
        pid = app_pid(term)
        os.kill(pid, signal.SIGHUP)
        assert wait_until_ended(term, pid) == "0"


def test_when_its_terminal_goes_away_the_kiosk_process_ends():
    term = TmuxTerminal(["--kiosk", "--content", str(GUIDE)])
    try:
        term.wait_for(START)
        term.send("Enter")
        term.wait_for("Welcome to the first article")
        pid = app_pid(term)
    finally:
        term.close()  # the terminal is gone: the app gets a hang-up
    deadline = time.monotonic() + 20
    while Path(f"/proc/{pid}").exists() and _state(pid) != "Z":
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            raise AssertionError("the kiosk kept running after its terminal went away")
        time.sleep(0.1)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "gone"
