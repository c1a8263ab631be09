"""My questions: the questions a reader ticked in the articles or typed, for this visit.

One ``QuestionList`` lives on the app (``SpineApp.questions``), beside the decision
answers (``SpineApp.decision``), so a question ticked in one article shows ticked
wherever it appears and on the My questions screen. In memory only; the kiosk's idle
reset calls ``clear()``. No Textual, no files (``spinetui.decide.take_home`` writes).
"""

from __future__ import annotations

import re
import unicodedata

from spinetui.i18n import _

#: At most this many characters in a question the reader types (a question, not a letter).
MAX_OWN_LENGTH = 200
#: At most this many questions of their own (a visit has room for only so many).
MAX_OWN_COUNT = 20

# Control characters (C0, DEL, C1) and the bidirectional controls that can make text
# display in another order than it is stored (LRE..RLO, LRI..PDI, LRM/RLM/ALM),
# plus zero-width characters: never kept in what a reader types.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def question_key(text: str) -> str:
    """The identity of a question: the same words, whatever the spacing or case."""
    return " ".join(text.split()).casefold()


def clean_question(text: str) -> str:
    """What a reader typed, made safe to show and save: no control or direction
    characters, spaces collapsed, at most ``MAX_OWN_LENGTH`` characters."""
    text = unicodedata.normalize("NFC", text)
    text = _UNSAFE.sub(" ", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co"))
    text = " ".join(text.split())
    if len(text) > MAX_OWN_LENGTH:
        text = text[: MAX_OWN_LENGTH - 1].rstrip() + "…"
    return text


class Question:
    """One question on the list (a plain class: see decide/state.py)."""

    __slots__ = ("own", "text", "ticked")

    def __init__(self, text: str, own: bool = False, ticked: bool = True) -> None:
        self.text = text
        self.own = own  # typed by the reader (else ticked in an article)
        self.ticked = ticked  # an own question can be unticked and kept; an article's is dropped

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Question):
            return NotImplemented
        return (self.text, self.own, self.ticked) == (other.text, other.own, other.ticked)

    __hash__ = None  # type: ignore[assignment]  # changes in place, as a dataclass would

    def __repr__(self) -> str:
        return f"Question(text={self.text!r}, own={self.own!r}, ticked={self.ticked!r})"


class QuestionList:
    __slots__ = ("_items", "version")

    def __init__(self) -> None:
        self._items: dict[str, Question] = {}
        #: Goes up on every change, so views that draw ticks know to redraw.
        self.version = 0

    # ----------------------------------------------------------- reading
    def is_ticked(self, key: str) -> bool:
        item = self._items.get(key)
        return item is not None and item.ticked

    def items(self) -> list[tuple[str, Question]]:
        """Every question in the order it was added: (key, question)."""
        return list(self._items.items())

    def ticked(self) -> list[Question]:
        return [q for q in self._items.values() if q.ticked]

    def get(self, key: str) -> Question | None:
        return self._items.get(key)

    @property
    def own_count(self) -> int:
        return sum(1 for q in self._items.values() if q.own)

    @property
    def is_empty(self) -> bool:
        return not self.ticked()

    # ---------------------------------------------------------- changing
    def toggle(self, text: str) -> bool:
        """Tick a question from an article, or untick it; True when it is now ticked."""
        key = question_key(text)
        item = self._items.get(key)
        if item is None:
            self._items[key] = Question(" ".join(text.split()))
            ticked = True
        elif item.own:
            item.ticked = not item.ticked
            ticked = item.ticked
        else:
            del self._items[key]
            ticked = False
        self.version += 1
        return ticked

    def set_ticked(self, key: str, text: str, ticked: bool, *, own: bool = False) -> None:
        """Put a question back or take it out (the My questions screen's tick boxes)."""
        item = self._items.get(key)
        if ticked:
            if item is None:
                self._items[key] = Question(text, own=own)
            else:
                item.ticked = True
        elif item is not None:
            if item.own:
                item.ticked = False
            else:
                del self._items[key]
        self.version += 1

    def add_own(self, typed: str) -> tuple[str | None, str]:
        """Add a question the reader typed: (key or None, a sentence saying what happened)."""
        text = clean_question(typed)
        if not text:
            return None, _("Type a question first.")
        if self.own_count >= MAX_OWN_COUNT:
            return (
                None,
                _("You already have {count} questions of your own: remove one first.").format(
                    count=MAX_OWN_COUNT
                ),
            )
        key = question_key(text)
        item = self._items.get(key)
        if item is not None:
            item.ticked = True
            self.version += 1
            return key, _("That question is already on your list.")
        self._items[key] = Question(text, own=True)
        self.version += 1
        return key, _("Added to your questions.")

    def remove(self, key: str) -> None:
        if self._items.pop(key, None) is not None:
            self.version += 1

    def clear(self) -> None:
        """Forget every question (in place, so screens holding this object see it too)."""
        self._items.clear()
        self.version += 1
