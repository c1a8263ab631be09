"""How keys are written for people ("Ctrl+P", "?", "PgDn"), and which key names are real.

Textual-free, so the config file's `[keys]` table can be checked without Textual.
"""

from __future__ import annotations

import unicodedata

# How keys are printed for people: the character, an arrow, or the key's name.
_KEY_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "exclamation_mark": "!",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "less_than_sign": "<",
    "greater_than_sign": ">",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "escape": "Esc",
    "enter": "Enter",
    "tab": "Tab",
    "space": "Space",
    "backspace": "Backspace",
    "delete": "Delete",
}
_MODIFIERS = {"ctrl": "Ctrl", "alt": "Alt", "shift": "Shift"}


def key_label(name: str) -> str:
    """One Textual key name as people write it: "ctrl+p" → "Ctrl+P", "tab" → "Tab"."""
    *modifiers, base = name.split("+")
    if base in _KEY_NAMES:
        base = _KEY_NAMES[base]
    elif len(base) > 1:
        base = base.upper() if base[0] == "f" and base[1:].isdigit() else base.capitalize()
    elif modifiers:
        base = base.upper()
    return "+".join([*(_MODIFIERS.get(m, m.capitalize()) for m in modifiers), base])


def keys_label(keys: str) -> str:
    """Every key of a binding, for the help screen: "b / Backspace / Alt+←"."""
    return " / ".join(key_label(k.strip()) for k in keys.split(","))


# Named keys a terminal or browser sends (as Textual names them), besides characters.
NAMED_KEYS = frozenset(
    {
        "escape", "enter", "tab", "space", "backspace", "delete", "insert",
        "home", "end", "pageup", "pagedown", "up", "down", "left", "right",
        *(f"f{n}" for n in range(1, 25)),
    }
)  # fmt: skip
_MODIFIER_NAMES = ("ctrl", "alt", "shift", "super", "meta", "hyper")
# Textual's short names for some characters (textual.keys.KEY_NAME_REPLACEMENTS).
_CHARACTER_NAMES = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}
_CHARACTERS_BY_NAME = {short: long for long, short in _CHARACTER_NAMES.items()}


def _character_key(character: str) -> str:
    """A character's key name as Textual spells it ("?" → "question_mark", "a" → "a")."""
    if character.isalnum():
        return character
    name = unicodedata.name(character, character).lower().replace("-", "_").replace(" ", "_")
    return _CHARACTER_NAMES.get(name, name)


def _is_character_name(name: str) -> bool:
    long = _CHARACTERS_BY_NAME.get(name, name)
    try:
        unicodedata.lookup(long.replace("_", " ").upper())
    except KeyError:
        return False
    return True


class KeyNameError(ValueError):
    """A key written in the config file that no keyboard sends; the message says why."""


# What people call some keys, as Textual names them.
_ALIASES = {
    "esc": "escape",
    "return": "enter",
    "pgup": "pageup",
    "pgdn": "pagedown",
    "del": "delete",
}


def normalize_key(written: str) -> str:
    """A key as people may write it in the config file, as Textual names it.

    "?" → "question_mark", "Ctrl+P" → "ctrl+p", "PgDn" → "pagedown"; a letter on its own
    keeps its case ("N" is Shift+n). Raises KeyNameError for anything else.
    """
    text = written.strip()
    if not text:
        raise KeyNameError("an empty key")
    # The last "+" parts the key from its modifiers, unless the key is "+" itself.
    if text.endswith("+"):
        head, base = text[:-1].removesuffix("+"), "+"
        modifiers = head.split("+") if head else []
    else:
        *modifiers, base = text.split("+")
    lowered = [m.strip().lower() for m in modifiers]
    for modifier in lowered:
        if modifier not in _MODIFIER_NAMES:
            raise KeyNameError(
                f"{written!r}: {modifier!r} is not a modifier (use {', '.join(_MODIFIER_NAMES)})"
            )
    base = base.strip()
    if len(base) == 1:
        if not base.isprintable() or base.isspace():
            raise KeyNameError(f"{written!r}: not a key")
        name = _character_key(base.lower() if lowered else base)
    else:
        name = _ALIASES.get(base.lower(), base.lower())
        if name not in NAMED_KEYS and not _is_character_name(name):
            raise KeyNameError(
                f"{base!r} is not a key name (write a character such as x or ?, "
                "or a name such as Enter, Esc, Tab, Space, Up, PgDn, Home, F5)"
            )
    return "+".join([*lowered, name])
