"""Removing terminal control characters from content text.

Every string that comes out of a content file passes through :func:`clean_text`, so no
content file can move the cursor, retitle the window, write to the clipboard or
otherwise drive a reader's terminal. Removing the introducing control character
(ESC, CSI, OSC, DCS, ...) is enough to make what is left of an escape sequence
harmless, so complete escape sequences are removed whole (so that no fragments such as
``]0;title`` are left in the text) and then every remaining control character is
dropped.
"""

from __future__ import annotations

import re
from typing import Any

# C0 controls except tab (\x09) and newline (\x0a), DEL, and the C1 range.
_CONTROLS = [c for c in range(0x20) if c not in (0x09, 0x0A)] + [0x7F] + list(range(0x80, 0xA0))
_DROP_CONTROLS = dict.fromkeys(_CONTROLS)
_BOM = "\ufeff"

# Escape sequences (ECMA-48), 7-bit (ESC ...) and 8-bit (C1) forms. String-type
# sequences (OSC, DCS, SOS, PM, APC) are removed whole only when terminated, so an
# unterminated one cannot swallow the rest of the text; its introducer is still dropped.
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI: cursor moves, colours, erase
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"  # OSC: title, clipboard
    r"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)"  # DCS SOS PM APC
    r"|\x1b[ -/]*[0-~]"  # other escapes (ESC c, ESC 7, ESC ( B, ...)
)
_INTRODUCERS = re.compile(r"[\x1b\x90\x98\x9b-\x9f]")
_ANY_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(s: str) -> str:
    """Return ``s`` without terminal control characters.

    Line endings become ``\\n`` (CRLF and lone CR alike) and a leading byte-order mark
    is dropped. Tabs, newlines and all printable Unicode (letters, emoji, ...) are kept.
    """
    if s.startswith(_BOM):
        s = s[1:]
    if "\r" in s:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
    if not _ANY_CONTROL.search(s):
        return s  # the usual case, and much faster than translate()
    if _INTRODUCERS.search(s):
        s = _SEQUENCE.sub("", s)
    return s.translate(_DROP_CONTROLS)


def clean_data(value: Any) -> Any:
    """Clean every string in a YAML-like structure: mapping keys, values, list items."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_data(k): clean_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_data(v) for v in value]
    if isinstance(value, tuple):
        return tuple(clean_data(v) for v in value)
    return value
