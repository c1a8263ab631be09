"""The contents fill in as they are unfolded: a long guide's sections and articles, and
an article with hundreds of headings, look and work as if every line were there."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rich.style import Style

from spinetui.app import SpineApp
from spinetui.components.article.article_view import ArticleView
from spinetui.components.reader import contents_tree
from spinetui.components.reader.contents_tree import HEADINGS_AT_ONCE, ContentsTree
from spinetui.model.loader import load_guide_quickly
from spinetui.services import Services
from tests.fixtures.content_builder import article, build

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def long_guide(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("long") / "guide"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "generate_guide.py"), str(folder)]
        + ["--articles", "2000", "--article-kb", "1"],
        check=True,
        capture_output=True,
    )
    return folder


def _screen_lines(tree: ContentsTree) -> list[str]:
    return [tree.render_line(y).text.strip() for y in range(tree.size.height)]


async def test_a_long_guide_lists_its_sections_and_a_section_unfolds_to_its_articles(
    long_guide: Path,
):
    guide = load_guide_quickly(long_guide)
    app = SpineApp(Services(guide))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(ContentsTree)
        sections = [s for s in guide.sections if guide.articles_in(s.id)]
        assert [str(n.label) for n in tree.root.children] == [s.title for s in sections]
        # Only the open article's section is unfolded; the others show an arrow.
        home_section = guide.articles[guide.home].section
        for node, section in zip(tree.root.children, sections, strict=True):
            assert node.is_expanded == (section.id == home_section)
            assert node.allow_expand
        # Right on a folded section unfolds it: its articles, in the guide's order.
        folded_node, folded = next(
            (n, s) for n, s in zip(tree.root.children, sections, strict=True) if not n.is_expanded
        )
        tree.focus()
        tree.move_cursor(folded_node)
        await pilot.press("right")
        await pilot.pause()
        wanted = [a.title for a in guide.articles_in(folded.id)]
        assert folded_node.is_expanded
        assert [str(n.label) for n in folded_node.children] == wanted
        await pilot.press("right")  # into it: the first article
        assert tree.cursor_node is folded_node.children[0]
        lines = _screen_lines(tree)
        row = tree.cursor_line - round(tree.scroll_offset.y)
        assert wanted[0][:20] in lines[row]
        assert wanted[1][:20] in lines[row + 1]
        # A tap on another folded section's title unfolds it too.
        other_node, other = next(
            (n, s)
            for n, s in zip(tree.root.children, sections, strict=True)
            if not n.is_expanded and n is not folded_node
        )
        await pilot.press("left", "left")  # back to the section, folded again
        assert not folded_node.is_expanded
        _ = tree._tree_lines
        await pilot.click(ContentsTree, offset=(6, other_node.line - round(tree.scroll_offset.y)))
        await pilot.pause()
        assert other_node.is_expanded
        assert [str(n.label) for n in other_node.children] == [
            a.title for a in guide.articles_in(other.id)
        ]
        # The width the tree is measured with is the width each label is drawn at.
        for line in tree._tree_lines:
            drawn = tree.render_label(line.node, Style(), Style()).cell_len
            assert tree.get_label_width(line.node) == drawn


async def test_opening_an_article_deep_in_a_folded_section_highlights_it(long_guide: Path):
    guide = load_guide_quickly(long_guide)
    app = SpineApp(Services(guide))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(ContentsTree)
        home_section = guide.articles[guide.home].section
        section = next(
            s for s in guide.sections if s.id != home_section and guide.articles_in(s.id)
        )
        deep = guide.articles_in(section.id)[-1]
        app.screen.open_article(deep.id)
        await pilot.pause()
        node = tree.cursor_node
        assert node is not None and node.data.article_id == deep.id
        assert node.parent is not None and node.parent.is_expanded
        assert str(node.parent.label) == section.title
        # On screen, in bold, with the rest of its section above it.
        row = tree.cursor_line - round(tree.scroll_offset.y)
        assert 0 <= row < tree.size.height
        assert deep.title[:20] in _screen_lines(tree)[row]
        assert node.label.style == "bold"
        assert [str(n.label) for n in node.parent.children] == [
            a.title for a in guide.articles_in(section.id)
        ]


HEADINGS = 2 * HEADINGS_AT_ONCE + 50


def _huge_article_app(tmp_path: Path) -> SpineApp:
    body = "# Many parts\n\n" + "".join(
        f"## Part {i} {{#part-{i}}}\n\nWords of part {i}.\n\n" for i in range(HEADINGS)
    )
    folder = build(
        tmp_path,
        articles={
            "many.md": article("many", title="Many parts", body=body),
            "next.md": article("next", title="Next article", order="2"),
        },
    )
    return SpineApp(Services(load_guide_quickly(folder)), start_article="many")


def _headings(node) -> list[str]:
    return [str(c.label) for c in node.children]


async def test_every_heading_of_a_huge_article_can_be_reached(tmp_path: Path):
    app = _huge_article_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(ContentsTree)
        many = tree.article_node("many")
        assert many is not None and many.is_expanded
        first = _headings(many)
        assert first[:-1] == [f"Part {i}" for i in range(HEADINGS_AT_ONCE)]
        assert first[-1] == f"… {HEADINGS - HEADINGS_AT_ONCE} more headings"
        # Down from the last heading shown goes on to the next one, as if all were there.
        tree.focus()
        tree.move_cursor(many.children[HEADINGS_AT_ONCE - 1])
        await pilot.press("down")
        assert str(tree.cursor_node.label) == f"Part {HEADINGS_AT_ONCE}"
        assert tree.cursor_node.data.anchor == f"part-{HEADINGS_AT_ONCE}"
        assert _headings(many)[-1] == "… 50 more headings"
        # Enter on "… more" adds the rest without opening anything.
        top = round(app.screen.query_one(ArticleView).scroll_offset.y)
        tree.move_cursor(many.children[-1])
        await pilot.press("enter")
        await pilot.pause()
        assert _headings(many) == [f"Part {i}" for i in range(HEADINGS)]
        assert round(app.screen.query_one(ArticleView).scroll_offset.y) == top
        assert str(tree.cursor_node.label) == f"Part {2 * HEADINGS_AT_ONCE}"  # the same line
        tree.move_cursor(many.children[-1])
        await pilot.press("down")  # past the last heading: the next article
        assert tree.cursor_node.data == tree.article_node("next").data


async def test_the_highlight_follows_the_reader_past_the_headings_shown(tmp_path: Path):
    app = _huge_article_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(ContentsTree)
        view = app.screen.query_one(ArticleView)
        far = HEADINGS_AT_ONCE + 20  # not yet in the contents
        view.scroll_to_anchor(f"part-{far}")
        await pilot.pause()
        node = tree.cursor_node
        assert node is not None and node.data.anchor == f"part-{far}"
        assert str(node.label) == f"Part {far}"
        row = tree.cursor_line - round(tree.scroll_offset.y)
        assert _screen_lines(tree)[row].endswith(f"Part {far}")
        # Another article drops these headings; coming back finds the place left.
        app.screen.open_article("next")
        await pilot.pause()
        assert len(tree.article_node("many").children) == 0
        app.screen.open_article("many")
        await pilot.pause()
        app.screen.query_one(ArticleView).focus()
        await pilot.pause()
        assert tree.cursor_node.data.anchor == f"part-{far}"


def _titles(node) -> list[str]:
    return [str(c.label) for c in node.children]


async def test_a_long_section_lists_its_articles_a_batch_at_a_time(long_guide: Path, monkeypatch):
    # About 200 articles a section here; at 50 a batch, "… more articles" lines show.
    monkeypatch.setattr(contents_tree, "ARTICLES_AT_ONCE", 50)
    guide = load_guide_quickly(long_guide)
    app = SpineApp(Services(guide))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(ContentsTree)
        home = guide.articles[guide.home]
        titles = [a.title for a in guide.articles_in(home.section)]
        count = len(titles)
        assert count > 150 and titles.index(home.title) < 50
        section = tree.article_node(home.id).parent
        assert _titles(section) == titles[:50] + [f"… {count - 50} more articles"]
        # Down from the last article shown goes on to the next, as if all were there.
        tree.focus()
        tree.move_cursor(section.children[49])
        await pilot.press("down")
        assert str(tree.cursor_node.label) == titles[50]
        assert tree.cursor_node.data.article_id == guide.articles_in(home.section)[50].id
        assert _titles(section)[-1] == f"… {count - 100} more articles"
        # Enter on "… more" adds the next batch in its place and opens nothing.
        tree.move_cursor(section.children[-1])
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.article_view.article_id == home.id
        assert str(tree.cursor_node.label) == titles[100]  # the same line
        assert _titles(section) == titles[:150] + [f"… {count - 150} more articles"]
        # A tap on it adds the next; the line is on screen once the cursor is near it.
        tree.move_cursor(section.children[-1])
        await pilot.pause()
        more = section.children[-1]
        await pilot.click(ContentsTree, offset=(8, more.line - round(tree.scroll_offset.y)))
        await pilot.pause()
        assert app.screen.article_view.article_id == home.id
        assert count == 201  # the generated guide's home section: one left, said singly
        assert _titles(section) == titles[:200] + ["… 1 more article"]
        tree.move_cursor(section.children[-2])
        await pilot.press("down")  # from the line above it, Down adds the last
        assert str(tree.cursor_node.label) == titles[200]
        assert _titles(section) == titles
        # An article far down a folded section is added with those above it.
        other = next(s for s in guide.sections if s.id != home.section and guide.articles_in(s.id))
        deep = guide.articles_in(other.id)[120]
        app.screen.open_article(deep.id)
        await pilot.pause()
        node = tree.cursor_node
        assert node.data.article_id == deep.id and node.label.style == "bold"
        wanted = [a.title for a in guide.articles_in(other.id)]
        assert _titles(node.parent)[:121] == wanted[:121]
        assert _titles(node.parent)[-1] == f"… {len(wanted) - 121} more articles"
