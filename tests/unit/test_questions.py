"""My questions without Textual: task list items in the renderer, the question list,
what is saved, where, and what the QR code holds."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spinetui.decide import take_home
from spinetui.decide.questions import (
    MAX_OWN_COUNT,
    MAX_OWN_LENGTH,
    QuestionList,
    clean_question,
    question_key,
)
from spinetui.decide.take_home import Summary, qr_payload, qr_version
from spinetui.render import MarkdownDocument, is_box

TASKS = """# Questions

- [ ] What is causing my pain?
- [x] Is it safe for me, with [my heart](heart)?
- Not a question.
- [ ]no space, so not a task

1. [ ] A numbered question?

Text with [ ] in the middle is not a question.
"""


def laid_out(markdown: str, width: int = 60):
    layout = MarkdownDocument(markdown).layout(width)
    layout.lay_out_all()
    return layout


def lines(layout) -> list[str]:
    return [layout.plain(y) for y in range(layout.laid_out_lines)]


# ------------------------------------------------------------------ render
def test_task_list_items_are_drawn_with_an_empty_box_in_place_of_the_bullet():
    drawn = lines(laid_out(TASKS))
    assert "[ ] What is causing my pain?" in drawn
    # A box ticked in the file is drawn empty: the ticks are the reader's own.
    assert "[ ] Is it safe for me, with my heart?" in drawn
    assert "• Not a question." in drawn
    assert "• [ ]no space, so not a task" in drawn
    assert "1. [ ] A numbered question?" in drawn  # a numbered question keeps its number
    assert "Text with [ ] in the middle is not a question." in drawn


def test_a_question_is_one_target_from_its_box_and_a_link_inside_it_is_its_own():
    layout = laid_out(TASKS)
    questions = [t for t in layout.targets() if t.kind == "question"]
    assert {t.text for t in questions} == {
        "What is causing my pain?",
        "Is it safe for me, with my heart?",
        "A numbered question?",
    }
    first = next(t for t in questions if t.text == "What is causing my pain?")
    assert (first.x0, first.x1) == (0, len("[ ] What is causing my pain?"))
    assert is_box(layout, first) and first.value == question_key(first.text)
    links = [t for t in layout.targets() if t.kind == "article"]
    assert [t.value for t in links] == ["heart"]
    numbered = next(t for t in questions if t.text == "A numbered question?")
    assert numbered.x0 == len("1. ")


def test_a_wrapped_question_has_one_box_and_every_line_is_the_same_target():
    layout = laid_out("- [ ] " + "word " * 30 + "end?", width=30)
    pieces = [t for t in layout.targets() if t.kind == "question"]
    assert len(pieces) == len(lines(layout)) > 1
    assert [is_box(layout, t) for t in pieces] == [True] + [False] * (len(pieces) - 1)
    assert len({t.value for t in pieces}) == 1
    assert all(line.startswith("    ") for line in lines(layout)[1:])  # under the text


def test_the_plain_text_of_a_question_has_no_box():
    document = MarkdownDocument("- [ ] What is causing my pain?\n")
    assert document.plain_text() == "What is causing my pain?"


# ------------------------------------------------------------ the list
def test_ticking_the_same_words_spaced_or_cased_differently_is_the_same_question():
    questions = QuestionList()
    assert questions.toggle("What is  causing my pain?") is True
    assert questions.is_ticked(question_key("what is causing my PAIN?"))
    assert questions.toggle("What is causing my pain?") is False
    assert questions.is_empty


def test_own_questions_are_cleaned_bounded_and_counted():
    questions = QuestionList()
    assert questions.add_own("   ") == (None, "Type a question first.")
    key, _ = questions.add_own("Can I\tdrive\u202e home?\x1b")
    assert questions.get(key).text == "Can I drive home?"
    assert questions.add_own("can i drive home?")[1] == "That question is already on your list."
    for n in range(MAX_OWN_COUNT):
        questions.add_own(f"Question {n}?")
    assert questions.own_count == MAX_OWN_COUNT
    key, message = questions.add_own("One more?")
    assert key is None and "remove one first" in message
    long = questions.ticked()[0]
    assert len(long.text) <= MAX_OWN_LENGTH


def test_an_own_question_unticked_is_kept_until_removed_and_clear_forgets_all():
    questions = QuestionList()
    key, _ = questions.add_own("Mine?")
    questions.set_ticked(key, "Mine?", False, own=True)
    assert questions.get(key) is not None and questions.ticked() == []
    questions.toggle("From an article?")
    questions.clear()
    assert questions.items() == [] and questions.is_empty


UNSAFE = st.text(
    alphabet=st.characters(codec="utf-8", categories=("Cc", "Cf", "Zs", "L", "P", "Zl", "Zp")),
    max_size=400,
)


@given(UNSAFE)
def test_clean_question_never_keeps_control_or_direction_characters(typed):
    cleaned = clean_question(typed)
    assert len(cleaned) <= MAX_OWN_LENGTH
    assert all(unicodedata.category(ch) not in ("Cc", "Cf") for ch in cleaned)
    assert cleaned == cleaned.strip() and "  " not in cleaned


# ----------------------------------------------------------------- files
SUMMARY = Summary(
    questions=["What is causing my pain?", "What does [it] cost *me*?"],
    own=["Can I drive home?"],
    matters=["Fast relief: a lot"],
    sure=["You said yes to 3 of 4 questions."],
)


def test_the_text_file_lists_the_questions_numbered_and_the_answers():
    text = take_home.as_text(SUMMARY)
    assert text.startswith("My questions for my visit\n")
    assert "1. What is causing my pain?\n2. What does [it] cost *me*?\n3. Can I drive home?" in text
    assert "Fast relief: a lot" in text and "You said yes to 3 of 4 questions." in text
    empty = take_home.as_text(Summary())
    assert empty.count("Not answered yet.") == 2 and "(No questions yet.)" in empty


def test_the_markdown_file_escapes_what_the_reader_wrote():
    markdown = take_home.as_markdown(SUMMARY)
    assert markdown.startswith("# My questions for my visit\n")
    assert "2. What does \\[it\\] cost \\*me\\*?" in markdown
    # Read back through the guide's own renderer, it says what was written.
    drawn = " ".join(MarkdownDocument(markdown).plain_text().split())
    assert "What does [it] cost *me*?" in drawn


def test_the_default_path_prefers_the_documents_folder_then_the_data_folder(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home)}
    expected = home / ".local" / "share" / "spinetui" / "spinetui-my-questions.md"
    assert take_home.default_path(env) == expected
    (home / "Documents").mkdir()
    assert take_home.default_path(env) == home / "Documents" / "spinetui-my-questions.md"
    papers = home / "Papers"
    papers.mkdir()
    (home / ".config").mkdir()
    (home / ".config" / "user-dirs.dirs").write_text('XDG_DOCUMENTS_DIR="$HOME/Papers"\n')
    assert take_home.default_path(env).parent == papers
    env["XDG_DOCUMENTS_DIR"] = str(home / "Documents")
    assert take_home.default_path(env).parent == home / "Documents"


def test_resolve_expands_home_and_puts_bare_names_in_the_default_folder(tmp_path):
    env = {"HOME": str(tmp_path)}
    assert take_home.resolve("~/x.md", env) == tmp_path / "x.md"
    assert take_home.resolve(" list.txt ", env) == take_home.default_path(env).parent / "list.txt"


def test_save_makes_folders_and_never_replaces_a_file_unasked(tmp_path):
    path = tmp_path / "a" / "b" / "list.md"
    assert take_home.save(SUMMARY, path) == path
    assert path.read_text(encoding="utf-8") == take_home.as_markdown(SUMMARY)
    path.write_text("mine")
    with pytest.raises(FileExistsError):
        take_home.save(SUMMARY, path)
    assert path.read_text() == "mine"
    take_home.save(SUMMARY, path.with_suffix(".txt"))
    assert path.with_suffix(".txt").read_text().startswith("My questions for my visit")
    take_home.save(SUMMARY, path, replace=True)
    assert path.read_text(encoding="utf-8").startswith("# My questions")
    with pytest.raises(IsADirectoryError):
        take_home.save(SUMMARY, tmp_path)


# --------------------------------------------------------------- QR code
def test_the_code_holds_everything_when_it_fits():
    payload = qr_payload(SUMMARY)
    assert payload.text.splitlines() == [
        "My questions:",
        "1. What is causing my pain?",
        "2. What does [it] cost *me*?",
        "3. Can I drive home?",
        "What matters to me:",
        "Fast relief: a lot",
        "SURE check:",
        "You said yes to 3 of 4 questions.",
    ]
    assert payload.left_out == ""


def test_a_long_list_keeps_the_numbered_questions_then_the_first_that_fit():
    many = Summary(
        questions=[f"Question number {n} about my back and what to do?" for n in range(1, 13)],
        matters=["Fast relief: a lot"],
    )
    payload = qr_payload(many)
    assert 0 < payload.shown < 12 and not payload.with_answers
    assert payload.text.splitlines()[1:] == [
        f"{n}. Question number {n} about my back and what to do?"
        for n in range(1, payload.shown + 1)
    ]
    assert f"questions {payload.shown + 1}-12 are not in it" in payload.left_out
    assert "What matters to you and the SURE result are not in the code" in payload.left_out
    assert len(payload.text.encode()) <= take_home.MAX_QR_BYTES
    assert qr_version(payload.text) <= take_home.MAX_QR_VERSION
    # Fewer questions on a smaller screen (a smaller largest version).
    small = qr_payload(many, max_version=3)
    assert small.shown < payload.shown and qr_version(small.text) <= 3


def test_typographic_characters_become_ascii_in_the_code():
    payload = qr_payload(Summary(questions=["What’s the “real” risk – really…?"]))
    assert payload.text.splitlines()[1] == '1. What\'s the "real" risk - really...?'


def test_a_question_too_long_for_the_code_is_cut_and_says_so():
    payload = qr_payload(Summary(questions=["Why " * 80 + "?"]), max_version=3)
    assert payload.cut and payload.text.endswith("...") and payload.shown == 1
    assert "A long question is cut short" in payload.left_out
    assert qr_version(payload.text) <= 3


def test_nothing_fits_in_a_code_too_small():
    assert qr_payload(Summary(questions=["What is causing my pain?"]), max_version=0).shown == 0


def test_summarise_reads_the_question_list_and_the_decision_answers():
    questions = QuestionList()
    questions.toggle("Ticked?")
    questions.add_own("Mine?")

    class Decision:  # the shape of spinetui.decide.state.DecisionState
        matters: dict[str, int] = {}
        sure: dict[str, bool] = {}

    summary = take_home.summarise(questions, Decision())
    assert summary.questions == ["Ticked?"] and summary.own == ["Mine?"]
    assert summary.matters == [] and summary.sure == []
    assert take_home.summarise(questions, None).all_questions == ["Ticked?", "Mine?"]


def test_summarise_words_the_answers_with_the_decision_tools():
    pytest.importorskip("spinetui.decide.sure", reason="the SURE check is merged separately")
    from spinetui.decide.factors import FACTORS, LEVELS
    from spinetui.decide.sure import SURE_ITEMS

    class Decision:
        matters = {FACTORS[0].id: max(LEVELS)}
        sure = {item.id: True for item in SURE_ITEMS}

    summary = take_home.summarise(QuestionList(), Decision())
    assert summary.matters and FACTORS[0].label in summary.matters[0]
    assert summary.sure and "4" in summary.sure[0]
