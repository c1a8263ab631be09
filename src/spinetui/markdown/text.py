"""Control characters out of Markdown text, before it is shown or compared."""

from __future__ import annotations

import re

# C0 (tab and newline become spaces), DEL and C1: never let them reach a terminal.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
# In whole sources keep tab, LF and CR (markdown-it normalises CR itself).
_SOURCE_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _control_sub(match: re.Match[str]) -> str:
    return " " if match.group() in "\t\n" else ""


def clean_inline(text: str) -> str:
    """Text for one line: tabs and newlines become spaces, other control characters go."""
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(_control_sub, text)


def clean_source(text: str) -> str:
    """Remove C0 (except tab, LF, CR), DEL and C1 from a whole Markdown source."""
    if _SOURCE_CONTROL.search(text) is None:
        return text
    return _SOURCE_CONTROL.sub("", text)
