"""TermMatcher finds exactly what one alternation of every form finds."""

from __future__ import annotations

import random
import re

from spinetui.render import TermMatcher


def reference(forms: dict[str, str], text: str) -> list[tuple[int, int, str]]:
    """The matcher as it was: one case-insensitive alternation, longest form first."""
    ids: dict[str, str] = {}
    for form, term_id in forms.items():
        key = " ".join(form.split()).lower()
        if key and term_id:
            ids.setdefault(key, term_id)
    if not ids:
        return []
    ordered = sorted(ids, key=lambda k: (-len(k), k))
    body = "|".join(r"\s+".join(map(re.escape, k.split())) for k in ordered)
    pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
    found = []
    for m in pattern.finditer(text):
        term_id = ids.get(" ".join(m.group().split()).lower())
        if term_id is not None:
            found.append((m.start(), m.end(), term_id))
    return found


WORDS = ["disc", "discs", "nerve", "root", "roots", "X", "ray", "X-ray", "live", "a", "ab"]
WORDS += ["-", "_", "é", "É", "ß", "SS", "(x)", "日本語", "Nerve", "ROOT"]


def test_random_forms_and_texts_match_as_one_alternation_would() -> None:
    rnd = random.Random(7)
    for _ in range(2000):
        forms = {
            " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 3))): f"t{i}"
            for i in range(rnd.randint(1, 6))
        }
        text = "".join(rnd.choice([*WORDS, " ", "  ", "\n", ".", ",", "-"]) for _ in range(40))
        assert list(TermMatcher(forms).finditer(text)) == reference(forms, text), (forms, text)


def test_a_thousand_terms() -> None:
    forms = {f"term{i} word{i % 37}": f"t{i}" for i in range(1000)}
    forms |= {f"w{i}": f"w{i}" for i in range(1000)}
    text = " ".join(f"Term{i}  WORD{i % 37} w{i} term{i}word" for i in range(0, 1000, 7))
    found = list(TermMatcher(forms).finditer(text))
    assert found == reference(forms, text)
    assert len(found) == 2 * len(range(0, 1000, 7))
