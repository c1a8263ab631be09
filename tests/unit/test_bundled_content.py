"""The bundled guide meets the decision-aid standards it promises (issue 3).

Balanced, sourced, dated, plain: these tests fail when an edit breaks one of them.
"""

from __future__ import annotations

import io
import re

import pytest

from spinetui.check import markdown_to_plain, run_check
from spinetui.model import Severity, load_guide
from spinetui.render import MarkdownDocument
from tests.conftest import BUNDLED

TREATMENT_ARTICLES = ("esi", "prp", "stem-cells")
REQUIRED_ARTICLES = {
    "welcome",
    "your-spine",
    "conditions",
    "warning-signs",
    "esi",
    "prp",
    "stem-cells",
    "other-options",
    "if-it-does-not-help",
    "questions",
    "evidence",
    "about",
}
SOURCE_LINK = re.compile(r"\]\(source:([^)\s]+)\)")


@pytest.fixture(scope="module")
def guide():
    return load_guide(BUNDLED)


def test_the_bundled_guide_loads_with_no_problems(guide):
    assert [str(p) for p in guide.problems if p.severity is Severity.ERROR] == []
    assert set(guide.articles) >= REQUIRED_ARTICLES


def test_spinetui_check_passes_with_no_article_above_grade_8():
    out = io.StringIO()
    assert run_check(BUNDLED, out=out) == 0, out.getvalue()
    assert "above grade 8" not in out.getvalue().lower()


def test_every_article_reads_at_grade_8_or_below(guide):
    import textstat

    grades = {
        a.id: textstat.flesch_kincaid_grade(markdown_to_plain(a.body))
        for a in guide.articles.values()
    }
    assert {k: g for k, g in grades.items() if g > 8.0} == {}


def test_every_article_is_dated_summarised_and_cites_a_source_it_lists(guide):
    for article in guide.articles.values():
        assert article.reviewed.year >= 2026, article.id
        assert len(article.summary.split()) >= 10, article.id
        cited = set(SOURCE_LINK.findall(article.body))
        assert cited, f"{article.id} cites no source in its text"
        assert cited <= set(article.sources), (
            f"{article.id} cites sources its front matter does not list"
        )


def test_every_cited_source_is_in_the_bibliography_with_who_when_and_what(guide):
    cited = {s for a in guide.articles.values() for s in a.sources}
    cited |= {s for cell in guide.comparison.cells.values() for s in cell.sources}
    assert cited <= set(guide.sources)
    for source in guide.sources.values():
        assert source.authors or source.organisation, source.id
        assert source.title and source.year and source.checked, source.id


def test_the_comparison_has_every_cell_sourced(guide):
    table = guide.comparison
    assert {"esi", "prp", "stem-cells", "exercise"} <= {t.id for t in table.treatments}
    assert len(table.attributes) >= 12
    for attribute in table.attributes:
        for treatment in table.treatments:
            cell = table.cell(attribute.id, treatment.id)
            assert cell is not None, (attribute.id, treatment.id)
            assert cell.text.strip() and cell.sources, (attribute.id, treatment.id)
            assert len(cell.text) <= 200, (attribute.id, treatment.id)


def _section_words(article_body: str, anchor: str) -> int:
    for section_anchor, _heading, text in MarkdownDocument(article_body).sections():
        if section_anchor == anchor:
            return len(text.split())
    raise AssertionError(f"no section #{anchor}")


def test_benefits_and_harms_get_comparable_space_in_each_treatment_article(guide):
    counts = {
        (article, part): _section_words(guide.articles[article].body, part)
        for article in TREATMENT_ARTICLES
        for part in ("benefits", "risks")
    }
    assert min(counts.values()) >= 100, counts
    assert max(counts.values()) <= 1.5 * min(counts.values()), counts


def test_treatment_articles_share_the_headings_that_line_up_side_by_side(guide):
    shared = {
        "what-it-is",
        "how-it-is-done",
        "benefits",
        "risks",
        "evidence",
        "repeats",
        "cost",
        "recovery",
    }
    for article in TREATMENT_ARTICLES:
        assert shared <= guide.articles[article].anchors, article


def test_every_glossary_term_appears_in_the_articles(guide):
    assert len(guide.glossary) >= 25
    text = " ".join(markdown_to_plain(a.body) for a in guide.articles.values()).lower()
    missing = [
        term.id
        for term in guide.glossary.values()
        if not any(re.search(rf"\b{re.escape(form.lower())}\b", text) for form in term.forms)
    ]
    assert missing == []
