"""The admin PIN: stored only as a salted scrypt hash, checked in constant time.

The stored form is `scrypt$n$r$p$salt$hash` (salt and hash in URL-safe base64), so the
cost parameters travel with the hash and can be raised later without breaking old PINs.
Wrong guesses make the next try wait longer (`PinThrottle`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field

SCHEME = "scrypt"
# scrypt cost: n=2**14, r=8 takes ~50 ms and 16 MiB here; enough for a short PIN
# behind a growing delay, quick enough not to freeze the screen.
DEFAULT_N = 2**14
DEFAULT_R = 8
DEFAULT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
MIN_PIN_LENGTH = 4
MAX_PIN_LENGTH = 128
# Upper bounds for parameters read from a config file, so a hand-edited hash cannot
# make a check take minutes or gigabytes, or fail every time: scrypt needs 128 * r * n
# bytes (n=2**20, r=8 is 1 GiB, over what hashlib allows, so no PIN would ever match)
# and time in proportion to n * r * p (n=2**20, r=4, p=16 took 26 s a try). The caps
# allow 4 times the default memory and work: about 0.2 s and 64 MiB a try.
MAX_N = 2**20
MAX_R = 32
MAX_P = 16
MAX_MEMORY_BYTES = 64 * 1024 * 1024  # 128 * r * n
MAX_WORK = 4 * DEFAULT_N * DEFAULT_R * DEFAULT_P  # n * r * p


class PinFormatError(ValueError):
    """A stored PIN hash that is not in the `scrypt$n$r$p$salt$hash` form."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def pin_problem(pin: str) -> str | None:
    """Why this PIN can't be used, or None when it can."""
    if len(pin) < MIN_PIN_LENGTH:
        return f"The PIN must be at least {MIN_PIN_LENGTH} characters long."
    if len(pin) > MAX_PIN_LENGTH:
        return f"The PIN must be at most {MAX_PIN_LENGTH} characters long."
    if pin != pin.strip():
        return "The PIN must not start or end with a space."
    return None


def _derive(pin: str, salt: bytes, n: int, r: int, p: int, dklen: int = HASH_BYTES) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        # scrypt needs 128 * r * n bytes; OpenSSL's default cap (32 MiB) is too tight.
        # PinHash.parse keeps 128 * r * n within MAX_MEMORY_BYTES, so this stays far
        # below hashlib's own limit (2**31 - 1).
        maxmem=min(256 * r * n + 1024 * 1024, 2**31 - 1),
        dklen=dklen,
    )


def hash_pin(
    pin: str,
    *,
    salt: bytes | None = None,
    n: int = DEFAULT_N,
    r: int = DEFAULT_R,
    p: int = DEFAULT_P,
) -> str:
    """The storable form of a PIN, with a fresh random salt unless one is given."""
    problem = pin_problem(pin)
    if problem:
        raise ValueError(problem)
    salt = os.urandom(SALT_BYTES) if salt is None else salt
    digest = _derive(pin, salt, n, r, p)
    return f"{SCHEME}${n}${r}${p}${_b64(salt)}${_b64(digest)}"


@dataclass(frozen=True, slots=True)
class PinHash:
    n: int
    r: int
    p: int
    salt: bytes
    digest: bytes

    @classmethod
    def parse(cls, encoded: str) -> PinHash:
        parts = encoded.split("$")
        if len(parts) != 6 or parts[0] != SCHEME:
            raise PinFormatError(
                "expected scrypt$n$r$p$salt$hash (set it with 'spinetui kiosk set-pin')"
            )
        try:
            n, r, p = (int(x) for x in parts[1:4])
            salt, digest = _unb64(parts[4]), _unb64(parts[5])
        except ValueError as error:
            raise PinFormatError(f"unreadable number or base64 ({error})") from None
        if n < 2 or n & (n - 1) or n > MAX_N:
            raise PinFormatError(f"n must be a power of two between 2 and {MAX_N}")
        if not (1 <= r <= MAX_R and 1 <= p <= MAX_P):
            raise PinFormatError(f"r must be 1-{MAX_R} and p 1-{MAX_P}")
        if 128 * r * n > MAX_MEMORY_BYTES or n * r * p > MAX_WORK:
            raise PinFormatError(
                f"its cost (n={n}, r={r}, p={p}) is too high: each try would take "
                f"{128 * r * n // 2**20} MiB and {n * r * p // (DEFAULT_N * DEFAULT_R)} "
                "times the usual time (at most 64 MiB and 4 times). "
                "Set the PIN again with 'spinetui kiosk set-pin'"
            )
        if len(salt) < 8 or not 16 <= len(digest) <= 64:
            raise PinFormatError("the salt or hash has the wrong length")
        return cls(n, r, p, salt, digest)


def verify_pin(pin: str, encoded: str) -> bool:
    """True when `pin` matches the stored hash. Compares in constant time."""
    stored = PinHash.parse(encoded)
    if not pin or len(pin) > MAX_PIN_LENGTH:
        return False
    candidate = _derive(pin, stored.salt, stored.n, stored.r, stored.p, len(stored.digest))
    return hmac.compare_digest(candidate, stored.digest)


# Wrong tries: wait 1 s after the first, then 2, 4, 8 ... up to 5 minutes.
FIRST_DELAY = 1.0
MAX_DELAY = 300.0


@dataclass
class PinThrottle:
    """Makes each wrong PIN wait longer before the next try is accepted.

    Lives on the app, not on the prompt, so closing and reopening the prompt (or an
    idle reset) does not clear the wait.
    """

    clock: Callable[[], float] = time.monotonic
    failures: int = 0
    _next_try_at: float = field(default=0.0, repr=False)

    def wait_remaining(self) -> float:
        """Seconds before the next try is accepted (0 when it may be tried now)."""
        return max(0.0, self._next_try_at - self.clock())

    def delay_for(self, failures: int) -> float:
        if failures <= 0:
            return 0.0
        return min(MAX_DELAY, FIRST_DELAY * 2 ** (failures - 1))

    def record_failure(self) -> float:
        """Note a wrong PIN; returns how long the next try must wait."""
        self.failures += 1
        delay = self.delay_for(self.failures)
        self._next_try_at = self.clock() + delay
        return delay

    def record_success(self) -> None:
        self.failures = 0
        self._next_try_at = 0.0
