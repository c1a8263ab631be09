"""The start screen of a kiosk: "Tap or press any key to start", and the guide's topics.

Shown when a kiosk starts and after an idle reset. It cycles through the articles
(title and summary) every few seconds so a passer-by sees what the guide covers. The
kiosk session dismisses it on the first key or tap (that input only wakes the screen);
a tap on one of the main choices also opens that part of the guide.

The words match the machine: on the kernel's text console there is no mouse or touch
screen to read, so it says "Press any key"; with a pointer it says "Tap or press".
Every tap target here is at least 3 rows high, to hit with a finger.

It offers the guide's languages, each by its own name ("English · Español"): ← or →,
or a tap on one, starts the visit in it (any other key or tap: the kiosk's language).
Under them, a line in each other language says how, for a reader of that language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from spinetui.i18n import LANGUAGE_NAMES, N_, _, get_language

if TYPE_CHECKING:
    from spinetui.model import Guide

START_PROMPT = N_("Tap or press any key to start")
KEYS_ONLY_PROMPT = N_("Press any key to start")

# (id, label, the app action a tap on it runs after the start screen closes)
CHOICES: tuple[tuple[str, str, str | None], ...] = (
    ("choice-read", N_("Start reading"), None),
    ("choice-compare", N_("Compare treatments"), "compare"),
    ("choice-search", N_("Search the guide"), "search"),
)

#: The languages offered, left to right, and the key that starts each.
LANGUAGE_KEYS: dict[str, str] = {"left": "en", "right": "es"}
#: How to choose each language, in that language (for a pointer, and keys only).
#: Not in the catalog: each is shown to readers of its own language, whatever the
#: kiosk's language is.
LANGUAGE_HINTS: dict[str, tuple[str, str]] = {
    "en": ("Tap English or press ← to read in English.", "Press ← to read in English."),
    "es": ("Toque Español u oprima → para leer en español.", "Oprima → para leer en español."),
}
TAP_ROWS = 3  # the least height of anything to tap here
HINT_ROWS = 26  # with a pointer, the language hint is shown from this many rows


class AttractScreen(Screen[None]):
    DEFAULT_CSS = """
    AttractScreen { align: center middle; background: $background; }
    AttractScreen > Vertical {
        width: 72; max-width: 100%; height: auto;
        border: round $accent; padding: 1 3; background: $surface;
    }
    AttractScreen #attract-title { text-align: center; text-style: bold; color: $accent; }
    AttractScreen #attract-prompt {
        text-align: center; text-style: bold; margin: 1 0; padding: 1 0;
        background: $primary-muted; color: $text;
    }
    /* As tall as the topic needs: a fixed height cut summaries mid-sentence at 60x20. */
    AttractScreen #attract-topic { height: auto; min-height: 4; }
    AttractScreen #attract-position { text-align: center; color: $text-muted; }
    AttractScreen #attract-choices { height: auto; margin-top: 1; }
    AttractScreen .attract-choice {
        width: 1fr; height: 3; margin: 0 1; content-align: center middle;
        text-style: bold; background: $primary-muted; color: $text;
    }
    /* Right under the choices with a pointer (3 rows each to tap, and room for both
       on 24 rows); one line apart without (labels for the arrow keys). */
    AttractScreen #attract-languages { height: auto; }
    AttractScreen #attract-languages.-keys { margin-top: 1; }
    AttractScreen .attract-language {
        width: 1fr; height: 3; margin: 0 1; content-align: center middle; text-style: bold;
        background: $panel; color: $text;
    }
    AttractScreen #attract-languages.-keys > .attract-language { height: 1; }
    AttractScreen .attract-language.-current { text-style: bold underline; }
    AttractScreen #attract-language-hint { text-align: center; color: $text-muted; }
    /* Under HINT_ROWS rows (80x24, the Linux console's 80x25) the box sheds its blank
       rows so a long summary (the Spanish welcome) does not push it past the screen's
       foot. The prompt keeps its height: with a pointer it is a place to tap. */
    AttractScreen > Vertical.-short { padding: 0 3; }
    AttractScreen > Vertical.-short #attract-prompt { margin: 0 0 1 0; }
    """

    def __init__(self, guide: Guide, *, cycle_seconds: float | None, pointer: bool = True) -> None:
        """`cycle_seconds`: how often the next topic is shown; None keeps the first.
        `pointer`: whether the machine has a mouse or touch screen (the wording)."""
        super().__init__()
        self._guide = guide
        self._topics = [(a.title, a.summary) for a in guide.reading_order()]
        self._index = 0
        self._cycle_seconds = cycle_seconds
        self._timer: Timer | None = None
        self.prompt = _(START_PROMPT) if pointer else _(KEYS_ONLY_PROMPT)
        self._pointer = pointer

    def compose(self) -> ComposeResult:
        with Vertical():
            # Text objects, never markup: titles and summaries come from content files.
            yield Static(Text(self._guide.title), id="attract-title")
            yield Static(Text(self.prompt), id="attract-prompt")
            yield Static(id="attract-topic")
            yield Static(id="attract-position")
            if self._pointer:
                # Without a pointer these would be buttons nobody can press.
                with Horizontal(id="attract-choices"):
                    for choice_id, label, _action in CHOICES:
                        yield Static(Text(_(label)), id=choice_id, classes="attract-choice")
            yield from self._languages()

    def _languages(self) -> ComposeResult:
        current = get_language()
        arrows = {lang: key for key, lang in LANGUAGE_KEYS.items()}
        with Horizontal(id="attract-languages", classes="" if self._pointer else "-keys"):
            for lang in LANGUAGE_KEYS.values():
                name = LANGUAGE_NAMES[lang]
                label = f"← {name}" if arrows[lang] == "left" else f"{name} →"
                classes = "attract-language" + (" -current" if lang == current else "")
                yield Static(Text(label), id=f"choice-lang-{lang}", classes=classes)
        hints = [
            hint[0 if self._pointer else 1]
            for lang, hint in LANGUAGE_HINTS.items()
            if lang != current
        ]
        yield Static(Text("\n".join(hints)), id="attract-language-hint")

    def choice_at(self, x: int, y: int) -> str | None:
        """The id of the main choice or language at screen cell (x, y), if any."""
        ids = [choice_id for choice_id, _label, _action in CHOICES]
        ids += [f"choice-lang-{lang}" for lang in LANGUAGE_KEYS.values()]
        for choice_id in ids:
            for widget in self.query(f"#{choice_id}"):
                if widget.region.contains(x, y):
                    return choice_id
        return None

    @staticmethod
    def action_for(choice_id: str) -> str | None:
        return next((action for cid, _label, action in CHOICES if cid == choice_id), None)

    @staticmethod
    def language_for(choice_id: str | None = None, key: str | None = None) -> str | None:
        """The language a tap on `choice_id`, or the key `key`, starts the visit in."""
        if key is not None:
            return LANGUAGE_KEYS.get(key)
        if choice_id is not None and choice_id.startswith("choice-lang-"):
            return choice_id.removeprefix("choice-lang-")
        return None

    def on_resize(self) -> None:
        short = self.size.height < HINT_ROWS
        for box in self.query("AttractScreen > Vertical"):
            box.set_class(short, "-short")
        # On 24 rows with a pointer the hint does not fit; the names say it already.
        hint = self.query("#attract-language-hint")
        if hint:
            hint.first().display = not self._pointer or not short

    def on_mount(self) -> None:
        self._show_topic()
        if self._cycle_seconds and len(self._topics) > 1:
            self._timer = self.set_interval(self._cycle_seconds, self.next_topic)

    @property
    def topic_index(self) -> int:
        return self._index

    def next_topic(self) -> None:
        if self._topics:
            self._index = (self._index + 1) % len(self._topics)
            self._show_topic()

    def _show_topic(self) -> None:
        if not self.query("#attract-topic"):
            # Mounted or timed while the app is closing: its widgets are already gone.
            return
        topic = self.query_one("#attract-topic", Static)
        position = self.query_one("#attract-position", Static)
        if not self._topics:
            topic.update(Text(""))
            position.update(Text(""))
            return
        title, summary = self._topics[self._index]
        topic.update(
            Text.assemble((_("In this guide") + "\n", "dim"), (title, "bold"), "\n", summary)
        )
        position.update(
            Text(_("{number} of {count}").format(number=self._index + 1, count=len(self._topics)))
        )
