"""Glossary term matching: whole words, case-insensitive, longest form first."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

_WORD = re.compile(r"\w+")


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def _alternation(keys: list[str]) -> str:
    ordered = sorted(keys, key=lambda k: (-len(k), k))
    return "|".join(r"\s+".join(map(re.escape, k.split())) for k in ordered)


class TermMatcher:
    """Finds glossary forms (term text and aliases) in running text.

    ``forms`` maps each form's text to its term id. Matching is case-insensitive, on
    whole words only, prefers the longest form where forms overlap, and lets any run
    of whitespace in the text stand for a space in a form.

    Construction is cheap (it is paid before the first article is drawn): forms are
    grouped by their first word, and the text's words are looked up in those groups;
    each group's small pattern is compiled when that word is first met. Every form
    that can match at a word's start begins with that very word (a match must start
    and end at a word boundary), so this finds what one alternation of every form,
    tried at each position, would find.
    """

    def __init__(self, forms: Mapping[str, str]):
        self._ids: dict[str, str] = {}
        for form, term_id in forms.items():
            key = _norm(form)
            if key and term_id:
                self._ids.setdefault(key, term_id)
        self._groups: dict[str, list[str]] = {}
        self._compiled: dict[str, re.Pattern[str]] = {}
        # Forms that do not start with a word character cannot be looked up by their
        # first word: then the whole set is matched with one pattern, as before.
        self._whole: re.Pattern[str] | None = None
        self._whole_needed = False
        for key in self._ids:
            first = _WORD.match(key)
            if first is None:
                self._whole_needed = True
                break
            self._groups.setdefault(first.group().casefold(), []).append(key)

    def __bool__(self) -> bool:
        return bool(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def _group_pattern(self, word: str) -> re.Pattern[str] | None:
        pattern = self._compiled.get(word)
        if pattern is None:
            keys = self._groups.get(word)
            if keys is None:
                return None
            pattern = re.compile(rf"(?:{_alternation(keys)})(?!\w)", re.IGNORECASE)
            self._compiled[word] = pattern
        return pattern

    def _matches(self, text: str) -> Iterator[re.Match[str]]:
        if self._whole_needed:
            if self._whole is None:
                self._whole = re.compile(
                    rf"(?<!\w)(?:{_alternation(list(self._ids))})(?!\w)", re.IGNORECASE
                )
            yield from self._whole.finditer(text)
            return
        groups = self._groups
        end = 0
        for word in _WORD.finditer(text):
            start = word.start()
            if start < end:
                continue  # inside the previous match
            key = word.group().casefold()
            if key not in groups:
                continue
            pattern = self._group_pattern(key)
            match = pattern.match(text, start) if pattern is not None else None
            if match is not None and match.end() > start:
                end = match.end()
                yield match

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Yield (start, end, term_id) for each glossary form found in ``text``."""
        if not self._ids:
            return
        for match in self._matches(text):
            term_id = self._ids.get(_norm(match.group()))
            if term_id is not None:
                yield match.start(), match.end(), term_id

    def term_for(self, text: str) -> str | None:
        """The term id of a form, or None."""
        return self._ids.get(_norm(text))
