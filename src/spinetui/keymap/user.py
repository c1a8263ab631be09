"""The `[keys]` table of the config file: the reader's own keys, by binding id.

    [keys]
    "reader.back" = "x"              # one key (quoted: the id has a dot)
    "app.search" = ["s", "ctrl+f"]   # several keys (or "s,ctrl+f")
    [keys.article]                   # the same ids, one area at a time
    scroll_down = "down,j,ctrl+n"

Each entry replaces every key of that binding (as `App.set_keymap` does). An entry
that cannot be used (an id no binding has, a key no keyboard sends, a key another
binding of the same area already has, a character where a text box takes it) is left out and reported with the file and line;
every other entry still applies, so one typo never takes away the reader's keys.
Textual-free: `spinetui kiosk check-config` checks the table without starting the app.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field

from spinetui.keymap.help import KEY_TABLES, REMAPPABLE, keys_of
from spinetui.keymap.names import NAMED_KEYS, KeyNameError, key_label, normalize_key

TABLE = "keys"
# Areas whose keys work while a text box has the focus: a character bound there
# (the find bar's and search's keys go first) could no longer be typed.
TEXT_BOX_AREAS = frozenset({"find", "search"})
_MODIFIED = ("ctrl+", "alt+", "super+", "meta+", "hyper+")


@dataclass(frozen=True, slots=True)
class UserKeys:
    """The usable entries (binding id → Textual key names, comma separated) and, one
    line each, what was wrong with the others."""

    keymap: dict[str, str] = field(default_factory=dict)
    problems: tuple[str, ...] = ()


def _flatten(table: Mapping[str, object], prefix: str = "") -> dict[str, object]:
    """`{"reader": {"back": "x"}}` (TOML's `reader.back = "x"`) → `{"reader.back": "x"}`."""
    flat: dict[str, object] = {}
    for name, value in table.items():
        full = f"{prefix}{name}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{full}."))
        else:
            flat[full] = value
    return flat


_PART = re.compile(r'"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([A-Za-z0-9_-]+)')


def _parts(dotted: str) -> list[str]:
    return [a or b or c for a, b, c in _PART.findall(dotted)]


def entry_lines(text: str) -> dict[str, int]:
    """Where each `[keys]` entry is written: binding id → line number (from 1).

    tomllib gives values, not places; this reads the lines again, knowing only the
    forms a key table takes (`[keys]`, `[keys.area]`, `id = …`, `"a.b" = …`).
    """
    lines: dict[str, int] = {}
    header: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("[") and not stripped.startswith("[["):
            header = _parts(stripped[1 : stripped.find("]")])
            continue
        if "=" not in stripped or stripped.startswith("#"):
            continue
        full = header + _parts(stripped.split("=", 1)[0])
        if len(full) > 1 and full[0] == TABLE:
            lines.setdefault(".".join(full[1:]), number)
    return lines


def _keys(value: object) -> list[str] | None:
    if isinstance(value, str):
        return value.split(",")
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return [part for v in value for part in v.split(",")]
    return None


def _types(key: str) -> bool:
    """Would the key type a character into a text box (x, N, ?, Space)?"""
    if key.startswith(_MODIFIED):
        return False
    base = key.removeprefix("shift+")
    return base == "space" or base not in NAMED_KEYS


def _unknown(binding_id: str) -> str:
    close = difflib.get_close_matches(binding_id, list(REMAPPABLE), n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"no key binding is called {binding_id!r}{hint} (docs/keys.md lists them all)"


def read_user_keys(text: str, where: str = "config") -> UserKeys:
    """Check the `[keys]` table of a config file's text; never raises for its entries.

    A file that is not TOML at all gives no keys and no problems here: reading the
    rest of the config reports that (and stops the program).
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return UserKeys()
    table = data.get(TABLE)
    if table is None:
        return UserKeys()
    if not isinstance(table, dict):
        return UserKeys(problems=(f"{where}: keys: must be a table ([keys]), not {table!r}",))
    lines = entry_lines(text)
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, value in _flatten(table).items():
        place = f"{where}:{lines[binding_id]}" if binding_id in lines else where
        say = f"{place}: keys: {binding_id}:"
        if binding_id not in REMAPPABLE:
            problems.append(f"{place}: keys: {_unknown(binding_id)}")
            continue
        written = _keys(value)
        if written is None:
            problems.append(f'{say} must be a key ("x"), keys ("x,ctrl+x") or a list of keys')
            continue
        try:
            keys = list(dict.fromkeys(normalize_key(k) for k in written))
        except KeyNameError as error:
            problems.append(f"{say} {error}")
            continue
        typed = next((k for k in keys if _types(k)), None)
        if binding_id.split(".", 1)[0] in TEXT_BOX_AREAS and typed is not None:
            problems.append(
                f"{say} {key_label(typed)} types into the text box there; use a key with "
                "Ctrl or Alt, or a named key such as F3"
            )
            continue
        keymap[binding_id] = ",".join(keys)
    for binding_id in list(keymap):
        clash = _clash(binding_id, keymap)
        if clash is not None:
            problems.append(f"{_place(binding_id, lines, where)}: keys: {binding_id}: {clash}")
    return UserKeys({i: k for i, k in keymap.items() if i in _usable(keymap)}, tuple(problems))


def _place(binding_id: str, lines: Mapping[str, int], where: str) -> str:
    return f"{where}:{lines[binding_id]}" if binding_id in lines else where


def _clash(binding_id: str, keymap: Mapping[str, str]) -> str | None:
    """Why a remapped key cannot be used: another key of a table it is in (active with
    it on one screen or pane) has it, after every remapping. Textual would silently
    take the key from the other binding."""
    mine = set(keymap[binding_id].split(","))
    for table in KEY_TABLES:
        if not any(key.id == binding_id for key in table):
            continue
        for other in table:
            if other.id == binding_id:
                continue
            taken = set(keys_of(other, keymap).split(",")) & mine
            if taken:
                return (
                    f"{key_label(sorted(taken)[0])} already does {other.description!r} "
                    f"there ({other.id or 'not remappable'}); give that one another key first"
                )
    return None


def _usable(keymap: Mapping[str, str]) -> set[str]:
    return {binding_id for binding_id in keymap if _clash(binding_id, keymap) is None}
