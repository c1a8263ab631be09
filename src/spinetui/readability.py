"""Reading grades for `spinetui check`: textstat's Flesch-Kincaid grade and SMOG index,
the same numbers, computed about ten times faster.

textstat counts the syllables of every word of every article afresh (its caches hold
128 entries, and a guide has thousands of distinct words), which made `spinetui check`
take over a minute on 10,000 articles. Here each distinct word's syllables are counted
once, by textstat itself (`syllable_count` of the word), and the formulas are
textstat's own, with its own word and sentence counts. Whether the two agree is checked
on the first article graded; if they ever differ (another textstat), textstat's own
functions are used for everything. tests/unit/test_readability.py compares them too.

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


@dataclass(frozen=True, slots=True)
class Grades:
    words: int
    grade: float  # Flesch-Kincaid grade
    smog: float  # SMOG index


def _slow(textstat: Any, plain: str) -> tuple[float, float]:
    return float(textstat.flesch_kincaid_grade(plain)), float(textstat.smog_index(plain))


class Grader:
    """Grades texts; remembers each word's syllables for the next text."""

    def __init__(self) -> None:
        import textstat  # lazily: only `spinetui check` needs it

        self._textstat = textstat
        self._syllables = _Syllables(textstat.syllable_count)
        self._fast: Callable[[str], Grades] | None = None
        self._checked = False
        try:
            from textstat.backend.transformations._remove_punctuation import (
                remove_punctuation,
            )
        except ImportError:  # another textstat layout: its own functions throughout
            self._checked = True
        else:
            self._remove_punctuation = remove_punctuation
            self._fast = self._fast_grades
        instance = getattr(textstat, "textstat", None)
        self._round: Callable[[float], float] = getattr(
            instance, "_legacy_round", lambda number: number
        )

    def grades(self, plain: str) -> Grades:
        if self._fast is None:
            return self._slow_grades(plain)
        grades = self._fast(plain)
        if not self._checked:
            self._checked = True
            if grades != self._slow_grades(plain):
                self._fast = None  # not textstat's numbers: use textstat's own
                return self._slow_grades(plain)
        return grades

    def _slow_grades(self, plain: str) -> Grades:
        grade, smog = _slow(self._textstat, plain)
        return Grades(int(self._textstat.lexicon_count(plain)), grade, smog)

    def _words(self, text: str) -> int:
        """textstat's word count of a sentence (its `count_words`)."""
        tokens = text.split()
        if len(tokens) <= 2 or not _PUNCTUATION_ONLY.search(text):
            # Removing punctuation deletes characters, never splits a word, and leaves
            # every word that has a letter or digit: the count is the tokens'.
            return len(tokens)
        return len(self._remove_punctuation(text, rm_apostrophe=False).split())

    def _fast_grades(self, plain: str) -> Grades:
        # As textstat 0.7.8: words are the text without punctuation (apostrophes
        # kept), split on white space; syllables are counted on lower-case words;
        # sentences of two words or fewer are not counted.
        lowered = self._remove_punctuation(plain, rm_apostrophe=False).lower().split()
        words = len(lowered)
        found = _SENTENCE.findall(plain)
        sentences = max(1, len(found) - sum(1 for s in found if self._words(s) <= 2))
        if not plain:
            sentences = 0
        counts = list(map(self._syllables.__getitem__, lowered))
        syllables = sum(counts)
        per_sentence = words / sentences if sentences else 0.0
        per_word = syllables / words if words else 0.0
        if per_sentence == 0 or per_word == 0:
            grade = 0.0
        else:
            grade = (0.39 * per_sentence) + (11.8 * per_word) - 15.59
        long_words = sum(1 for count in counts if count >= 3)
        try:
            smog = (1.043 * (30 * (long_words / sentences)) ** 0.5) + 3.1291
        except ZeroDivisionError:
            smog = 0.0
        return Grades(words, float(self._round(grade)), float(self._round(smog)))


class _Syllables(dict[str, int]):
    """Each word's syllables, counted by textstat the first time the word is met."""

    def __init__(self, count: Callable[[str], Any]) -> None:
        super().__init__()
        self._count = count

    def __missing__(self, word: str) -> int:
        count = self[word] = int(self._count(word))
        return count
