"""`spinetui kiosk set-pin` and `spinetui kiosk check-config`: setting up a kiosk.

No Textual here: these run on the admin's terminal before any kiosk starts.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from spinetui.kiosk.config import (
    ConfigError,
    default_config_path,
    load_config,
    parse_config,
    read_config_file,
    with_setting,
    write_private,
)
from spinetui.kiosk.pin import hash_pin, pin_problem


def _chord_text() -> str:
    # The key map is the one place the chord is defined; imported only when needed.
    from spinetui.keymap import ADMIN_EXIT_CHORD_DISPLAY

    return ADMIN_EXIT_CHORD_DISPLAY


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="spinetui kiosk",
        description="Set up kiosk mode (see docs/kiosk.md).",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    set_pin = commands.add_parser(
        "set-pin",
        help="set the admin PIN that closes a kiosk",
        description=(
            "Ask for a PIN twice (or read one line from standard input when it is not a "
            "terminal) and store it as a salted scrypt hash in the config file, which is "
            "written readable by its owner only. In kiosk mode, "
            f"{_chord_text()} asks for it."
        ),
    )
    check = commands.add_parser(
        "check-config",
        help="check the config file and print the settings in force",
        description="Check the config file and print the kiosk settings it gives.",
    )
    for sub in (set_pin, check):
        sub.add_argument(
            "--config",
            metavar="FILE",
            type=Path,
            help=f"config file (default: {default_config_path()})",
        )
    return parser


def main(argv: Sequence[str], *, stdin: TextIO | None = None, out: TextIO | None = None) -> int:
    options = _parser().parse_args(list(argv))
    stdin = sys.stdin if stdin is None else stdin
    out = sys.stdout if out is None else out
    if options.command == "set-pin":
        return set_pin(options.config or default_config_path(), stdin, out)
    return check_config(options.config, out)


def _read_pin(stdin: TextIO, out: TextIO) -> str | None:
    if stdin.isatty():
        first = getpass.getpass("New admin PIN: ")
        problem = pin_problem(first)
        if problem:
            print(f"spinetui: {problem}", file=sys.stderr)
            return None
        if getpass.getpass("The same PIN again: ") != first:
            print("spinetui: the two PINs differ; nothing was changed.", file=sys.stderr)
            return None
        return first
    pin = stdin.readline().rstrip("\r\n")
    problem = pin_problem(pin)
    if problem:
        print(f"spinetui: {problem}", file=sys.stderr)
        return None
    return pin


def set_pin(path: Path, stdin: TextIO, out: TextIO) -> int:
    try:
        existing = path.read_text(encoding="utf-8") if path.exists() else ""
        # Refuse to rewrite a file that does not parse: the admin should fix it first.
        parse_config(existing, str(path))
    except ConfigError as error:
        print(f"spinetui: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"spinetui: {path}: cannot read it: {error}", file=sys.stderr)
        return 2
    pin = _read_pin(stdin, out)
    if pin is None:
        return 2
    try:
        write_private(path, with_setting(existing, "pin_hash", hash_pin(pin)))
    except OSError as error:
        print(f"spinetui: {path}: cannot write it: {error}", file=sys.stderr)
        return 2
    print(
        f"Saved the admin PIN (as a salted hash) in {path}.\n"
        f"In kiosk mode, press {_chord_text()} to be asked for it.",
        file=out,
    )
    return 0


def check_config(path: Path | None, out: TextIO) -> int:
    try:
        config = load_config(path, required=path is not None)
    except ConfigError as error:
        print(f"spinetui: {error}", file=sys.stderr)
        return 2
    where = config.path or f"{default_config_path()} (not there: defaults)"
    print(f"config: {where}", file=out)
    print(f"kiosk: {'on' if config.kiosk else 'off'}", file=out)
    print(f"idle_seconds: {config.idle_seconds:g}", file=out)
    print(f"notice_seconds: {config.notice_seconds:g}", file=out)
    print(f"attract_seconds: {config.attract_seconds:g}", file=out)
    from spinetui.i18n import LANGUAGE_NAMES, choose_language

    lang, problem = choose_language(
        None, config.language, {}, kiosk=True, config_where=config.language_where
    )
    default = "" if config.language else " (personal mode: the locale's, when spinetui speaks it)"
    print(f"language: {lang} ({LANGUAGE_NAMES[lang]}){default}", file=out)
    if problem:
        print(f"spinetui: {problem}", file=out)
    console = "on" if config.console else "when TERM=linux"
    print(f"console drawing: {console}", file=out)
    pin = "set" if config.pin_hash else "not set (no admin exit: stop it via the service manager)"
    print(f"admin PIN: {pin}", file=out)
    if config.path is not None:
        from spinetui.keymap.user import read_user_keys

        # Never fatal: the app leaves a bad entry out and applies the rest.
        user = read_user_keys(read_config_file(config.path)[0], str(config.path))
        print(f"keys: {len(user.keymap)} of your own", file=out)
        for problem in user.problems:
            print(f"spinetui: {problem} (left out)", file=out)
    return 0
