"""Search at scale (issue 16): the order title matches come in, honest counts, every
matching article findable, and the quick exact scan that answers while the index builds."""

from __future__ import annotations

from pathlib import Path

from spinetui.model import load_guide
from spinetui.search import SearchIndex
from spinetui.search.index import COUNT_ROWS
from spinetui.search.scan import QuickScan, scan_fold
from tests.conftest import FIXTURES

SEARCH_GUIDE = FIXTURES / "search-guide"


def _write_guide(root: Path, articles: dict[str, tuple[str, str]]) -> Path:
    """`articles`: id → (title, body)."""
    (root / "articles").mkdir(parents=True)
    (root / "guide.yaml").write_text(
        "title: T\nversion: '1'\nsections:\n  - id: s\n    title: S\n", encoding="utf-8"
    )
    for order, (article_id, (title, body)) in enumerate(articles.items()):
        (root / "articles" / f"{article_id}.md").write_text(
            f"---\nid: {article_id}\ntitle: {title}\nsection: s\norder: {order}\n"
            f"summary: About {article_id}.\nreviewed: 2026-01-01\n---\n\n{body}\n",
            encoding="utf-8",
        )
    return root


def _ids(outcome) -> list[str | None]:
    return [r.place.article_id for r in outcome.results]


# --------------------------------------------------------------------- the index
def test_every_article_with_the_word_in_its_title_comes_before_mentions_in_text(tmp_path):
    # "mention" says nerve nerve nerve in a short section: on its own it would outscore a
    # long article that only has the word in its title. A reader searching for a word
    # wants the article about it first, so titles come first.
    body = "## Part\n\nnerve nerve nerve nerve."
    long_text = "## Part\n\n" + "Words about other things. " * 60
    guide = _write_guide(
        tmp_path / "g",
        {"mention": ("Mention", body), "titled": ("The nerve", long_text)},
    )
    outcome = SearchIndex(load_guide(guide)).search("nerve")
    assert _ids(outcome) == ["titled", "mention"]
    assert outcome.total == 2 and not outcome.at_least


def test_a_title_match_counts_its_other_sections_as_more_matches(tmp_path):
    body = "## One\n\ntext\n\n## Two\n\ntext\n\n## Three\n\ntext"
    guide = _write_guide(tmp_path / "g", {"a": ("Nerve pain", body)})
    result = SearchIndex(load_guide(guide)).search("nerve").results[0]
    assert result.place.anchor == "one"  # the top: the whole article is the answer
    assert result.more == 2  # every section holds the title


def test_every_matching_article_can_be_listed_and_is_counted(tmp_path):
    articles = {f"a{n:03}": (f"Article {n}", f"## Part\n\nThe root word {n}.") for n in range(60)}
    articles.update({f"t{n}": (f"Root {n}", "## Part\n\nOther text.") for n in range(5)})
    articles["none"] = ("Nothing", "## Part\n\nNo such word.")
    index = SearchIndex(load_guide(_write_guide(tmp_path / "g", articles)))
    outcome = index.search("root", limit=1000)
    assert outcome.total == 65 and not outcome.at_least
    assert sorted(_ids(outcome)) == sorted(a for a in articles if a != "none")
    assert _ids(outcome)[:5] == [f"t{n}" for n in range(5)]  # titles first
    assert len(index.search("root").results) == 20  # the default page
    assert index.search("root").total == 65


def test_past_the_counting_limit_the_count_says_at_least(tmp_path):
    sections = "\n\n".join(f"## Part {n}\n\nnerve." for n in range(COUNT_ROWS + 10))
    articles = {"big": ("Big", sections), "small": ("Small", "## P\n\nnerve.")}
    outcome = SearchIndex(load_guide(_write_guide(tmp_path / "g", articles))).search("nerve")
    assert outcome.at_least
    assert outcome.total >= len(outcome.results) >= 1
    # Not counted is not lost: both articles are still found.
    assert sorted(_ids(outcome)) == ["big", "small"]


def test_the_count_is_the_number_of_results_a_reader_can_list():
    from spinetui.model import bundled_content_dir

    index = SearchIndex(load_guide(bundled_content_dir()))
    for query in ("cost", "sciatica", "nerve root", "x-ray", "how long does relief last"):
        every = index.search(query, limit=1000)
        assert every.results and not every.at_least
        assert every.total == len(every.results), query
        assert index.search(query).total == every.total


# ------------------------------------------------------------------ the quick scan
def test_the_scan_finds_words_as_typed_titles_first():
    scan = QuickScan(load_guide(SEARCH_GUIDE))
    outcome = scan.search("plasma")
    assert outcome.exact_only and outcome.results
    assert outcome.results[0].title.text.lower().count("plasma")
    assert all(r.place.kind in ("article", "comparison", "glossary") for r in outcome.results)
    words = [
        r.snippet.text[a:b].lower()
        for r in outcome.results
        for a, b in r.snippet.spans + r.title.spans
    ]
    assert words and all("plasma" in w for w in words)


def test_the_scan_agrees_with_the_index_on_which_articles_hold_a_word():
    guide = load_guide(SEARCH_GUIDE)
    scan, index = QuickScan(guide), SearchIndex(guide)
    for word in ("headache", "insurance", "discs", "zygapophyseal"):
        found = {r.place.article_id for r in scan.search(word).results if r.place.kind == "article"}
        ranked = {
            r.place.article_id for r in index.search(word).results if r.place.kind == "article"
        }
        assert found == ranked, word


def test_the_scan_needs_every_word_and_two_letters():
    scan = QuickScan(load_guide(SEARCH_GUIDE))
    assert scan.search("headache zanzibar").results == ()
    assert scan.search("n").results == ()
    assert scan.search("   ").results == ()
    assert scan.search('"NEAR(' + "x" * 10_000).results == ()


def test_the_scan_ignores_link_targets_and_folds_accents(tmp_path):
    body = "## Part\n\nSee [the other page](secretword#part) about the café."
    scan = QuickScan(load_guide(_write_guide(tmp_path / "g", {"a": ("A", body)})))
    assert scan.search("secretword").results == ()
    assert _ids(scan.search("cafe")) == ["a"]
    assert _ids(scan.search("CAFÉ")) == ["a"]
    assert scan_fold("Cirugía") == "cirugia"


def test_the_scan_shows_a_snippet_from_the_text_a_reader_sees(tmp_path):
    body = "## Part {#part}\n\nThe **nerve** root is [here](a#part)."
    outcome = QuickScan(load_guide(_write_guide(tmp_path / "g", {"a": ("A", body)}))).search("root")
    snippet = outcome.results[0].snippet
    assert "{#" not in snippet.text and "**" not in snippet.text and "](" not in snippet.text
    assert [snippet.text[a:b] for a, b in snippet.spans] == ["root"]


def test_a_full_page_of_title_matches_counts_them_as_a_floor(tmp_path):
    articles = {f"t{n:02}": (f"Root {n}", "## Part\n\nOther text.") for n in range(25)}
    articles.update({f"m{n:02}": (f"Mention {n}", "## Part\n\nThe root.") for n in range(5)})
    index = SearchIndex(load_guide(_write_guide(tmp_path / "g", articles)))
    page = index.search("root")
    assert len(page.results) == 20 and all(r.place.article_id.startswith("t") for r in page.results)
    assert page.at_least and page.total == 25  # the titles; the five mentions not counted
    every = index.search("root", limit=1000)
    assert not every.at_least and every.total == 30 == len(every.results)


def test_the_scan_reads_spanish_without_accents():
    from spinetui.model import bundled_content_dir
    from spinetui.model.languages import load_language

    english = load_guide(bundled_content_dir())
    spanish = load_language(bundled_content_dir(), "es", english=english).guide
    scan = QuickScan(spanish, "es")
    for typed in ("cirugia", "CIRUGÍA", "cirugía"):
        outcome = scan.search(typed)
        assert any(r.place.article_id == "surgery" for r in outcome.results), typed
        marked = [r.title.text[a:b] for r in outcome.results for a, b in r.title.spans]
        assert any(word.lower() == "cirugía" for word in marked)
