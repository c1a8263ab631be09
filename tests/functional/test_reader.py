"""Reading with the keyboard and mouse: contents, articles, links, history."""

from __future__ import annotations

from textual.widgets import Static

from spinetui.components.article.article_view import ArticleView
from spinetui.components.find.term_screen import TermScreen
from spinetui.components.help_screen import HelpScreen
from spinetui.components.info_screen import InfoScreen
from spinetui.components.reader.contents_tree import ContentsTree
from spinetui.components.reader.reader_screen import ReaderScreen
from tests.functional.helpers import make_app, visible_text


def _header_text(app) -> str:
    return " ".join(
        str(s.render()) for s in app.screen.query("ArticleHeader Static").results(Static)
    )


async def test_opens_on_the_home_article_with_its_review_date():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert view.article_id == "first"
        assert "Welcome to the first article" in visible_text(view)
        header = _header_text(app)
        assert "First article" in header
        assert "Reviewed 2026-01-15" in header


async def test_an_article_named_on_the_command_line_opens_first():
    app = make_app(start_article="second")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.query_one(ArticleView).article_id == "second"


async def test_contents_lists_sections_and_articles_and_enter_opens_one():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(ContentsTree)
        labels = [str(node.label) for node in tree.root.children]
        assert labels == ["Start here", "More to read"]
        await pilot.press("tab")
        assert app.focused is tree
        # Move the cursor to "Third article" and open it.
        target = next(n for n in tree._article_nodes.values() if str(n.label) == "Third article")
        tree.move_cursor(target)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(ArticleView).article_id == "third"


async def test_headings_of_the_open_article_appear_in_the_contents_and_jump():
    app = make_app(start_article="third")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(ContentsTree)
        node = tree._article_nodes["third"]
        headings = [str(child.label).strip() for child in node.children]
        assert "Part 1" in headings and "Cost" in headings
        cost = next(c for c in node.children if str(c.label).strip() == "Cost")
        tree.focus()
        tree.move_cursor(cost)
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert "beta shot costs about 200 dollars" in visible_text(view)


async def test_next_and_previous_article_follow_the_contents_order():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await pilot.press("right_square_bracket")
        assert view.article_id == "second"
        await pilot.press("right_square_bracket")
        assert view.article_id == "third"
        await pilot.press("right_square_bracket")  # the last one: stays
        assert view.article_id == "third"
        await pilot.press("left_square_bracket")
        assert view.article_id == "second"


async def test_following_a_link_then_back_and_forward():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await pilot.press("l")  # the first target: the glossary word "nerve root"
        assert view.selected_target is not None
        assert (view.selected_target.kind, view.selected_target.value) == ("term", "nerve-root")
        await pilot.press("l")  # then the link to the second article
        assert view.selected_target.value == "second"
        await pilot.press("enter")
        await pilot.pause()
        assert view.article_id == "second"
        await pilot.press("b")
        assert view.article_id == "first"
        await pilot.press("f")
        assert view.article_id == "second"


async def test_a_link_to_a_heading_in_another_article_scrolls_to_it():
    app = make_app()
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        target = next(t for t in view.layout_now.targets() if t.value == "third#cost")
        view.select_target(target)
        await pilot.press("enter")
        await pilot.pause()
        assert view.article_id == "third"
        text = visible_text(view)
        assert "beta shot costs about 200 dollars" in text
        assert "Paragraph 1 says" not in text


async def test_clicking_a_link_follows_it():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        target = next(t for t in view.layout_now.targets() if t.value == "second")
        # Screen position of the link: the view's content region plus the centring margin.
        region = view.content_region
        x = region.x + view._margin + target.x0 + 1 - view.region.x
        y = region.y + target.y - view.region.y
        await pilot.click(ArticleView, offset=(x, y))
        await pilot.pause()
        assert view.article_id == "second"


async def test_external_links_show_their_address_and_open_nothing(monkeypatch):
    opened = []
    import webbrowser

    monkeypatch.setattr(webbrowser, "open", lambda *a, **k: opened.append(a))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        target = next(t for t in view.layout_now.targets() if t.kind == "external")
        view.select_target(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InfoScreen)
        shown = str(app.screen.query_one(Static).render())
        assert "https://example.org/page" in shown
        assert opened == []
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_a_source_link_shows_the_full_citation():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        target = next(t for t in view.layout_now.targets() if t.kind == "source")
        view.select_target(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InfoScreen)
        assert "Example Health Agency (2024)" in str(app.screen.query_one(Static).render())


async def test_a_marked_glossary_word_explains_itself():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        target = next(t for t in view.layout_now.targets() if t.kind == "term")
        view.select_target(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TermScreen)
        definition = app.screen.query_one("#term-definition", Static)
        assert "where it leaves the spinal cord" in str(definition.render())
        await pilot.press("escape")
        assert view.article_id == "first"


async def test_escape_backs_out_and_never_quits():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(5):
            await pilot.press("escape")
        assert app.is_running
        assert isinstance(app.screen, ReaderScreen)


async def test_scrolling_keys_move_through_a_long_article():
    app = make_app(start_article="third")
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await pilot.press("j", "j")
        assert view.scroll_offset.y == 2
        await pilot.press("pagedown")
        assert view.scroll_offset.y > 10
        await pilot.press("end")
        await pilot.pause()
        assert "THE-END-MARKER" in visible_text(view)
        await pilot.press("home")
        assert view.scroll_offset.y == 0


async def test_the_contents_pane_hides_and_shows():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(ContentsTree)
        assert tree.display
        await pilot.press("t")
        assert not tree.display
        await pilot.press("t")
        assert tree.display


async def test_narrow_terminals_start_with_the_contents_collapsed():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.screen.query_one(ContentsTree).display
        assert "Welcome to the first article" in visible_text(app.screen.query_one(ArticleView))


async def test_reading_width_stays_comfortable_on_a_wide_screen():
    app = make_app(start_article="third")
    async with app.run_test(size=(240, 50)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        longest = max(len(view.render_line(y).text.strip()) for y in range(20))
        assert longest <= 80


async def test_help_lists_every_key():
    from rich.console import Console

    from spinetui.components.help_screen import help_table
    from spinetui.keymap import HELP_SECTIONS

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)
    console = Console(width=300, record=True)
    console.print(help_table())
    text = console.export_text()
    for _title, keys in HELP_SECTIONS:
        for key in keys:
            assert (key.help or key.description) in text


async def test_an_article_with_an_unreadable_date_says_so_in_the_header(tmp_path):
    import shutil

    from tests.functional.helpers import READER_GUIDE

    folder = tmp_path / "guide"
    shutil.copytree(READER_GUIDE, folder)
    first = folder / "articles" / "first.md"
    first.write_text(first.read_text().replace("reviewed: 2026-01-15", "reviewed: last week"))
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        header = _header_text(app)
        assert "Review date unknown" in header
        assert "0001" not in header


async def test_an_article_opened_at_a_heading_before_the_first_paint_lands_there():
    from textual.app import App

    from spinetui.model import load_guide
    from spinetui.render import MarkdownDocument
    from tests.functional.helpers import READER_GUIDE

    body = load_guide(READER_GUIDE).articles["third"].body

    class OneView(App[None]):
        def compose(self):
            yield ArticleView()

        def on_mount(self) -> None:
            view = self.query_one(ArticleView)
            assert view.scrollable_content_region.height == 0  # no size yet
            view.show("third", MarkdownDocument(body), anchor="cost")

    app = OneView()
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        text = visible_text(app.query_one(ArticleView))
        assert "beta shot costs about 200 dollars" in text
