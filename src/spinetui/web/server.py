"""textual-serve's Server with spinetui's page, a cap on sessions, and quiet start-up.

Differences from textual-serve's defaults:
- the page is `page.html` from this folder; its script and style sheet come from
  textual-serve's own static files, served here, and every URL in it is relative, so
  it works offline and behind a reverse proxy under any path;
- at most `max_sessions` sessions (each one a process) run at once; others get
  `busy.html` (HTTP 503) and a websocket that closes straight away;
- in kiosk mode the page keeps the browser from opening other pages.
"""

from __future__ import annotations

import logging
from pathlib import Path

import aiohttp_jinja2
import textual_serve
from aiohttp import web
from textual_serve.server import Server

from spinetui.serve import BUSY_RETRY_SECONDS

WEB_DIR = Path(__file__).parent
TEXTUAL_SERVE_STATIC = Path(textual_serve.__file__).parent / "static"
# WebSocket close code 1013: "try again later".
TRY_AGAIN_LATER = 1013

log = logging.getLogger("spinetui.serve")


class GuideServer(Server):
    def __init__(
        self,
        command: str,
        *,
        host: str,
        port: int,
        max_sessions: int,
        kiosk: bool,
        title: str = "spinetui",
    ) -> None:
        super().__init__(
            command,
            host=host,
            port=port,
            title=title,
            statics_path=TEXTUAL_SERVE_STATIC,
            templates_path=WEB_DIR,
        )
        self.max_sessions = max_sessions
        self.kiosk = kiosk
        self.sessions = 0

    @property
    def full(self) -> bool:
        return self.sessions >= self.max_sessions

    async def on_startup(self, app: web.Application) -> None:
        mode = "kiosk mode" if self.kiosk else "personal mode (--no-kiosk)"
        self.console.print(
            f"spinetui: serving the guide on {self.public_url} in {mode}, "
            f"at most {self.max_sessions} sessions at once. Ctrl+C stops it.",
            highlight=False,
            markup=False,
        )

    async def handle_index(self, request: web.Request) -> web.Response:  # type: ignore[override]
        if self.full:
            response = aiohttp_jinja2.render_template(
                "busy.html", request, {"retry_seconds": BUSY_RETRY_SECONDS}, status=503
            )
            response.headers["Retry-After"] = str(BUSY_RETRY_SECONDS)
        else:
            font_size = _int(request.query.get("fontsize", "16"), 16, low=8, high=48)
            response = aiohttp_jinja2.render_template(
                "page.html",
                request,
                {"title": self.title, "font_size": font_size, "kiosk": self.kiosk},
            )
        response.headers["Cache-Control"] = "no-store"
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if self.full:
            websocket = web.WebSocketResponse()
            await websocket.prepare(request)
            await websocket.close(code=TRY_AGAIN_LATER, message=b"all screens are busy")
            return websocket
        self.sessions += 1
        log.info("session started (%d of %d)", self.sessions, self.max_sessions)
        try:
            return await super().handle_websocket(request)
        finally:
            self.sessions -= 1
            log.info("session ended (%d of %d)", self.sessions, self.max_sessions)


def _int(value: str, default: int, *, low: int, high: int) -> int:
    try:
        number = int(value)
    except ValueError:
        return default
    return min(high, max(low, number))
