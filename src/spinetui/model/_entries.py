"""What every content file's loader shares: the load's context, each kind of entry's
keys declared once, and the checks that many entries make (a list of entries that are
groups of fields, an id used once, a name that refers to an id that exists).

The field checks themselves stay hand-written (``_fields.Fields``): they report every
problem in an entry, in words clinic staff understand, not just the first.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spinetui.model._fields import Fields, Hinter, Problems, place, show
from spinetui.model._read import Reader
from spinetui.model._yaml import line_of


@dataclass(frozen=True, slots=True)
class Key:
    """One field of a kind of entry: its key, the ``Fields`` check that reads it, and
    whether a missing value is a problem."""

    name: str
    #: An unbound ``Fields`` check (``Fields.text``...); ``None`` for a key the loader
    #: reads itself, because its check needs more than one field.
    check: Callable[[Fields, str, bool], Any] | None
    required: bool = True


class Kind:
    """A kind of entry: what messages call one, what it must look like, its keys."""

    def __init__(
        self,
        name: str,
        keys: Iterable[Key],
        *,
        needs: str = "must be a group of fields",
        entry: str | None = None,
        numbered: bool = False,
    ) -> None:
        self.name = name  # "source": "source 'x' needs ..."
        self.entry = entry or name  # "each glossary entry must be ..."
        self.needs = needs  # "must be a group of fields (id, title, ...)"
        self.keys = tuple(keys)
        self.allowed = {k.name for k in self.keys}
        self._by_name = {k.name: k for k in self.keys}
        self._subsets: dict[tuple[str, ...] | None, tuple[tuple[str, Any, bool], ...]] = {}
        self.numbered = numbered  # named "section 2", not by its id

    def fields(self, entry: Any, file: str, p: Problems, what: str | None = None) -> Fields:
        """The entry's fields, with its unknown keys reported."""
        if what is None:
            eid = entry.get("id")
            what = f"{self.name} '{eid}'" if isinstance(eid, str) else f"a {self.name}"
        f = Fields(entry, file, p, what)
        f.unknown_keys(self.allowed)
        return f

    def read(self, f: Fields, only: tuple[str, ...] | None = None) -> dict[str, Any]:
        """Every key's value (``only`` those named), checked in the order declared."""
        checks = self._subsets.get(only)
        if checks is None:  # once per kind and subset: loading reads thousands of entries
            checks = tuple(
                (k.name, k.check, k.required)
                for k in self.keys
                if k.check is not None and (only is None or k.name in only)
            )
            self._subsets[only] = checks
        return {name: check(f, name, required) for name, check, required in checks}

    def value(self, f: Fields, key: str) -> Any:
        """One key's value, checked as declared."""
        k = self._by_name[key]
        assert k.check is not None, key
        return k.check(f, key, k.required)

    def entries(
        self,
        p: Problems,
        file: str,
        items: list[Any],
        line: int | None = None,
        field: str | None = None,
    ) -> Iterator[tuple[Any, Fields]]:
        """Each item that is a group of fields, with its ``Fields``; the others are
        reported ("each source must be a group of fields ..., not 'x'") and skipped."""
        for i, entry in enumerate(items):
            if not isinstance(entry, dict):
                p.error(
                    file,
                    line_of(items, i, line),
                    f"each {self.entry} {self.needs}, not {show(entry)}",
                    field,
                )
                continue
            what = f"{self.name} {i + 1}" if self.numbered else None
            yield entry, self.fields(entry, file, p, what)


class Context:
    """One load of one content folder: its problems, its reader and its hints."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.p = Problems()
        self.reader = Reader(root, self.p)
        self.hint = Hinter()

    def list_file(self, rel: str, what: str, *, warn_missing: bool = True) -> list[Any] | None:
        """An optional file that is a list of entries (sources.yaml, ...), or ``None``."""
        data = self.reader.optional_yaml(rel, what if warn_missing else None)
        if data is None:
            return None
        if not isinstance(data, list):
            self.p.error(
                rel,
                getattr(data, "line", 1),
                f"must be a list of {what}, each starting with '- id: ...'",
            )
            return None
        return data

    def unique(self, seen: dict[str, str], kind: str, eid: str, f: Fields) -> bool:
        """Whether ``eid`` is new in ``seen`` (then remembered); a second use is reported."""
        line = f.line_of("id")
        first = seen.get(eid)
        if first is not None:
            self.p.error(
                f.file,
                line,
                f"{kind} id '{eid}' is used twice (first at {first}); the first is kept",
                "id",
            )
            return False
        seen[eid] = place(f.file, line)
        return True

    def refers(
        self,
        name: str,
        known: Collection[str],
        file: str,
        line: int | None,
        message: str,
        *words: str,
        field: str | None = None,
        near: Collection[str] | None = None,
    ) -> bool:
        """Whether ``name`` is one of the ``known`` ids. If not, reports ``message``, a
        ``str.format`` template given ``{name}``, ``{hint}`` (" (did you mean 'x'?)" for a
        close id in ``near``, or else ``known``) and ``words`` as ``{0}``, ``{1}``..."""
        if name in known:
            return True
        # str(): a YAML key can be a number ("1: ..." under 'cells').
        hint = self.hint(str(name), known if near is None else near) if name != "" else ""
        self.p.error(file, line, message.format(*words, name=name, hint=hint), field)
        return False

    def cited(
        self, ids: list[tuple[str, int | None]], sources: Collection[str], file: str, who: str = ""
    ) -> list[str]:
        """The cited source ids that are in sources.yaml; each other one is reported.
        ``who`` starts the message ("the cell for 'a' and 'b' "; "" for an article)."""
        return [
            sid
            for sid, line in ids
            if self.refers(
                sid,
                sources,
                file,
                line,
                "{0}cites source '{name}', which is not in sources.yaml{hint}",
                who,
                field="sources",
            )
        ]
