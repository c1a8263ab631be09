"""Plain text of parsed inline tokens: a heading's or an image's words.

Apart from :mod:`spinetui.markdown.plain` (which re-exports it) because the renderer
needs only this before the first paint, and the whole-source rules beside it are
sixteen regular expressions to compile.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from spinetui.markdown.text import clean_inline

if TYPE_CHECKING:
    from markdown_it.token import Token

_IMG_ALT = re.compile(r"""\balt\s*=\s*["']([^"']*)""")


def inline_plain(children: Sequence[Token] | None, *, keep_controls: bool = False) -> str:
    """Plain text of inline tokens (images give their alt text).

    Control characters go (tabs and newlines become spaces) unless ``keep_controls``:
    the scanner keeps them, as markdown-it does, since the loader has cleaned every
    body already (model/clean.py) and tests hold the scanner to markdown-it's text.
    """
    if not children:
        return ""
    parts: list[str] = []
    for tok in children:
        ty = tok.type
        if ty in ("text", "text_special", "code_inline"):
            parts.append(tok.content)
        elif ty == "html_inline":  # tags are not text; an image's alt is
            alt = _IMG_ALT.search(tok.content)
            if alt and tok.content.lstrip("< ").lower().startswith("img"):
                parts.append(alt.group(1))
        elif ty in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif ty == "image":
            parts.append(inline_plain(tok.children, keep_controls=keep_controls))
    return "".join(parts) if keep_controls else clean_inline("".join(parts))
