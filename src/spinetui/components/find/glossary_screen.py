"""The glossary: every medical word of the guide, A to Z, with a filter box.

Each entry shows its definition; Enter opens the entry's card with a "Read more"
link to the article that explains it. The filter text lives on this screen only,
which is made fresh each time the glossary is opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from spinetui.components.footer import SpineFooter
from spinetui.components.navigation import ShowTerm
from spinetui.keymap import SEARCH_KEYS, bindings
from spinetui.model import GlossaryTerm

if TYPE_CHECKING:
    from spinetui.app import SpineApp
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
        text.append(" (also: ", style="dim")
        text.append(", ".join(term.aliases), style="dim")
        text.append(")", style="dim")
    text.append("\n")
    text.append(term.definition, style="not bold")
    return text


class GlossaryScreen(Screen[None]):
    BINDINGS = bindings(SEARCH_KEYS)

    DEFAULT_CSS = """
    GlossaryScreen > #glossary-title { padding: 0 1; text-style: bold; background: $panel; width: 100%; }
    GlossaryScreen > #glossary-filter { margin: 0 1; }
    GlossaryScreen > #glossary-status { padding: 0 2; height: auto; color: $text-muted; }
    GlossaryScreen > #glossary-terms { height: 1fr; margin: 0 1; }
    """

    app: SpineApp

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.shown: list[GlossaryTerm] = []

    def compose(self) -> ComposeResult:
        yield Label("Glossary: the medical words in this guide, A to Z", id="glossary-title")
        yield Input(placeholder="Type to filter, for example: nerve", id="glossary-filter")
        yield Static(id="glossary-status")
        yield OptionList(id="glossary-terms", markup=False)
        yield SpineFooter()

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#glossary-filter", Input))
        self.show_terms("")

    @on(Input.Changed, "#glossary-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.show_terms(event.value)

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
            options.append(Option(term_prompt(term), id=str(number)))
        term_list = self.query_one("#glossary-terms", OptionList)
        term_list.set_options(options)
        if self.shown:
            term_list.highlighted = next(
                i for i, o in enumerate(term_list.options) if not o.disabled
            )
        self.query_one("#glossary-status", Static).update(self._status(text, terms))

    def _status(self, text: str, terms: list[GlossaryTerm]) -> Text:
        if not terms:
            return Text("This guide has no glossary.")
        if not text.strip():
            return Text(f"{len(terms)} words. Enter shows a word's card with a link to read more.")
        if not self.shown:
            return Text.assemble(
                ("No words match", "bold"),
                " “",
                text.strip()[:MAX_FILTER_CHARS],
                "”. Press Esc, then s to search the whole guide.",
            )
        count = len(self.shown)
        return Text.assemble(
            (f"{count} word{'s' if count != 1 else ''}", "bold"),
            " matches “" if count == 1 else " match “",
            text.strip()[:MAX_FILTER_CHARS],
            "”.",
        )

    @property
    def chosen(self) -> GlossaryTerm | None:
        option = self.query_one("#glossary-terms", OptionList).highlighted_option
        if option is None or option.id is None:
            return None
        return self.shown[int(option.id)]

    def action_next_result(self) -> None:
        self.query_one("#glossary-terms", OptionList).action_cursor_down()

    def action_previous_result(self) -> None:
        self.query_one("#glossary-terms", OptionList).action_cursor_up()

    @on(Input.Submitted, "#glossary-filter")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_open_result()

    @on(OptionList.OptionSelected, "#glossary-terms")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open_result()

    def action_open_result(self) -> None:
        term = self.chosen
        if term is None:
            self.notify("No word is chosen. Change the filter to see more words.", timeout=3)
            return
        self.post_message(ShowTerm(term.id))

    def action_close(self) -> None:
        self.dismiss(None)
