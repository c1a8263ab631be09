"""Glossary term matching: whole words, case-insensitive, longest form first."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


class TermMatcher:
    """Finds glossary forms (term text and aliases) in running text.

    ``forms`` maps each form's text to its term id. Matching is case-insensitive, on
    whole words only, prefers the longest form where forms overlap, and lets any run
    of whitespace in the text stand for a space in a form.
    """

    def __init__(self, forms: Mapping[str, str]):
        self._ids: dict[str, str] = {}
        for form, term_id in forms.items():
            key = _norm(form)
            if key and term_id:
                self._ids.setdefault(key, term_id)
        alternatives = sorted(self._ids, key=lambda k: (-len(k), k))
        if alternatives:
            body = "|".join(r"\s+".join(map(re.escape, k.split())) for k in alternatives)
            self._pattern: re.Pattern[str] | None = re.compile(
                rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE
            )
        else:
            self._pattern = None

    def __bool__(self) -> bool:
        return self._pattern is not None

    def __len__(self) -> int:
        return len(self._ids)

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Yield (start, end, term_id) for each glossary form found in ``text``."""
        if self._pattern is None:
            return
        for match in self._pattern.finditer(text):
            term_id = self._ids.get(_norm(match.group()))
            if term_id is not None:
                yield match.start(), match.end(), term_id

    def term_for(self, text: str) -> str | None:
        """The term id of a form, or None."""
        return self._ids.get(_norm(text))
