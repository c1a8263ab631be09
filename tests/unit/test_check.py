"""spinetui check: problems as file:line: message, reading grades, summary, exit code."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

from spinetui.check import markdown_to_plain, run_check
from tests.fixtures.content_builder import article, build

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def check(root: Path) -> tuple[int, str]:
    out = io.StringIO()
    code = run_check(root, out=out)
    return code, out.getvalue()


def test_good_fixture_passes_and_prints_grades() -> None:
    code, text = check(FIXTURES / "good")
    assert code == 0
    assert "Information: reading grade (Flesch-Kincaid, aim for 6 or below), SMOG index" in text
    rows = re.findall(r"^\s+(-?\d+\.\d)\s+(\d+\.\d)\s+(\d+)\s+(\S+)\s+(.+)$", text, re.M)
    assert {r[3] for r in rows} == {"welcome", "esi", "prp"}
    assert all(int(words) > 10 for _, _, words, _, _ in rows)
    assert text.rstrip().endswith("3 articles, 0 errors, 0 warnings")


def test_broken_fixture_fails_and_lists_problems() -> None:
    code, text = check(FIXTURES / "broken")
    assert code == 1
    lines = text.splitlines()
    assert (
        "articles/bad-date.md:7: 'reviewed' must be a date like 2026-11-20, not 'last week'"
        in lines
    )
    assert (
        "articles/bad-links.md:12: links to 'no-such-article', but there is no article with id "
        "'no-such-article'; fix the id, or add an article with that id" in lines
    )
    assert "articles/empty.md: is empty; write the article, or delete the file" in lines
    assert any(line.startswith("guide.yaml:4: warning: ") for line in lines)
    summary = lines[-1]
    assert re.fullmatch(r"\d+ articles, \d+ errors, \d+ warnings?", summary), summary
    assert re.search(r"^\s+-\s+-\s+\d+\s+good-one\s", text, re.M)  # listed, too short to grade
    assert "grade 8.4" not in text


def test_hard_article_gets_a_grade_warning(tmp_path: Path) -> None:
    hard = (
        "Notwithstanding considerable methodological heterogeneity, contemporaneous "
        "systematic investigations demonstrate inconsistent, predominantly transient "
        "symptomatic amelioration following transforaminal corticosteroid administration, "
        "particularly regarding radicular manifestations attributable to intervertebral "
        "discopathy.\n"
    )
    root = build(tmp_path / "c", articles={"one.md": article(body=hard + "\n" + hard)})
    code, text = check(root)
    assert code == 0  # a warning, not an error
    assert re.search(r"^articles/one\.md: warning: reading grade \d+\.\d is above 6", text, re.M)
    assert re.search(r"^articles/one\.md: warning: SMOG index \d+\.\d is above 8", text, re.M)
    assert text.rstrip().endswith("1 article, 0 errors, 2 warnings")


def test_markdown_to_plain() -> None:
    body = (
        "# Title {#top}\n\nA [link](https://example.org/x) and **bold** and `code`.\n\n"
        "- first item\n- second item\n\n| Head | Other |\n| --- | --- |\n| cell one | cell two |\n\n"
        "```\nignored code\n```\n\n> Quoted words here\n"
    )
    plain = markdown_to_plain(body)
    assert "http" not in plain and "#" not in plain and "|" not in plain and "`" not in plain
    assert "ignored code" not in plain
    assert plain.splitlines() == [
        "Title.",
        "A link and bold and code.",
        "first item.",
        "second item.",
        "Head.",
        "Other.",
        "cell one.",
        "cell two.",
        "Quoted words here.",
    ]


def test_check_does_not_import_textstat_until_run() -> None:
    code = "import sys, spinetui.check, spinetui.model; print('textstat' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
