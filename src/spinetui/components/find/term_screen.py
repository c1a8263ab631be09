"""A glossary term's definition, over whatever the reader was doing.

Opened from a marked word in an article, the glossary or search. Closing it leaves the
reader exactly where they were; "Read more" opens the article the term points to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Button, Static

from spinetui.components.dialog import DialogScreen
from spinetui.components.fill import fill
from spinetui.components.navigation import OpenArticle
from spinetui.i18n import N_, _
from spinetui.model import GlossaryTerm

if TYPE_CHECKING:
    from spinetui.app import SpineApp
    from spinetui.services import Services


def definition_text(term: GlossaryTerm) -> Text:
    """The term, its other names and its definition, as plain Text (never markup)."""
    text = Text(term.term, style="bold")
    if term.aliases:
        names = ", ".join(term.aliases)
        text.append_text(fill("\n" + _("Also called: {names}"), "dim", names=names))
    text.append("\n\n")
    text.append(term.definition)
    return text


class TermScreen(DialogScreen[None]):
    BINDINGS = [
        Binding("escape,q", "close", N_("Close"), key_display="Esc"),
        Binding("r", "read_more", N_("Read more"), show=False),
    ]

    DEFAULT_CSS = """
    TermScreen > VerticalScroll {
        width: 64; max-height: 80%;
    }
    TermScreen #term-read-more { margin-top: 1; width: auto; max-width: 100%; }
    """

    app: SpineApp

    def __init__(self, services: Services, term_id: str) -> None:
        super().__init__()
        self.services = services
        self.term_id = term_id

    def compose(self) -> ComposeResult:
        guide = self.services.guide
        term = guide.glossary.get(self.term_id)
        with VerticalScroll() as scroll:
            scroll.border_title = _("Glossary")
            scroll.border_subtitle = _("Esc to close")
            if term is None:
                missing = _("There is no glossary entry called {name}.")
                yield Static(Text(missing.format(name=repr(self.term_id))))
                return
            yield Static(definition_text(term), id="term-definition")
            if self.services.falls_back("term", term.id):  # the reader's language lacks it
                notice = Text(self.services.fallback_notice, style="italic")
                yield Static(notice, id="term-fallback")
            article = guide.articles.get(term.article) if term.article else None
            if article is not None:
                # Translators: a button; {title} is the title of an article.
                label = fill(_("Read more: {title}"), title=article.title)
                yield Button(label, id="term-read-more", compact=True)

    def on_mount(self) -> None:
        buttons = self.query("#term-read-more")
        if buttons:
            buttons.first().focus()

    def on_click(self, event: events.Click) -> None:
        # A click outside the box closes it, like Esc; inside it does nothing special.
        if event.widget is self:
            self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_read_more()

    def action_read_more(self) -> None:
        term = self.services.guide.glossary.get(self.term_id)
        if term is None or not term.article or term.article not in self.services.guide.articles:
            self.notify(_("This term has no article to read more in."), timeout=3)
            return
        self.post_message(OpenArticle(term.article))

    def action_close(self) -> None:
        self.dismiss(None)
