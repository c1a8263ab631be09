"""load_guide_quickly: the first stage, then complete_guide(); and capped hints."""

from __future__ import annotations

import threading
from pathlib import Path

from spinetui.model import Guide, bundled_content_dir, load_guide
from spinetui.model._fields import MAX_HINTS
from spinetui.model.loader import complete_guide, load_guide_quickly
from spinetui.services import Services
from tests.fixtures.content_builder import article, build

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_complete_gives_what_load_guide_gives() -> None:
    for folder in (FIXTURES / "good", FIXTURES / "broken", bundled_content_dir()):
        full = load_guide(folder)
        quick = load_guide_quickly(folder)
        completed = complete_guide(quick)
        assert completed is not quick
        assert complete_guide(completed) is completed  # nothing more to do
        assert completed.problems == full.problems
        assert completed.articles == full.articles
        assert completed.glossary == full.glossary
        assert completed.comparison == full.comparison


def test_link_problems_and_headings_wait_for_complete(tmp_path: Path) -> None:
    body = "# Top\n\n## Part\n\n## Part\n\n[x](nowhere)\n"
    root = build(tmp_path, articles={"one.md": article(body=body)})
    quick = load_guide_quickly(root)
    assert quick.articles["one"].body.endswith("[x](nowhere)\n")
    assert quick.articles["one"].headings == ()
    assert not any("nowhere" in p.message for p in quick.problems)
    completed = complete_guide(quick)
    assert [h.anchor for h in completed.articles["one"].headings] == ["top", "part", "part-1"]
    assert any("no article with id 'nowhere'" in p.message for p in completed.problems)
    # The quick guide is left as it was: whoever holds it sees no change under them.
    assert quick.articles["one"].headings == ()
    assert not any("nowhere" in p.message for p in quick.problems)
    assert complete_guide(quick) is completed  # once only
    assert completed.problems == load_guide(root).problems


def test_complete_from_two_threads_runs_once(tmp_path: Path) -> None:
    root = build(tmp_path, articles={"one.md": article(body="[x](nowhere)\n")})
    quick = load_guide_quickly(root)
    results: list[Guide] = []
    threads = [
        threading.Thread(target=lambda: results.append(complete_guide(quick))) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(guide) for guide in results}) == 1
    assert sum("nowhere" in p.message for p in results[0].problems) == 1


def test_services_hold_the_quick_guide_until_the_completed_one_is_asked_for(
    tmp_path: Path,
) -> None:
    root = build(tmp_path, articles={"one.md": article(body="# Top\n\n[x](nowhere)\n")})
    services = Services(load_guide_quickly(root))
    assert not services.is_complete
    assert services.guide.articles["one"].headings == ()
    completed = services.completed_guide()
    assert services.is_complete and services.guide is completed
    assert [h.anchor for h in completed.articles["one"].headings] == ["top"]


def test_an_empty_folder_is_complete_at_once(tmp_path: Path) -> None:
    quick = load_guide_quickly(tmp_path / "missing")
    assert complete_guide(quick) is quick
    assert Services(quick).is_complete


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
