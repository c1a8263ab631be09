"""The best result per article, however many of an article's sections match first."""

from __future__ import annotations

from pathlib import Path

from spinetui.model import load_guide
from spinetui.search import SearchIndex


def _guide(tmp_path: Path) -> Path:
    root = tmp_path / "guide"
    (root / "articles").mkdir(parents=True)
    (root / "guide.yaml").write_text(
        "title: T\nversion: '1'\nsections:\n  - id: s\n    title: S\n", encoding="utf-8"
    )
    # 150 short sections, each all about the nerve: they outrank the one mention below.
    sections = "\n\n".join(f"## Part {n}\n\nnerve nerve nerve." for n in range(150))
    for order, (article_id, body) in enumerate(
        [("many", sections), ("one", "A long text that names the nerve once " + "x " * 200)]
    ):
        (root / "articles" / f"{article_id}.md").write_text(
            f"---\nid: {article_id}\ntitle: {article_id.title()}\nsection: s\norder: {order}\n"
            f"summary: x\nreviewed: 2026-01-01\n---\n\n{body}\n",
            encoding="utf-8",
        )
    return root


def test_an_article_with_more_matching_sections_than_asked_for_is_one_result(tmp_path):
    index = SearchIndex(load_guide(_guide(tmp_path)))
    outcome = index.search("nerve", limit=2)
    assert [r.place.article_id for r in outcome.results] == ["many", "one"]
    assert outcome.results[0].more == 149
    assert outcome.total == 2


def test_the_limit_bounds_the_results(tmp_path):
    index = SearchIndex(load_guide(_guide(tmp_path)))
    assert [r.place.article_id for r in index.search("nerve", limit=1).results] == ["many"]
    assert index.search("nerve", limit=0).results == ()
    assert index.search("nerve", limit=0).total == 2
