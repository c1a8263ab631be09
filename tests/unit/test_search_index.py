"""The search index: what it finds, how it ranks, where results lead, what it marks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from spinetui.model import load_guide
from spinetui.search import SearchIndex, parse_marked
from spinetui.search.plain import article_sections, markdown_plain_text
from spinetui.search.query import MATCH_END, MATCH_START
from tests.conftest import FIXTURES

SEARCH_GUIDE = FIXTURES / "search-guide"


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(load_guide(SEARCH_GUIDE))


def _marked_words(marked) -> list[str]:
    return [marked.text[a:b] for a, b in marked.spans]


def test_a_word_finds_the_article_section_that_holds_it(index):
    outcome = index.search("headache")
    places = [(r.place.kind, r.place.article_id, r.place.anchor) for r in outcome.results]
    assert ("article", "steroid", "risks") in places


def test_a_title_match_ranks_above_a_mention_in_the_text(index):
    # "plasma" is the title of one article and only in the text of none other,
    # but "steroid" is both a title and mentioned in Welcome? No: use "spine".
    results = index.search("spine").results
    articles = [r.place.article_id for r in results if r.place.kind == "article"]
    assert articles[0] == "spine"  # title "How your spine works"
    assert "home" in articles  # "This guide explains the spine" in the text


def test_when_every_word_is_in_the_title_the_article_opens_at_the_top(index):
    result = index.search("plasma shots").results[0]
    assert result.place.article_id == "plasma"
    assert result.place.anchor == "plasma-shots"  # the top heading


def test_a_word_in_a_heading_leads_to_that_heading(index):
    result = next(r for r in index.search("discs").results if r.place.article_id == "spine")
    assert result.place.anchor == "discs"
    assert _marked_words(result.heading) == ["Discs"]


def test_one_result_per_article_with_a_count_of_its_other_matches(index):
    results = [r for r in index.search("numbness").results if r.place.kind == "article"]
    assert len({r.place.article_id for r in results}) == len(results)
    steroid_shot = index.search("shot").results
    steroid = next(r for r in steroid_shot if r.place.article_id == "steroid")
    assert steroid.more >= 1


def test_stemming_finds_other_forms_of_a_word(index):
    # "injection" is only in the text as "injections".
    result = next(r for r in index.search("injection").results if r.place.kind == "article")
    assert result.place.article_id == "steroid"
    assert _marked_words(result.snippet) == ["injections"]


def test_accents_are_folded_both_ways(index):
    assert any(r.place.article_id == "spine" for r in index.search("cafe").results)
    assert any(r.place.article_id == "spine" for r in index.search("café").results)


def test_the_last_word_matches_as_a_prefix_while_typing(index):
    for typed in ("nu", "num", "numb", "numbn", "numbne", "numbnes", "numbness"):
        assert index.search(typed).results, typed
    # One Latin letter is matched as a whole word, not as the start of every word.
    assert not index.search("n").results
    assert index.search("sciat").results
    assert index.search("numbnesz").results  # a slip of the last letter still finds it
    assert not index.search("qzxv").results


def test_comparison_cells_are_found_and_lead_to_their_cell(index):
    result = next(r for r in index.search("insurance").results if r.place.kind == "comparison")
    assert (result.place.attribute_id, result.place.treatment_id) == ("cost", "plasma")
    assert result.title.text == "Typical cost"
    assert result.heading.text == "Plasma shot"
    assert _marked_words(result.snippet) == ["insurance"]


def test_glossary_entries_are_found_by_term_alias_and_definition(index):
    def terms(text):
        return [r.place.term_id for r in index.search(text).results if r.place.kind == "glossary"]

    assert "zygapophyseal" in terms("zygapophyseal")
    assert "zygapophyseal" in terms("facet")
    assert "sciatica" in terms("squeezed")


def test_snippets_are_short_and_mark_every_matched_word(index):
    result = next(r for r in index.search("written price").results if r.place.kind == "article")
    assert len(result.snippet.text.split()) <= 16
    assert _marked_words(result.snippet) == ["written", "price"]


def test_a_sentence_with_no_place_holding_every_word_finds_places_with_some(index):
    outcome = index.search("how much does a plasma shot cost in zanzibar")
    assert outcome.some_words_only
    assert outcome.results


def test_words_joined_by_a_hyphen_match_as_a_phrase(index):
    results = index.search("covid-19").results
    assert [r.place.article_id for r in results] == ["plasma"]
    assert index.search("19 covid").results  # both words, any order
    assert not index.search("covid 20").results or index.search("covid 20").some_words_only


@pytest.mark.parametrize(
    "text",
    [
        '"',
        '"nerve',
        "nerve\"'",
        "covid-19",
        "don't",
        "it's",
        "NEAR(",
        "NEAR(nerve root, 2)",
        "nerve*",
        "*",
        "^nerve",
        "nerve OR",
        "AND",
        "NOT nerve",
        "title:nerve",
        "{title}:nerve",
        "(((",
        "nerve)",
        "😀 nerve 😀",
        "椎間板ヘルニア",
        "\x00\x01\x1b[31mnerve\x7f",
        MATCH_START + "nerve" + MATCH_END,
        "nerve " * 5_000,
        "x" * 10_000,
        "\u0301\u0301",
        "-",
        "   ",
    ],
)
def test_hostile_queries_never_raise(index, text):
    outcome = index.search(text)
    assert isinstance(outcome.results, tuple)


def test_content_cannot_fake_match_marks(tmp_path):
    sneaky = tmp_path / "guide"
    (sneaky / "articles").mkdir(parents=True)
    (sneaky / "guide.yaml").write_text(
        "title: T\nversion: '1'\nsections:\n  - id: s\n    title: S\n", encoding="utf-8"
    )
    (sneaky / "articles" / "a.md").write_text(
        "---\nid: a\ntitle: A\nsection: s\norder: 1\nsummary: x\nreviewed: 2026-01-01\n---\n\n"
        f"Look {MATCH_START}here{MATCH_END} at the nerve.\n",
        encoding="utf-8",
    )
    result = SearchIndex(load_guide(sneaky)).search("nerve").results[0]
    assert _marked_words(result.snippet) == ["nerve"]
    assert MATCH_START not in result.snippet.text


def test_nothing_is_written_to_disk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    index = SearchIndex(load_guide(SEARCH_GUIDE))
    index.search("nerve root")
    index.search("x" * 10_000)
    assert os.listdir(tmp_path) == []
    files = [row[2] for row in index._db.execute("PRAGMA database_list")]
    assert files == ["", ""] or all(f == "" for f in files)


def test_parse_marked_turns_marks_into_spans():
    marked = parse_marked(f"a {MATCH_START}bc{MATCH_END} d {MATCH_START}e{MATCH_END}")
    assert marked.text == "a bc d e"
    assert marked.spans == ((2, 4), (7, 8))


def test_markdown_syntax_is_left_out_of_the_indexed_text():
    assert markdown_plain_text("- see [the cost](esi#cost) and **this**") == "see the cost and this"
    assert markdown_plain_text("> 1. a `code` quote") == "a code quote"
    assert markdown_plain_text("| a | b |\n| --- | --- |").split() == ["a", "b"]
    assert markdown_plain_text("```\ncode words\n```") == "\ncode words\n"
    assert markdown_plain_text("![a picture](x.png) <https://example.org>") == (
        "a picture https://example.org"
    )


def test_sections_follow_the_headings_of_the_article():
    guide = load_guide(SEARCH_GUIDE)
    sections = article_sections(guide.articles["spine"])
    assert [s.anchor for s in sections] == ["how-your-spine-works", "discs", "nerves", "joints"]
    assert "soft cushion" in sections[1].text
    assert "Discs" not in sections[1].text  # the heading is indexed on its own


def test_an_empty_guide_builds_and_finds_nothing(tmp_path: Path):
    (tmp_path / "guide.yaml").write_text(
        "title: Empty\nversion: '1'\nsections: []\n", encoding="utf-8"
    )
    index = SearchIndex(load_guide(tmp_path))
    assert len(index) == 0
    assert index.search("nerve").results == ()
