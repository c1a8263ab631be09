"""Icon arrays in Spanish: the sentence frame from the catalog reads with the Spanish
outcomes' own words, and says exactly the numbers the English sentence says."""

from __future__ import annotations

import re

import pytest

from spinetui import i18n
from spinetui.model import bundled_content_dir
from spinetui.model.languages import load_language
from spinetui.render.blocks.text import TOO_DEEP_WORDS, too_deep_notice
from spinetui.render.icon_array import compact, icon_array_lines, outcome_sentence
from spinetui.render.styles import DEFAULT_STYLES

NUMBER = re.compile(r"\d[\d,]*")


@pytest.fixture(scope="module")
def outcomes():
    """(English, Spanish) outcome datasets of the bundled guide, by id."""
    loaded = load_language(bundled_content_dir(), "es")
    return loaded.english.outcomes, loaded.own.outcomes


@pytest.fixture
def spanish():
    i18n.set_language("es")
    yield
    i18n.set_language("en")


def _in(lang: str, make):
    i18n.set_language(lang)
    try:
        return make()
    finally:
        i18n.set_language("en")


def test_per_100_with_a_comparison_group_reads_as_spanish(outcomes, spanish):
    _english, es = outcomes
    assert outcome_sentence(es["esi-relief-1-month"]) == (
        "Unas 54 de cada 100 personas que recibieron una inyección de esteroide y de "
        "medicamento que adormece en la raíz nerviosa (transforaminal) notaron que su "
        "dolor de pierna bajó a la mitad o menos (1 mes después de la inyección), frente "
        "a 19 de cada 100 personas que recibieron una inyección de agua con sal en el "
        "mismo lugar."
    )


def test_per_100_without_a_comparison_group(outcomes, spanish):
    _english, es = outcomes
    assert outcome_sentence(es["surgery-reoperation-4-years"]).startswith(
        "Unas 9 de cada 100 personas que recibieron "
    )
    assert "frente a" not in outcome_sentence(es["surgery-reoperation-4-years"])


def test_rare_harms_have_exact_numbers_and_no_about(outcomes, spanish):
    _english, es = outcomes
    infection = outcome_sentence(es["esi-deep-infection"])
    assert infection == (
        "1 de cada 10,000 personas que recibieron una inyección epidural tuvieron una "
        "infección profunda en la columna (contada por inyección) (en los 90 días después "
        "de la inyección)."
    )
    harm = outcome_sentence(es["esi-serious-spinal-harm"])
    assert harm.startswith("8 de cada 1,000,000 personas que recibieron una inyección de ")
    assert not harm.startswith("Unas")


def test_every_spanish_sentence_has_the_english_numbers(outcomes):
    english, es = outcomes
    assert set(es) == set(english)
    for oid, outcome in es.items():
        en_sentence = _in("en", lambda o=english[oid]: outcome_sentence(o))
        es_sentence = _in("es", lambda o=outcome: outcome_sentence(o))
        # The frame's numbers: the counts and "per" (the groups' words may hold more).
        frame = [outcome.count, outcome.per]
        if outcome.comparison_count is not None:
            frame += [outcome.comparison_count, outcome.per]
        wanted = [f"{n:,}" for n in frame]
        assert NUMBER.findall(es_sentence)[:2] == wanted[:2], es_sentence
        assert NUMBER.findall(en_sentence)[:2] == wanted[:2], en_sentence
        for number in wanted:
            assert number in es_sentence and number in en_sentence
        assert es_sentence.startswith("Unas ") == (outcome.per == 100)
        assert en_sentence.startswith("About ") == (outcome.per == 100)
        assert "people" not in es_sentence and "{" not in es_sentence


def test_the_drawn_array_labels_and_compact_numbers_in_spanish(outcomes, spanish):
    _english, es = outcomes
    relief = es["esi-relief-1-month"]
    lines = [
        "".join(s.text for s in segs)
        for segs, _w, _t in icon_array_lines(relief, 80, DEFAULT_STYLES)
    ]
    text = "\n".join(lines)
    assert "Personas del estudio: adultos con dolor de pierna" in text
    assert "54 de cada 100" in text and "19 de cada 100" in text
    assert " in 100" not in text
    assert compact(relief) == "54 frente a 19 de cada 100"
    narrow = "\n".join(
        "".join(s.text for s in segs)
        for segs, _w, _t in icon_array_lines(relief, 12, DEFAULT_STYLES)
    )
    assert "54 de cada" in narrow and "100:" in narrow


def test_english_is_unchanged(outcomes):
    english, _es = outcomes
    relief = english["esi-relief-1-month"]
    assert outcome_sentence(relief).startswith("About 54 in 100 people who had ")
    assert ", compared with 19 in 100 people who had " in outcome_sentence(relief)
    assert compact(relief) == "54 vs 19 in 100"
    assert outcome_sentence(english["esi-deep-infection"]).startswith("1 in 10,000 people who had")


def test_the_too_deep_notice_is_the_markdown_constant_in_english_and_translated():
    from spinetui.markdown.nesting import TOO_DEEP as MARKDOWN_TOO_DEEP

    assert too_deep_notice() == MARKDOWN_TOO_DEEP == f"*{TOO_DEEP_WORDS}*"
    spanish_notice = _in("es", too_deep_notice)
    assert spanish_notice.startswith("*(") and spanish_notice.endswith(")*")
    assert "nested" not in spanish_notice
