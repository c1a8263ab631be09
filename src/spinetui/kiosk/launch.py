"""From command-line flags and the config file to the KioskPolicy the app runs with."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from dataclasses import replace
from pathlib import Path

from spinetui.kiosk.config import (
    MAX_IDLE_SECONDS,
    MIN_IDLE_SECONDS,
    ConfigError,
    load_config,
)
from spinetui.kiosk.policy import KIOSK_FAILURE_MESSAGE, KioskPolicy, scrub_environment


def resolve_policy(
    config_path: Path | None,
    *,
    kiosk: bool | None,
    idle_seconds: float | None,
    served: bool = False,
) -> KioskPolicy:
    """The settings in force: the config file's, overridden by flags. Raises ConfigError."""
    if idle_seconds is not None and not MIN_IDLE_SECONDS <= idle_seconds <= MAX_IDLE_SECONDS:
        raise ConfigError(
            f"--idle-seconds: must be between {MIN_IDLE_SECONDS:g} and "
            f"{MAX_IDLE_SECONDS:g}, not {idle_seconds:g}"
        )
    config = load_config(config_path, required=config_path is not None)
    policy = KioskPolicy.from_config(config, kiosk=kiosk, idle_seconds=idle_seconds)
    if policy.enabled and idle_seconds is not None and policy.notice_seconds > idle_seconds:
        # A short idle time on the command line is for trying it out: keep the notice
        # in proportion rather than showing it for 15 s after 2 s of idling.
        policy = replace(policy, notice_seconds=idle_seconds)
    if served:
        policy = policy.for_serving()
    return policy


def prepare_process(policy: KioskPolicy) -> None:
    """Before Textual is imported: drop settings that would write files or allow signals,
    and make sure no traceback is ever printed on the kiosk's screen."""
    if policy.enabled:
        scrub_environment(os.environ)
        sys.excepthook = _plain_excepthook
        threading.excepthook = _plain_thread_excepthook


def _plain_excepthook(kind: type[BaseException], error: BaseException, tb: object) -> None:
    # A failure outside the app (before it starts or after it ends) would print a
    # traceback on the visitor's screen; a kiosk says one plain line instead.
    if issubclass(kind, KeyboardInterrupt):
        return
    with contextlib.suppress(OSError, ValueError):  # the terminal may be gone
        print(KIOSK_FAILURE_MESSAGE, file=sys.stderr)


def _plain_thread_excepthook(args: threading.ExceptHookArgs) -> None:
    _plain_excepthook(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)
