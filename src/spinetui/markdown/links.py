"""What a link destination points at: the one rule the loader and the renderer share."""

from __future__ import annotations

import re
from urllib.parse import unquote

from spinetui.markdown.types import LinkKind

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


def link_kind(href: str) -> tuple[LinkKind, str]:
    """Classify a link destination: (kind, value).

    ``#x`` → anchor; ``source:id`` → source; ``glossary:id`` → term (value is the term
    id); ``tool:id`` → tool (value is the tool id: a decision tool the app opens, such
    as ``what-matters``); anything with a scheme or starting ``//`` → external; otherwise article
    (``id`` or ``id#anchor``). Values other than external ones are percent-decoded.
    """
    lower = href.lower()
    if href.startswith("#"):
        return "anchor", unquote(href)
    if lower.startswith("source:"):
        return "source", unquote(href)
    if lower.startswith("glossary:"):
        return "term", unquote(href[len("glossary:") :])
    if lower.startswith("tool:"):
        return "tool", unquote(href[len("tool:") :])
    if href.startswith("//") or _SCHEME.match(href):
        return "external", href
    return "article", unquote(href)
