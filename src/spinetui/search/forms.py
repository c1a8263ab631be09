"""Word forms per language: what the index stores, and what a query word is looked up as.

English is left to SQLite: FTS5's tokenizer stems it (porter) and folds accents itself.
FTS5 has no stemmer for any other language, and Python's sqlite3 cannot add a tokenizer,
so for Spanish the index stores *keys* instead of words: each word of the text, accents
and case folded, then cut to its stem by the Snowball Spanish stemmer ("Inyecciones" →
"inyeccion", "cirugía" → "cirugi", "nervios" → "nervi"). A query word becomes a key the
same way, so every form of a word meets every other. Folding comes before stemming
because readers often type without accents, and the stemmer treats "cirugía" and
"cirugia" differently; after folding they are one word.

The key text is one key per word of the original, in order, joined by spaces, so a match
FTS5 marks in the keys (`highlight`) can be carried back to the original words
(`carry_marks`): snippets and titles show real words, not stems.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterator

# The tokenizer of an index of keys: they are already folded and stemmed; FTS5 only has
# to split them at the spaces (remove_diacritics stays for safety: it changes nothing).
KEYS_TOKENIZER = "unicode61 remove_diacritics 2"
ENGLISH_TOKENIZER = "porter unicode61 remove_diacritics 2"
# Snowball's name for each language code spinetui has content in besides English.
SNOWBALL = {"es": "spanish"}

# A word: a letter, digit or private-use character, then any of those or combining
# marks (as parse_query reads a reader's words). Every query word is cut again with this
# same pattern (`WordForms.query_keys`), so text and query are always cut alike.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORD = re.compile(rf"(?:[^\W_]|[\ue000-\uf8ff])(?:[^\W_]|[\ue000-\uf8ff]|[{_MARKS}])*")


def fold(word: str) -> str:
    """Lower case without accents or other marks: "CIRUGÍA" → "cirugia", "niño" → "nino"."""
    lowered = word.lower()
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if unicodedata.category(ch)[0] != "M") or lowered


def words_with_spans(text: str) -> Iterator[re.Match[str]]:
    return _WORD.finditer(text)


class WordForms:
    """How one language's words are indexed and looked up."""

    def __init__(self, lang: str = "en") -> None:
        self.lang = lang
        self.stems = lang != "en"  # English is stemmed by FTS5 itself
        self.tokenizer = ENGLISH_TOKENIZER if not self.stems else KEYS_TOKENIZER
        self._stemmer_name = SNOWBALL.get(lang)

    def _stem_function(self) -> Callable[[str], str]:
        """A fresh stemmer's function (Snowball stemmers keep state: one per caller)."""
        if self._stemmer_name is None:
            return lambda word: word  # a language without a stemmer: accents folded only
        import snowballstemmer

        stem_word = snowballstemmer.stemmer(self._stemmer_name).stemWord
        return lambda word: stem_word(word) or word

    def key_text_function(self) -> Callable[[str], str]:
        """A function from a text to its keys (one per word, joined by spaces), for
        building one index.

        The keys of the words seen are remembered (a guide has a few thousand distinct
        words, and stemming one costs ~50 µs); the function is dropped with the build,
        and only content passes through it, never what a reader types.
        """
        stem_word = self._stem_function()
        seen: dict[str, str] = {}
        stems: dict[str, str] = {}  # by folded word: "Cirugía" and "cirugía" stem once

        def stem(folded: str) -> str:
            found = stems.get(folded)
            if found is None:
                found = stems[folded] = stem_word(folded)
            return found

        def key_text(text: str) -> str:
            keys: list[str] = []
            for match in _WORD.finditer(text):
                word = match.group()
                key = seen.get(word)
                if key is None:
                    key = seen[word] = _key(stem, word)
                keys.append(key)
            return " ".join(keys)

        return key_text

    def query_keys(self, phrases: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
        """A query's words as keys, phrase by phrase (English words are left as typed)."""
        if not self.stems:
            return phrases
        stem = self._stem_function()  # not cached: a reader's words are not kept
        keyed: list[tuple[str, ...]] = []
        for phrase in phrases:
            keys = [_key(stem, match.group()) for word in phrase for match in _WORD.finditer(word)]
            keyed.append(tuple(keys) or tuple(fold(word) for word in phrase))
        return tuple(keyed)


def _key(stem: Callable[[str], str], word: str) -> str:
    # Keys never hold a space, so a key text splits back into its keys at the spaces.
    return "".join(stem(fold(word)).split()) or word


def key_starts(key_text: str) -> tuple[int, ...]:
    """Where each key of a key text starts."""
    starts: list[int] = []
    offset = 0
    for key in key_text.split(" "):
        starts.append(offset)
        offset += len(key) + 1
    return tuple(starts)


Marks = list[tuple[int, int]]  # matches, as the numbers of their first and last words


def carry_marks(spans: tuple[tuple[int, int], ...], starts: tuple[int, ...]) -> Marks:
    """Spans marked in a key text, as the numbers of the keys (= words) they cover.

    There is one key for each word of the original, so key numbers are word numbers; a
    span that covers keys i to j (a phrase, "covid-19") marks words i to j.
    """
    carried: Marks = []
    for start, end in spans:
        first = _key_at(starts, start)
        last = _key_at(starts, max(start, end - 1))
        if first is None or last is None:
            continue
        if carried and first <= carried[-1][1]:
            continue  # overlapping marks (not expected from FTS5): the first is kept
        carried.append((first, last))
    return carried


def word_spans(
    marks: Marks, words: list[re.Match[str]], shift: int = 0
) -> tuple[tuple[int, int], ...]:
    """Marked words as character spans of the original text (moved by `shift`)."""
    return tuple(
        (words[first].start() + shift, words[last].end() + shift)
        for first, last in marks
        if last < len(words)
    )


def snippet(
    text: str, words: list[re.Match[str]], marks: Marks, size: int, ellipsis: str = "…"
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of `size` words around the most matches, as FTS5's `snippet()` picks one.

    A window is tried from each match; it scores 1,000 for each distinct word it marks
    and 1 for each repeat, the first best wins, and it is then moved to centre its
    matches (within the text). Returns the window's text, with `ellipsis` where text is
    left out, and the spans of its matches in that text.
    """
    if not words:
        return text, ()
    best, best_score = 0, -1
    for first, _ in marks:
        inside = [m for m in marks if first <= m[0] and m[1] < first + size]
        score = 1000 * len({_phrase(text, words, m) for m in inside}) + len(inside)
        if score > best_score:
            best, best_score = first, score
    start = 0
    inside = [m for m in marks if best <= m[0] and m[1] < best + size]
    if inside:
        start = inside[0][0] - (size - (inside[-1][1] - inside[0][0] + 1)) // 2
    start = max(0, min(start, len(words) - size))
    end = min(len(words), start + size)
    begin = 0 if start == 0 else words[start].start()
    finish = len(text) if end == len(words) else words[end - 1].end()
    lead = "" if start == 0 else ellipsis
    shown = lead + text[begin:finish] + ("" if end == len(words) else ellipsis)
    kept = [m for m in marks if start <= m[0] and m[1] < end]
    return shown, word_spans(kept, words, len(lead) - begin)


def _phrase(text: str, words: list[re.Match[str]], mark: tuple[int, int]) -> str:
    return fold(text[words[mark[0]].start() : words[mark[1]].end()])


def _key_at(starts: tuple[int, ...], offset: int) -> int | None:
    """The number of the key that holds `offset` in the key text (binary search)."""
    number = bisect.bisect_right(starts, offset) - 1
    return number if number >= 0 else None
