"""``spinetui check``: each language tree (``content/<lang>/``) beside the English guide.

For each tree: its own problems (file names from the checked folder, e.g.
``es/articles/esi.md``), what it lacks against the English and has that the English
does not, heading anchors that differ, numbers that differ from the English text, and
each article's reading ease. English reading grades (Flesch-Kincaid, SMOG) mean nothing
for Spanish; Spanish is measured with the Szigriszt-Pazos / INFLESZ scale (textstat's
``szigriszt_pazos``), which patient materials in Spanish aim to keep at 65 or more
("bastante fácil").
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from spinetui.markdown.plain import markdown_plain
from spinetui.model import Guide, Problem, Severity
from spinetui.model.advice import for_readers
from spinetui.model.languages import (
    SHARED_SOURCES,
    available_languages,
    language_name,
    load_language,
    missing_pieces,
)
from spinetui.model.same_numbers import number_mismatches

#: Spanish articles below this INFLESZ score get a warning: 65-80 is "bastante fácil"
#: (fairly easy) on Barrio-Cantalejo's INFLESZ scale, the level asked of patient texts.
INFLESZ_LIMIT = 65.0
MIN_WORDS = 20  # as for English: shorter articles get no score

#: Each INFLESZ band's lower bound and name (Barrio-Cantalejo et al. 2008).
INFLESZ_BANDS = (
    (80.0, "muy fácil"),
    (65.0, "bastante fácil"),
    (55.0, "normal"),
    (40.0, "algo difícil"),
    (float("-inf"), "muy difícil"),
)


def inflesz_band(score: float) -> str:
    return next(name for bound, name in INFLESZ_BANDS if score >= bound)


def reading_ease(text: str, lang: str) -> tuple[float, int]:
    """(Szigriszt-Pazos score, word count) of plain ``text`` in ``lang``, textstat's
    numbers (spinetui.readability; textstat's global language is left alone)."""
    from spinetui.readability import Grader  # textstat, lazily, as in spinetui.check

    return Grader(lang).ease(text)


@dataclass
class LanguageReport:
    """What ``spinetui check`` found in one language tree."""

    lang: str
    guide: Guide  # the tree as loaded, without English fallbacks
    problems: list[Problem] = field(default_factory=list)  # the tree's own, for readers
    missing: list[Problem] = field(default_factory=list)
    numbers: list[Problem] = field(default_factory=list)
    ease: list[tuple[str, str, float | None, int]] = field(default_factory=list)
    ease_warnings: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        own = len(self.problems) - self.errors
        return own + len(self.missing) + len(self.numbers) + len(self.ease_warnings)


def _follows_from_fallback(problem: Problem, english: Guide, own: Guide) -> bool:
    """True for a problem that only says the tree lacks an article or a cell which the
    app shows in English instead (it is reported once, as a missing piece)."""
    cell = _NO_CELL.search(problem.message)
    if cell is not None:
        key = (cell.group(1), cell.group(2))
        return key in english.comparison.cells and key not in own.comparison.cells
    if problem.severity is not Severity.ERROR:
        return False
    for match in _NO_ARTICLE.finditer(problem.message):
        aid = match.group(1) or match.group(2) or match.group(3)
        if aid in english.articles and aid not in own.articles:
            return True
    return False


# The loader's messages for a link, glossary term, option or home naming an article
# the tree does not have, and for a missing cell (spinetui.model.advice matches them too).
_NO_ARTICLE = re.compile(
    r"no article with id '([^']*)'|"
    r"(?:names|points to) article '([^']*)', but there is no article|"
    r"'home' is '([^']*)', but there is no article"
)
_NO_CELL = re.compile(r"^there is no cell for '([^']*)' and '([^']*)'")


def _from_root(lang: str, problem: Problem) -> Problem:
    """The problem with its file named from the checked folder (``es/...``)."""
    return dataclasses.replace(problem, file=posixpath.normpath(f"{lang}/{problem.file}"))


def check_language(root: Path, lang: str, english: Guide) -> LanguageReport:
    """Load and check ``root/<lang>/`` against the loaded English guide."""
    loaded = load_language(root, lang, english=english)
    own = loaded.own
    report = LanguageReport(lang, own)
    # The shared bibliography's problems are the English guide's: listed there once.
    report.problems = [
        _from_root(lang, p)
        for p in for_readers(own)
        if p.file != SHARED_SOURCES and not _follows_from_fallback(p, english, own)
    ]
    report.missing = [_from_root(lang, p) for p in missing_pieces(english, own, lang)]
    report.numbers = [_from_root(lang, p) for p in number_mismatches(english, own)]
    articles = own.reading_order()
    listed = {a.id for a in articles}
    articles += [a for a in own.articles.values() if a.id not in listed]
    from spinetui.readability import Grader  # textstat, lazily, as in spinetui.check

    grader = Grader(lang)  # one for the tree: each word's syllables counted once
    for article in articles:
        plain = markdown_plain(article.body, sentences=True)
        score, words = grader.ease(plain)
        if words < MIN_WORDS:
            report.ease.append((article.id, article.title, None, words))
            continue
        report.ease.append((article.id, article.title, score, words))
        if score < INFLESZ_LIMIT:
            report.ease_warnings.append(
                _from_root(
                    lang,
                    Problem(
                        article.path,
                        None,
                        f"reading ease (INFLESZ) {score:.1f} is below {INFLESZ_LIMIT:.0f} "
                        f"({inflesz_band(score)}); use shorter sentences and everyday words",
                        Severity.WARNING,
                    ),
                )
            )
    return report


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def print_language(report: LanguageReport, out: TextIO) -> None:
    lang = report.lang
    print(file=out)
    print(f"{language_name(lang)} ({lang}/):", file=out)
    for problem in report.problems:
        print(problem, file=out)
    if report.problems:
        print(file=out)
    if report.ease:
        width = max(len(a) for a, _, _, _ in report.ease)
        print(
            "Information: reading ease of each article (Szigriszt-Pazos / INFLESZ, aim for "
            f"{INFLESZ_LIMIT:.0f} or above, 'bastante fácil'; '-': under {MIN_WORDS} words):",
            file=out,
        )
        print(f"  {'inflesz':>7}  {'words':>6}  {'article':<{width}}  title", file=out)
        for aid, title, score, words in report.ease:
            shown = "-" if score is None else f"{score:.1f}"
            print(f"  {shown:>7}  {words:6d}  {aid:<{width}}  {title}", file=out)
        print(file=out)
    for problem in [*report.ease_warnings, *report.missing, *report.numbers]:
        print(problem, file=out)
    if report.ease_warnings or report.missing or report.numbers:
        print(file=out)
    missing = (
        "nothing missing against the English"
        if not report.missing
        else f"{_plural(len(report.missing), 'piece')} missing or extra against the English"
    )
    numbers = (
        "every number as in the English"
        if not report.numbers
        else f"{_plural(len(report.numbers), 'text')} with numbers unlike the English"
    )
    print(
        f"{language_name(lang)}: {_plural(len(report.guide.articles), 'article')}, "
        f"{_plural(report.errors, 'error')}, {_plural(report.warnings, 'warning')}; "
        f"{missing}; {numbers}",
        file=out,
    )


def check_languages(root: Path, english: Guide, out: TextIO) -> list[LanguageReport]:
    """Check and print every language tree under ``root``; [] when there is none."""
    reports = []
    for lang in available_languages(root)[1:]:
        try:
            report = check_language(root, lang, english)
        except Exception as exc:  # noqa: BLE001 - bad content must never stop the check
            report = LanguageReport(lang, Guide(root / lang, lang, "", None, (), {}))
            report.problems = [
                Problem(f"{lang}/", None, f"could not be checked: {type(exc).__name__}: {exc}")
            ]
        print_language(report, out)
        reports.append(report)
    return reports
