"""Every number in a translation is the English number: compare each pair of texts.

For each English text and its counterpart in a language tree (an article's title,
summary and body; each comparison cell, row and option name; each glossary
definition; each outcome dataset's words) the digit strings (``re.findall(r"\\d+")``)
are compared as sorted lists, on the raw Markdown with link targets and heading
anchors taken out (``source:ghahreman-2010`` or ``{#what-happened-in-2014}`` are not
numbers a reader sees, and a language tree writes anchors the English leaves
implicit). Raw text, not :func:`spinetui.check.markdown_to_plain`, which reads a
number starting a wrapped line ("100) ...") as a list marker and drops it. An
outcome dataset's numbers (``per``, ``count``, ``comparison_count``) and its
``sources``, ``option`` and ``kind`` must be identical.

Nothing here imports Textual.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from spinetui.model._yaml import line_of, parse_yaml
from spinetui.model.types import Article, Attribute, Guide, Problem, Severity, Treatment

_DIGITS = re.compile(r"\d+")
# ](target) of an inline link or image, {#anchor} / {: ...} attribute lists, and
# <https://...> autolinks: none of them is read as a number.
_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)|\{[#:][^}\n]*\}|<[a-z][a-z0-9+.-]*:[^>\s]*>")
_MAX_FILE = 4 * 1024 * 1024  # the loader's YAML limit is smaller; never read more


def visible_text(markdown: str) -> str:
    """``markdown`` without link targets, heading anchors and autolinks."""
    return _TARGET.sub("]", markdown)


def numbers(text: str) -> list[str]:
    """The sorted digit strings a reader sees in ``text``."""
    return sorted(_DIGITS.findall(visible_text(text)))


def _warn(file: str, line: int | None, message: str) -> Problem:
    return Problem(file, line, message, Severity.WARNING)


def _first_line(text: str, number: str, first_line: int) -> int | None:
    token = re.compile(rf"(?<!\d){re.escape(number)}(?!\d)")
    for i, line in enumerate(visible_text(text).split("\n")):
        if token.search(line):
            return first_line + i
    return None


def _describe(text: str, counts: Counter[str], first_line: int | None) -> str:
    parts = []
    for number in sorted(counts, key=lambda n: (int(n), n)):
        times = f" ×{counts[number]}" if counts[number] > 1 else ""
        line = _first_line(text, number, first_line) if first_line is not None else None
        parts.append(f"{number}{times}" + (f" (line {line})" if line else ""))
    return ", ".join(parts)


def compare_text(
    what: str,
    en_text: str,
    other_text: str,
    *,
    file: str,
    line: int | None,
    en_place: str,
    en_line: int | None = None,
) -> Problem | None:
    """A warning if the two texts' numbers differ, naming what each has that the
    other lacks. ``line``/``en_line`` are the lines the texts start on (for bodies,
    where each number's own line is found)."""
    mine, theirs = Counter(numbers(other_text)), Counter(numbers(en_text))
    if mine == theirs:
        return None
    extra, missing = mine - theirs, theirs - mine
    said = []
    if extra:
        said.append(f"here {_describe(other_text, extra, line)} not in the English")
    if missing:
        said.append(f"the English has {_describe(en_text, missing, en_line)} not here")
    where = line
    if extra and line is not None:
        first = min(extra, key=lambda n: _first_line(other_text, n, line) or line)
        where = _first_line(other_text, first, line) or line
    return _warn(
        file, where, f"{what}: numbers differ from the English ({en_place}): " + "; ".join(said)
    )


# ----------------------------------------------------------------- where things are


def _read_yaml(root: Path, rel: str) -> Any:
    try:
        path = root / rel
        if not path.is_file() or path.stat().st_size > _MAX_FILE:
            return None
        data, _ = parse_yaml(path.read_text(encoding="utf-8", errors="replace"))
        return data
    except Exception:  # noqa: BLE001 - only line numbers are lost; the loader reported it
        return None


def _front_lines(root: Path, article: Article) -> dict[str, int]:
    """Line of each front-matter key of the article's file."""
    lines: dict[str, int] = {}
    try:
        text = (root / article.path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return lines
    for number, line in enumerate(text.split("\n")[: max(article.body_line, 1)], start=1):
        m = re.match(r"([a-z_]+)\s*:", line)
        if m and m.group(1) not in lines:
            lines[m.group(1)] = number
    return lines


def _list_lines(data: Any, key: str | None = None) -> dict[str, int | None]:
    """``{id: line}`` of a YAML list of maps with ids (``data[key]`` if key)."""
    if key is not None:
        data = data.get(key) if isinstance(data, dict) else None
    out: dict[str, int | None] = {}
    if isinstance(data, list):
        for i, entry in enumerate(data):
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                out.setdefault(entry["id"], line_of(data, i, None))
    return out


def _cell_line(data: Any, attribute: str, treatment: str) -> int | None:
    cells = data.get("cells") if isinstance(data, dict) else None
    row = cells.get(attribute) if isinstance(cells, dict) else None
    return line_of(row, treatment, None) if isinstance(row, dict) else None


# ----------------------------------------------------------------- the pairs


def number_mismatches(en: Guide, other: Guide) -> list[Problem]:
    """Warnings for every English/other-language pair of texts whose numbers differ
    (files relative to ``other.root``). Pieces only one side has are left to
    :func:`spinetui.model.languages.missing_pieces`."""
    out: list[Problem] = []

    def add(problem: Problem | None) -> None:
        if problem is not None:
            out.append(problem)

    for aid, article in other.articles.items():
        english = en.articles.get(aid)
        if english is None:
            continue
        mine, theirs = _front_lines(other.root, article), _front_lines(en.root, english)
        for key in ("title", "summary"):
            add(
                compare_text(
                    f"the {key}",
                    getattr(english, key),
                    getattr(article, key),
                    file=article.path,
                    line=mine.get(key),
                    en_place=f"{english.path}:{theirs.get(key, '?')}",
                )
            )
        add(
            compare_text(
                "the article text",
                english.body,
                article.body,
                file=article.path,
                line=article.body_line,
                en_place=english.path,
                en_line=english.body_line,
            )
        )

    _comparison(en, other, add)

    glossary = _list_lines(_read_yaml(other.root, "glossary.yaml"))
    en_glossary = _list_lines(_read_yaml(en.root, "glossary.yaml"))
    for tid, term in other.glossary.items():
        english_term = en.glossary.get(tid)
        if english_term is not None:
            add(
                compare_text(
                    f"glossary term '{tid}'",
                    english_term.definition,
                    term.definition,
                    file="glossary.yaml",
                    line=glossary.get(tid),
                    en_place=f"glossary.yaml:{en_glossary.get(tid) or '?'}",
                )
            )

    for oid, outcome in other.outcomes.items():
        english_outcome = en.outcomes.get(oid)
        if english_outcome is None:
            continue
        en_place = f"{english_outcome.path}:{english_outcome.line or '?'}"
        for key in ("measure", "who", "time", "group", "compared_with", "note"):
            add(
                compare_text(
                    f"outcome dataset '{oid}' {key}",
                    getattr(english_outcome, key),
                    getattr(outcome, key),
                    file=outcome.path,
                    line=outcome.line,
                    en_place=en_place,
                )
            )
        for key in ("per", "count", "comparison_count", "sources", "option", "kind"):
            mine_value, theirs_value = getattr(outcome, key), getattr(english_outcome, key)
            if mine_value != theirs_value:
                add(
                    _warn(
                        outcome.path,
                        outcome.line,
                        f"outcome dataset '{oid}' has {key} {_show(mine_value)}, but the English "
                        f"({en_place}) has {_show(theirs_value)}; they must be the same",
                    )
                )
    return out


def _show(value: object) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return repr(value) if isinstance(value, str) else str(value)


def _comparison(en: Guide, other: Guide, add: Any) -> None:
    data, en_data = (
        _read_yaml(other.root, "comparison.yaml"),
        _read_yaml(en.root, "comparison.yaml"),
    )
    # An option's name and a row's label, each against the English one's.
    for what, yaml_key, mine, theirs in (
        ("option", "treatments", other.comparison.treatments, en.comparison.treatments),
        ("row", "attributes", other.comparison.attributes, en.comparison.attributes),
    ):
        en_text = {piece.id: _text(piece) for piece in theirs}
        lines, en_lines = _list_lines(data, yaml_key), _list_lines(en_data, yaml_key)
        for piece in mine:
            if piece.id in en_text:
                add(
                    compare_text(
                        f"comparison {what} '{piece.id}'",
                        en_text[piece.id],
                        _text(piece),
                        file="comparison.yaml",
                        line=lines.get(piece.id),
                        en_place=f"comparison.yaml:{en_lines.get(piece.id) or '?'}",
                    )
                )
    for (attr, treatment), cell in other.comparison.cells.items():
        english = en.comparison.cells.get((attr, treatment))
        if english is None:
            continue
        add(
            compare_text(
                f"cell {attr}/{treatment}",
                english.text,
                cell.text,
                file="comparison.yaml",
                line=_cell_line(data, attr, treatment),
                en_place=f"comparison.yaml:{_cell_line(en_data, attr, treatment) or '?'}",
            )
        )


def _text(piece: Treatment | Attribute) -> str:
    return piece.name if isinstance(piece, Treatment) else piece.label
