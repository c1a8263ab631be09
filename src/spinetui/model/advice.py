"""Problems as clinic staff should read them: the cause first, what to do in every
message, and no knock-on errors from a file that could not be read at all.

`spinetui check` and the problems screen (`!`) both list `for_readers(guide)`:

- YAML syntax errors come first: until a file can be read, the other problems about
  it (and about what it defines) may not be real;
- a file that failed to parse suppresses the errors that only say "X is not in that
  file" (glossary.yaml failed → no "term 'x' is not in glossary.yaml" for every link);
  an article that failed to parse suppresses "there is no article with id 'its id'";
- every message ends with what to do, with valid values of the right kind where a
  value was wrong (section ids for a section, the article's anchors for an anchor).

No Textual here: `spinetui check` imports it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import PurePosixPath

from spinetui.model.types import Guide, Problem

# A message that already says what to do contains one of these words.
ACTION_WORDS = re.compile(
    r"\b(add|fix|put|remove|write|use|change|rename|give|check|save|delete|quote|"
    r"must|needs?|link with|link to|correct|choose|stop)\b",
    re.I,
)
_SYNTAX = re.compile(r"is not valid YAML|must hold one YAML document|nested too deeply to read")
MAX_LISTED = 8  # valid values listed in a hint at most


def _some(values: list[str]) -> str:
    values = sorted(values)
    shown = ", ".join(values[:MAX_LISTED])
    return shown + (", …" if len(values) > MAX_LISTED else "")


def _anchors(guide: Guide, article_id: str) -> list[str]:
    article = guide.articles.get(article_id)
    return [h.anchor for h in article.headings] if article is not None else []


Rule = tuple[re.Pattern[str], Callable[[re.Match[str], Problem, Guide], str]]

RULES: list[Rule] = [
    (
        re.compile(r"is not valid YAML"),
        lambda m, p, g: (
            "; check that line and the one above it for a missing quote, "
            "comma or bracket, or a colon inside a value (put such a value in quotes)"
        ),
    ),
    (
        re.compile(r"section '([^']*)' is not in guide\.yaml"),
        lambda m, p, g: (
            f"; use one of the section ids in guide.yaml: "
            f"{_some([s.id for s in g.sections if not s.id.startswith('_')]) or 'none yet'}"
        ),
    ),
    (
        re.compile(r"has no heading with anchor '[^']*'"),
        lambda m, p, g: _anchor_hint(m, p, g),
    ),
    (
        re.compile(r"this article has no heading with that anchor"),
        lambda m, p, g: (
            "; link to one of its headings: "
            + (
                _some(
                    [
                        "#" + h.anchor
                        for a in g.articles.values()
                        if a.path == p.file
                        for h in a.headings
                    ]
                )
                or "it has none"
            )
        ),
    ),
    (
        re.compile(r"there is no article with (?:id '[^']*'|that id)"),
        lambda m, p, g: "; fix the id, or add an article with that id",
    ),
    (
        re.compile(r"which is not in glossary\.yaml"),
        lambda m, p, g: "; add the term to glossary.yaml, or fix the link",
    ),
    (
        re.compile(r"which is not in sources\.yaml"),
        lambda m, p, g: "; add the source to sources.yaml, or fix the id",
    ),
    (
        re.compile(r"which is not in '(treatments|attributes)'"),
        lambda m, p, g: f"; add it to '{m.group(1)}', or remove the cell",
    ),
    (
        re.compile(r"is already used by|is used twice"),
        lambda m, p, g: "; give one of them another id",
    ),
    (re.compile(r"is given twice"), lambda m, p, g: "; remove one of them"),
    (
        re.compile(r"has an unknown field|unknown field"),
        lambda m, p, g: "; correct its name, or remove it",
    ),
    (
        re.compile(r"no usable id or title"),
        lambda m, p, g: "; give it 'id:' and 'title:' lines in its front matter",
    ),
    (
        re.compile(r"no usable id, term or definition"),
        lambda m, p, g: "; give it 'id:', 'term:' and 'definition:'",
    ),
    (
        re.compile(r"is too large"),
        lambda m, p, g: "; split it into smaller files, or take out what is not needed",
    ),
    (
        re.compile(r"^is missing"),
        lambda m, p, g: "; create it (docs/content-format.md says what goes in it)",
    ),
    (
        re.compile(r"^is not read: only \.md"),
        lambda m, p, g: "; rename it to end in .md, or move it out of articles/",
    ),
    (re.compile(r"^is empty"), lambda m, p, g: "; write the article, or delete the file"),
    (re.compile(r"not valid UTF-8"), lambda m, p, g: "; save the file as UTF-8 in your editor"),
    (
        re.compile(r"has no sources"),
        lambda m, p, g: "; add 'sources: [id]' to the cell",
    ),
    (
        re.compile(r"there is no cell for"),
        lambda m, p, g: "; add the cell if something is known",
    ),
    (
        re.compile(r"YAML aliases"),
        lambda m, p, g: "; write the values out instead of using *aliases",
    ),
]


def _anchor_hint(match: re.Match[str], problem: Problem, guide: Guide) -> str:
    target = re.search(r"article '([^']*)' has no heading", problem.message)
    anchors = _anchors(guide, target.group(1)) if target else []
    if not anchors:
        return "; link to the article without '#…', or add the heading"
    return "; use one of its anchors: " + _some(["#" + a for a in anchors])


def advise(problem: Problem, guide: Guide) -> Problem:
    """The problem with what to do added, if it does not say already."""
    message = problem.message
    for pattern, advice in RULES:
        match = pattern.search(message)
        if match is not None:
            extra = advice(match, problem, guide)
            if extra and extra.lstrip("; ") not in message:
                return replace(problem, message=message + extra)
            return problem
    if ACTION_WORDS.search(message):
        return problem
    return replace(problem, message=message + "; fix this in the file, then run spinetui check")


def _failed_files(problems: list[Problem]) -> set[str]:
    return {p.file for p in problems if _SYNTAX.search(p.message)}


def _knock_on(problem: Problem, failed: set[str]) -> bool:
    """True for an error that only follows from a file that could not be read."""
    message = problem.message
    for name in ("glossary.yaml", "sources.yaml", "guide.yaml", "comparison.yaml"):
        if name in failed and re.search(rf"which is not in {re.escape(name)}", message):
            return True
    if "guide.yaml" in failed and "is not in guide.yaml" in message:
        return True
    for file in failed:
        if file.startswith("articles/"):
            article_id = PurePosixPath(file).stem
            if re.search(
                rf"no article with id '{re.escape(article_id)}'|"
                rf"names article '{re.escape(article_id)}', but there is no article|"
                rf"points to article '{re.escape(article_id)}', but there is no article",
                message,
            ):
                return True
    return False


def for_readers(guide: Guide) -> list[Problem]:
    """The guide's problems in the order to fix them, each saying what to do."""
    problems = list(guide.problems)
    failed = _failed_files(problems)
    kept = [p for p in problems if not _knock_on(p, failed)]
    hidden = len(problems) - len(kept)
    syntax = [advise(p, guide) for p in kept if _SYNTAX.search(p.message)]
    if hidden and syntax:
        first = syntax[0]
        syntax[0] = replace(
            first,
            message=first.message
            + f". Fix this first: {hidden} other problem{'s' if hidden != 1 else ''} that "
            "follow from files that could not be read are not listed until then",
        )
    rest = [advise(p, guide) for p in kept if not _SYNTAX.search(p.message)]
    return syntax + rest
