"""Jump to (the command palette): any article, heading, glossary term or comparison row,
and the decision tools (What matters to you, the SURE check).

The provider offers navigation only — nothing here writes files, opens pages or quits,
so it is as safe in kiosk mode as anywhere. Names come from content, so every prompt is
built as Text (the palette reads plain strings as markup) and matched letters are
marked on that Text, not through `Matcher.highlight`, which parses markup.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.message import Message

from spinetui.components import fuzzy
from spinetui.components.navigation import OpenArticle, OpenComparison, OpenTool, ShowTerm
from spinetui.i18n import LANGUAGE_NAMES, LANGUAGES, N_, _

if TYPE_CHECKING:
    from spinetui.app import SpineApp

MATCH_STYLE = Style(bold=True, underline=True)
ARTICLE_KIND = N_("Article")
TOOL_KIND = N_("Decision tool")
MY_QUESTIONS_KIND = N_("Your questions to take to your visit (m)")
LANGUAGE_KIND = N_("Language of the guide (Ctrl+L)")
# More than this would only make the reader scroll; typing more narrows it.
MAX_HITS = 60
# Destinations matched between two chances for the app to handle other events.
YIELD_EVERY = 50


@dataclass(frozen=True, slots=True)
class Destination:
    name: str  # what is matched and shown, from content
    kind: str  # "Article", "Heading in …", shown dimmed under the name (translated)
    go: Callable[[], object]
    listed: bool = False  # offered before anything is typed


def destinations(app: SpineApp) -> Iterator[Destination]:
    """Every place the palette can jump to, in the guide's own order (each goes there
    by a message to the app: spinetui.components.navigation)."""
    guide = app.services.completed_guide()  # headings are listed

    def go(message: Callable[[], Message]) -> Callable[[], None]:
        def post() -> None:
            app.post_message(message())  # a new message each time: one is handled once

        return post

    for article in guide.reading_order():
        yield Destination(
            article.title, _(ARTICLE_KIND), go(partial(OpenArticle, article.id)), listed=True
        )
    for article in guide.reading_order():
        for heading in article.headings:
            if heading.level == 1 or heading.text == article.title:
                continue
            yield Destination(
                heading.text,
                _("Heading in {article}").format(article=article.title),
                go(partial(OpenArticle, article.id, heading.anchor)),
            )
    for term in sorted(guide.glossary.values(), key=lambda t: t.term.casefold()):
        yield Destination(term.term, _("Glossary word"), go(partial(ShowTerm, term.id)))
    if guide.comparison.treatments:
        yield Destination(
            _("What matters to you"),
            _(TOOL_KIND),
            go(partial(OpenTool, "what-matters")),
            listed=True,
        )
    yield Destination(
        _("Are you sure? (SURE check)"), _(TOOL_KIND), go(partial(OpenTool, "sure")), listed=True
    )
    for attribute in guide.comparison.attributes:
        yield Destination(
            attribute.label,
            _("Row of the comparison table"),
            go(partial(OpenComparison, attribute.id, None)),
        )
    # The reader's own list: a screen of the visit, as safe in kiosk mode as the rest.
    yield Destination(
        _("My questions"),
        _(MY_QUESTIONS_KIND),
        partial(app.call_later, app.action_my_questions),
        listed=True,
    )
    # The other languages, each by its own name (a reader who needs it can read that).
    for lang in LANGUAGES:
        if lang != app.language:
            yield Destination(
                LANGUAGE_NAMES[lang],
                _(LANGUAGE_KIND),
                partial(app.call_later, app.switch_language, lang),
                listed=True,
            )


def prompt(destination: Destination, offsets: tuple[int, ...] = ()) -> Text:
    text = Text(destination.name)
    for offset in offsets:
        if not destination.name[offset].isspace():
            text.stylize(MATCH_STYLE, offset, offset + 1)
    text.append("\n")
    text.append(destination.kind, style="dim")
    return text


class JumpToProvider(Provider):
    """Fuzzy matches on the names of articles, headings, glossary words, table rows and tools."""

    async def discover(self) -> Hits:
        app: SpineApp = self.app  # type: ignore[assignment]
        for destination in destinations(app):
            if destination.listed:
                yield DiscoveryHit(prompt(destination), destination.go, text=destination.name)

    async def search(self, query: str) -> Hits:
        app: SpineApp = self.app  # type: ignore[assignment]
        scored = []
        for index, destination in enumerate(destinations(app)):
            # A bounded matcher (see fuzzy.py), not Textual's, whose work on long names
            # with repeated letters has no limit.
            score, offsets = fuzzy.match(query, destination.name)
            if score > 0:
                scored.append((score, destination, offsets))
            if index % YIELD_EVERY == YIELD_EVERY - 1:
                # Let the app breathe between batches: keys, redraws and the kiosk's
                # idle clock run while a long guide is searched.
                await asyncio.sleep(0)
        scored.sort(key=lambda item: -item[0])
        for score, destination, offsets in scored[:MAX_HITS]:
            yield Hit(score, prompt(destination, offsets), destination.go, text=destination.name)
