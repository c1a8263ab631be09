"""Command-line flags shared by the reader (`spinetui`) and `spinetui serve`.

In its own module (not in spinetui.kiosk, which a personal reader never imports) so the
two commands share it without importing each other (see
docs/kiosk.md for what the flags do).
"""

from __future__ import annotations

import argparse
from pathlib import Path

_KIOSK_FLAG_HELP = {
    "reader": (
        "waiting-room kiosk mode: no way out for visitors, starts over when idle "
        "(default: the config file's 'kiosk' setting)",
        "read settings from FILE (default: $XDG_CONFIG_HOME/spinetui/config.toml)",
        "kiosk: start over after N seconds without input (default: 90)",
    ),
    "serve": (
        "kiosk mode in every session (default: on; --no-kiosk for a personal reader)",
        "settings file",
        "kiosk: start over after N seconds without input",
    ),
}


def add_kiosk_arguments(parser: argparse.ArgumentParser, *, served: bool = False) -> None:
    """Flags shared by the reader and `spinetui serve` (`served`; see docs/kiosk.md)."""
    kiosk_help, config_help, idle_help = _KIOSK_FLAG_HELP["serve" if served else "reader"]
    parser.add_argument(
        "--kiosk",
        action=argparse.BooleanOptionalAction,
        default=True if served else None,
        help=kiosk_help,
    )
    parser.add_argument("--config", metavar="FILE", type=Path, help=config_help)
    parser.add_argument("--idle-seconds", metavar="N", type=float, help=idle_help)
