"""`spinetui serve`: the guide in a web browser, through textual-serve.

Each browser tab gets its own `spinetui` process (kiosk mode unless --no-kiosk). The
page is spinetui's own template (`spinetui/web/`): it loads nothing from the internet
(textual-serve's default page pulls a web font from a public CDN), reconnects on its own
when a session ends instead of showing a Restart button, and never opens other pages.
At most --max-sessions processes run at once; the next visitor gets a plain "all
screens are busy" page that tries again by itself.

textual-serve (the optional `serve` extra) is imported only here.
"""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from spinetui.flags import add_kiosk_arguments
from spinetui.web.limits import DEFAULT_WRITE_TIMEOUT

WEB_DIR = Path(__file__).parent / "web"
DEFAULT_PORT = 8000
DEFAULT_MAX_SESSIONS = 4
LOOPBACK_NAMES = {"localhost"}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="spinetui serve",
        description=(
            "Serve the guide to web browsers (each tab runs its own spinetui). Kiosk "
            "mode is on unless --no-kiosk. Needs the 'serve' extra: "
            "pip install 'spinetui[serve]'."
        ),
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this machine only). There is no "
        "authentication: anywhere else, put it behind a reverse proxy that controls access",
    )
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (default: 8000)")
    parser.add_argument(
        "--max-sessions",
        type=int,
        default=DEFAULT_MAX_SESSIONS,
        metavar="N",
        help=f"at most N browser sessions at once, one process each (default: "
        f"{DEFAULT_MAX_SESSIONS})",
    )
    parser.add_argument(
        "--allow-host",
        metavar="NAME",
        action="append",
        default=[],
        help="a name browsers may use to reach it (the Host and Origin a reverse proxy "
        "or the tablets send, e.g. kiosk.clinic.example); may be given more than once. "
        "Requests for any other name are refused (DNS rebinding)",
    )
    parser.add_argument(
        "--write-timeout",
        metavar="SECONDS",
        type=float,
        default=DEFAULT_WRITE_TIMEOUT,
        help=f"close a session whose browser takes longer than this to take the next "
        f"screen update (default: {DEFAULT_WRITE_TIMEOUT:g})",
    )
    parser.add_argument("--content", metavar="DIR", type=Path, help="content folder to serve")
    add_kiosk_arguments(parser, served=True)
    parser.add_argument(
        "--lang",
        metavar="CODE",
        help="the language every session starts in, and the pages': en or es (default: "
        "the config file's 'language', else English; a kiosk's start screen offers both)",
    )
    return parser


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def session_command(options: argparse.Namespace) -> str:
    """The command each browser session runs, as a shell would write it."""
    return shlex.join(session_argv(options))


def session_argv(options: argparse.Namespace) -> list[str]:
    """The program and arguments each browser session runs (started without a shell)."""
    argv = [sys.executable, "-m", "spinetui", "--kiosk" if options.kiosk else "--no-kiosk"]
    argv.append("--served")  # no admin PIN in a browser session (KioskPolicy.served)
    if getattr(options, "language", None):
        # Chosen once here (the pages say it too), not from each session's locale.
        argv += ["--lang", options.language]
    if options.content is not None:
        argv += ["--content", str(options.content.resolve())]
    if options.config is not None:
        argv += ["--config", str(options.config.resolve())]
    if options.idle_seconds is not None:
        argv += ["--idle-seconds", repr(options.idle_seconds)]
    return argv


def main(argv: Sequence[str]) -> int:
    options = _parser().parse_args(list(argv))
    if options.max_sessions < 1:
        print("spinetui: --max-sessions must be at least 1", file=sys.stderr)
        return 2
    if not 0 <= options.port <= 65535:
        print("spinetui: --port must be between 0 and 65535", file=sys.stderr)
        return 2
    if not 0.5 <= options.write_timeout <= 3600:
        print("spinetui: --write-timeout must be between 0.5 and 3600 seconds", file=sys.stderr)
        return 2
    # Check the settings now, not in every session's process.
    from spinetui.kiosk.config import ConfigError, load_config
    from spinetui.kiosk.launch import resolve_policy

    try:
        resolve_policy(options.config, kiosk=options.kiosk, idle_seconds=options.idle_seconds)
        config = load_config(options.config, required=options.config is not None)
    except ConfigError as error:
        print(f"spinetui: {error}", file=sys.stderr)
        return 2
    options.language = served_language(options.lang, config.language, config.language_where)
    if options.content is not None and not options.content.is_dir():
        print(f"spinetui: no content folder at {options.content}", file=sys.stderr)
        return 2
    try:
        import textual_serve  # noqa: F401
    except ImportError:
        print(
            "spinetui: serving to a browser needs textual-serve: pip install 'spinetui[serve]'",
            file=sys.stderr,
        )
        return 2
    if not is_loopback(options.host):
        print(
            f"spinetui: warning: listening on {options.host}: there is no authentication, "
            "so anyone who can reach this port can use it. Put it behind a reverse proxy "
            "that controls who can connect (see docs/kiosk.md).",
            file=sys.stderr,
        )
    server = _make_server(options)
    server.serve()
    return 0


def served_language(cli_lang: str | None, config_lang: str | None, where: str | None) -> str:
    """The language of the pages and of every session: --lang, else the config's, else
    English (never the server's locale: the readers are not whoever started it). A bad
    value is reported on the server's terminal, and English is served."""
    from spinetui.i18n import choose_language

    lang, problem = choose_language(cli_lang, config_lang, {}, kiosk=True, config_where=where)
    if problem:
        print(f"spinetui: warning: {problem}", file=sys.stderr)
    return lang


def _make_server(options: argparse.Namespace) -> Any:
    from spinetui.web.server import GuideServer

    return GuideServer(
        session_argv(options),
        host=options.host,
        port=options.port,
        max_sessions=options.max_sessions,
        kiosk=options.kiosk,
        allowed_hosts=options.allow_host,
        write_timeout=options.write_timeout,
        lang=getattr(options, "language", None) or "en",
    )
