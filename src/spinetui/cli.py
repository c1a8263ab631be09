"""Command line: `spinetui [ARTICLE]`, `spinetui check`, and friends.

The Textual app is imported only when it is about to run, so `--help`, `--version` and
`check` stay quick and start-up pays only for what the first screen needs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from spinetui import __version__

SUBCOMMANDS = ("check",)


def _reader_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="spinetui",
        description=(
            "A plain-language guide to epidural steroid injections and regenerative "
            "therapies for back pain, in your terminal."
        ),
        epilog=(
            "Other commands: 'spinetui check [DIR]' validates a content folder. "
            "Press ? inside the app for the keys."
        ),
    )
    parser.add_argument("article", nargs="?", help="id of an article to open at start (e.g. esi)")
    parser.add_argument(
        "--content",
        metavar="DIR",
        type=Path,
        help="read this content folder instead of the bundled one",
    )
    parser.add_argument("--version", action="version", version=f"spinetui {__version__}")
    return parser


def _check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="spinetui check",
        description=(
            "Validate a content folder: report each problem as file:line: message, "
            "print each article's reading grade and word count. Exits 1 on errors."
        ),
    )
    parser.add_argument(
        "content", nargs="?", type=Path, help="content folder (default: the bundled one)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "check":
        return _run_check(_check_parser().parse_args(args[1:]))
    return _run_reader(_reader_parser().parse_args(args))


def _content_dir(given: Path | None) -> Path | None:
    from spinetui.model import bundled_content_dir

    folder = given if given is not None else bundled_content_dir()
    if not folder.is_dir():
        print(f"spinetui: no content folder at {folder}", file=sys.stderr)
        return None
    return folder


def _run_check(options: argparse.Namespace) -> int:
    folder = _content_dir(options.content)
    if folder is None:
        return 2
    from spinetui.check import run_check

    return run_check(folder)


def _run_reader(options: argparse.Namespace) -> int:
    folder = _content_dir(options.content)
    if folder is None:
        return 2
    from spinetui.model import load_guide

    guide = load_guide(folder)
    if options.article and options.article not in guide.articles:
        known = ", ".join(sorted(guide.articles)) or "none"
        print(
            f"spinetui: no article called {options.article!r}. Articles: {known}", file=sys.stderr
        )
        return 2

    from spinetui.app import SpineApp

    SpineApp(guide, start_article=options.article).run()
    return 0
