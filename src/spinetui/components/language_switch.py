"""Switching the guide's language while reading, mixed into the app class.

Ctrl+L (``app.language``) and the palette's "Español" / "English" switch. The services
for the other language are built once (``Services.in_language``: the same content
folder, the reader's decision answers and questions carried over) and kept, so
switching back is at once. Every screen is replaced: a fresh reader opens the same
article at the same section (the anchors are the same in every language by design),
with the reader's history, and the screen that was on top (the comparison, the
glossary, My questions...) is opened again over it.

The kiosk's idle reset goes back to the language the app started in
(``back_to_default_language``): nothing of a visitor's choice outlasts them.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from spinetui.i18n import LANGUAGE_NAMES, LANGUAGES, _, set_language
from spinetui.model.history import Location

if TYPE_CHECKING:
    from textual.screen import Screen

    from spinetui.services import Services

#: The screens reopened over the reader after a switch, by class name (the app's
#: action that opens each), so this module imports no screen.
REOPEN_ACTIONS: dict[str, str] = {
    "ComparisonScreen": "compare",
    "GlossaryScreen": "glossary",
    "MyQuestionsScreen": "my_questions",
    "WhatMattersScreen": "what_matters",
    "SureScreen": "sure_check",
    "SearchScreen": "search",
    "HelpScreen": "help",
}


def next_language(lang: str) -> str:
    """The language Ctrl+L switches to: the next one the app speaks."""
    index = LANGUAGES.index(lang) if lang in LANGUAGES else -1
    return LANGUAGES[(index + 1) % len(LANGUAGES)]


def _as_section(services: Services, width: int, location: Location) -> Location:
    """`location` by the section its line is in (or as it is: a place at an anchor, at
    the top, or in an article no longer there)."""
    if location.anchor is not None or location.scroll_y <= 0 or width <= 0:
        return location
    if location.article_id not in services.guide.articles:
        return location
    layout = services.document_for(location.article_id).layout(width)
    heading = layout.heading_at(location.scroll_y)
    if heading is None:
        return location._replace(scroll_y=0)  # before the first heading: the top
    return location._replace(anchor=heading.anchor, scroll_y=0)


class LanguageSwitch:
    """Mixin for the App. Expects `self.services`, `self._new_reader()`, `self._reader()`."""

    services: Services
    default_language: str
    _language_services: dict[str, Services]

    def _remember_language(self, services: Services) -> None:
        """At start: the language to come back to after an idle reset."""
        self.default_language = services.lang
        self._language_services = {services.lang: services}
        set_language(services.lang)

    @property
    def language(self) -> str:
        return self.services.lang

    def _services_in(self, lang: str) -> Services:
        """The services in `lang`, built the first time, with this visitor's answers."""
        current = self.services
        kept = self._language_services.get(lang)
        if kept is None:
            kept = current.in_language(lang)
            self._language_services[lang] = kept
        else:
            current.carry_visitor_to(kept)
            kept.restyle(current.styles)  # the theme may have changed since
        return kept

    def action_next_language(self) -> None:
        self.call_later(self.switch_language, next_language(self.language))  # type: ignore[attr-defined]

    async def switch_language(self, lang: str) -> None:
        """Read on in `lang`: the same article and section, history and answers kept."""
        if lang not in LANGUAGES or lang == self.language:
            return
        app: Any = self
        reader = app._reader()
        top = type(app.screen).__name__
        state: dict[str, Any] = {}
        article_id = anchor = None
        if reader is not None:
            view = reader.article_view
            article_id, anchor = view.article_id, view.top_anchor
            reader.history.remember_scroll(round(view.scroll_offset.y))
            # Lines in this language are not lines in the other: each place in the
            # history becomes the section it was in (anchors are the same everywhere).
            reader.history.relocate(partial(_as_section, self.services, view.size.width))
            state = {
                "history": reader.history,
                "comparison_state": reader.comparison_state,
                "search_memory": reader.search_memory,
            }
        self.services = self._services_in(lang)
        set_language(lang)
        app.title = self.services.guide.title
        await self._replace_screens(article_id, anchor, state)
        action = REOPEN_ACTIONS.get(top)
        if action is not None:
            await app.run_action(action)
        other = next_language(lang)
        app.notify(
            _("Now in {language}. Press Ctrl+L for {other}.").format(
                language=LANGUAGE_NAMES[lang], other=LANGUAGE_NAMES[other]
            ),
            timeout=3,
            markup=False,
        )

    async def _replace_screens(
        self, article_id: str | None, anchor: str | None, state: dict[str, Any]
    ) -> None:
        app: Any = self
        # One paint, of the fresh reader: not the first one again in between.
        with app.batch_update():
            while len(app.screen_stack) > 1:
                await app.pop_screen()
            if article_id not in self.services.guide.articles:
                article_id = None
            fresh: Screen[None] = app._new_reader(article_id)
            await app.switch_screen(fresh)  # in the place of the first reader
            for name, value in state.items():
                setattr(fresh, name, value)
            if article_id is not None:
                # Opened at the top by its on_mount; now where the reader was, without a
                # second history entry.
                fresh.open_article(article_id, anchor, record=False)  # type: ignore[attr-defined]

    async def back_to_default_language(self) -> None:
        """For the next visitor: the language the app started in (no screen redrawn;
        the idle reset replaces them)."""
        if self.language != self.default_language:
            self.services = self._language_services[self.default_language]
            set_language(self.default_language)
            app: Any = self
            app.title = self.services.guide.title
