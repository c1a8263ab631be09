"""Red-team findings against `spinetui serve` (issue 14: 3, 9, 10, 11), over real
websockets to a server on 127.0.0.1 (never any other address). Every loop is bounded
in count and time."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import signal
import socket
import struct
import time
from pathlib import Path

import pytest

pytest.importorskip("textual_serve")
aiohttp = pytest.importorskip("aiohttp")

from tests.browser.served import Served  # noqa: E402
from tests.e2e.tmux import child_pids  # noqa: E402

START = "Tap or press any key to start"


def sessions_of(served: Served) -> list[int]:
    return [pid for pid in child_pids(served.process.pid) if _alive(pid)]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def environment_of(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes()
    return dict(
        item.split("=", 1) for item in raw.decode("utf-8", "replace").split("\0") if "=" in item
    )


def wait_until(condition, timeout: float = 30.0, what: str = "the condition") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


async def receive_until(websocket, text: str, timeout: float = 30.0) -> bytes:
    """Read the session's output until `text` has been drawn (or fail)."""
    import pyte

    screen = pyte.Screen(420, 210)
    stream = pyte.ByteStream(screen)
    received = bytearray()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            message = await websocket.receive(timeout=max(0.1, deadline - time.monotonic()))
        except TimeoutError:
            break
        if message.type == aiohttp.WSMsgType.BINARY:
            received += message.data
            stream.feed(message.data)
            if text in "\n".join(screen.display):
                return bytes(received)
        elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
            break
    raise AssertionError(
        f"{text!r} was not drawn; the screen showed:\n" + "\n".join(screen.display)
    )


def ws_url(served: Served, query: str = "") -> str:
    return f"ws://127.0.0.1:{served.port}/ws{query}"


# ------------------------------------------------------------------- finding 10


def test_a_plain_get_of_the_websocket_address_is_a_clean_400():
    with Served() as served:
        status, body = served.get("ws")
        output = served.close()
    assert status == 400
    assert "open the page instead" in body
    assert "Traceback" not in output and "Host:" not in output


# -------------------------------------------------------------------- finding 3


@pytest.mark.parametrize(
    ("query", "size"),
    [
        ("?width=20000&height=20000", ("400", "200")),
        ("?width=-5&height=-5", ("80", "24")),
        ("?width=abc&height=1e9", ("80", "24")),
        ("?width=120&height=40", ("120", "40")),
    ],
)
def test_the_size_asked_for_in_the_address_is_clamped_or_refused(query, size):
    async def visit(served: Served) -> tuple[str, str]:
        async with (
            aiohttp.ClientSession() as client,
            client.ws_connect(ws_url(served, query)) as websocket,
        ):
            await receive_until(websocket, START)
            (pid,) = sessions_of(served)
            env = environment_of(pid)
            return env["COLUMNS"], env["ROWS"]

    with Served() as served:
        assert asyncio.run(visit(served)) == size
        output = served.close()
    assert "Traceback" not in output


def test_resize_messages_are_clamped_and_bad_ones_ignored():
    # 20000x20000 grew a session to 2 GB; -5x-5 ended it with a traceback.
    bad = [
        ["resize", {"width": -5, "height": -5}],
        ["resize", {"width": "x", "height": None}],
        ["resize", "20000x20000"],
        ["resize"],
        ["stdin", 5],
        "not a list",
        ["ping", {"huge": "x" * 1000}],
    ]

    async def visit(served: Served) -> None:
        async with (
            aiohttp.ClientSession() as client,
            client.ws_connect(ws_url(served, "?width=80&height=24")) as websocket,
        ):
            await receive_until(websocket, START)
            for message in bad:
                await websocket.send_str(json.dumps(message))
            await websocket.send_str("{not json")
            await websocket.send_str(json.dumps(["resize", {"width": 20000, "height": 20000}]))
            # Drawn at 400 columns, the centred start screen is on a 420-column
            # screen; at 20000 it would be thousands of columns off to the right.
            await receive_until(websocket, START)
            await websocket.send_str(json.dumps(["stdin", "\r"]))
            await receive_until(websocket, "Welcome to the first article")

    with Served() as served:
        asyncio.run(visit(served))
        output = served.close()
    assert "Traceback" not in output


# -------------------------------------------------------------------- finding 9


@pytest.mark.parametrize(
    ("headers", "allowed"),
    [
        ({"Host": "rebound.example:{port}"}, False),
        ({"Origin": "http://rebound.example:{port}"}, False),
        ({"Origin": "null"}, False),
        ({"Origin": "http://127.0.0.1:{port}"}, True),
        ({"Origin": "http://localhost:{port}", "Host": "localhost:{port}"}, True),
    ],
)
def test_only_requests_that_name_this_server_are_answered(headers, allowed):
    async def visit(served: Served) -> tuple[int, int]:
        sent = {name: value.format(port=served.port) for name, value in headers.items()}
        async with (
            aiohttp.ClientSession() as client,
            client.get(f"http://127.0.0.1:{served.port}/", headers=sent) as page,
        ):
            page_status = page.status
            try:
                async with client.ws_connect(ws_url(served), headers=sent) as websocket:
                    await receive_until(websocket, START)
                    ws_status = 101
            except aiohttp.WSServerHandshakeError as error:
                ws_status = error.status
        return page_status, ws_status

    with Served() as served:
        page_status, ws_status = asyncio.run(visit(served))
    if allowed:
        assert (page_status, ws_status) == (200, 101)
    else:
        assert (page_status, ws_status) == (403, 403)


def test_a_name_given_with_allow_host_is_answered():
    async def visit(served: Served) -> int:
        sent = {"Host": "kiosk.clinic.example", "Origin": "https://kiosk.clinic.example"}
        async with (
            aiohttp.ClientSession() as client,
            client.get(f"http://127.0.0.1:{served.port}/", headers=sent) as page,
        ):
            return page.status

    with Served("--allow-host", "kiosk.clinic.example") as served:
        assert asyncio.run(visit(served)) == 200


class SilentReader:
    """A websocket client that shakes hands, then never reads a byte (raw socket, with
    a small receive buffer so the server's writes back up quickly)."""

    def __init__(self, port: int) -> None:
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        self.sock.settimeout(10)
        self.sock.connect(("127.0.0.1", port))
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            (
                "GET /ws?width=400&height=200 HTTP/1.1\r\n"
                f"Host: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
            ).encode()
        )
        reply = b""
        while b"\r\n\r\n" not in reply and len(reply) < 4096:
            reply += self.sock.recv(1)  # only the handshake: the rest is left unread
        assert reply.startswith(b"HTTP/1.1 101"), reply

    def send_text(self, text: str) -> None:
        payload = text.encode()
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        header = struct.pack("!BB", 0x81, 0x80 | len(payload)) if len(payload) < 126 else None
        assert header is not None
        with contextlib.suppress(OSError):  # the server may have closed it already
            self.sock.sendall(header + mask + masked)

    def close(self) -> None:
        self.sock.close()


def test_a_browser_that_stops_reading_loses_its_session_slot():
    # Four such clients held every session slot for ever.
    with Served("--max-sessions", "1", "--write-timeout", "2") as served:
        silent = SilentReader(served.port)
        try:
            wait_until(lambda: len(sessions_of(served)) == 1, what="the silent session")
            # Screen updates it never reads: redraws at full size, a bounded number.
            for n in range(40):
                silent.send_text(json.dumps(["resize", {"width": 400 - n % 2, "height": 200}]))
                time.sleep(0.05)
            wait_until(lambda: not sessions_of(served), 60, "the silent session to be closed")
            # The slot is free for the next visitor (the server counts it free a moment
            # after the session's process has gone).
            wait_until(lambda: served.get()[0] == 200, 30, "the session slot to be free")
        finally:
            silent.close()


# ------------------------------------------------------------------- finding 11


def test_stopping_the_server_ends_a_busy_session_process():
    async def open_session(served: Served, opened: asyncio.Event, done: asyncio.Event) -> None:
        async with (
            aiohttp.ClientSession() as client,
            client.ws_connect(ws_url(served)) as websocket,
        ):
            await receive_until(websocket, START)
            opened.set()
            await done.wait()

    async def scenario(served: Served) -> int:
        opened, done = asyncio.Event(), asyncio.Event()
        task = asyncio.create_task(open_session(served, opened, done))
        await asyncio.wait_for(opened.wait(), 60)
        (pid,) = sessions_of(served)
        os.kill(pid, signal.SIGSTOP)  # busy: it cannot answer a request to quit
        served.process.send_signal(signal.SIGTERM)
        await asyncio.to_thread(served.process.wait, 30)
        done.set()
        task.cancel()
        return pid

    served = Served()
    try:
        pid = asyncio.run(scenario(served))
        wait_until(lambda: not _alive(pid), 15, "the session's process to end")
    finally:
        served.close()
        for leftover in sessions_of(served):
            os.kill(leftover, signal.SIGKILL)
