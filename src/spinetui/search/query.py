"""Turning whatever a reader typed into a safe FTS5 query.

The reader's text never reaches FTS5 as syntax. It is cut into words (runs of Unicode
letters, digits and combining marks), each word becomes a quoted FTS5 string, and the
strings are ANDed. Words joined by a hyphen, apostrophe or full stop ("covid-19",
"don't", "3.5") stay together as one phrase, because the index splits them the same
way and a reader means them together. The last word is prefix-matched so results
appear while it is still being typed (from its second letter on).

In a language other than English the words are looked up as keys, folded and stemmed
as the index stores them (`spinetui.search.forms`): "Inyecciones" as "inyeccion".
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Longer input is cut before it is read: nobody searches with a paragraph, and a
# 10,000-character paste must cost no more than a short query.
MAX_QUERY_CHARS = 200
MAX_WORDS = 20
# Longer last words are not cut short to guess their stem (see shorter_last_words).
MAX_STEM_GUESS_CHARS = 30
# A last word shorter than this is matched whole, not as the start of longer words.
MIN_PREFIX_CHARS = 2
# The characters the index uses to mark matches in snippets; never part of a query.
MATCH_START = "\ue000"
MATCH_END = "\ue001"
# A single one of these between two words keeps them in one phrase.
_JOINERS = frozenset("-'’‘‐‑.")


def _is_word_char(ch: str, *, starting: bool) -> bool:
    """Letters, digits and private-use characters; combining marks only after one."""
    if ch in (MATCH_START, MATCH_END):
        return False
    category = unicodedata.category(ch)
    return category[0] in "LN" or category == "Co" or (category[0] == "M" and not starting)


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """The words of a query, grouped into phrases, and the FTS5 expression for them."""

    phrases: tuple[tuple[str, ...], ...]  # the words as the reader typed them
    # The words as they are looked up in the index, phrase by phrase (folded and stemmed
    # outside English); None: as typed.
    keys: tuple[tuple[str, ...], ...] | None = None

    @property
    def looked_up(self) -> tuple[tuple[str, ...], ...]:
        return self.phrases if self.keys is None else self.keys

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(word for phrase in self.phrases for word in phrase)

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def fts(self, *, any_phrase: bool = False, last_word: str | None = None) -> str:
        """The FTS5 MATCH expression: quoted phrases, the last one a prefix.

        All phrases must match (AND), or with `any_phrase` at least one (OR). With
        `last_word`, the query's last word is replaced by that word, matched whole.
        """
        phrases = [list(phrase) for phrase in self.looked_up]
        if phrases and last_word is not None:
            phrases[-1][-1] = last_word
        quoted = ['"' + " ".join(phrase).replace('"', '""') + '"' for phrase in phrases]
        if quoted and last_word is None and self._last_word_is_a_prefix():
            quoted[-1] += "*"
        return (" OR " if any_phrase else " ").join(quoted)

    def _last_word_is_a_prefix(self) -> bool:
        # One Latin letter would start nearly every word in the guide: ranking them all
        # costs a hundred times a real query and helps nobody, so it is matched whole.
        word = self.looked_up[-1][-1]
        return len(word) >= MIN_PREFIX_CHARS or not word.isascii()

    def shorter_last_words(self) -> list[str]:
        """The last word cut short, longest first, down to three characters.

        The index holds word stems ("numbness" is kept as "numb"), so a word typed
        past its stem ("numbn") matches nothing as a prefix until it is finished;
        its leading part ("numb") can stand in for it meanwhile.
        """
        if not self.phrases:
            return []
        word = self.looked_up[-1][-1]
        if not 4 <= len(word) <= MAX_STEM_GUESS_CHARS:
            return []
        return [word[:end] for end in range(len(word) - 1, 2, -1)]


def parse_query(text: str, lang: str = "en") -> SearchQuery:
    """Read a reader's search text; never raises, whatever the text.

    `lang` is the index's language: outside English the words are also given as the
    keys that index holds (`SearchQuery.keys`)."""
    text = unicodedata.normalize("NFC", str(text)[:MAX_QUERY_CHARS])
    phrases: list[list[str]] = []
    word: list[str] = []
    gap = ""  # the characters since the end of the last word
    for ch in text + " ":
        if _is_word_char(ch, starting=not word):
            if not word and phrases and len(gap) == 1 and gap in _JOINERS:
                phrases[-1].append("")  # the new word continues the last phrase
            elif not word:
                phrases.append([""])
            word.append(ch)
            gap = ""
        else:
            if word:
                phrases[-1][-1] = "".join(word)
                word = []
            gap += ch
    kept: list[tuple[str, ...]] = []
    count = 0
    for phrase in phrases:
        room = MAX_WORDS - count
        if room <= 0:
            break
        kept.append(tuple(phrase[:room]))
        count += len(kept[-1])
    phrases_kept = tuple(kept)
    if lang == "en" or not phrases_kept:
        return SearchQuery(phrases_kept)
    from spinetui.search.forms import WordForms

    return SearchQuery(phrases_kept, WordForms(lang).query_keys(phrases_kept))
