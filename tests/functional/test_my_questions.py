"""My questions with Pilot: tick questions in articles by key and tap, the My questions
screen (m), own questions, saving in personal mode, and the kiosk's QR code."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, Input, OptionList

from spinetui.components.article.article_view import ArticleView
from spinetui.components.decide.my_questions import MyQuestionsScreen
from spinetui.components.decide.take_home import QRCodeScreen, SaveScreen
from spinetui.components.reader.reader_screen import ReaderScreen
from spinetui.decide.questions import MAX_OWN_COUNT, MAX_OWN_LENGTH
from spinetui.kiosk.policy import KioskPolicy
from spinetui.render import is_box
from tests.conftest import FIXTURES
from tests.functional.helpers import make_app, visible_text

GUIDE = FIXTURES / "questions-guide"
SIZE = (100, 30)
CAUSE = "What is causing my pain?"
CHANCES = "How likely is the shot to help me, out of 100 people like me?"
RISKS = "What are the risks, and how rare are the serious ones?"


def questions_app(**kwargs):
    return make_app(GUIDE, **kwargs)


def box_target(view: ArticleView, text: str):
    layout = view.lay_out_all()
    return next(t for t in layout.targets() if t.text == text and is_box(layout, t))


def line_of(view: ArticleView, text: str) -> str:
    return next(line for line in visible_text(view).splitlines() if text[:20] in line)


async def click_question(pilot, view: ArticleView, text: str, dx: int = 0) -> None:
    """Tap a question where it is drawn (its tick box, or dx cells into it)."""
    target = box_target(view, text)
    # From the pane's edge to its text: padding, and the reader's focus bar.
    x = view.content_region.x - view.region.x + view._margin + target.x0 + dx
    y = target.y - round(view.scroll_offset.y)
    assert await pilot.click(ArticleView, offset=(x, y))
    await pilot.pause()


def rows(screen: MyQuestionsScreen) -> list[str]:
    options = screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


# --------------------------------------------------------------- in articles
async def test_a_task_list_item_is_drawn_as_an_empty_tick_box_and_l_selects_it():
    app = questions_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert line_of(view, CAUSE).strip() == f"[ ] {CAUSE}"
        assert "A plain list item" in visible_text(view)  # not every item is a question
        await pilot.press("l")
        assert view.selected_target.kind == "question"
        assert view.selected_target.text == CAUSE


async def test_space_and_enter_tick_and_untick_the_selected_question():
    app = questions_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await pilot.press("l", "space")
        await pilot.pause()
        assert line_of(view, CAUSE).strip() == f"[x] {CAUSE}"
        assert [q.text for q in app.questions.ticked()] == [CAUSE]
        await pilot.press("enter")
        await pilot.pause()
        assert line_of(view, CAUSE).strip() == f"[ ] {CAUSE}"
        assert app.questions.ticked() == []
        # Space with no question selected still turns the page.
        await pilot.press("escape", "space")
        assert app.questions.ticked() == []


async def test_a_tap_on_a_question_ticks_it_and_another_unticks_it():
    app = questions_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await click_question(pilot, view, RISKS)
        assert line_of(view, RISKS).strip().startswith(f"[x] {RISKS[:30]}")
        await click_question(pilot, view, RISKS, dx=10)  # on its words, not the box
        assert line_of(view, RISKS).strip().startswith(f"[ ] {RISKS[:30]}")
        # A question wrapped over two lines is one target: its second line ticks it too.
        await click_question(pilot, view, CHANCES)
        assert app.questions.is_ticked(box_target(view, CHANCES).value)


async def test_the_tick_shows_wherever_the_same_question_appears():
    app = questions_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await pilot.press("l", "space")
        app.screen.open_article("other")
        await pilot.pause()
        # Spaced differently in the other article, it is the same question.
        assert view.article_id == "other"
        assert line_of(view, "What is causing").strip().startswith("[x] What is causing")


# --------------------------------------------------------------- the screen
async def test_m_opens_my_questions_with_the_ticked_questions_and_no_answers_yet():
    app = questions_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("l", "space", "l", "l", "space")
        await pilot.press("m")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MyQuestionsScreen)
        assert rows(screen) == [f"[x] 1. {CAUSE}", f"[x] 2. {RISKS}"]
        assert str(screen.query_one("#mq-matters").render()) == "Not answered yet."
        assert str(screen.query_one("#mq-sure").render()) == "Not answered yet."
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_the_palette_opens_my_questions():
    app = questions_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"My questions")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MyQuestionsScreen)


async def test_untick_by_key_and_tap_and_tick_back_then_remove():
    app = questions_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("l", "space", "l", "l", "space", "m")
        await pilot.pause()
        screen = app.screen
        await pilot.press("space")  # the highlighted row: the first
        assert rows(screen)[0] == f"[ ] {CAUSE}"  # still shown, so a slip is undone
        assert [q.text for q in app.questions.ticked()] == [RISKS]
        await pilot.press("enter")
        assert rows(screen)[0] == f"[x] 1. {CAUSE}"
        # A tap on the second row unticks it.
        assert await pilot.click("#mq-list", offset=(6, 2))
        await pilot.pause()
        assert rows(screen)[1] == f"[ ] {RISKS}"
        assert [q.text for q in app.questions.ticked()] == [CAUSE]
        # x takes the highlighted question off altogether.
        await pilot.press("up", "x")
        await pilot.pause()
        assert rows(screen) == [f"[ ] {RISKS}"]
        assert app.questions.ticked() == []
        # The article shows it unticked.
        await pilot.press("escape")
        view = app.screen.query_one(ArticleView)
        assert line_of(view, CAUSE).strip() == f"[ ] {CAUSE}"


async def test_a_reader_adds_their_own_question_by_keys_and_by_the_button():
    app = questions_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m", "a", *"Can I drive home?", "enter")
        await pilot.pause()
        screen = app.screen
        assert rows(screen) == ["[x] 1. Can I drive home?  (your own)"]
        assert screen.query_one(Input).value == ""
        await pilot.click("#mq-add")
        await pilot.pause()
        assert screen.focused is screen.query_one(Input)
        await pilot.press(*"What about work?", "enter")
        assert rows(screen)[1] == "[x] 2. What about work?  (your own)"
        # Removing one of your own deletes it.
        await pilot.press("escape")  # out of the text box: back to the list
        assert screen.focused is screen.query_one(OptionList)
        await pilot.press("x")
        assert len(rows(screen)) == 1
        # By mouse: a tap on the row (which unticks it), then on Remove.
        assert await pilot.click("#mq-list", offset=(6, 1))
        await pilot.click("#mq-remove")
        await pilot.pause()
        assert rows(screen) == [] and app.questions.items() == []


async def test_typed_questions_are_cleaned_and_bounded():
    app = questions_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        field = app.screen.query_one(Input)
        assert field.max_length == MAX_OWN_LENGTH
        await pilot.press("a")
        field.value = "Is \x1b[31mit\u202e safe\u200b?\x07"
        await pilot.press("enter")
        await pilot.pause()
        (question,) = app.questions.ticked()
        assert question.text == "Is [31mit safe ?"
        for n in range(MAX_OWN_COUNT + 2):
            app.questions.add_own(f"Question number {n}?")
        assert app.questions.own_count == MAX_OWN_COUNT


async def test_save_by_keys_writes_the_file_and_says_where(monkeypatch):
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    home = Path(__import__("os").environ["HOME"])
    documents = home / "Documents"
    documents.mkdir()
    app = questions_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("l", "space", "m", "a", *"Can I drive home?", "enter")
        await pilot.press("escape", "t")
        await pilot.pause()
        assert isinstance(app.screen, SaveScreen)
        path_box = app.screen.query_one(Input)
        expected = documents / "spinetui-my-questions.md"
        assert path_box.value == str(expected)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MyQuestionsScreen)
        notices = [n.message for n in app._notifications]
        assert f"Saved your questions to {expected}" in notices
    text = expected.read_text(encoding="utf-8")
    assert "# My questions for my visit" in text
    assert "1. What is causing my pain?" in text
    assert "2. Can I drive home?" in text
    assert "## What matters to me\n\nNot answered yet." in text


async def test_save_by_mouse_makes_folders_never_overwrites_unasked_and_saves_plain_text():
    home = Path(__import__("os").environ["HOME"])
    target = home / "new" / "folder" / "list.txt"
    target_md = target.with_suffix(".md")
    app = questions_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("l", "space", "m")
        await pilot.pause()
        await pilot.click("#mq-take-home")
        await pilot.pause()
        assert isinstance(app.screen, SaveScreen)
        app.screen.query_one(Input).value = str(target_md)
        await pilot.click("#save-txt")  # the format button changes the name's ending
        assert app.screen.query_one(Input).value == str(target)
        await pilot.click("#save-go")
        await pilot.pause()
        assert target.read_text(encoding="utf-8").startswith("My questions for my visit\n")
        # Again: the file is there, so it asks before replacing it.
        target.write_text("keep me", encoding="utf-8")
        await pilot.click("#mq-take-home")
        await pilot.pause()
        app.screen.query_one(Input).value = str(target)
        await pilot.click("#save-go")
        await pilot.pause()
        assert isinstance(app.screen, SaveScreen)
        message = str(app.screen.query_one("#save-message").render())
        assert f"There is already a file at {target}" in message
        assert target.read_text(encoding="utf-8") == "keep me"
        assert str(app.screen.query_one("#save-go", Button).label) == "Replace (Enter)"
        # A button ignores a second press while it still shows the first one.
        while app.screen.query_one("#save-go", Button).has_class("-active"):
            await pilot.pause(0.05)
        await pilot.click("#save-go")
        await pilot.pause()
        assert "What is causing my pain?" in target.read_text(encoding="utf-8")


async def test_a_save_that_fails_says_why_plainly():
    home = Path(__import__("os").environ["HOME"])
    blocker = home / "a-file"
    blocker.write_text("x", encoding="utf-8")
    app = questions_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("l", "space", "m", "t")
        await pilot.pause()
        app.screen.query_one(Input).value = str(blocker / "list.md")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SaveScreen)
        message = str(app.screen.query_one("#save-message").render())
        assert message.startswith(f"Could not save to {blocker / 'list.md'}")


async def test_take_home_with_nothing_ticked_says_so():
    app = questions_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m", "escape")
        app.screen  # noqa: B018
        await pilot.press("m")
        await pilot.pause()
        app.screen.query_one(OptionList).focus()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, MyQuestionsScreen)
        assert any("nothing to take home" in n.message for n in app._notifications)


# ------------------------------------------------------------------- kiosk
def kiosk_app():
    return questions_app(kiosk=KioskPolicy(enabled=True, attract_seconds=600.0))


async def test_kiosk_take_home_shows_a_qr_code_and_a_photo_layout_not_a_save_box():
    app = kiosk_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("space")  # wake the start screen
        await pilot.pause()
        await pilot.press("l", "space", "m")
        await pilot.pause()
        screen = app.screen
        assert not screen.query(Input)  # no typing of one's own on a shared screen
        await pilot.press("a")
        assert not screen.query(Input)
        await pilot.click("#mq-take-home")
        await pilot.pause()
        assert isinstance(app.screen, QRCodeScreen)
        assert app.screen.payload.text == f"My questions:\n1. {CAUSE}"
        await pilot.press("p")
        await pilot.pause()
        assert app.screen.has_class("-photo")
        photo = str(app.screen.query_one("#qr-photo-text").render())
        assert "Take a photo of this screen" in photo and CAUSE in photo
        await pilot.click("#qr-code-button")
        assert not app.screen.has_class("-photo")
        await pilot.press("escape")
        assert isinstance(app.screen, MyQuestionsScreen)


async def test_the_idle_reset_forgets_every_question():
    app = kiosk_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        await pilot.press("l", "space", "m", "t")
        await pilot.pause()
        assert isinstance(app.screen, QRCodeScreen)
        await app.kiosk_session.start_over()
        await pilot.pause()
        assert app.questions.ticked() == []
        await pilot.press("space")
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert line_of(view, CAUSE).strip() == f"[ ] {CAUSE}"
        await pilot.press("m")
        await pilot.pause()
        assert rows(app.screen) == []


async def test_the_help_screen_lists_the_my_questions_keys():
    from rich.console import Console

    from spinetui.components.help_screen import HelpScreen

    app = questions_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=200, record=True)
        console.print(app.screen.table)
        text = console.export_text()
    assert "Open My questions: the questions you ticked or typed" in text
    assert "Tick or untick the selected question; otherwise scroll down one page" in text
    assert "Take the list home: save it as a file, or (kiosk) show it as a QR code" in text


async def test_a_question_ticks_in_the_side_by_side_view_too():
    app = questions_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        from spinetui.components.compare.side_by_side import SideBySideScreen

        await app.push_screen(SideBySideScreen(app.services, "questions", "other"))
        await pilot.pause()
        views = list(app.screen.query(ArticleView))
        left = next(v for v in views if v.article_id == "questions")
        left.focus()
        await pilot.press("l", "space")
        await pilot.pause()
        assert app.questions.is_ticked(box_target(left, CAUSE).value)
        assert line_of(left, CAUSE).strip() == f"[x] {CAUSE}"


async def test_without_a_pointer_the_screen_does_not_mention_tapping():
    app = questions_app(pointer=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        intro = str(app.screen.query_one("#mq-intro").render())
        empty = str(app.screen.query_one("#mq-empty").render())
    assert "Space or Enter ticks or unticks one" in intro
    assert "tap" not in intro and "tap" not in empty
