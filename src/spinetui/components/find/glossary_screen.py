"""The glossary: every medical word of the guide, A to Z, with a filter box.

Each entry shows its definition; Enter opens the entry's card with a "Read more"
link to the article that explains it. The filter text lives on this screen only,
which is made fresh each time the glossary is opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets.option_list import Option

from spinetui.components.fill import fill
from spinetui.components.navigation import ShowTerm
from spinetui.components.result_list import ResultList, ResultsScreen
from spinetui.i18n import N_, _, ngettext
from spinetui.model import GlossaryTerm

if TYPE_CHECKING:
    from spinetui.services import Services

MAX_FILTER_CHARS = 100


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def letter_of(term: GlossaryTerm) -> str:
    """The A-Z heading a term is listed under ("#" for one starting with a digit or sign)."""
    first = term.term.strip()[:1].upper()
    return first if first.isalpha() else "#"


def filter_terms(terms: list[GlossaryTerm], text: str) -> list[GlossaryTerm]:
    """Terms whose name or other names contain the text, then those whose definition does.

    A single letter picks the terms listed under it, as in a printed A-Z.
    """
    wanted = _fold(text[:MAX_FILTER_CHARS])
    ordered = sorted(terms, key=lambda t: (letter_of(t) == "#", t.term.casefold()))
    if not wanted:
        return ordered
    if len(wanted) == 1 and wanted.isalpha():
        return [t for t in ordered if letter_of(t).casefold() == wanted]
    by_name = [t for t in ordered if any(wanted in _fold(form) for form in t.forms)]
    named = {t.id for t in by_name}
    by_definition = [t for t in ordered if t.id not in named and wanted in _fold(t.definition)]
    return by_name + by_definition


def term_prompt(term: GlossaryTerm) -> Text:
    text = Text(term.term, style="bold")
    if term.aliases:
        # Translators: after a glossary word, its other names: "Sciatica (also: ...)".
        text.append_text(fill(" " + _("(also: {names})"), "dim", names=", ".join(term.aliases)))
    text.append("\n")
    text.append(term.definition, style="not bold")
    return text


class GlossaryScreen(ResultsScreen):
    NAME = "glossary"
    TITLE_TEXT = N_("Glossary: the medical words in this guide, A to Z")
    # Translators: the example is a word of the glossary (in Spanish, for example "nervio").
    PLACEHOLDER = N_("Type to filter, for example: nerve")
    BOX_ID = "filter"
    LIST_ID = "terms"

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.shown: list[GlossaryTerm] = []

    def on_mount(self) -> None:
        self.set_focus(self.box)
        self.show_terms("")

    def query_changed(self, text: str) -> None:
        self.show_terms(text)

    def show_terms(self, text: str) -> None:
        terms = list(self.services.guide.glossary.values())
        self.shown = filter_terms(terms, text)
        options: list[Option | None] = []
        letter = None
        for number, term in enumerate(self.shown):
            if not text.strip() and letter_of(term) != letter:
                letter = letter_of(term)
                if options:
                    options.append(None)
                options.append(Option(Text(f" {letter} ", style="bold reverse"), disabled=True))
            options.append(ResultList.result(number, term_prompt(term)))
        self.results.show(options)
        self.show_status(self._status(text, terms))

    def _status(self, text: str, terms: list[GlossaryTerm]) -> Text:
        if not terms:
            return Text(_("This guide has no glossary."))
        if not text.strip():
            total = len(terms)
            return Text(
                ngettext(
                    "{count} word. Enter shows a word's card with a link to read more.",
                    "{count} words. Enter shows a word's card with a link to read more.",
                    total,
                ).format(count=total)
            )
        typed = text.strip()[:MAX_FILTER_CHARS]  # what the reader typed: plain text
        if not self.shown:
            # Translators: {none} is "No words match" (in bold); {text} is what was typed.
            return fill(
                _("{none} “{text}”. Press Esc, then s to search the whole guide."),
                none=Text(_("No words match"), style="bold"),
                text=typed,
            )
        count = len(self.shown)
        words = ngettext("{count} word", "{count} words", count).format(count=count)
        # Translators: {words} is "3 words" (in bold); {text} is what was typed.
        template = ngettext("{words} matches “{text}”.", "{words} match “{text}”.", count)
        return fill(template, words=Text(words, style="bold"), text=typed)

    @property
    def chosen(self) -> GlossaryTerm | None:
        number = self.results.chosen
        return None if number is None else self.shown[number]

    def action_open_result(self) -> None:
        term = self.chosen
        if term is None:
            self.notify(_("No word is chosen. Change the filter to see more words."), timeout=3)
            return
        self.post_message(ShowTerm(term.id))
