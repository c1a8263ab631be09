"""`spinetui check` for clinic staff: the cause first, at the right line, no knock-on
errors, and every message saying what to do."""

from __future__ import annotations

import io
import re
import shutil

from spinetui.check import run_check
from spinetui.model import load_guide
from spinetui.model.advice import ACTION_WORDS, for_readers
from tests.conftest import FIXTURES

READER_GUIDE = FIXTURES / "reader-guide"


def check(folder) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = run_check(folder, out=out)
    return code, out.getvalue().splitlines()


def problem_lines(lines: list[str]) -> list[str]:
    return lines[: lines.index("")] if "" in lines else lines


def broken_copy(tmp_path):
    folder = tmp_path / "guide"
    shutil.copytree(READER_GUIDE, folder)
    return folder


def test_a_colon_in_a_title_says_put_it_in_quotes_and_keeps_the_article(tmp_path):
    folder = broken_copy(tmp_path)
    second = folder / "articles" / "second.md"
    second.write_text(second.read_text().replace("title: Second article", "title: Shots: a guide"))
    guide = load_guide(folder)
    assert "second" in guide.articles and guide.articles["second"].title == "Shots: a guide"
    code, lines = check(folder)
    problems = problem_lines(lines)
    assert any(
        line.startswith("articles/second.md:3: warning: ")
        and 'put the title in quotes: title: "Shots: a guide"' in line
        for line in problems
    ), problems
    assert not any("no article with id 'second'" in line for line in lines)
    assert code == 0


def test_a_yaml_error_comes_first_at_its_line_with_no_knock_on_errors(tmp_path):
    folder = broken_copy(tmp_path)
    glossary = folder / "glossary.yaml"
    text = glossary.read_text().splitlines()
    # Break the first list or value: an unclosed bracket.
    broken_at = next(i for i, line in enumerate(text) if ":" in line and "id" not in line)
    text[broken_at] = text[broken_at].split(":")[0] + ": [never closed"
    glossary.write_text("\n".join(text) + "\n")
    first_article = folder / "articles" / "first.md"
    first_article.write_text(first_article.read_text() + "\nSee [the root](glossary:nerve-root).\n")
    code, lines = check(folder)
    problems = problem_lines(lines)
    assert code == 1
    first = problems[0]
    match = re.match(r"glossary\.yaml:(\d+): is not valid YAML", first)
    assert match, problems
    assert int(match.group(1)) >= broken_at + 1  # PyYAML's problem mark, not line 1
    assert f"starts on line {broken_at + 1}" in first
    assert not any("which is not in glossary.yaml" in line for line in lines)
    assert "Fix this first" in first


def test_every_message_says_what_to_do():
    guide = load_guide(FIXTURES / "broken")
    problems = for_readers(guide)
    assert len(problems) >= 20
    for problem in problems:
        assert ACTION_WORDS.search(problem.message), str(problem)


def test_hints_give_valid_values_of_the_right_kind():
    problems = [str(p) for p in for_readers(load_guide(FIXTURES / "broken"))]
    section = next(p for p in problems if "section 'nowhere'" in p)
    guide = load_guide(FIXTURES / "broken")
    ids = [s.id for s in guide.sections if not s.id.startswith("_")]
    assert all(i in section for i in ids) and "use one of the section ids" in section
    anchor = next(p for p in problems if "no heading with anchor 'no-such-heading'" in p)
    assert "#risks" in anchor  # an anchor of the linked article, not an article id


def test_information_lines_are_labelled():
    _code, lines = check(FIXTURES / "broken")
    after = lines[len(problem_lines(lines)) :]
    informative = [line for line in after if line and not line.startswith(" ")]
    for line in informative[:-1]:
        assert line.startswith("Information") or ": warning: " in line, line
    assert lines[-1].endswith("warnings") or lines[-1].endswith("warning")
