"""What `spinetui serve` accepts from a browser: a sane terminal size, and requests
addressed to it by a name it was told about.

Found by a red team (issue 14):
- finding 3: any terminal size was passed on; 20000x20000 grew a session's process to
  2 GB and sent 1.2 GB, and -5x-5 ended it with a traceback;
- finding 9: with no Host or Origin check, a web page elsewhere could reach the server
  through a name that it points at 127.0.0.1 (DNS rebinding).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from urllib.parse import urlsplit

MAX_WIDTH = 400
MAX_HEIGHT = 200
DEFAULT_SIZE = (80, 24)
WILDCARD_HOSTS = {"0.0.0.0", "::", ""}
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


def _positive_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and value.strip().isdigit() and len(value) <= 9:
        number = int(value)
    else:
        return None
    return number if number > 0 else None


def terminal_size(width: object, height: object) -> tuple[int, int] | None:
    """The size to give a session, at most MAX_WIDTH x MAX_HEIGHT; None unless both are
    positive whole numbers (a message with anything else is ignored)."""
    columns, rows = _positive_int(width), _positive_int(height)
    if columns is None or rows is None:
        return None
    return min(columns, MAX_WIDTH), min(rows, MAX_HEIGHT)


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _is_loopback(name: str) -> bool:
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str:
    """The name in a Host header, without the port: "[::1]:8000" is "::1"."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    if header.count(":") == 1:
        return header.split(":", 1)[0]
    return header


class AddressCheck:
    """Which names a request may use to reach the server.

    Allowed: the address it listens on; on a loopback address, the loopback names; on
    every address (0.0.0.0, ::), any address written as numbers (a rebinding page
    needs a name, not a number); and the names given with --allow-host (the name a
    reverse proxy or the tablets use).
    """

    def __init__(self, bound: str, allowed: Iterable[str] = ()) -> None:
        self.bound = bound.strip("[]").lower()
        self.names = {self.bound, *(name.strip().lower().rstrip(".") for name in allowed)}
        if _is_loopback(self.bound):
            self.names |= LOOPBACK_NAMES
        self.any_address = self.bound in WILDCARD_HOSTS

    def allows_name(self, name: str) -> bool:
        name = name.rstrip(".")
        if name in self.names:
            return True
        return self.any_address and _is_ip(name)

    def allows_host(self, header: str | None) -> bool:
        return header is not None and self.allows_name(host_name(header))

    def allows_origin(self, header: str | None) -> bool:
        """Browsers send Origin with every websocket; a program without one is no web
        page, so no rebinding risk."""
        if header is None:
            return True
        try:
            name = urlsplit(header.strip()).hostname
        except ValueError:
            return False
        return name is not None and self.allows_name(name)
