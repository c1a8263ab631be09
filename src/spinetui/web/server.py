"""textual-serve's Server with spinetui's page, a cap on sessions, and quiet start-up.

Differences from textual-serve's defaults:
- the page is `page.html` from this folder; its script and style sheet come from
  textual-serve's own static files, served here, and every URL in it is relative, so
  it works offline and behind a reverse proxy under any path;
- at most `max_sessions` sessions (each one a process) run at once; others get
  `busy.html` (HTTP 503) and a websocket that closes straight away;
- in kiosk mode the page keeps the browser from opening other pages;
- every request must name the server by an address or name it was told about (Host
  and Origin headers: no DNS rebinding), and a plain GET of /ws is a clean 400;
- terminal sizes are clamped (web/guard.py); a session whose browser stops reading is
  closed after `write_timeout` seconds; every session's process ends with the session
  and with the server, busy or not (web/session.py).

The websocket handler is spinetui's own, not textual-serve's, for all of the above.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import signal
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import textual_serve
from aiohttp import WSMsgType, web
from textual_serve.server import Server

from spinetui.i18n import N_
from spinetui.web.guard import DEFAULT_SIZE, AddressCheck, terminal_size
from spinetui.web.limits import BUSY_RETRY_SECONDS, DEFAULT_WRITE_TIMEOUT
from spinetui.web.session import SessionService

WEB_DIR = Path(__file__).parent
TEXTUAL_SERVE_STATIC = Path(textual_serve.__file__).parent / "static"
# WebSocket close code 1013: "try again later".
TRY_AGAIN_LATER = 1013
# What one message from the page may be: a key, a paste, a resize.
MAX_MESSAGE_BYTES = 256 * 1024
# Handlers still running this long after the server is told to stop are cancelled.
SHUTDOWN_TIMEOUT = 5.0
NOT_A_WEBSOCKET = (
    "This address is for the guide's page to talk to the server; open the page instead."
)
WRONG_ADDRESS = (
    "This server does not answer to that address. (An admin can allow a name with "
    "spinetui serve --allow-host NAME.)"
)

#: The words of the pages, by the name the templates use (in the sessions' language).
PAGE_WORDS: dict[str, str] = {
    "loading": N_("Loading the guide…"),
    "starting_again": N_("Starting again…"),
    "busy_title": N_("All screens are busy"),
    "busy_text": N_(
        "Everyone else's guide is open right now. This page will try again in {seconds} seconds."
    ),
}

log = logging.getLogger("spinetui.serve")


class GuideServer(Server):
    def __init__(
        self,
        argv: Sequence[str],
        *,
        host: str,
        port: int,
        max_sessions: int,
        kiosk: bool,
        allowed_hosts: Sequence[str] = (),
        write_timeout: float = DEFAULT_WRITE_TIMEOUT,
        title: str = "spinetui",
        lang: str = "en",
    ) -> None:
        super().__init__(
            " ".join(argv),
            host=host,
            port=port,
            title=title,
            statics_path=TEXTUAL_SERVE_STATIC,
            templates_path=WEB_DIR,
        )
        self.argv = list(argv)
        # The pages' language (`<html lang>` and their few words): the sessions'.
        self.lang = lang
        self.max_sessions = max_sessions
        self.kiosk = kiosk
        self.sessions = 0
        self.addresses = AddressCheck(host, allowed_hosts)
        self.write_timeout = write_timeout
        self._services: set[SessionService] = set()

    @property
    def full(self) -> bool:
        return self.sessions >= self.max_sessions

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._check_address)
        return app

    @web.middleware
    async def _check_address(self, request: web.Request, handler: Any) -> web.StreamResponse:
        if not (
            self.addresses.allows_host(request.headers.get("Host"))
            and self.addresses.allows_origin(request.headers.get("Origin"))
        ):
            log.warning("refused a request for host %r", request.headers.get("Host", ""))
            return web.Response(status=403, text=WRONG_ADDRESS)
        return await handler(request)

    def serve(self, debug: bool = False) -> None:
        """Like textual-serve's, with a short shutdown: SIGINT or SIGTERM end every
        session's process at once and the server within seconds."""
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        for number in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(number, self.request_exit)
        try:
            web.run_app(
                self._make_app(),
                host=self.host,
                port=self.port,
                handle_signals=False,
                loop=loop,
                print=lambda *args: None,
                shutdown_timeout=SHUTDOWN_TIMEOUT,
            )
        finally:
            self.kill_sessions()

    async def on_startup(self, app: web.Application) -> None:
        mode = "kiosk mode" if self.kiosk else "personal mode (--no-kiosk)"
        self.console.print(
            f"spinetui: serving the guide on {self.public_url} in {mode}, "
            f"at most {self.max_sessions} sessions at once. Ctrl+C stops it.",
            highlight=False,
            markup=False,
        )

    async def on_shutdown(self, app: web.Application) -> None:
        # Before aiohttp waits for the handlers: their processes go first, so the
        # handlers end at once instead of waiting on apps that may be busy.
        self.kill_sessions()

    def kill_sessions(self) -> None:
        for service in list(self._services):
            service.kill_now()

    async def handle_index(self, request: web.Request) -> web.Response:
        if self.full:
            response = aiohttp_jinja2.render_template(
                "busy.html",
                request,
                {"retry_seconds": BUSY_RETRY_SECONDS, **self._words()},
                status=503,
            )
            response.headers["Retry-After"] = str(BUSY_RETRY_SECONDS)
        else:
            font_size = _int(request.query.get("fontsize", "16"), 16, low=8, high=48)
            response = aiohttp_jinja2.render_template(
                "page.html",
                request,
                {
                    "title": self.title,
                    "font_size": font_size,
                    "kiosk": self.kiosk,
                    **self._words(),
                },
            )
        response.headers["Cache-Control"] = "no-store"
        return response

    def _words(self) -> dict[str, str]:
        """The pages' language and their words in it (the templates hold no text)."""
        from spinetui.i18n import translator

        say = translator(self.lang).gettext
        words = {name: say(text) for name, text in PAGE_WORDS.items()}
        words["busy_text"] = words["busy_text"].format(seconds=BUSY_RETRY_SECONDS)
        return {"lang": self.lang, **words}

    # textual-serve declares WebSocketResponse; a plain GET gets a 400 response instead.
    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE_BYTES)
        if not websocket.can_prepare(request).ok:
            return web.Response(status=400, text=NOT_A_WEBSOCKET)
        if self.full:
            await websocket.prepare(request)
            await websocket.close(code=TRY_AGAIN_LATER, message=b"all screens are busy")
            return websocket
        width, height = (
            terminal_size(request.query.get("width"), request.query.get("height")) or DEFAULT_SIZE
        )
        self.sessions += 1
        log.info("session started (%d of %d)", self.sessions, self.max_sessions)
        service: SessionService | None = None
        try:
            await websocket.prepare(request)
            service = SessionService(
                self.argv,
                write_bytes=self._writer(request, websocket, websocket.send_bytes),
                write_str=self._writer(request, websocket, websocket.send_str),
                close=websocket.close,
                download_manager=self.download_manager,
                debug=False,
            )
            self._services.add(service)
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except (asyncio.CancelledError, ConnectionError):
            pass
        except Exception as error:  # a log line, never a traceback with headers
            log.warning("session ended by an error: %s", type(error).__name__)
        finally:
            if service is not None:
                await service.stop()
                self._services.discard(service)
            with contextlib.suppress(Exception):
                await websocket.close()
            self.sessions -= 1
            log.info("session ended (%d of %d)", self.sessions, self.max_sessions)
        return websocket

    def _writer(self, request: web.Request, websocket: web.WebSocketResponse, send: Any) -> Any:
        """`send` with a time limit: a browser that stops reading (or reads too slowly
        to keep up) would otherwise hold its session slot for ever."""

        async def write(data: Any) -> None:
            if websocket.closed:
                return
            try:
                await asyncio.wait_for(send(data), self.write_timeout)
            except TimeoutError:
                log.warning("closed a session whose browser stopped reading")
                if request.transport is not None:
                    request.transport.abort()  # close() would wait for the reader
            except ConnectionError:
                pass

        return write

    async def _process_messages(  # type: ignore[override]
        self, websocket: web.WebSocketResponse, service: SessionService
    ) -> None:
        """The page's messages, each checked: anything malformed is ignored."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
            except ValueError:
                continue
            if not isinstance(envelope, list) or not envelope or not isinstance(envelope[0], str):
                continue
            kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            if kind == "stdin" and isinstance(data, str):
                await service.send_bytes(data.encode("utf-8", "replace"))
            elif kind == "resize" and isinstance(data, dict):
                size = terminal_size(data.get("width"), data.get("height"))
                if size is not None:
                    await service.set_terminal_size(*size)
            elif kind == "ping" and isinstance(data, str) and len(data) <= 64:
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await service.blur()
            elif kind == "focus":
                await service.focus()


def _int(value: str, default: int, *, low: int, high: int) -> int:
    try:
        number = int(value)
    except ValueError:
        return default
    return min(high, max(low, number))
