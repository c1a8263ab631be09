"""Services in a language, without Textual: which guide, which pieces fall back to
English, the search index per language, and the reader's answers and questions carried
from one language to the other."""

from __future__ import annotations

import shutil

import spinetui.search
from spinetui.services import Services, load_services
from tests.conftest import BUNDLED


def test_english_and_spanish_services_hold_their_guides():
    en = load_services(BUNDLED, "en", kiosk=True)
    es = load_services(BUNDLED, "es", kiosk=True)
    assert en.lang == "en" and es.lang == "es"
    assert en.guide.articles.keys() == es.guide.articles.keys()
    assert es.guide.articles["esi"].title.startswith("Inyecciones")
    assert not en.falls_back("article", "esi") and not es.falls_back("article", "esi")
    assert en.fallback_notice == ""
    assert "español" in es.fallback_notice
    # The glossary matcher is built from the language's own glossary.
    forms = {form for term in es.guide.glossary.values() for form in term.forms}
    assert any("ciática" in form.casefold() for form in forms)


def test_a_folder_without_the_language_is_english_with_every_piece_said_to_fall_back(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(BUNDLED, content, ignore=shutil.ignore_patterns("es"))
    es = load_services(content, "es", kiosk=True)
    assert es.lang == "es"
    assert es.guide.articles["esi"].title.startswith("Epidural")
    assert es.falls_back("article", "esi")


def test_the_search_index_is_built_for_the_language_when_it_can_be(monkeypatch):
    made = []

    class PerLanguage:
        def __init__(self, guide, lang="en"):
            made.append(lang)

    class EnglishOnly:
        def __init__(self, guide):
            made.append("only")

    es = load_services(BUNDLED, "es", kiosk=True)
    monkeypatch.setattr(spinetui.search, "SearchIndex", PerLanguage)
    es.search_index()
    monkeypatch.setattr(spinetui.search, "SearchIndex", EnglishOnly)
    load_services(BUNDLED, "es", kiosk=True).search_index()
    assert made == ["es", "only"]


def test_answers_and_questions_cross_languages_by_article_and_place():
    en = load_services(BUNDLED, "en", kiosk=True)
    listed = en.document_for("questions").questions()
    en.questions.toggle(listed[3][1])
    key, _msg = en.questions.add_own("Who will do the shot?")
    en.questions.set_ticked(key, "Who will do the shot?", False)  # unticked, kept
    en.decision.sure["know-benefits"] = True
    es = en.in_language("es")
    assert es.questions is en.questions and es.decision is en.decision
    items = [(q.text, q.own, q.ticked) for _key, q in es.questions.items()]
    spanish = es.document_for("questions").questions()[3][1]
    assert items == [(spanish, False, True), ("Who will do the shot?", True, False)]
    back = es.in_language("en")
    assert [q.text for q in back.questions.ticked()] == [listed[3][1]]


def test_services_built_from_a_guide_know_their_folder():
    from spinetui.model import load_guide

    services = Services(load_guide(BUNDLED))
    assert services.lang == "en"
    assert services.root == BUNDLED
    assert services.in_language("es").guide.articles["esi"].title.startswith("Inyecciones")


def test_services_built_without_a_language_follow_the_ui_and_claim_no_fallbacks():
    from spinetui.i18n import set_language
    from spinetui.model import load_guide

    set_language("es")
    try:
        services = Services(load_guide(BUNDLED))
        assert services.lang == "es"
        assert not services.falls_back("article", "esi")  # not known: nothing is said
        assert load_services(BUNDLED, "en", kiosk=True).lang == "en"
    finally:
        set_language("en")
