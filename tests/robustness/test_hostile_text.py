"""Hostile text in every field of a content folder: escape sequences of every family,
and Textual/Rich markup with action links.

For each: the app starts, every screen that shows content is opened (reader, source
citation, problems, glossary, term card, comparison, search, kiosk start screen), none
of them draws a control character or turns content into markup, the good article is
still readable, and the problem is reported.
"""

from __future__ import annotations

import pytest

from spinetui.components.kiosk.attract_screen import AttractScreen
from spinetui.components.reader.reader_screen import ReaderScreen
from spinetui.kiosk.policy import KioskPolicy
from spinetui.model import clean_text
from tests.robustness.helpers import (
    ALL_ESCAPES,
    ESCAPES,
    HIDDEN_WORDS,
    assert_no_controls,
    find_on_screen,
    screen_segments,
    screen_text,
)
from tests.robustness.hostile import (
    FIELDS,
    hostile_app,
    hostile_guide,
    read_good_article,
    visit_every_screen,
)

SIZE = (160, 50)

# Which fields each screen shows (the source note is in no screen; the summary is on
# the kiosk start screen, tested below). "palette" is the jump-to palette, with "t"
# typed in it.
SHOWN = {
    "reader": ["guide-title", "section-title", "article-title", "heading", "body"]
    + ["link-text", "list-item", "quote", "table-cell"],
    "source": ["source-title", "source-authors"],
    "problems": ["problem"],
    "glossary": ["term", "alias", "definition"],
    "term": ["term", "alias", "definition"],
    "comparison": ["treatment", "attribute", "cell", "source-title"],
    "search": ["article-title", "heading"],
    "palette": ["article-title", "term"],
}


def assert_reported(app, label_text: str) -> None:
    """The unknown field named with the payload is a warning naming the file and line."""
    [problem] = [p for p in app.guide.problems if p.file == "articles/hostile.md"]
    assert problem.line == 9
    assert f"unknown field '{label_text}" in problem.message


# ------------------------------------------------------------------ escape sequences


async def run_escapes(tmp_path, payload: str, form: str) -> None:
    root = hostile_guide(tmp_path / "guide", f"{payload}word", form)
    app = hostile_app(root)
    assert_reported(app, "PR")

    kept = clean_text(payload)  # "CSIWORD" for the CSI family (plain text between two)

    async def check(name: str) -> None:
        assert_no_controls(app)
        text = screen_text(app)
        for word in HIDDEN_WORDS:
            assert word not in text, (name, word)
        for field in SHOWN[name]:
            # The text on each side of the sequence is still there, joined up.
            assert f"{FIELDS[field]}{kept}word" in text, (name, field)

    async with app.run_test(size=SIZE) as pilot:
        visited = await visit_every_screen(app, pilot, check)
        assert visited == list(SHOWN)
        await read_good_article(app, pilot)
        assert_no_controls(app)


@pytest.mark.parametrize("family", sorted(ESCAPES))
async def test_escape_sequences_never_reach_the_screen(tmp_path, family):
    await run_escapes(tmp_path, ESCAPES[family], "raw")


async def test_escape_sequences_written_as_yaml_escapes_never_reach_the_screen(tmp_path):
    # "\\e[2J", "\\x9b", "\\u001b" in YAML double quotes become the characters themselves.
    await run_escapes(tmp_path, ALL_ESCAPES, "escaped")


def test_each_field_is_cleaned_whole(tmp_path):
    """Loader level: each field keeps its text and loses every sequence, whole."""
    from spinetui.model import load_guide

    guide = load_guide(hostile_guide(tmp_path / "guide", f"{ALL_ESCAPES}word", "escaped"))
    hostile = guide.articles["hostile"]
    assert guide.title == "GTCSIWORDword"
    assert hostile.title == "ATCSIWORDword"
    assert hostile.summary == "SUCSIWORDword"
    assert guide.glossary["hostile"].term == "TMCSIWORDword"
    assert guide.sources["src-a"].note == "SNCSIWORDword"
    assert guide.comparison.cell("cost", "good").text == "CLCSIWORDword"
    assert "BDCSIWORDword and the word nerve." in hostile.body


# --------------------------------------------------------------------------- markup

# Short enough to fit the contents pane: an action link, bold, a closing tag that
# matches nothing (a markup error if parsed), and a hyperlink.
MARKUP = "[@click=app.quit]Q[/][b]B[/b][/x][link=https://evil.example]L[/link]"
LITERAL = "[@click=app.quit]Q[/]"


def assert_no_markup_styles(app, name: str) -> None:
    """No drawn cell carries an action (@click) or a hyperlink: the ways markup acts."""
    for y, line in enumerate(screen_segments(app)):
        for segment in line:
            style = segment.style
            if style is None:
                continue
            assert "@click" not in style.meta, (name, y, segment)
            assert not style.link, (name, y, segment)


@pytest.mark.parametrize("form", ["raw", "escaped"])
async def test_markup_and_action_links_are_shown_literally_and_do_nothing(tmp_path, form):
    root = hostile_guide(tmp_path / "guide", MARKUP, form)
    app = hostile_app(root)
    assert_reported(app, "PR[@click=app.quit]Q[/]")
    # Clicked on these screens: clicking them opens or closes nothing by design (a
    # click anywhere closes the pop-ups, so those are left alone).
    click_on = {"reader": "BD", "problems": "PR", "comparison": "CL"}

    async def check(name: str) -> None:
        text = screen_text(app)
        for field in SHOWN[name]:
            label = FIELDS[field]
            # The contents pane cuts long titles: the action link is shown, not run.
            assert f"{label}{LITERAL}" in text or f"{label}[@click=app.quit]" in text, (
                name,
                field,
            )
        assert_no_markup_styles(app, name)
        if name in click_on:
            where = find_on_screen(app, f"{click_on[name]}[@click")
            assert where is not None, name
            x, y = where
            await pilot.click(offset=(x + 3, y))  # on "@click=app.quit"
            await pilot.pause()
            assert app.is_running, name
            assert LITERAL in screen_text(app)

    async with app.run_test(size=SIZE) as pilot:
        await visit_every_screen(app, pilot, check)
        assert app.is_running
        await read_good_article(app, pilot)


async def test_markup_in_a_problem_is_listed_literally(tmp_path):
    root = hostile_guide(tmp_path / "guide", MARKUP, "raw")
    app = hostile_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("exclamation_mark")
        await pilot.pause()
        row = list(app.screen.rows[0])
        assert row[0] == "articles/hostile.md" and row[1] == "9"
        assert f"unknown field 'PR{MARKUP}'" in row[2]


async def test_kiosk_start_screen_shows_titles_and_summaries_literally(tmp_path):
    root = hostile_guide(tmp_path / "guide", MARKUP, "raw")
    app = hostile_app(root, kiosk=KioskPolicy(enabled=True, attract_seconds=600.0))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        attract = app.screen
        assert isinstance(attract, AttractScreen)
        assert f"GT{LITERAL}" in screen_text(app)
        attract.next_topic()  # the good article is first; the hostile one second
        await pilot.pause()
        text = screen_text(app)
        assert f"AT{LITERAL}" in text and f"SU{LITERAL}" in text
        assert_no_markup_styles(app, "attract")
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await read_good_article(app, pilot)


async def test_kiosk_start_screen_draws_no_escape_sequence(tmp_path):
    root = hostile_guide(tmp_path / "guide", f"{ALL_ESCAPES}word", "escaped")
    app = hostile_app(root, kiosk=KioskPolicy(enabled=True, attract_seconds=600.0))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.next_topic()
        await pilot.pause()
        assert "SUCSIWORDword" in screen_text(app)
        assert_no_controls(app)


# ----------------------------------------------------------- in a real terminal


@pytest.mark.e2e
def test_in_a_real_terminal_content_cannot_retitle_the_window_or_set_the_clipboard(tmp_path):
    from tests.e2e.tmux import TmuxTerminal

    root = hostile_guide(tmp_path / "guide", f"{ALL_ESCAPES}word", "raw")
    with TmuxTerminal(["--content", str(root), "hostile"]) as term:
        # Let OSC 52 (clipboard) set tmux's paste buffer, if any reached the terminal.
        term._run("set-option", "-s", "set-clipboard", "on")
        term.wait_for("BDCSIWORDword and the word nerve.")
        for key, shows in (("g", "TMCSIWORDword"), ("Escape", "HDCSIWORDword")):
            term.send(key)
            screen = term.wait_for(shows)
            assert not any(word in screen for word in HIDDEN_WORDS), screen
        term.send("c")
        term.wait_for("CLCSIWORDword")
        title = term._run("display-message", "-p", "-t", "t", "#{pane_title}")
        assert "PWNED" not in title
        assert term._run("list-buffers") == ""
        assert term.is_running()
