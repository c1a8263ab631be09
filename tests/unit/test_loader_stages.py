"""load_guide_quickly: the first stage, then Guide.complete(); and capped hints."""

from __future__ import annotations

import threading
from pathlib import Path

from spinetui.model import bundled_content_dir, load_guide
from spinetui.model._fields import MAX_HINTS
from spinetui.model.loader import load_guide_quickly
from tests.fixtures.content_builder import article, build

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_complete_gives_what_load_guide_gives() -> None:
    for folder in (FIXTURES / "good", FIXTURES / "broken", bundled_content_dir()):
        full = load_guide(folder)
        quick = load_guide_quickly(folder)
        assert not quick.is_complete
        quick.complete()
        assert quick.is_complete
        assert quick.problems == full.problems
        assert quick.articles == full.articles
        assert quick.glossary == full.glossary
        assert quick.comparison == full.comparison


def test_link_problems_and_headings_wait_for_complete(tmp_path: Path) -> None:
    body = "# Top\n\n## Part\n\n## Part\n\n[x](nowhere)\n"
    root = build(tmp_path, articles={"one.md": article(body=body)})
    quick = load_guide_quickly(root)
    assert quick.articles["one"].body.endswith("[x](nowhere)\n")
    assert quick.articles["one"].headings == ()
    assert not any("nowhere" in p.message for p in quick.problems)
    problems = quick.problems  # the same list grows: a screen holding it sees all
    quick.complete()
    assert [h.anchor for h in quick.articles["one"].headings] == ["top", "part", "part-1"]
    assert any("no article with id 'nowhere'" in p.message for p in problems)
    quick.complete()  # once only
    assert problems == load_guide(root).problems


def test_complete_from_two_threads_runs_once(tmp_path: Path) -> None:
    root = build(tmp_path, articles={"one.md": article(body="[x](nowhere)\n")})
    quick = load_guide_quickly(root)
    threads = [threading.Thread(target=quick.complete) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum("nowhere" in p.message for p in quick.problems) == 1


def test_an_empty_folder_is_complete_at_once(tmp_path: Path) -> None:
    assert load_guide_quickly(tmp_path / "missing").is_complete


def test_hints_are_capped_but_every_broken_link_is_reported(tmp_path: Path) -> None:
    articles = {
        f"a{i:03}.md": article(f"article-{i:03}", title=f"Article {i}", order=str(i))
        for i in range(30)
    }
    links = "".join(f"[x](article-{i:03}x)\n\n" for i in range(MAX_HINTS + 50))
    articles["links.md"] = article("links", title="Links", body=links)
    guide = load_guide(build(tmp_path, articles=articles))
    broken = [p for p in guide.problems if "there is no article with id" in p.message]
    assert len(broken) == MAX_HINTS + 50
    hinted = [p for p in broken if "did you mean" in p.message]
    assert 0 < len(hinted) <= MAX_HINTS
    assert "did you mean 'article-000'?" in broken[0].message
