"""The admin PIN: salted scrypt hashes, constant-time checks, slower and slower retries."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spinetui.kiosk.pin import (
    MAX_DELAY,
    PinFormatError,
    PinHash,
    PinThrottle,
    hash_pin,
    pin_problem,
    verify_pin,
)

FAST = {"n": 2**4}  # cheap cost for tests; real hashes use DEFAULT_N


def test_a_pin_checks_against_its_own_hash_only():
    stored = hash_pin("4321", **FAST)
    assert verify_pin("4321", stored)
    assert not verify_pin("4322", stored)
    assert not verify_pin("", stored)


def test_the_stored_form_carries_scheme_cost_salt_and_hash():
    stored = hash_pin("4321")
    scheme, n, r, p, salt, digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    assert "4321" not in stored
    parsed = PinHash.parse(stored)
    assert len(parsed.salt) == 16 and len(parsed.digest) == 32


def test_the_same_pin_gets_a_different_salt_each_time():
    assert hash_pin("4321", **FAST) != hash_pin("4321", **FAST)


def test_a_hash_checks_with_the_cost_it_was_made_with():
    stored = hash_pin("4321", n=2**6, r=4, p=2)
    assert verify_pin("4321", stored)


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "4321",
        "bcrypt$16384$8$1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
        "scrypt$16384$8$1$c2FsdHNhbHQ",
        "scrypt$1000$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",  # n not a power of 2
        "scrypt$1073741824$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",  # n far too big
        "scrypt$16384$x$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
        "scrypt$16384$8$1$$aGFzaGhhc2hoYXNoaGFzaA",  # no salt
    ],
)
def test_malformed_hashes_are_rejected_with_a_reason(bad):
    with pytest.raises(PinFormatError):
        PinHash.parse(bad)


@pytest.mark.parametrize(
    ("pin", "reason"),
    [("123", "at least 4"), (" 1234", "space"), ("x" * 200, "at most")],
)
def test_unusable_pins_are_refused(pin, reason):
    assert reason in pin_problem(pin)
    with pytest.raises(ValueError):
        hash_pin(pin, **FAST)


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=4, max_size=20).filter(lambda s: s == s.strip() and "\x00" not in s))
def test_any_usable_pin_round_trips_and_a_changed_one_fails(pin):
    stored = hash_pin(pin, **FAST)
    assert verify_pin(pin, stored)
    assert not verify_pin(pin + "0", stored)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_each_wrong_try_doubles_the_wait_up_to_a_limit():
    clock = Clock()
    throttle = PinThrottle(clock=clock)
    assert throttle.wait_remaining() == 0
    waits = [throttle.record_failure() for _ in range(12)]
    assert waits[:5] == [1, 2, 4, 8, 16]
    assert waits[-1] == MAX_DELAY
    assert throttle.wait_remaining() == MAX_DELAY
    clock.now += MAX_DELAY
    assert throttle.wait_remaining() == 0
    throttle.record_success()
    assert throttle.record_failure() == 1
