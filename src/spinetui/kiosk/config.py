"""The config file: `$XDG_CONFIG_HOME/spinetui/config.toml` or `--config FILE`.

A TOML file; every key is optional:

    kiosk = true              # start in kiosk mode
    idle_seconds = 90         # no input for this long shows "Still reading?"
    notice_seconds = 15       # ... which counts down this long, then starts over
    attract_seconds = 8       # the start screen shows the next topic this often
    pin_hash = "scrypt$..."   # the admin PIN, set with `spinetui kiosk set-pin`
    theme = "dark"            # dark, light or high-contrast (a personal reader's
                              # choice is remembered here; a kiosk only reads it)
    console = true            # draw for the Linux text console even when TERM is not linux
    language = "es"           # the guide's language: en or es (personal mode: default
                              # the locale, LANG=es_MX.UTF-8; a kiosk: English)

    [keys]                    # the reader's own keys, by binding id (spinetui.keymap.user)
    "reader.back" = "x"

Bad values are reported as `file: key: what is wrong` and stop the program; a kiosk
that silently ignored a typo in its idle time would keep the last visitor's page up.
A `[keys]` entry is the exception: it is checked apart (`spinetui.keymap.user`), and a
bad one is reported and left out while the rest applies, as a key is no safety setting.
So is `language`: an unknown one is reported with its file and line
(`Config.language_where`) by `spinetui.i18n.choose_language`, and English is shown.
"""

from __future__ import annotations

import os
import stat
import tempfile
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

from spinetui.config_path import DEFAULT_THEME, THEME_NAMES, default_config_path
from spinetui.kiosk.pin import PinFormatError, PinHash

DEFAULT_IDLE_SECONDS = 90.0
DEFAULT_NOTICE_SECONDS = 15.0
DEFAULT_ATTRACT_SECONDS = 8.0
# Limits that keep a kiosk usable: a reset every few seconds or never at all are both
# mistakes, so say so instead of running with them.
MIN_IDLE_SECONDS = 0.05  # tiny values are for tests (--idle-seconds)
MAX_IDLE_SECONDS = 24 * 60 * 60
MAX_NOTICE_SECONDS = 10 * 60
MIN_ATTRACT_SECONDS = 1.0
MAX_ATTRACT_SECONDS = 10 * 60


class ConfigError(Exception):
    """A config file that cannot be used; the message says where and why."""


@dataclass(frozen=True, slots=True)
class Config:
    kiosk: bool = False
    idle_seconds: float = DEFAULT_IDLE_SECONDS
    notice_seconds: float = DEFAULT_NOTICE_SECONDS
    attract_seconds: float = DEFAULT_ATTRACT_SECONDS
    pin_hash: str | None = None
    theme: str = DEFAULT_THEME
    path: Path | None = None  # where it was read from, if anywhere
    console: bool = False  # console-safe drawing (spinetui.console); TERM=linux turns it on too
    # As written (checked by spinetui.i18n.choose_language, which falls back to English),
    # and where: "FILE, line N" for its message.
    language: str | None = None
    language_where: str | None = None


KNOWN_KEYS = (
    "kiosk",
    "idle_seconds",
    "notice_seconds",
    "attract_seconds",
    "pin_hash",
    "theme",
    "console",
    "language",
    "keys",  # checked by spinetui.keymap.user: a bad entry is reported, never fatal
)


def _seconds(data: dict, key: str, default: float, low: float, high: float, where: str) -> float:
    if key not in data:
        return default
    value = data[key]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(f"{where}: {key}: must be a number of seconds, not {value!r}")
    if not low <= value <= high:
        raise ConfigError(f"{where}: {key}: must be between {low:g} and {high:g}, not {value!r}")
    return float(value)


def parse_config(text: str, where: str = "config") -> Config:
    """Read and check the settings in `text` (TOML)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{where}: not valid TOML: {error}") from None
    unknown = sorted(set(data) - set(KNOWN_KEYS))
    if unknown:
        raise ConfigError(
            f"{where}: unknown setting {unknown[0]!r}; known settings: {', '.join(KNOWN_KEYS)}"
        )
    kiosk = data.get("kiosk", False)
    if not isinstance(kiosk, bool):
        raise ConfigError(f"{where}: kiosk: must be true or false, not {kiosk!r}")
    console = data.get("console", False)
    if not isinstance(console, bool):
        raise ConfigError(f"{where}: console: must be true or false, not {console!r}")
    pin_hash = data.get("pin_hash")
    if pin_hash is not None:
        if not isinstance(pin_hash, str):
            raise ConfigError(f"{where}: pin_hash: must be a string, not {pin_hash!r}")
        try:
            PinHash.parse(pin_hash)
        except PinFormatError as error:
            raise ConfigError(f"{where}: pin_hash: {error}") from None
    language = data.get("language")
    if language is not None and not isinstance(language, str):
        language = repr(language)  # choose_language says it is no language, and why
    language_where = None
    if language is not None:
        line = top_level_line(text, "language")
        language_where = f"{where}, line {line}" if line else where
    theme = data.get("theme", DEFAULT_THEME)
    if theme not in THEME_NAMES:
        raise ConfigError(f"{where}: theme: must be one of {', '.join(THEME_NAMES)}, not {theme!r}")
    return Config(
        kiosk=kiosk,
        theme=theme,
        idle_seconds=_seconds(
            data, "idle_seconds", DEFAULT_IDLE_SECONDS, MIN_IDLE_SECONDS, MAX_IDLE_SECONDS, where
        ),
        notice_seconds=_seconds(
            data, "notice_seconds", DEFAULT_NOTICE_SECONDS, 0.0, MAX_NOTICE_SECONDS, where
        ),
        attract_seconds=_seconds(
            data,
            "attract_seconds",
            DEFAULT_ATTRACT_SECONDS,
            MIN_ATTRACT_SECONDS,
            MAX_ATTRACT_SECONDS,
            where,
        ),
        pin_hash=pin_hash,
        console=console,
        language=language,
        language_where=language_where,
    )


def top_level_line(text: str, key: str) -> int | None:
    """The line (from 1) where top-level `key = ...` is written, if it is (tomllib
    gives values, not places)."""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            return None  # top-level keys come before the first table
        name = stripped.split("=", 1)[0].strip().strip("\"'")
        if "=" in stripped and name == key:
            return number
    return None


def load_config(path: Path | None = None, *, required: bool = False) -> Config:
    """The settings from `path` (default: the user's config file).

    A missing file means defaults unless `required` (a file named with --config).
    """
    path = default_config_path() if path is None else path
    try:
        text, mode = read_config_file(path)
    except FileNotFoundError:
        if required:
            raise ConfigError(f"{path}: no such config file") from None
        return Config()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read it: {error}") from None
    config = parse_config(text, str(path))
    if config.pin_hash is not None and mode & stat.S_IWOTH:
        # Anyone on the machine could put their own PIN's hash in it (and close the
        # kiosk), or a broken one (and nobody could).
        raise ConfigError(
            f"{path}: holds the admin PIN but every user may change it; "
            f"make it writable by its owner only: chmod o-w {path}"
        )
    return replace(config, path=path)


# A config file is a few lines; anything bigger is not one.
MAX_CONFIG_BYTES = 1024 * 1024


def read_config_file(path: Path) -> tuple[str, int]:
    """The file's text and its permission bits.

    Opened without blocking, so a FIFO or a device put in its place cannot hang the
    kiosk or `check-config`, and only a regular file is read.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"{path} is not a regular file")
        data = os.read(fd, MAX_CONFIG_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > MAX_CONFIG_BYTES:
        raise OSError("it is too large for a config file")
    return data.decode("utf-8"), stat.S_IMODE(info.st_mode)


def _toml_string(value: str) -> str:
    # A basic TOML string; the hash alphabet (base64url, digits, '$') needs no escapes,
    # but escape anyway so this stays correct for any value.
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def with_setting(text: str, key: str, value: str) -> str:
    """`text` with top-level `key = "value"` set, keeping every other line as it was."""
    lines = text.splitlines()
    new_line = f"{key} = {_toml_string(value)}"
    in_table = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("["):
            in_table = True
        if not in_table and stripped.split("=", 1)[0].strip() == key and "=" in stripped:
            lines[index] = new_line
            break
    else:
        # Top-level keys must come before the first [table].
        first_table = next(
            (i for i, line in enumerate(lines) if line.strip().startswith("[")), len(lines)
        )
        lines.insert(first_table, new_line)
    return "\n".join(lines) + "\n"


def write_private(path: Path, text: str) -> None:
    """Replace `path` with `text`, readable and writable by its owner only (0600).

    Written to a temporary file beside it and renamed, so a crash never leaves half a
    config (and so never a kiosk without its settings).
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, temporary = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=path.parent)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
