"""What kiosk mode allows, as plain data the app consults.

`KioskPolicy.OFF` is an ordinary personal session. With `enabled`, the app refuses every
way out for a visitor (quit, suspend, the system commands of the palette, opening links
elsewhere, writing files) and starts over after `idle_seconds` without input.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass, replace
from typing import ClassVar

from spinetui.kiosk.config import (
    DEFAULT_ATTRACT_SECONDS,
    DEFAULT_IDLE_SECONDS,
    DEFAULT_NOTICE_SECONDS,
    Config,
)

# The exit status of a close with the admin PIN. The systemd unit lists it in
# RestartPreventExitStatus, so an admin exit stays closed while a crash restarts.
ADMIN_EXIT_STATUS = 3

# What a kiosk prints when it stops after failures it could not recover from, in place
# of a traceback (which would show the visitor the program's insides).
KIOSK_FAILURE_MESSAGE = "spinetui stopped after an error. It starts again by itself."

# Actions of Textual's App that would let a visitor leave, stop or copy the session
# to disk, and spinetui's list of content problems (files and lines of the kiosk's
# content folder: for staff, who run `spinetui check`). The app refuses them in kiosk
# mode (check_action), which also hides their keys from the footer.
REFUSED_ACTIONS = frozenset(
    {
        "problems",
        "quit",
        "help_quit",
        "suspend_process",
        "screenshot",
        "save_screenshot",
        "change_theme",
        "show_help_panel",
    }
)

# Environment variables that make Textual write files (a log, screenshots), connect
# to devtools, press keys on its own, or let the terminal turn Ctrl+C, Ctrl+Z and
# Ctrl+\ into signals (TEXTUAL_ALLOW_SIGNALS). Kiosk mode removes them before Textual
# is imported, because Textual reads them once at import time.
UNSAFE_ENVIRONMENT = (
    "TEXTUAL_ALLOW_SIGNALS",
    "TEXTUAL_LOG",
    "TEXTUAL_SCREENSHOT",
    "TEXTUAL_SCREENSHOT_LOCATION",
    "TEXTUAL_SCREENSHOT_FILENAME",
    "TEXTUAL_PRESS",
    "TEXTUAL_DEBUG",
    "TEXTUAL_DEVTOOLS_HOST",
    "TEXTUAL_DEVTOOLS_PORT",
    "TEXTUAL",  # feature flags: "debug", "devtools"
)


@dataclass(frozen=True, slots=True)
class KioskPolicy:
    enabled: bool = False
    idle_seconds: float = DEFAULT_IDLE_SECONDS
    notice_seconds: float = DEFAULT_NOTICE_SECONDS
    attract_seconds: float = DEFAULT_ATTRACT_SECONDS
    pin_hash: str | None = None
    # A session of `spinetui serve`: each browser tab is a process of its own, so a PIN
    # throttle would start afresh with every new tab (8 guesses in 9 s), and closing
    # one tab's session ends nothing anyway. Served sessions have no admin PIN; the
    # server is stopped where it runs.
    served: bool = False

    OFF: ClassVar[KioskPolicy]

    @classmethod
    def from_config(
        cls, config: Config, *, kiosk: bool | None = None, idle_seconds: float | None = None
    ) -> KioskPolicy:
        """The policy a config file asks for, with command-line flags taking precedence."""
        policy = cls(
            enabled=config.kiosk,
            idle_seconds=config.idle_seconds,
            notice_seconds=config.notice_seconds,
            attract_seconds=config.attract_seconds,
            pin_hash=config.pin_hash,
        )
        if kiosk is not None:
            policy = replace(policy, enabled=kiosk)
        if idle_seconds is not None:
            policy = replace(policy, idle_seconds=idle_seconds)
        return policy

    @property
    def has_admin_exit(self) -> bool:
        return self.pin_hash is not None and not self.served

    def for_serving(self) -> KioskPolicy:
        """This policy in a session of `spinetui serve`: no admin PIN (see `served`)."""
        return replace(self, served=True, pin_hash=None)

    def refuses(self, action: str) -> bool:
        """True for an App action a visitor must not reach in this mode."""
        return self.enabled and action in REFUSED_ACTIONS

    @property
    def opens_links(self) -> bool:
        return not self.enabled

    @property
    def writes_files(self) -> bool:
        return not self.enabled


KioskPolicy.OFF = KioskPolicy()


def scrub_environment(environ: MutableMapping[str, str]) -> list[str]:
    """Remove the variables in UNSAFE_ENVIRONMENT; returns the names removed."""
    removed = [name for name in UNSAFE_ENVIRONMENT if name in environ]
    for name in removed:
        del environ[name]
    return removed
