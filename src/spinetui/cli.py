"""Command line: `spinetui [ARTICLE]`, `spinetui check`, and friends.

The Textual app is imported only when it is about to run, so `--help`, `--version` and
`check` stay quick and start-up pays only for what the first screen needs.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, cast

from spinetui import __version__

if TYPE_CHECKING:
    import argparse

SUBCOMMANDS = ("check", "kiosk", "serve")


def _reader_parser() -> argparse.ArgumentParser:
    import argparse

    from spinetui.flags import add_kiosk_arguments

    parser = argparse.ArgumentParser(
        prog="spinetui",
        description=(
            "A plain-language guide to epidural steroid injections and regenerative "
            "therapies for back pain, in your terminal."
        ),
        epilog=(
            "Other commands: 'spinetui check [DIR]' validates a content folder; "
            "'spinetui serve' serves the guide to a browser; 'spinetui kiosk set-pin' "
            "sets the kiosk's admin PIN. Press ? inside the app for the keys."
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
    parser.add_argument(
        "--console",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="draw only what the Linux text console can show: its fonts' characters and "
        "16 colours (default: on when TERM=linux, or with 'console = true' in the config)",
    )
    parser.add_argument(
        "--lang",
        metavar="CODE",
        help="the guide's language: en (English) or es (Español) (default: the config "
        "file's 'language'; in personal mode, the locale, e.g. LANG=es_MX.UTF-8)",
    )
    add_kiosk_arguments(parser)
    # Set by `spinetui serve` on each session it starts (no admin PIN there).
    parser.add_argument("--served", action="store_true", help=argparse.SUPPRESS)
    return parser


#: The help of the flags both the reader and `spinetui serve` take: --kiosk, --config
#: and --idle-seconds, by command (a server's sessions are kiosks unless --no-kiosk).
def _check_parser() -> argparse.ArgumentParser:
    import argparse

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
    if args and args[0] == "kiosk":
        from spinetui.kiosk.commands import main as kiosk_main

        return kiosk_main(args[1:])
    if args and args[0] == "serve":
        from spinetui.serve import main as serve_main

        return serve_main(args[1:])
    plain = _plain_start(args)
    # Read by attribute only: a SimpleNamespace serves as well as argparse's Namespace.
    options = _reader_parser().parse_args(args) if plain is None else cast(Any, plain)
    return _run_reader(options)


#: What the reader's parser gives when no flag is given (test_cli_article.py holds the
#: two together).
_DEFAULTS = {
    "article": None,
    "content": None,
    "console": None,
    "lang": None,
    "kiosk": None,
    "config": None,
    "idle_seconds": None,
    "served": False,
}


def _plain_start(args: list[str]) -> SimpleNamespace | None:
    """The options of the commonest starts without argparse (its import is ~10 ms of a
    start): no arguments, an article, ``--content DIR``, or both. Anything else (any
    other flag, ``--content=DIR``, a value starting with "-") is None: argparse reads it.
    """
    rest = list(args)
    content: Path | None = None
    if len(rest) >= 2 and rest[0] == "--content" and not rest[1].startswith("-"):
        content = Path(rest[1])
        del rest[:2]
    elif len(rest) == 3 and rest[1] == "--content" and not rest[2].startswith("-"):
        content = Path(rest[2])
        del rest[1:]
    if len(rest) > 1 or any(arg.startswith("-") for arg in rest):
        return None
    return SimpleNamespace(
        **{**_DEFAULTS, "article": rest[0] if rest else None, "content": content}
    )


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

    try:
        return run_check(folder)
    except BrokenPipeError:
        # Whoever read the output stopped early (spinetui check | head): not a failure
        # to report with a traceback. Point stdout at nothing so the exit flush is quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def article_named(articles: Mapping[str, object], name: str) -> str | None:
    """The id of the article a reader typed, whatever its case (`spinetui ESI` opens esi)."""
    if name in articles:
        return name
    folded = name.strip().casefold()
    return next((article_id for article_id in articles if article_id.casefold() == folded), None)


def _settings_matter(options: argparse.Namespace) -> bool:
    """Kiosk settings are read (and kiosk mode imported) only when a flag or file asks."""
    from spinetui.config_path import default_config_path

    flags = (options.kiosk, options.config, options.idle_seconds)
    return (
        options.served or any(flag is not None for flag in flags) or default_config_path().is_file()
    )


def _run_reader(options: argparse.Namespace) -> int:
    # Start-up makes many objects that live as long as the app (modules, styles, the
    # guide): Python's cyclic collector would walk them over and over before the first
    # paint (~0.15 s with the bundled content, ~1 s with 10,000 articles). It is off
    # until the app is built, and what exists then is frozen out of later collections.
    gc.disable()
    try:
        return _start_reader(options)
    finally:
        gc.enable()


def _start_reader(options: argparse.Namespace) -> int:
    folder = _content_dir(options.content)
    if folder is None:
        return 2
    from spinetui.config_path import DEFAULT_THEME, default_config_path

    kiosk = None
    theme = DEFAULT_THEME
    console_setting = False
    config_language = config_where = None
    if _settings_matter(options):
        from spinetui.kiosk.config import ConfigError, load_config
        from spinetui.kiosk.launch import prepare_process, resolve_policy

        try:
            kiosk = resolve_policy(
                options.config,
                kiosk=options.kiosk,
                idle_seconds=options.idle_seconds,
                served=options.served,
            )
            config = load_config(options.config, required=options.config is not None)
            theme, console_setting = config.theme, config.console
            config_language, config_where = config.language, config.language_where
        except ConfigError as error:
            print(f"spinetui: {error}", file=sys.stderr)
            return 2
        prepare_process(kiosk)
    from spinetui.i18n import choose_language

    # --lang, then the config's language, then (personal mode only) the locale.
    lang, language_problem = choose_language(
        options.lang,
        config_language,
        os.environ,
        kiosk=kiosk is not None and (kiosk.enabled or kiosk.served),
        config_where=config_where,
    )
    from spinetui.services import load_services

    # English from the guide cache when the folder is unchanged; otherwise body scans
    # (headings, link problems) finish after the first paint (Services builds the
    # completed guide in a thread). A kiosk or served session keeps the cache in memory
    # only: it writes no file. Another language loads its tree over that English guide.
    services = load_services(
        folder, lang, kiosk=kiosk is not None and (kiosk.enabled or kiosk.served)
    )
    guide = services.guide
    article = options.article and article_named(guide.articles, options.article)
    if options.article and article is None:
        known = ", ".join(sorted(guide.articles)) or "none"
        print(
            f"spinetui: no article called {options.article!r}. Articles: {known}", file=sys.stderr
        )
        return 2

    from spinetui.app import SpineApp
    from spinetui.console import console_wanted

    console = console_wanted(options.console, console_setting, os.environ)
    app = SpineApp(
        services,
        start_article=article or None,
        kiosk=kiosk,
        theme=theme,
        # Where a personal reader's theme is remembered (a kiosk writes nothing).
        settings_path=options.config or default_config_path(),
        console=console,
        notices=(language_problem,) if language_problem else (),
    )
    gc.freeze()  # modules, the guide and the app: never garbage while the app runs
    gc.enable()
    app.run()
    if app.failed:
        from spinetui.kiosk.policy import KIOSK_FAILURE_MESSAGE

        print(KIOSK_FAILURE_MESSAGE, file=sys.stderr)
    return app.return_code or 0
