"""Search in Spanish: word forms and accents ignored, real words shown, same places."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spinetui.model import bundled_content_dir, load_guide
from spinetui.model.languages import load_language
from spinetui.search import SearchIndex, parse_query
from spinetui.search.forms import KEYS_TOKENIZER, fold
from spinetui.search.query import MATCH_END, MATCH_START

# Only quoted strings (the last may be a prefix), separated by spaces or OR.
SAFE_EXPRESSION = re.compile(r'^(?:"(?:[^"]|"")*"\*?)(?:(?: | OR )"(?:[^"]|"")*"\*?)*$')


@pytest.fixture(scope="module")
def english():
    return load_guide(bundled_content_dir())


@pytest.fixture(scope="module")
def spanish(english):
    return load_language(bundled_content_dir(), "es", english=english).guide


@pytest.fixture(scope="module")
def index(spanish) -> SearchIndex:
    return SearchIndex(spanish, lang="es")


@pytest.fixture(scope="module")
def english_index(english) -> SearchIndex:
    return SearchIndex(english)


def _marked(marked) -> list[str]:
    return [marked.text[a:b] for a, b in marked.spans]


def _all_marked(results) -> set[str]:
    return {
        word.lower()
        for r in results
        for part in (r.title, r.heading, r.snippet)
        for word in _marked(part)
    }


def _places(outcome):
    return [r.place for r in outcome.results]


@pytest.mark.parametrize(
    "typed, shown",
    [
        ("cirugia", "cirugía"),
        ("inyecciones", "inyección"),
        ("nervios", "nervio"),
        ("ciatica", "ciática"),
    ],
)
def test_other_forms_and_unaccented_spelling_find_the_guides_words(index, typed, shown):
    outcome = index.search(typed)
    assert outcome.results, typed
    # What is marked is the guide's own word, accents and all, never a stem.
    assert shown in _all_marked(outcome.results)


@pytest.mark.parametrize(
    "typed, shown",
    [
        ("mejoró", "mejora"),
        ("estudiaron", "estudios"),
        ("esperó", "esperar"),
        ("médicas", "médico"),
    ],
)
def test_spanish_word_forms_meet_where_an_english_stemmer_would_not(index, typed, shown):
    # Verb tenses and gendered forms: FTS5's porter stemmer keeps these apart.
    assert shown in _all_marked(index.search(typed).results)


def test_the_surgery_article_is_found_without_the_accent(index):
    places = _places(index.search("cirugia"))
    assert any(p.kind == "article" and p.article_id == "surgery" for p in places)
    glossary = [p.term_id for p in _places(index.search("ciatica")) if p.kind == "glossary"]
    assert "sciatica" in glossary


@pytest.mark.parametrize("typed", ["CIRUGÍA", "Cirugía", "cirugía", "cirugia", "CIRUGIA"])
def test_accents_and_case_are_ignored_both_ways(index, typed):
    assert _places(index.search(typed)) == _places(index.search("cirugía"))


def test_the_last_word_is_a_prefix_while_typing(index):
    assert "inyección" in _all_marked(index.search("inyec").results)
    for word in ("inyecciones", "cirugía", "ciática", "esteroides"):
        for end in range(2, len(word) + 1):
            assert index.search(word[:end]).results, word[:end]
    # One Latin letter is matched whole, not as the start of every word.
    assert not index.search("q").results


def test_words_typed_stay_as_typed_for_the_screen():
    query = parse_query("Inyecciones epidurales", "es")
    assert query.words == ("Inyecciones", "epidurales")  # shown and marked in articles
    assert query.keys == (("inyeccion",), ("epidural",))
    assert query.fts() == '"inyeccion" "epidural"*'
    assert parse_query("Inyecciones").keys is None  # English: looked up as typed


def test_results_lead_to_the_same_places_as_the_english_index(index, english_index, english):
    # Same articles, sections, cells and terms: one row for each, in both languages.
    assert index._places == english_index._places
    for typed in ("ciática", "inyección", "cirugía", "costo", "nervio", "dolor de pierna"):
        for place in _places(index.search(typed)):
            if place.kind == "glossary":
                assert place.term_id in english.glossary
            elif place.kind == "comparison":
                assert english.comparison.cell(place.attribute_id, place.treatment_id)
            else:
                anchors = {h.anchor for h in english.articles[place.article_id].headings}
                assert place.anchor is None or place.anchor in anchors
    # A term found in either language leads to the same card.
    es_term = next(p for p in _places(index.search("ciática")) if p.kind == "glossary")
    en_term = next(p for p in _places(english_index.search("sciatica")) if p.kind == "glossary")
    assert es_term == en_term


def test_a_whole_title_opens_the_article_at_its_top(index, spanish):
    result = index.search("plasma rico en plaquetas").results
    article = next(r for r in result if r.place.kind == "article")
    assert article.place.article_id == "prp"
    assert _marked(article.title) == ["Plasma", "rico", "en", "plaquetas"]
    assert article.snippet.text == spanish.articles["prp"].summary


# ---------------------------------------------------------------- small guides
def _guide(tmp_path: Path, body: str, glossary: str = "") -> Path:
    root = tmp_path / "guide"
    (root / "articles").mkdir(parents=True)
    (root / "guide.yaml").write_text(
        "title: Guía\nversion: '1'\nsections:\n  - id: s\n    title: S\n", encoding="utf-8"
    )
    (root / "articles" / "a.md").write_text(
        "---\nid: a\ntitle: La cirugía de espalda\nsection: s\norder: 1\nsummary: Resumen.\n"
        f"reviewed: 2026-01-01\n---\n\n{body}\n",
        encoding="utf-8",
    )
    if glossary:
        (root / "glossary.yaml").write_text(glossary, encoding="utf-8")
    return root


def test_snippets_show_the_original_words_marked(tmp_path):
    words = " ".join(f"palabra{n}" for n in range(40))
    root = _guide(
        tmp_path,
        f"{words} Las INYECCIONES del nervio ciático {words}.\n\n## Después\n\nCOVID-19 aquí.",
    )
    index = SearchIndex(load_guide(root), lang="es")
    result = index.search("inyeccion nervios").results[0]
    assert _marked(result.snippet) == ["INYECCIONES", "nervio"]
    assert result.snippet.text.startswith("…") and result.snippet.text.endswith("…")
    assert len(result.snippet.text.split()) <= 16
    # Words joined by a hyphen are one phrase, marked as one.
    covid = index.search("covid-19").results[0]
    assert covid.place.anchor == "después"
    assert _marked(covid.snippet) == ["COVID-19"]
    assert covid.heading.text == "Después"


def test_glossary_terms_and_aliases_are_marked_in_the_original(tmp_path):
    root = _guide(
        tmp_path,
        "Texto.",
        "- id: sciatica\n  term: ciática\n  aliases: [dolor ciático]\n"
        "  definition: Dolor que baja por la pierna.\n  article: a\n",
    )
    index = SearchIndex(load_guide(root), lang="es")
    result = next(r for r in index.search("CIATICA").results if r.place.kind == "glossary")
    assert result.place.term_id == "sciatica"
    assert _marked(result.title) == ["ciática"]
    result = next(r for r in index.search("piernas").results if r.place.kind == "glossary")
    assert _marked(result.snippet) == ["pierna"]


def test_content_cannot_fake_match_marks_in_spanish(tmp_path):
    root = _guide(tmp_path, f"Mire {MATCH_START}aquí{MATCH_END} el nervio.")
    result = SearchIndex(load_guide(root), lang="es").search("nervio").results[0]
    assert _marked(result.snippet) == ["nervio"]
    assert MATCH_START not in result.snippet.text


def test_fold_drops_accents_and_case():
    assert fold("CIRUGÍA") == "cirugia"
    assert fold("Niño") == "nino"
    assert fold("ÜBER") == "uber"


# ------------------------------------------------------------- hostile input
@pytest.mark.parametrize(
    "text",
    [
        '"',
        "NEAR(nervio, 2)",
        "nervio*",
        "title:nervio",
        "{title}:nervio",
        "´´",
        "\u0301\u0301",
        "ñ" * 300,
        "ción " * 3_000,
        "椎間板ヘルニア",
        "½ ﬁ ß İstanbul",
        MATCH_START + "nervio" + MATCH_END,
        "\x00\x1b[31mcirugía\x7f",
    ],
)
def test_hostile_queries_never_raise(index, text):
    assert isinstance(index.search(text).results, tuple)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=250))
def test_any_text_is_safe_and_never_raises(index, text):
    query = parse_query(text, "es")
    if query:
        db = sqlite3.connect(":memory:")
        db.execute(f"CREATE VIRTUAL TABLE t USING fts5(a, tokenize = '{KEYS_TOKENIZER}')")
        for expression in (query.fts(), query.fts(any_phrase=True)):
            assert SAFE_EXPRESSION.match(expression), expression
            db.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()
    outcome = index.search(text)
    assert len(outcome.results) <= 20
    for result in outcome.results:
        for part in (result.title, result.heading, result.snippet):
            assert all(0 <= a < b <= len(part.text) for a, b in part.spans)
