"""Kept parses: markdown-it's tokens of the article a reader starts on, kept in a file.

A reader's start draws one article. Parsing it needs markdown-it, whose import alone is
~40 ms (about a tenth of a bare Textual app's start); with its tokens kept from the
last start (``spinetui.render.parsed``) the first screen needs none of it, and
markdown-it is imported only when another article is opened.

Kept beside the guide cache, by the same rules (``spinetui.model.cache``: a private
folder, 0600 files written whole then renamed, CRC-32, size limit, plain data in
:mod:`marshal`, never pickle), in ``parsed-<folder>.cache``, in personal mode only (a
kiosk or a served session neither reads nor writes one). Used only when its key
matches exactly: the format, spinetui's and Python's versions, the content folder's
real path, the stat of markdown-it's and mdurl's package files (an upgrade may parse
differently) and of spinetui's own Markdown and renderer sources. Each kept article
holds the exact source it was parsed from: a changed article is parsed again.
"""

from __future__ import annotations

import os
import sys
import zlib
from pathlib import Path
from typing import Any

from spinetui import __version__
from spinetui.model.cache import cache_dir, read_plain, write_plain
from spinetui.render.parsed import TOKENS_FORMAT, KeptParse, RecordingParse

FORMAT = 1
#: Articles kept per content folder (the ones last started on).
KEPT_ARTICLES = 2
_SPINETUI = Path(__file__).resolve().parent.parent  # .../spinetui


def parsed_file(where: str) -> Path:
    # Two folders (or languages) whose names share a CRC share a file; the key tells
    # them apart.
    return cache_dir() / f"parsed-{zlib.crc32(os.fsencode(where)):08x}.cache"


def _package_stat(package: str) -> tuple[Any, ...]:
    """The stat of `package`'s __init__.py where Python would import it from, without
    importing it (markdown-it's import is what is being saved)."""
    for entry in sys.path:
        path = os.path.join(entry or os.getcwd(), package, "__init__.py")
        try:
            info = os.stat(path)
        except OSError:
            continue
        return (path, info.st_size, info.st_mtime_ns, info.st_ino)
    return (package, "missing")


def _sources(folder: Path) -> list[tuple[str, int, int]]:
    found = []
    for path in sorted(folder.glob("*.py")):
        info = path.stat()
        found.append((str(path), info.st_size, info.st_mtime_ns))
    return found


def parse_key(where: str) -> tuple[Any, ...]:
    code = (
        _sources(_SPINETUI / "markdown")
        + _sources(_SPINETUI / "render")
        + _sources(_SPINETUI / "render" / "blocks")
    )
    packages = (_package_stat("markdown_it"), _package_stat("mdurl"))
    return (FORMAT, TOKENS_FORMAT, __version__, sys.version, where, packages, tuple(code))


def _where(root: Path, lang: str) -> str | None:
    """The folder's real path and the guide's language: what one file keeps parses of."""
    try:
        return f"{Path(root).resolve()}\0{lang}"
    except (OSError, RuntimeError):
        return None


def read_kept(root: Path, lang: str) -> dict[str, Any]:
    """{article id: kept parse entry} for the folder `root` in `lang`, or {} (none, or
    not valid)."""
    where = _where(root, lang)
    if where is None:
        return {}
    try:
        data = read_plain(parsed_file(where), parse_key(where))
    except OSError:
        return {}
    return data if isinstance(data, dict) else {}


def kept_parse(kept: dict[str, Any], article_id: str) -> KeptParse | None:
    """The kept parse of one article (from ``read_kept``), if it looks whole."""
    entry = kept.get(article_id)
    try:
        source, blocks, inline, env = entry  # type: ignore[misc]
    except (TypeError, ValueError):
        return None
    if not (isinstance(source, str) and isinstance(blocks, tuple)):
        return None
    if not (isinstance(inline, dict) and isinstance(env, dict)):
        return None
    return KeptParse(source, blocks, inline, env)


def keep_parse(root: Path, lang: str, article_id: str, source: str, kept: dict[str, Any]) -> bool:
    """Parse `source` whole with markdown-it (every text inline-parsed too) and keep it
    as `article_id`'s, beside the ones in `kept` (at most KEPT_ARTICLES). False if it
    was not kept (a chunked article, data that is not plain, a file not written)."""
    from spinetui.render.document import MarkdownDocument

    where = _where(root, lang)
    if where is None:
        return False
    recorder = RecordingParse()
    MarkdownDocument(source, parse=recorder).plain_text()
    entry = recorder.entry()
    if entry is None:
        return False
    others = [(k, v) for k, v in kept.items() if k != article_id][: KEPT_ARTICLES - 1]
    data = dict([*others, (article_id, entry)])
    try:
        return write_plain(parsed_file(where), parse_key(where), data)
    except (OSError, ValueError):
        return False
