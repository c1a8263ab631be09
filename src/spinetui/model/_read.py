"""Reading content files safely: size caps, links that stay in the folder, UTF-8, YAML.

Every failure becomes a :class:`Problem` about the file; nothing here raises for bad
content. Each content file's loader (``manifest``, ``sources``, ...) reads through one
:class:`Reader`.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from spinetui.model._fields import Problems
from spinetui.model._yaml import YAMLRefused, describe_yaml_error, parse_yaml
from spinetui.model.clean import clean_text

MAX_ARTICLE_BYTES = 8 * 1024 * 1024
MAX_YAML_BYTES = 2 * 1024 * 1024

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


class Reader:
    """Reads one content folder's files; every failure becomes a problem, never an exception."""

    def __init__(self, root: Path, problems: Problems) -> None:
        self.root = root
        self.p = problems

    def read(self, rel: str, limit: int, *, optional: bool = False) -> str | None:
        """Read, decode and clean one file. ``None`` (with a problem) if it can't be used.

        A missing ``optional`` file returns ``None`` with no problem.
        """
        # os.path and os.lstat, not pathlib: a big guide reads thousands of files.
        path: str | Path = os.path.join(self.root, rel)
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            if not optional:
                self.p.error(rel, None, "is missing")
            return None
        except OSError as exc:
            self.p.error(rel, None, f"could not be read: {exc.strerror or exc}")
            return None
        if stat.S_ISLNK(info.st_mode):
            target = self.inside_root(rel, Path(path))
            if target is None:
                return None
            info = target.stat()
            path = target
        if stat.S_ISDIR(info.st_mode):
            self.p.error(rel, None, "is a folder, not a file")
            return None
        if not stat.S_ISREG(info.st_mode):
            self.p.error(rel, None, "is not a regular file")
            return None
        if info.st_size > limit:
            self.p.error(
                rel, None, f"is too large ({_size(info.st_size)}; the limit is {_size(limit)})"
            )
            return None
        try:
            # The file can be swapped between stat() and open(): opened without
            # blocking (a FIFO put in its place would wait for a writer for ever) and
            # without following a link put there, then checked again on the open file.
            fd = os.open(path, _OPEN_FLAGS)
            with open(fd, "rb") as handle:
                opened = os.fstat(handle.fileno())
                if not stat.S_ISREG(opened.st_mode):
                    self.p.error(rel, None, "is not a regular file")
                    return None
                size = opened.st_size
                # Ask for the size stat() gave, not the limit: read(8 MB) would
                # allocate 8 MB for every small file.
                data = handle.read(min(size, limit) + 1)
                if len(data) > size and len(data) <= limit:  # it grew: read on, to the cap
                    data += handle.read(limit + 1 - len(data))
        except PermissionError:
            self.p.error(rel, None, "could not be read: permission denied")
            return None
        except OSError as exc:
            self.p.error(rel, None, f"could not be read: {exc.strerror or exc}")
            return None
        if len(data) > limit:
            self.p.error(rel, None, f"is too large (the limit is {_size(limit)})")
            return None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            self.p.error(rel, line, f"is not valid UTF-8 text (byte {exc.start})")
            return None
        text = clean_text(text)
        if not text.strip():
            if optional:
                self.p.warn(rel, None, "is empty")
            else:
                self.p.error(rel, None, "is empty")
            return None
        return text

    def inside_root(self, rel: str, path: Path) -> Path | None:
        """Resolve a symbolic link; ``None`` (with a problem) unless it stays in the folder."""
        try:
            target = path.resolve(strict=True)
        except FileNotFoundError:
            self.p.error(rel, None, "is a link to a file that does not exist")
            return None
        except (OSError, RuntimeError):
            self.p.error(rel, None, "is a link that loops back on itself")
            return None
        if not target.is_relative_to(self.root):
            self.p.error(
                rel, None, "is a link to a file outside the content folder; it was not read"
            )
            return None
        return target

    def yaml(
        self, rel: str, text: str, line_offset: int = 0, suffix: str = "; the file is skipped"
    ) -> tuple[bool, Any]:
        """Parse YAML; ``(False, None)`` with a problem when it can't be used."""
        try:
            data, duplicates = parse_yaml(text, line_offset)
        except YAMLRefused as exc:
            self.p.error(rel, exc.line, str(exc) + suffix)
            return False, None
        except yaml.YAMLError as exc:
            line, message = describe_yaml_error(exc, line_offset)
            self.p.error(rel, line, message + suffix)
            return False, None
        except RecursionError:
            self.p.error(rel, None, "is nested too deeply to read" + suffix)
            return False, None
        self.duplicates(rel, duplicates)
        return True, data

    def duplicates(self, rel: str, duplicates: list[tuple[Any, int, int]]) -> None:
        """Warn of each key given twice (``parse_yaml``'s ``(key, line, first_line)``)."""
        for key, line, first in duplicates:
            self.p.warn(
                rel,
                line,
                f"'{key}' is given twice (also on line {first}); the last one is used",
                str(key),
            )

    def optional_yaml(self, rel: str, missing: str | None) -> Any:
        """Parse an optional YAML file; ``None`` when it is absent, empty or unusable.

        An absent file is warned about as "is missing, so the guide has no
        ``missing``" (no warning when ``missing`` is ``None``).
        """
        text = self.read(rel, MAX_YAML_BYTES, optional=True)
        if text is None:
            path = self.root / rel
            if missing and not path.exists() and not path.is_symlink():
                self.p.warn(rel, None, f"is missing, so the guide has no {missing}")
            return None
        ok, data = self.yaml(rel, text)
        return data if ok else None


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


def try_yaml(text: str, line_offset: int = 0) -> tuple[Any, list[tuple[Any, int, int]]] | None:
    """``parse_yaml``'s ``(data, duplicate keys)``, or None where :meth:`Reader.yaml`
    would report a problem (nothing is reported here)."""
    try:
        return parse_yaml(text, line_offset)
    except (yaml.YAMLError, YAMLRefused, RecursionError):
        return None


def guarded(p: Problems, rel: str, work: Callable[[], Any]) -> Any:
    """Run ``work``; any unexpected exception becomes a problem about ``rel``."""
    try:
        return work()
    except Exception as exc:  # noqa: BLE001 - bad content must never stop loading
        p.error(rel, None, f"could not be read: {type(exc).__name__}: {exc}")
        return None
