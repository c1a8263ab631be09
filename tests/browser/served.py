"""Run `spinetui serve` on a free loopback port and read its pages in headless Chromium.

Chromium comes from the system packages (/usr/bin/chromium) and is driven by the
playwright package; browser downloads (`playwright install`) are not used. The app
draws on a canvas, so the text on screen is read from what the page receives over its
websocket, replayed into a terminal emulator (pyte) of the same size.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, in_ci
from tests.e2e.tmux import spinetui_command

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
READER_GUIDE = FIXTURES / "reader-guide"


def require_browser():
    """The playwright module, or a skip (a failure in CI) when it or Chromium is missing."""
    problem = None
    try:
        import playwright.async_api as playwright
    except ImportError:
        problem = "the playwright package is not installed (pip install -e '.[test]')"
    if problem is None and not CHROMIUM.exists():
        problem = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    if problem is None and not _has("pyte"):
        problem = "the pyte package is not installed (pip install -e '.[test]')"
    if problem is not None:
        if in_ci():
            pytest.fail(problem)
        pytest.skip(problem)
    return playwright


def _has(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Served:
    """`spinetui serve ...` in a subprocess of its own, until closed."""

    def __init__(self, *args: str, content: Path = READER_GUIDE) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        command = [str(spinetui_command()), "serve", "--port", str(self.port)]
        command += ["--content", str(content), *args]
        self.process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "COLUMNS": "200"},
            start_new_session=True,
        )
        self._wait_until_listening()

    def _wait_until_listening(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"spinetui serve exited:\n{self.process.stdout.read()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.1)
        raise AssertionError(f"spinetui serve did not listen on port {self.port}")

    def get(self, path: str = "") -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def close(self) -> str:
        """Stop the server (and its sessions); returns what it printed."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        return self.process.stdout.read()

    def __enter__(self) -> Served:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class PageScreen:
    """What a page's terminal shows, rebuilt from the bytes its websockets receive."""

    def __init__(self, page, columns: int = 200, rows: int = 80) -> None:
        """`columns` x `rows`: at least the size of the page's terminal."""
        import pyte

        self._pyte = pyte
        self.page = page
        self.columns, self.rows = columns, rows
        self.sockets = 0
        self._new_screen()
        page.on("websocket", self._on_websocket)

    def _new_screen(self) -> None:
        self.screen = self._pyte.Screen(self.columns, self.rows)
        self.stream = self._pyte.ByteStream(self.screen)

    def _on_websocket(self, websocket) -> None:
        # A new session (after a reload) draws on a fresh terminal.
        self.sockets += 1
        self._new_screen()
        websocket.on("framereceived", self._on_frame)

    def _on_frame(self, payload) -> None:
        if isinstance(payload, bytes):
            self.stream.feed(payload)

    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    async def wait_for_session(self, number: int, timeout: float = 30.0) -> None:
        """Wait until the page has opened its `number`th session (websocket)."""
        deadline = time.monotonic() + timeout
        while self.sockets < number:
            if time.monotonic() > deadline:
                raise AssertionError(f"the page opened {self.sockets} sessions, not {number}")
            await asyncio.sleep(0.1)

    async def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        shown = ""
        while time.monotonic() < deadline:
            shown = self.text()
            if text in shown:
                return shown
            await asyncio.sleep(0.1)
        raise AssertionError(f"{text!r} did not appear in the browser. It showed:\n{shown}")
