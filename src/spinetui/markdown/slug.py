"""Heading anchors: the one slug rule, explicit ``{#anchor}`` markers, and de-duplication.

The loader (through the fast scanner) and the renderer both take anchors from here, so
a link checked at load time lands where the reader scrolls.
"""

from __future__ import annotations

import re
import unicodedata

_EXPLICIT = re.compile(r"[ \t]*\{#([^\s{}]+)\}[ \t]*$")
_SPACES = re.compile(r"\s+")


def split_explicit_anchor(content: str) -> tuple[str, str | None]:
    """Remove a trailing ``{#anchor}`` from heading source; return (content, anchor)."""
    match = _EXPLICIT.search(content)
    if match is None:
        return content, None
    return content[: match.start()], match.group(1)


def slugify(text: str) -> str:
    """The anchor of a heading's plain text.

    GitHub-style: lowercase; each space becomes a hyphen (runs of whitespace count
    as one space); letters, digits (any script), combining marks, hyphens and
    underscores are kept; other punctuation and symbols are dropped, so
    "Risks & side effects" gives "risks--side-effects". Text with nothing left gives
    ``"section"``.
    """
    text = _SPACES.sub("-", text.strip().lower())
    kept = [ch for ch in text if ch.isalnum() or ch in "-_" or unicodedata.category(ch)[0] in "LNM"]
    return "".join(kept) or "section"


class AnchorAllocator:
    """Hands out unique anchors: the second ``x`` becomes ``x-1``, the third ``x-2``."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, wanted: str) -> str:
        anchor = wanted
        n = 0
        while anchor in self.used:
            n += 1
            anchor = f"{wanted}-{n}"
        self.used.add(anchor)
        return anchor
