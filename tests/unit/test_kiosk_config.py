"""The config file: defaults, clear messages for bad values, and writing it privately."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from spinetui.kiosk.config import (
    Config,
    ConfigError,
    default_config_path,
    load_config,
    parse_config,
    with_setting,
    write_private,
)
from spinetui.kiosk.launch import resolve_policy
from spinetui.kiosk.pin import hash_pin


def test_an_empty_file_means_the_defaults():
    config = parse_config("")
    assert config == Config()
    assert (config.kiosk, config.idle_seconds, config.notice_seconds) == (False, 90, 15)
    assert config.pin_hash is None


def test_every_setting_is_read():
    stored = hash_pin("2468", n=2**4)
    config = parse_config(
        "kiosk = true\nidle_seconds = 120\nnotice_seconds = 20\n"
        f'attract_seconds = 5\npin_hash = "{stored}"\n'
    )
    assert config == Config(True, 120.0, 20.0, 5.0, stored)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("kiosk = 'yes'", "kiosk: must be true or false, not 'yes'"),
        ("idle_seconds = 'ninety'", "idle_seconds: must be a number of seconds"),
        ("idle_seconds = -5", "idle_seconds: must be between"),
        ("idle_seconds = true", "idle_seconds: must be a number of seconds"),
        ("notice_seconds = 100000", "notice_seconds: must be between 0 and 600"),
        ("attract_seconds = 0", "attract_seconds: must be between 1 and 600"),
        ("idle_second = 90", "unknown setting 'idle_second'; known settings: kiosk,"),
        ("pin_hash = 1234", "pin_hash: must be a string"),
        ("pin_hash = '1234'", "pin_hash: expected scrypt$n$r$p$salt$hash"),
        ("kiosk = ", "not valid TOML"),
    ],
)
def test_bad_values_say_where_and_what_is_wrong(text, message):
    with pytest.raises(ConfigError) as caught:
        parse_config(text, "/etc/spinetui/config.toml")
    assert str(caught.value).startswith("/etc/spinetui/config.toml: ")
    assert message in str(caught.value)


def test_the_default_file_follows_xdg_config_home(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "conf"))
    assert default_config_path() == tmp_path / "conf" / "spinetui" / "config.toml"
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_config_path() == tmp_path / ".config" / "spinetui" / "config.toml"


def test_a_missing_default_file_is_fine_but_a_named_one_is_not(tmp_path):
    assert load_config(tmp_path / "nope.toml") == Config()
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(tmp_path / "nope.toml", required=True)


def test_flags_override_the_file(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("kiosk = true\nidle_seconds = 300\n")
    policy = resolve_policy(path, kiosk=None, idle_seconds=None)
    assert policy.enabled and policy.idle_seconds == 300
    assert not resolve_policy(path, kiosk=False, idle_seconds=None).enabled
    short = resolve_policy(path, kiosk=None, idle_seconds=2)
    assert short.idle_seconds == 2 and short.notice_seconds == 2
    with pytest.raises(ConfigError, match="--idle-seconds: must be between"):
        resolve_policy(path, kiosk=None, idle_seconds=-1)


def test_setting_a_key_keeps_the_rest_of_the_file():
    text = "# my kiosk\nkiosk = true\npin_hash = \"old\"\n\n[later]\npin_hash = 'x'\n"
    updated = with_setting(text, "pin_hash", "scrypt$new")
    assert (
        updated
        == "# my kiosk\nkiosk = true\npin_hash = \"scrypt$new\"\n\n[later]\npin_hash = 'x'\n"
    )
    assert with_setting("", "pin_hash", "h") == 'pin_hash = "h"\n'
    assert with_setting("[t]\na = 1\n", "pin_hash", "h") == 'pin_hash = "h"\n[t]\na = 1\n'


def test_the_file_is_written_for_its_owner_only(tmp_path):
    path = tmp_path / "new" / "config.toml"
    write_private(path, "kiosk = true\n")
    assert path.read_text() == "kiosk = true\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.chmod(0o644)
    write_private(path, "kiosk = false\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["config.toml"]  # no temporary left


def test_a_config_path_that_is_a_folder_is_reported(tmp_path):
    with pytest.raises(ConfigError, match="cannot read it"):
        load_config(Path(tmp_path), required=True)
