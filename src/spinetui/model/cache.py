"""A compiled cache of the loaded guide, so the reader starts without parsing its files.

Loading a content folder means reading every file, parsing YAML and front matter and
checking each article against the others: ~10 ms for the bundled guide, over a second
for 10,000 articles, and the PyYAML import on top. The checked, complete guide is kept
here and reused while the folder is unchanged.

Never trusted blindly. A cached guide is used only when its key matches exactly: the
content folder's real path; the size, mtime, ctime and inode of the folder, of
``articles/`` and of every entry in them (an edit, an added or a removed file changes
it); spinetui's version, this format's number, the Python version, the fields of every
model type and the stat of the model's own source files (a loader that changed since
the cache was written would check differently). A file that is truncated, corrupt
(CRC-32 over everything after the magic), too large, for another folder or version, not
owned by the user or writable by others is ignored, and a personal reader rewrites it.

Where: ``$XDG_CACHE_HOME/spinetui/`` or ``~/.cache/spinetui/`` (folder 0700, files
0600, written to a temporary file then renamed into place), in personal mode only. In
kiosk mode (and for `spinetui serve` sessions) the cache lives in this process's memory
and no file is written or read: a kiosk leaves nothing behind.

Format: plain data only, in :mod:`marshal`, as ``spinetui.model.cache_format`` encodes
and decodes the model. Textual-free.
"""

from __future__ import annotations

import contextlib
import marshal
import mmap
import os
import stat
import sys
import threading
import zlib
from pathlib import Path
from typing import Any

from spinetui import __version__
from spinetui.model import types as mt
from spinetui.model.cache_format import decode, encode, fields_of

FORMAT = 2  # 2: the articles' texts encoded apart (see model/cache_format.py)
MAGIC = b"spinetui guide cache\n"
#: A cache file larger than this is neither written nor read (10,000 articles of 3 KB
#: take ~35 MB).
MAX_CACHE_BYTES = 128 * 1024 * 1024
#: Cache files kept (one per content folder); the least recently written go first.
MAX_CACHE_FILES = 8
_MODEL = Path(__file__).resolve().parent

#: Kiosk mode's cache: {real folder path: (key, guide)}, in memory only.
_MEMORY: dict[str, tuple[tuple[Any, ...], mt.Guide]] = {}


# ----------------------------------------------------------------------------- where


def cache_dir() -> Path:
    """$XDG_CACHE_HOME/spinetui, or ~/.cache/spinetui."""
    base = os.environ.get("XDG_CACHE_HOME") or ""
    root = Path(base) if os.path.isabs(base) else Path.home() / ".cache"
    return root / "spinetui"


def cache_file(real_root: str) -> Path:
    # Two folders whose paths share a CRC share a file; the key tells them apart.
    return cache_dir() / f"guide-{zlib.crc32(os.fsencode(real_root)):08x}.cache"


# ----------------------------------------------------------------------------- key


def _stat_key(info: os.stat_result) -> tuple[int, ...]:
    return (info.st_mode, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def _folder_entries(folder: Path, prefix: str) -> list[tuple[Any, ...]]:
    try:
        info = folder.stat()
    except OSError:
        return [(prefix, "missing")]
    entries: list[tuple[Any, ...]] = [(prefix, *_stat_key(info))]
    if not stat.S_ISDIR(info.st_mode):
        return entries
    with os.scandir(folder) as listing:
        for entry in listing:
            try:
                # Follows a link, as the loader does: a retargeted link changes the key.
                entries.append((prefix + entry.name, *_stat_key(entry.stat())))
            except OSError:
                entries.append((prefix + entry.name, "unreadable"))
    return entries


def _source_files(folder: str) -> list[tuple[str, int, int]]:
    found = []
    with os.scandir(folder) as listing:
        for entry in listing:
            if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                found += _source_files(entry.path)
            elif entry.name.endswith(".py"):
                info = entry.stat()
                found.append((entry.path, info.st_size, info.st_mtime_ns))
    return found


# Every model type with fields in model.types (its dataclasses and named tuples).
_SCHEMA = tuple(
    (cls.__name__, fields_of(cls))
    for cls in vars(mt).values()
    if isinstance(cls, type) and fields_of(cls)
)


def _code_key() -> tuple[Any, ...]:
    # The model's own source files: a loader changed since the cache was written
    # (a new check, a new field) must not be answered from the old one's results.
    sources = tuple(sorted(_source_files(str(_MODEL))))
    return (FORMAT, __version__, sys.version, _SCHEMA, sources)


def content_key(real_root: Path) -> tuple[Any, ...]:
    """What the cached guide must have been loaded from: folder, files and code."""
    files = _folder_entries(real_root, "") + _folder_entries(real_root / "articles", "articles/")
    files.sort()
    return (str(real_root), tuple(files), _code_key())


# ----------------------------------------------------------------------------- file


def _private(info: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else (so nobody else chose its bytes)."""
    getuid = getattr(os, "getuid", None)
    owner_ok = getuid is None or info.st_uid == getuid()
    return owner_ok and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def read_cache(path: Path, key: tuple[Any, ...]) -> mt.Guide | None:
    """The guide cached at `path` for exactly `key`, or None (whatever is wrong)."""
    data = read_plain(path, key)
    if data is None:
        return None
    try:
        return decode(data)
    except Exception:  # noqa: BLE001 - a bad cache is a cache miss, never a crash
        return None


def read_plain(path: Path, key: tuple[Any, ...]) -> Any:
    """The plain data a cache file at `path` holds for exactly `key`, or None (whatever
    is wrong: missing, not private, too large, truncated, corrupt, another key).

    The guide cache and the kept parses (``spinetui.render.parse_cache``) share it."""
    try:
        if not _private(path.parent.stat()):
            return None
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not _private(info):
            return None
        if not len(MAGIC) < info.st_size <= MAX_CACHE_BYTES:
            return None
        # Mapped, not read: marshal builds its values straight from the page cache,
        # with no copy of the whole file first (~2 ms of a 1,000-article start, ~10 % of
        # its cache read; ten times that at 10,000). Nobody else can change the file
        # (private, above), and spinetui replaces it by renaming a new one into place,
        # which leaves this mapping's file whole. (A program of the same user cutting
        # the file short in the few milliseconds it is read would end this process:
        # a risk taken for a cache no other program has reason to touch.)
        mapped = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    finally:
        os.close(fd)
    try:
        return _unpack(mapped, key)
    finally:
        # marshal's values are copies, so the mapping can go now; a view still held
        # (there should be none) would only keep it until it is collected.
        with contextlib.suppress(BufferError):
            mapped.close()


def _unpack(blob: bytes | mmap.mmap, key: tuple[Any, ...]) -> Any:
    head = len(MAGIC)
    if blob[:head] != MAGIC or len(blob) < head + 16:
        return None
    key_length = int.from_bytes(blob[head : head + 8], "little")
    crc = int.from_bytes(blob[head + 8 : head + 12], "little")
    length = int.from_bytes(blob[head + 12 : head + 16], "little")
    body = memoryview(blob)[head + 16 :]
    if len(body) != length or key_length > length or zlib.crc32(body) != crc:
        return None  # truncated, grown or corrupt
    try:
        # marshal builds plain values only (the CRC has already matched).
        if marshal.loads(body[:key_length]) != key:
            return None  # another folder, changed files, another version
        return marshal.loads(body[key_length:])
    except Exception:  # noqa: BLE001 - a bad cache is a cache miss, never a crash
        return None


def _pack(key: tuple[Any, ...], guide: mt.Guide) -> bytes:
    return _pack_plain(key, encode(guide))


def _pack_plain(key: tuple[Any, ...], data: Any) -> bytes:
    key_bytes = marshal.dumps(key)
    body = key_bytes + marshal.dumps(data)
    return b"".join(
        (
            MAGIC,
            len(key_bytes).to_bytes(8, "little"),
            zlib.crc32(body).to_bytes(4, "little"),
            len(body).to_bytes(4, "little"),
            body,
        )
    )


def write_cache(path: Path, key: tuple[Any, ...], guide: mt.Guide) -> bool:
    """Write atomically (temporary file, then rename); False if it could not be."""
    return write_plain(path, key, encode(guide))


def write_plain(path: Path, key: tuple[Any, ...], data: Any) -> bool:
    """Write plain data (marshal) for `key` as ``read_plain`` reads it: atomically, in
    the private cache folder; at most MAX_CACHE_FILES files named like `path` (up to its
    first "-") are kept. False if it could not be written."""
    blob = _pack_plain(key, data)
    if len(blob) > MAX_CACHE_BYTES:
        return False
    folder = path.parent
    tmp = folder / f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder.stat()):
            return False
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(tmp, flags, 0o600)
        try:
            with open(fd, "wb") as handle:
                handle.write(blob)
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        _prune(folder, keep=path)
    except OSError:
        return False
    return True


def _prune(folder: Path, keep: Path) -> None:
    """At most MAX_CACHE_FILES cache files of `keep`'s kind ("guide-", "parsed-"): the
    least recently written go."""
    kind = keep.name.split("-", 1)[0] + "-"
    found = []
    for entry in os.scandir(folder):
        if entry.name.startswith(kind) and entry.name.endswith(".cache"):
            found.append((entry.stat(follow_symlinks=False).st_mtime_ns, entry.path))
    found.sort(reverse=True)
    for _, old in found[MAX_CACHE_FILES:]:
        if old != str(keep):
            Path(old).unlink(missing_ok=True)


# ----------------------------------------------------------------------------- entry


def _real(root: Path) -> Path | None:
    try:
        real = Path(root).resolve()
    except (OSError, RuntimeError):
        return None
    return real if real.is_dir() else None


def cached_quick_load(root: Path, *, kiosk: bool) -> mt.Guide:
    """The guide at `root`, from the cache when it is fresh, else loaded quickly.

    A fresh cache gives the complete guide (headings and every problem). Otherwise the
    loader's quick load is returned, and once ``complete_guide`` has built the complete
    guide (Services does it after the first paint, in a thread) that guide is cached: in a file
    for a personal reader (`kiosk` False), in this process's memory for a kiosk.
    """
    real = _real(root)
    if real is None:
        return _quick_load(root)
    try:
        key = content_key(real)
    except OSError:
        return _quick_load(root)
    where = str(real)
    if kiosk:
        kept = _MEMORY.get(where)
        if kept is not None and kept[0] == key:
            return kept[1]
    else:
        cached = read_cache(cache_file(where), key)
        if cached is not None:
            return cached
    guide = _quick_load(root)
    _save_when_complete(guide, key, where, kiosk=kiosk)
    return guide


def _quick_load(root: Path) -> mt.Guide:
    from spinetui.model.loader import load_guide_quickly  # PyYAML: only on a miss

    return load_guide_quickly(root)


def _save_when_complete(guide: mt.Guide, key: tuple[Any, ...], where: str, *, kiosk: bool) -> None:
    """Cache the complete guide once the loader's second stage has built it.

    The second stage (``complete_guide``) returns a new guide; this wraps it so the
    guide it returns is the one kept: in this process's memory for a kiosk, in a file
    for a personal reader.
    """
    finish = guide._pending
    saved = threading.Lock()

    def save(complete: mt.Guide) -> None:
        if kiosk:
            _MEMORY[where] = (key, complete)
            return
        # A cache that cannot be written is no cache, never a failure of the reader.
        with contextlib.suppress(Exception):
            write_cache(cache_file(where), key, complete)

    if finish is None:
        save(guide)
        return

    def complete_then_save() -> mt.Guide:
        complete = finish()
        if saved.acquire(blocking=False):
            save(complete)
        return complete

    guide._pending = complete_then_save
