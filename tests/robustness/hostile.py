"""Content folders with hostile text in every field, and the walk through every screen
that shows them (used by test_hostile_text.py).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot

from spinetui.app import SpineApp
from spinetui.components.article.article_view import ArticleView
from spinetui.components.reader.reader_screen import ReaderScreen
from spinetui.model import load_guide
from spinetui.services import Services
from tests.fixtures.content_builder import article, build
from tests.functional.helpers import visible_text

GOOD_WORDS = "The good article is readable."
GOOD_ARTICLE = article(
    "good", title="Good article", order="0", body=f"# Good\n\n{GOOD_WORDS}\n", sources="[src-a]"
)

# Every text field gets a label, so a test can tell which field it is looking at.
FIELDS = {
    "guide-title": "GT",
    "section-title": "ST",
    "article-title": "AT",
    "summary": "SU",
    "heading": "HD",
    "body": "BD",
    "list-item": "LI",
    "quote": "QT",
    "table-cell": "TC",
    "link-text": "LT",
    "source-title": "SR",
    "source-authors": "SA",
    "source-note": "SN",
    "term": "TM",
    "alias": "AL",
    "definition": "DF",
    "treatment": "TR",
    "attribute": "AB",
    "cell": "CL",
    "problem": "PR",
}


def quote_yaml(text: str, form: str) -> str:
    """A YAML scalar for ``text``: "escaped" (YAML escapes like \\u001b) or "raw"
    (the characters themselves, single-quoted)."""
    if form == "escaped":
        return json.dumps(text)  # JSON strings are YAML double-quoted scalars
    return "'" + text.replace("'", "''") + "'"


def hostile_guide(root: Path, payload: str, form: str = "raw") -> Path:
    """A content folder with ``payload`` after each field's label, and a good article."""

    def field(name: str) -> str:
        return f"{FIELDS[name]}{payload}"

    def y(name: str) -> str:
        return quote_yaml(field(name), form)

    guide = f"""\
title: {y("guide-title")}
version: "1"
sections:
  - id: start
    title: {y("section-title")}
"""
    sources = f"""\
- id: src-a
  title: {y("source-title")}
  authors: {y("source-authors")}
  note: {y("source-note")}
  year: 2020
  checked: 2026-11-20
  url: https://example.org/a
"""
    glossary = f"""\
- id: nerve
  term: nerve
  definition: A cord that carries messages.
- id: hostile
  term: {y("term")}
  aliases: [{y("alias")}]
  definition: {y("definition")}
"""
    comparison = f"""\
treatments:
  - id: good
    name: {y("treatment")}
    article: good
  - id: hostile
    name: Plain treatment
    article: hostile
attributes:
  - id: cost
    label: {y("attribute")}
cells:
  cost:
    good:
      text: {y("cell")}
      sources: [src-a]
    hostile:
      text: Plain cell.
      sources: [src-a]
"""
    body = f"""\
# {field("heading")}

{field("body")} and the word nerve.

See [{field("link-text")}](source:src-a).

- {field("list-item")}

> {field("quote")}

| {field("table-cell")} | B |
|---|---|
| {field("table-cell")} | x |
"""
    hostile = "\n".join(
        [
            "---",
            "id: hostile",
            f"title: {y('article-title')}",
            "section: start",
            "order: 1",
            f"summary: {y('summary')}",
            "reviewed: 2026-11-20",
            "sources: [src-a]",
            # An unknown field named with the payload: its problem message quotes it.
            f"{y('problem')}: 1",
            "---",
            "",
            body,
        ]
    )
    return build(
        root,
        guide=guide,
        sources=sources,
        glossary=glossary,
        comparison=comparison,
        articles={"good.md": GOOD_ARTICLE, "hostile.md": hostile},
    )


def reader(app: SpineApp) -> ReaderScreen:
    return next(s for s in reversed(app.screen_stack) if isinstance(s, ReaderScreen))


async def read_good_article(app: SpineApp, pilot: Pilot) -> None:
    """The good article opens and its words are drawn."""
    screen = reader(app)
    assert screen.open_article("good")
    await pilot.pause()
    assert GOOD_WORDS in visible_text(screen.query_one(ArticleView))


async def visit_every_screen(
    app: SpineApp, pilot: Pilot, check: Callable[[str], Awaitable[None]]
) -> list[str]:
    """Open each screen that shows content and await ``check(name)`` on it.

    Returns the names of the screens visited. Expects the app on the reader, with the
    hostile article open.
    """
    from textual.command import CommandPalette

    from spinetui.components.compare.comparison_screen import ComparisonScreen
    from spinetui.components.find.glossary_screen import GlossaryScreen
    from spinetui.components.find.search_screen import SearchScreen
    from spinetui.components.find.term_screen import TermScreen
    from spinetui.components.info_screen import InfoScreen
    from spinetui.components.problems_screen import ProblemsScreen

    visited = []

    async def at(name: str, kind: type) -> None:
        await pilot.pause()
        assert isinstance(app.screen, kind), (name, app.screen)
        await check(name)
        assert isinstance(app.screen, kind), (name, app.screen)
        visited.append(name)

    screen = reader(app)
    await at("reader", ReaderScreen)

    # The source link in the article: its citation.
    view = screen.article_view
    view.focus()
    target = next(t for t in view.layout_now.targets() if t.kind == "source")
    view.select_target(target)
    await pilot.press("enter")
    await at("source", InfoScreen)
    await pilot.press("escape")

    await pilot.press("exclamation_mark")
    await at("problems", ProblemsScreen)
    await pilot.press("escape")

    await pilot.press("g")
    await at("glossary", GlossaryScreen)
    glossary = app.screen
    terms = [t.id for t in glossary.shown]
    for _ in range(terms.index("hostile")):
        await pilot.press("down")
    await pilot.press("enter")
    await at("term", TermScreen)
    await pilot.press("escape", "escape")

    await pilot.press("c")
    await at("comparison", ComparisonScreen)
    await pilot.press("escape")

    await pilot.press("s")
    await pilot.pause()
    await app.workers.wait_for_complete()  # the index is built in a worker thread
    await pilot.press(*"nerve")
    await at("search", SearchScreen)
    assert app.screen.outcome is not None and app.screen.outcome.results
    await pilot.press("escape")
    await pilot.pause()

    # The jump-to palette matches the names of articles, headings, terms and rows.
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press("t")
    await app.workers.wait_for_complete()
    await at("palette", CommandPalette)
    await pilot.press("escape")
    await pilot.pause()
    return visited


def hostile_app(root: Path, **kwargs) -> SpineApp:
    return SpineApp(Services(load_guide(root)), start_article="hostile", **kwargs)
