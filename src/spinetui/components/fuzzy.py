"""A fuzzy matcher for the jump-to palette whose work has a fixed upper bound.

Textual's own matcher tries every way the query's letters can be found in a name. For
a letter that repeats, that grows without limit: a red team's 158-character heading
and a query of twelve "e"s froze a kiosk for 17 s and took 885 MiB; a 260-character
row label and twenty "e"s passed 4 GB (issue 14, finding 2). A frozen app cannot
even start over for the next visitor.

This one looks at no more than MAX_QUERY letters of the query, MAX_NAME characters of
a name and MAX_STARTS places to begin, and from each start takes every next letter at
its first place after the last (str.find), so one match costs at most
MAX_STARTS * MAX_QUERY searches of one name: no recursion, and memory for one list of
offsets. The best start wins: letters at the start of words and letters next to each
other score more, so "ci" finds "Cost information" before "medicine".
"""

from __future__ import annotations

MAX_QUERY = 32  # letters of a query; typing more narrows nothing a person can read
MAX_NAME = 300  # characters of a name that are matched (the rest is still shown)
MAX_STARTS = 24  # places tried for the query's first letter


def _lower_same_length(text: str) -> str:
    # str.lower() can change the length ("İ" becomes two characters); offsets must
    # stay those of the name as shown.
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower()[:1] or c for c in text)


def _is_word_start(name: str, offset: int) -> bool:
    return offset == 0 or not name[offset - 1].isalnum()


def match(query: str, name: str) -> tuple[float, tuple[int, ...]]:
    """A score in (0, 1] and the offsets in `name` of the query's letters, or (0, ())
    when the name does not hold the query's letters in order. Spaces in the query are
    ignored; upper and lower case are the same."""
    letters = "".join(query.split()).lower()[:MAX_QUERY]
    if not letters:
        return 0.0, ()
    shown = name[:MAX_NAME]
    text = _lower_same_length(shown)
    best_score = 0.0
    best: tuple[int, ...] = ()
    start = text.find(letters[0])
    starts = 0
    while start != -1 and starts < MAX_STARTS:
        starts += 1
        offsets = [start]
        position = start
        for letter in letters[1:]:
            position = text.find(letter, position + 1)
            if position == -1:
                # Starting later leaves less room: no later start can match either.
                return best_score, best
            offsets.append(position)
        score = _score(shown, offsets, len(letters))
        if score > best_score:
            best_score, best = score, tuple(offsets)
        start = text.find(letters[0], start + 1)
    return best_score, best


def _score(name: str, offsets: list[int], count: int) -> float:
    word_starts = sum(1 for offset in offsets if _is_word_start(name, offset))
    together = sum(1 for a, b in zip(offsets, offsets[1:], strict=False) if b == a + 1)
    spread = (offsets[-1] - offsets[0] + 1) / max(len(name), 1)
    # Each part is between 0 and 1; a match at the very start of the name counts too.
    raw = (
        2 * word_starts / count
        + together / max(count - 1, 1)
        + (1 - spread)
        + (0.5 if offsets[0] == 0 else 0)
    )
    return max(raw / 4.5, 0.01)
