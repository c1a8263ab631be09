"""Drive the installed `spinetui` command in a real terminal, through tmux."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import in_ci


def spinetui_command() -> Path:
    """The console script installed beside the Python running the tests."""
    script = Path(sys.executable).parent / "spinetui"
    if not script.exists():
        pytest.fail(f"the spinetui command is not installed at {script}: pip install -e '.[test]'")
    return script


def require_tmux() -> str:
    tmux = shutil.which("tmux")
    if tmux is None:
        if in_ci():
            pytest.fail("tmux is required in CI (.ci/run installs it)")
        pytest.skip("tmux is not installed")
    return tmux


class TmuxTerminal:
    """One tmux server and session of its own, running one command."""

    def __init__(
        self,
        args: list[str],
        *,
        width: int = 100,
        height: int = 30,
        env: dict[str, str] | None = None,
        program: list[str] | None = None,
        term: str | None = None,
    ) -> None:
        """Runs `spinetui ARGS`, or `PROGRAM ARGS` when a program is given. `term`: the
        TERM the program sees (tmux sets its own inside the pane)."""
        self.tmux = require_tmux()
        self.socket = f"spinetui-test-{uuid.uuid4().hex[:8]}"
        program = [str(spinetui_command())] if program is None else program
        prefix = ["env", f"TERM={term}"] if term else []
        command = " ".join(shlex.quote(a) for a in [*prefix, *program, *args])
        environment = {**os.environ, "TERM": "xterm-256color", **(env or {})}
        # Keep the pane after the program exits so a crash's output can be read.
        self._run(
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            str(width),
            "-y",
            str(height),
            command,
            env=environment,
        )
        self._run("set-option", "-t", "t", "remain-on-exit", "on")

    def _run(self, *args: str, env: dict[str, str] | None = None) -> str:
        result = subprocess.run(
            [self.tmux, "-L", self.socket, *args],
            capture_output=True,
            text=True,
            timeout=20,
            env=env,
        )
        return result.stdout

    def screen(self) -> str:
        return self._run("capture-pane", "-p", "-t", "t")

    def send(self, *keys: str) -> None:
        self._run("send-keys", "-t", "t", *keys)

    def wait_until(
        self, condition: Callable[[str], bool], failure: str, timeout: float = 15.0
    ) -> str:
        """The first screen `condition` holds for; `failure` and the last screen if none."""
        deadline = time.monotonic() + timeout
        screen = self.screen()
        while not condition(screen):
            if time.monotonic() > deadline:
                raise AssertionError(f"{failure}. Last screen:\n{screen}")
            time.sleep(0.1)
            screen = self.screen()
        return screen

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        return self.wait_until(
            lambda screen: text in screen, f"{text!r} did not appear on the screen", timeout
        )

    def is_running(self) -> bool:
        out = self._run("list-panes", "-t", "t", "-F", "#{pane_dead}")
        return out.strip() == "0"

    def close(self) -> None:
        self._run("kill-server")

    def __enter__(self) -> TmuxTerminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def app_pid(term: TmuxTerminal) -> int:
    """The spinetui process in the pane (tmux may start it under a shell)."""
    pid = int(term._run("list-panes", "-t", "t", "-F", "#{pane_pid}").strip())
    for candidate in [pid, *child_pids(pid)]:
        if b"spinetui" in Path(f"/proc/{candidate}/cmdline").read_bytes():
            return candidate
    raise AssertionError("no spinetui process in the pane")


def child_pids(pid: int) -> list[int]:
    """Processes whose parent is `pid` (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found
