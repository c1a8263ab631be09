"""Shared pieces of the content loader: problem collection, "did you mean" hints, and
typed access to one YAML mapping that reports every problem with its file and line.

Kept apart from ``loader`` so each content file's loader (``manifest``, ``sources``,
``outcomes``...) can use them without importing the loader itself; ``_entries`` builds
the shared per-entry checks on them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Iterable
from typing import Any

from spinetui.model._yaml import line_of
from spinetui.model.types import Problem, Severity

ID = re.compile(r"[a-z0-9][a-z0-9-]*")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MISSING = object()

# --------------------------------------------------------------------------- problems


class Problems:
    def __init__(self) -> None:
        self.items: list[Problem] = []

    def error(self, file: str, line: int | None, message: str, field: str | None = None) -> None:
        self.items.append(Problem(file, line, message, Severity.ERROR, field))

    def warn(self, file: str, line: int | None, message: str, field: str | None = None) -> None:
        self.items.append(Problem(file, line, message, Severity.WARNING, field))


def show(value: Any) -> str:
    """A short, quoted rendering of a bad value for a message."""
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return f"'{text}'"


#: Hints ("did you mean ...?") given per load at most: each compares the name with every
#: known id, so a folder of thousands of broken links must not hint on every one.
MAX_HINTS = 200


class Hinter:
    """``hint(name, known)``: " (did you mean 'x'?)" for a close known id, or ""."""

    def __init__(self) -> None:
        self.given = 0

    def __call__(self, name: str, known: Iterable[str]) -> str:
        if self.given >= MAX_HINTS:
            return ""
        self.given += 1
        close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.75)
        return f" (did you mean '{close[0]}'?)" if close else ""


def place(file: str, line: int | None) -> str:
    return f"{file}:{line}" if line else file


# --------------------------------------------------------------------------- field checks


class Fields:
    """Typed access to one YAML mapping, reporting problems against its file and lines."""

    def __init__(self, data: Any, file: str, problems: Problems, what: str) -> None:
        self.data = data
        self.file = file
        self.p = problems
        self.what = what  # e.g. "front matter", "source 'cochrane-2020'"
        self.line = getattr(data, "line", None)

    def line_of(self, key: str) -> int | None:
        return line_of(self.data, key, self.line)

    def _missing(self, key: str, required: bool, kind: str) -> None:
        if required:
            self.p.error(self.file, self.line, f"{self.what} needs '{key}' ({kind})", key)

    def unknown_keys(self, allowed: set[str]) -> None:
        for key in self.data:
            if key not in allowed:
                names = ", ".join(sorted(allowed))
                self.p.warn(
                    self.file,
                    self.line_of(key),
                    f"{self.what} has an unknown field '{key}' (known fields: {names})",
                    str(key),
                )

    def text(self, key: str, required: bool = True, default: str = "") -> str:
        value = self.data.get(key, MISSING)
        if value is MISSING or value is None or value == "":
            self._missing(key, required, "some text")
            return default
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.p.error(
                self.file, self.line_of(key), f"'{key}' must be text, not {show(value)}", key
            )
            return default
        value = str(value).strip()
        if not value:
            self._missing(key, required, "some text")
            return default
        return value

    def ident(self, key: str = "id", required: bool = True) -> str | None:
        value = self.data.get(key, MISSING)
        if value is MISSING or value is None or value == "":
            self._missing(key, required, "an id like 'esi'")
            return None
        if not isinstance(value, str) or not ID.fullmatch(value):
            quote = (
                " (put it in quotes)"
                if isinstance(value, int) and not isinstance(value, bool)
                else ""
            )
            self.p.error(
                self.file,
                self.line_of(key),
                f"'{key}' must be lowercase letters, digits and hyphens, like 'esi' or "
                f"'cochrane-2020', not {show(value)}{quote}",
                key,
            )
            return None
        return value

    def date(self, key: str, required: bool = True) -> dt.date | None:
        value = self.data.get(key, MISSING)
        if value is MISSING or value is None or value == "":
            self._missing(key, required, "a date like 2026-11-20")
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str) and DATE.fullmatch(value.strip()):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.p.error(
            self.file,
            self.line_of(key),
            f"'{key}' must be a date like 2026-11-20, not {show(value)}",
            key,
        )
        return None

    def number(self, key: str, required: bool = True) -> float | None:
        value = self.data.get(key, MISSING)
        if value is MISSING or value is None:
            self._missing(key, required, "a number")
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
            self.p.error(
                self.file, self.line_of(key), f"'{key}' must be a number, not {show(value)}", key
            )
            return None
        return float(value)

    def year(self, key: str = "year", required: bool = True) -> int | str:
        value = self.data.get(key, MISSING)
        if value is MISSING or value is None or value == "":
            self._missing(key, required, "a year like 2020")
            return ""
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str):
            return value.strip()
        self.p.error(
            self.file,
            self.line_of(key),
            f"'{key}' must be a year like 2020, not {show(value)}",
            key,
        )
        return ""

    def id_list(self, key: str, required: bool = False) -> list[tuple[str, int | None]]:
        """A list of ids, each with its line. A single id is accepted with a problem."""
        value = self.data.get(key, MISSING)
        if value is MISSING or value is None:
            self._missing(key, required, "a list of ids like [cochrane-2020]")
            return []
        line = self.line_of(key)
        if isinstance(value, str):
            self.p.error(
                self.file, line, f"'{key}' must be a list like [{value}], not a single word", key
            )
            value = [value]
        if not isinstance(value, list):
            self.p.error(self.file, line, f"'{key}' must be a list of ids, not {show(value)}", key)
            return []
        out: list[tuple[str, int | None]] = []
        for i, item in enumerate(value):
            item_line = line_of(value, i, line)
            if not isinstance(item, str) or not item.strip():
                self.p.error(
                    self.file, item_line, f"'{key}' must list ids, but has {show(item)}", key
                )
                continue
            out.append((item.strip(), item_line))
        return out

    def text_list(self, key: str, required: bool = False) -> tuple[str, ...]:
        """A list of texts; a single text is taken as a list of one. Never required."""
        value = self.data.get(key, MISSING)
        if value is MISSING or value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.p.error(
                self.file, self.line_of(key), f"'{key}' must be a list, not {show(value)}", key
            )
            return ()
        out = []
        for i, item in enumerate(value):
            if (
                isinstance(item, bool)
                or not isinstance(item, (str, int, float))
                or not str(item).strip()
            ):
                self.p.error(
                    self.file,
                    line_of(value, i, self.line_of(key)),
                    f"'{key}' has an empty or odd entry {show(item)}",
                    key,
                )
                continue
            out.append(str(item).strip())
        return tuple(out)
