"""One browser session's spinetui process, which always ends when the session does.

textual-serve starts each session through a shell and, at the end, asks the app to
quit and waits for it for as long as it takes. A busy or stuck session's process then
outlived the server (issue 14, finding 11). Here:

- the process is started directly (no shell), in a process group of its own, and on
  Linux is killed by the kernel if the server itself dies (PR_SET_PDEATHSIG);
- stopping asks the app to quit, waits QUIT_GRACE_SECONDS, then sends the group
  SIGTERM (and SIGCONT, in case it was stopped) and finally SIGKILL.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from collections.abc import Sequence
from typing import Any

from textual_serve.app_service import AppService

QUIT_GRACE_SECONDS = 2.0
TERM_GRACE_SECONDS = 2.0


def _die_with_parent() -> None:  # pragma: no cover - runs in the child
    # Linux: SIGKILL this process when the server that started it goes away.
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def kill_group(pid: int, number: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, number)


class SessionService(AppService):
    """AppService with the process handling above; `argv` instead of a shell command."""

    def __init__(self, argv: Sequence[str], **kwargs: Any) -> None:
        super().__init__(" ".join(argv), **kwargs)
        self.argv = list(argv)

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Any:
        environment = self._build_environment(width=width, height=height)
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=environment,
            start_new_session=True,
            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def stop(self) -> None:
        """End the session's process: politely, then by force, within a few seconds."""
        task, self._task = self._task, None
        if task is None:
            self.kill_now()
            return
        with contextlib.suppress(Exception):
            await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.send_meta({"type": "quit"}), QUIT_GRACE_SECONDS)
        if not await self._ended_within(task, QUIT_GRACE_SECONDS):
            self.signal_group(signal.SIGTERM)
            self.signal_group(signal.SIGCONT)  # a stopped process cannot act on SIGTERM
            if not await self._ended_within(task, TERM_GRACE_SECONDS):
                self.signal_group(signal.SIGKILL)
                await self._ended_within(task, TERM_GRACE_SECONDS)
        self.kill_now()  # anything of its group still left

    async def _ended_within(self, task: asyncio.Task[None], seconds: float) -> bool:
        process = self._process
        try:
            await asyncio.wait_for(asyncio.shield(task), seconds)
            if process is not None:
                await asyncio.wait_for(process.wait(), seconds)
        except TimeoutError:
            return False
        except Exception:
            pass  # the reading task failed; the process is what matters
        return process is None or process.returncode is not None

    def signal_group(self, number: int) -> None:
        if self._process is not None and self._process.returncode is None:
            kill_group(self._process.pid, number)

    def kill_now(self) -> None:
        """SIGKILL the whole group (from a shutdown handler: no waiting). Only while the
        process is not yet reaped, so its id cannot belong to someone else by then."""
        self.signal_group(signal.SIGKILL)
