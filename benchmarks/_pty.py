"""Run a terminal program in a pseudo-terminal and time when text appears on it.

This measures what a person sees: from the moment a key is written to the terminal
until the program has written the expected text back, including Textual's rendering
and output. Shared by the benchmark scripts.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Sequence


class PtyProgram:
    def __init__(
        self,
        argv: Sequence[str],
        *,
        width: int = 120,
        height: int = 40,
        env: dict[str, str] | None = None,
    ) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
        environment = {
            **os.environ,
            "TERM": "xterm-256color",
            "COLUMNS": str(width),
            "LINES": str(height),
        }
        environment.pop("TEXTUAL", None)
        environment.update(env or {})
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            list(argv),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=environment,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 1 << 16)
        except OSError:
            return False
        self.output += chunk
        return bool(chunk)

    def wait_for(self, marker: str, *, since: int = 0, timeout: float = 20.0) -> float:
        """Wait until `marker` has been written after byte `since`; return perf_counter then."""
        needle = marker.encode()
        deadline = time.perf_counter() + timeout
        while needle not in self.output[since:]:
            if time.perf_counter() > deadline:
                tail = self.output[-400:].decode(errors="replace")
                raise TimeoutError(f"{marker!r} never appeared; last output: {tail!r}")
            self._read(0.05)
        return time.perf_counter()

    def drain(self, quiet: float = 0.3) -> None:
        """Read until the program has been quiet for `quiet` seconds (screen settled)."""
        while self._read(quiet):
            pass

    def press(self, keys: str, marker: str, timeout: float = 20.0) -> float:
        """Write keys, return seconds until `marker` appears on the terminal."""
        since = len(self.output)
        sent = time.perf_counter()
        os.write(self.master, keys.encode())
        return self.wait_for(marker, since=since, timeout=timeout) - sent

    def close(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        os.close(self.master)

    def rss_kib(self) -> int:
        """Resident memory of the program now, in KiB (Linux)."""
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def __enter__(self) -> PtyProgram:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
