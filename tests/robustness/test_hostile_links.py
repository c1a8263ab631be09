"""Links to articles, headings, sources and glossary terms that do not exist.

Each is reported by the loader with its file and line; following it in the reader
shows a clear message and the app carries on. Link targets are content too: an id
written as Textual markup is shown literally, never parsed (a closing tag that matches
nothing, "[/x]", used to stop the app).
"""

from __future__ import annotations

import pytest

from spinetui.app import SpineApp
from spinetui.components.article.article_view import ArticleView
from spinetui.components.find.term_screen import TermScreen
from spinetui.components.info_screen import InfoScreen
from spinetui.components.reader.reader_screen import ReaderScreen
from spinetui.model import load_guide
from spinetui.services import Services
from tests.fixtures.content_builder import article, build
from tests.robustness.helpers import assert_no_controls, screen_text, toast_texts
from tests.robustness.hostile import GOOD_ARTICLE, read_good_article

LINKS = [
    # (link, line of the link in the file, what the loader says, what the reader shows)
    ("[a](nope)", "no article with id 'nope'", "There is no article called 'nope' in this guide."),
    (
        "[a](#nope)",
        "this article has no heading with that anchor",
        "This article has no part called 'nope'.",
    ),
    (
        "[a](good#nope)",
        "article 'good' has no heading with anchor 'nope'",
        "This article has no part called 'nope'.",
    ),
    ("[a](source:nope)", "links to source 'nope'", "Unknown source: source:nope"),
    (
        "[a](glossary:nope)",
        "links to glossary term 'nope'",
        "There is no glossary entry called 'nope'.",
    ),
    (
        "[a](<[/x]>)",
        "no article with id '[/x]'",
        "There is no article called '[/x]' in this guide.",
    ),
    (
        "[a](<[@click=app.quit]q[/]>)",
        "no article with id '[@click=app.quit]q[/]'",
        "There is no article called '[@click=app.quit]q[/]' in this guide.",
    ),
    (
        "[a](#[b]x[/b])",
        "no heading with that anchor",
        "This article has no part called '[b]x[/b]'.",
    ),
]


def links_guide(root, link: str):
    body = f"# Links\n\nFollow {link} now.\n"
    return build(
        root,
        articles={"good.md": GOOD_ARTICLE, "links.md": article("links", order="2", body=body)},
    )


@pytest.mark.parametrize(("link", "reported", "shown"), LINKS, ids=[link for link, *_ in LINKS])
async def test_following_a_broken_link_says_so_and_carries_on(tmp_path, link, reported, shown):
    guide = load_guide(links_guide(tmp_path / "guide", link))
    [problem] = [p for p in guide.problems if p.file == "articles/links.md"]
    assert reported in problem.message
    assert problem.line == 13  # 10 lines of front matter, a blank line, the heading, ...

    app = SpineApp(Services(guide), start_article="links")
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        [target] = view.layout_now.targets()
        view.select_target(target)
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        assert shown in screen_text(app) or shown in toast_texts(app)
        assert_no_controls(app)
        if isinstance(app.screen, (InfoScreen, TermScreen)):
            await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)
        await read_good_article(app, pilot)
