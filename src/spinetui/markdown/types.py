"""The heading and link records every reader of Markdown shares."""

from __future__ import annotations

from typing import Literal, NamedTuple

#: What a link points at (see :func:`spinetui.markdown.links.link_kind`).
LinkKind = Literal["anchor", "source", "term", "tool", "external", "article"]


class Heading(NamedTuple):
    """One heading of an article: the loader's ``Article.headings`` and the renderer's
    ``MarkdownDocument.headings`` are both lists of these (a tuple, so cheap to make by
    the thousand and equal to the plain ``(level, text, anchor, line)`` it holds)."""

    level: int  # 1-6
    text: str  # plain text of the heading (cleaned)
    anchor: str  # slug, unique within the article
    source_line: int  # 0-based line in the Markdown body


class Link(NamedTuple):
    href: str
    line: int  # 0-based line in the body: the line of the link's opening "["
