"""Red-team findings (issue 14) in kiosk set-up: PIN hashes, the config file, serving."""

from __future__ import annotations

import io
import os
import shlex
import threading

import pytest

from spinetui import serve
from spinetui.kiosk.commands import check_config
from spinetui.kiosk.config import ConfigError, load_config
from spinetui.kiosk.launch import resolve_policy
from spinetui.kiosk.pin import PinFormatError, PinHash, hash_pin, verify_pin

SALT_AND_HASH = "c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA"


@pytest.mark.parametrize(
    "params",
    [
        "1048576$8$1",  # 1 GiB a try: over hashlib's limit, so every try failed
        "1048576$4$16",  # 512 MiB and 26 s a try
        "65536$32$1",  # 256 MiB
        "16384$8$16",  # 16 times the usual work
    ],
)
def test_pin_hashes_that_cost_too_much_are_refused(params, tmp_path):
    # Finding 7: these passed `kiosk check-config`; then the kiosk could never be
    # closed (every try failed) or froze for 26 s a try.
    encoded = f"scrypt${params}${SALT_AND_HASH}"
    with pytest.raises(PinFormatError, match="too high"):
        PinHash.parse(encoded)
    config = tmp_path / "config.toml"
    config.write_text(f'pin_hash = "{encoded}"\n')
    os.chmod(config, 0o600)
    with pytest.raises(ConfigError, match="pin_hash: its cost"):
        load_config(config, required=True)
    assert check_config(config, io.StringIO()) == 2


def test_the_dearest_hash_allowed_still_checks(tmp_path):
    stored = hash_pin("2468", n=2**16, r=8, p=1)  # 64 MiB: the cap
    assert PinHash.parse(stored).n == 2**16
    assert verify_pin("2468", stored)
    assert not verify_pin("1357", stored)


def write_config(tmp_path, mode: int):
    config = tmp_path / "config.toml"
    config.write_text(f'kiosk = true\npin_hash = "{hash_pin("2468", n=2**4)}"\n')
    os.chmod(config, mode)
    return config


def test_a_world_writable_config_holding_the_pin_is_refused(tmp_path):
    # Finding 10: anyone on the machine could have put their own PIN in it.
    config = write_config(tmp_path, 0o666)
    with pytest.raises(ConfigError, match="every user may change it.*chmod o-w"):
        load_config(config, required=True)
    err = io.StringIO()
    assert check_config(config, io.StringIO()) == 2
    os.chmod(config, 0o644)
    assert load_config(config, required=True).pin_hash is not None
    assert check_config(config, err) == 0


def test_a_fifo_in_place_of_the_config_does_not_block(tmp_path):
    # Opened without blocking: a FIFO nobody writes to would hang open() for ever.
    fifo = tmp_path / "config.toml"
    os.mkfifo(fifo)
    outcome: list[object] = []

    def load() -> None:
        try:
            load_config(fifo, required=True)
        except ConfigError as error:
            outcome.append(error)

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(timeout=30)
    if worker.is_alive():  # unblock it, then fail
        with open(fifo, "w"):
            pass
        pytest.fail("reading a FIFO as the config file blocked")
    assert "not a regular file" in str(outcome[0])


def test_served_sessions_have_no_admin_pin(tmp_path):
    # Finding 4: each browser session was a fresh process with a fresh PIN throttle,
    # so a browser could guess 8 PINs in 9 s by opening new tabs.
    config = write_config(tmp_path, 0o600)
    options = serve._parser().parse_args(["--config", str(config)])
    argv = shlex.split(serve.session_command(options))
    assert "--served" in argv
    policy = resolve_policy(config, kiosk=True, idle_seconds=None, served=True)
    assert policy.enabled and policy.served
    assert policy.pin_hash is None
    assert not policy.has_admin_exit
    on_a_console = resolve_policy(config, kiosk=True, idle_seconds=None)
    assert on_a_console.has_admin_exit
