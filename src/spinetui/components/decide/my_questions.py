"""My questions (m): what the reader gathered for their visit, to take home.

The questions ticked in the articles and the reader's own (typed here, personal mode
only), then the What matters answers and the SURE result from the decision tools.
Every row is tapped or keyed the same: Space, Enter or a tap ticks or unticks it (an
unticked row stays on screen until the screen is closed, so a slip is undone with
another tap); x or Delete takes it off. Rows come from content or from what the reader
typed, so every prompt is a Rich Text, never markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from spinetui.components.footer import SpineFooter
from spinetui.decide import take_home
from spinetui.decide.questions import MAX_OWN_LENGTH
from spinetui.decide.take_home import Summary, summarise
from spinetui.i18n import _
from spinetui.keymap import MY_QUESTIONS_KEYS, bindings
from spinetui.render import BOX_EMPTY, BOX_TICKED

if TYPE_CHECKING:
    from spinetui.app import SpineApp
    from spinetui.services import Services


def intro(pointer: bool) -> str:
    # On the kernel's console there is no mouse: say only what works there.
    if pointer:
        return _(
            "Questions to ask at your visit. Space, Enter or a tap ticks or unticks one; "
            "only ticked ones are taken home. x takes one off."
        )
    return _(
        "Questions to ask at your visit. Space or Enter ticks or unticks one; "
        "only ticked ones are taken home. x takes one off."
    )


def empty_text(pointer: bool) -> str:
    if pointer:
        return _(
            "No questions yet. In the guide, select a question with l and press Space "
            "(or tap it) to tick it; it appears here."
        )
    return _(
        "No questions yet. In the guide, select a question with l and press Space "
        "to tick it; it appears here."
    )


class MyQuestionsScreen(Screen[None]):
    BINDINGS = bindings(MY_QUESTIONS_KEYS)

    DEFAULT_CSS = """
    MyQuestionsScreen { layout: vertical; }
    MyQuestionsScreen #mq-title { text-style: bold; padding: 0 1; background: $panel; }
    MyQuestionsScreen #mq-body { height: 1fr; padding: 0 1; }
    MyQuestionsScreen #mq-list { height: auto; max-height: 20; margin: 1 0 0 0; }
    MyQuestionsScreen #mq-empty { margin: 1 0 0 0; }
    MyQuestionsScreen #mq-own { margin: 1 0 0 0; }
    MyQuestionsScreen .mq-heading { text-style: bold; margin: 1 0 0 0; }
    MyQuestionsScreen #mq-buttons { height: auto; margin: 1 0 0 0; }
    MyQuestionsScreen #mq-buttons Button { margin: 0 2 0 0; }
    /* Console-safe: Textual's "tall" borders use one-eighth blocks the Linux console's
       fonts lack; solid lines and compact (one-line) buttons draw everywhere. */
    MyQuestionsScreen OptionList, MyQuestionsScreen Input { border: solid $primary; }
    MyQuestionsScreen OptionList:focus, MyQuestionsScreen Input:focus { border: solid $accent; }
    """

    app: SpineApp

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        # (key, text, own): the rows as the screen opened, so an unticked row stays
        # on screen (as "[ ]") until it closes.
        self._rows: list[tuple[str, str, bool]] = []

    def compose(self) -> ComposeResult:
        personal = not self.app.kiosk_mode
        yield Static(Text(_("My questions")), id="mq-title")
        with VerticalScroll(id="mq-body"):
            yield Static(
                Text(intro(getattr(self.app, "has_pointer", True))),
                id="mq-intro",
            )
            yield OptionList(id="mq-list")
            yield Static(Text(empty_text(getattr(self.app, "has_pointer", True))), id="mq-empty")
            if personal:
                yield Input(
                    placeholder=_("Type a question of your own, then press Enter"),
                    max_length=MAX_OWN_LENGTH,
                    id="mq-own",
                )
            yield Static(Text(_("What matters to you")), classes="mq-heading")
            yield Static(id="mq-matters")
            yield Static(Text(_("Am I ready to decide? (SURE check)")), classes="mq-heading")
            yield Static(id="mq-sure")
            with Horizontal(id="mq-buttons"):
                label = _("Save to a file (t)") if personal else _("Show as a QR code (t)")
                yield Button(label, id="mq-take-home", variant="primary", compact=True)
                # With a mouse: a tap on a row highlights (and unticks) it, this removes it.
                yield Button(_("Remove (x)"), id="mq-remove", compact=True)
                if personal:
                    yield Button(_("Add my question (a)"), id="mq-add", compact=True)
                yield Button(_("Close (Esc)"), id="mq-close", compact=True)
        yield SpineFooter()

    def on_mount(self) -> None:
        self.app.clear_notifications()  # "press m to see My questions" is done with
        self._rows = [(key, q.text, q.own) for key, q in self.services.questions.items()]
        self._refresh_list()
        self._refresh_answers()
        self.query_one(OptionList).focus()

    def on_screen_resume(self) -> None:
        self._refresh_answers()

    # ----------------------------------------------------------------- drawing
    @property
    def option_list(self) -> OptionList:
        return self.query_one("#mq-list", OptionList)

    def row_text(self, index: int) -> Text:
        key, text, own = self._rows[index]
        ticked = self.services.questions.is_ticked(key)
        number = sum(
            1 for k, _t, _o in self._rows[: index + 1] if self.services.questions.is_ticked(k)
        )
        box = BOX_TICKED if ticked else BOX_EMPTY
        prompt = Text(f"{box} ", style="bold" if ticked else "")
        prompt.append(f"{number}. " if ticked else "")
        prompt.append(text, style="" if ticked else "dim")
        if own:
            prompt.append("  " + _("(your own)"), style="italic")
        return prompt

    def _refresh_list(self) -> None:
        options = self.option_list
        highlighted = options.highlighted
        options.clear_options()
        options.add_options([Option(self.row_text(i), id=f"q{i}") for i in range(len(self._rows))])
        options.display = bool(self._rows)
        self.query_one("#mq-empty").display = not self._rows
        if self._rows:
            index = 0 if highlighted is None else min(highlighted, len(self._rows) - 1)
            options.highlighted = index

    def _refresh_answers(self) -> None:
        summary = self.summary()
        self.query_one("#mq-matters", Static).update(
            Text("\n".join(summary.matters) if summary.matters else take_home.NOT_ANSWERED)
        )
        self.query_one("#mq-sure", Static).update(
            Text("\n".join(summary.sure) if summary.sure else take_home.NOT_ANSWERED)
        )

    def summary(self) -> Summary:
        return summarise(self.services.questions, self.services.decision)

    # ----------------------------------------------------------------- actions
    def _highlighted(self) -> int | None:
        index = self.option_list.highlighted
        return index if index is not None and 0 <= index < len(self._rows) else None

    def toggle(self, index: int) -> None:
        key, text, own = self._rows[index]
        questions = self.services.questions
        questions.set_ticked(key, text, not questions.is_ticked(key), own=own)
        self._refresh_list()

    def action_toggle_question(self) -> None:
        index = self._highlighted()
        if index is not None:
            self.toggle(index)

    @on(OptionList.OptionSelected, "#mq-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        # Enter on the list, or a tap on a row.
        self.toggle(event.option_index)

    def action_remove(self) -> None:
        index = self._highlighted()
        if index is None:
            self.notify(_("There is no question to take off."), timeout=3)
            return
        key, _text, _own = self._rows.pop(index)
        self.services.questions.remove(key)
        self._refresh_list()
        self.notify(_("Taken off your list."), timeout=3)

    def action_add(self) -> None:
        if self.app.kiosk_mode:
            return
        self.query_one("#mq-own", Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Typing a question of your own is for a personal session.
        return not (action == "add" and self.app.kiosk_mode)

    @on(Input.Submitted, "#mq-own")
    def _typed(self, event: Input.Submitted) -> None:
        key, message = self.services.questions.add_own(event.value)
        if key is not None:
            event.input.value = ""
            if all(k != key for k, _t, _o in self._rows):
                question = self.services.questions.get(key)
                assert question is not None
                self._rows.append((key, question.text, question.own))
            self._refresh_list()
            self.option_list.highlighted = next(
                i for i, (k, _t, _o) in enumerate(self._rows) if k == key
            )
        self.notify(message, timeout=3, markup=False)

    def action_take_home(self) -> None:
        summary = self.summary()
        if not summary.all_questions:
            self.notify(_("Tick or type a question first: there is nothing to take home yet."))
            return
        if self.app.kiosk_mode:
            from spinetui.components.decide.take_home import QRCodeScreen

            self.app.push_screen(QRCodeScreen(summary))
        else:
            from spinetui.components.decide.take_home import SaveScreen

            self.app.push_screen(SaveScreen(summary))

    def action_close(self) -> None:
        # Escape backs out one step: out of the text box first, then off the screen.
        if isinstance(self.focused, Input):
            self.option_list.focus()
            return
        self.dismiss(None)

    @on(Button.Pressed, "#mq-take-home")
    def _take_home_pressed(self) -> None:
        self.action_take_home()

    @on(Button.Pressed, "#mq-remove")
    def _remove_pressed(self) -> None:
        self.action_remove()

    @on(Button.Pressed, "#mq-add")
    def _add_pressed(self) -> None:
        self.action_add()

    @on(Button.Pressed, "#mq-close")
    def _close_pressed(self) -> None:
        self.action_close()
