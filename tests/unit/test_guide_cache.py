"""The guide cache (model/cache.py): used when fresh, never trusted when it is not.

Every test loads through `cached_quick_load`, the reader's entry, and compares what it
gives with a fresh `load_guide` of the same folder: a stale cache would show the old
title, article or problem.
"""

from __future__ import annotations

import os
import shutil
import stat
import sys
from pathlib import Path

import pytest

from spinetui.model import cache, load_guide
from spinetui.model.cache import cache_dir, cache_file, cached_quick_load
from spinetui.model.loader import complete_guide, is_complete
from tests.conftest import BUNDLED


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(BUNDLED, copy)
    return copy


def load(folder: Path, kiosk: bool = False):
    guide = cached_quick_load(folder, kiosk=kiosk)
    # Services does this after the first paint; it writes the cache.
    return complete_guide(guide)


def the_file(folder: Path) -> Path:
    return cache_file(str(folder.resolve()))


def cached(folder: Path, kiosk: bool = False) -> bool:
    """Did the next load come from the cache? (A quick load is never complete.)"""
    return is_complete(cached_quick_load(folder, kiosk=kiosk))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_a_fresh_cache_gives_the_same_guide_as_loading(folder):
    first = load(folder)
    assert the_file(folder).is_file()
    second = cached_quick_load(folder, kiosk=False)
    assert is_complete(second)  # from the cache: headings and every problem already there
    assert second == load_guide(folder) == first
    assert any(article.headings for article in second.articles.values())


def test_the_cache_keeps_problems_and_their_order(folder):
    edit(folder / "guide.yaml", "title:", "colour: blue\ntitle:")
    (folder / "articles" / "broken.md").write_text("no front matter here\n")
    load(folder)
    again = cached_quick_load(folder, kiosk=False)
    assert is_complete(again)
    assert again.problems == load_guide(folder).problems
    assert {p.file for p in again.problems} >= {"guide.yaml", "articles/broken.md"}


def test_an_edited_file_is_read_again(folder):
    load(folder)
    article = next((folder / "articles").glob("*.md"))
    text = article.read_text()
    article.write_text(text.replace("title:", "title: Edited", 1))
    os.utime(article, ns=(article.stat().st_atime_ns, article.stat().st_mtime_ns + 10**9))
    guide = cached_quick_load(folder, kiosk=False)
    assert not is_complete(guide)  # loaded again, not from the cache
    guide = complete_guide(guide)
    assert guide == load_guide(folder)
    assert any(a.title.startswith("Edited") for a in guide.articles.values())
    assert cached(folder)  # and the cache rewritten for the next start


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(folder):
    load(folder)
    path = folder / "guide.yaml"
    before = path.stat()
    text = path.read_text()
    assert "title: " in text
    # Same length, mtime put back (as `touch -r` or a copy tool would): ctime still moves.
    path.write_text(text.replace("title: ", "title:\t", 1))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert not cached(folder)


def test_an_added_article_is_seen(folder):
    load(folder)
    (folder / "articles" / "new-one.md").write_text(
        "---\nid: new-one\ntitle: A new one\nsection: basics\nreviewed: 2026-12-01\n---\n\nHi.\n"
    )
    assert not cached(folder)
    assert "new-one" in load(folder).articles


def test_a_removed_article_is_seen(folder):
    guide = load(folder)
    gone = next((folder / "articles").glob("*.md"))
    gone_id = next(a.id for a in guide.articles.values() if a.path == f"articles/{gone.name}")
    gone.unlink()
    assert not cached(folder)
    assert gone_id not in load(folder).articles


def test_a_removed_data_file_is_seen(folder):
    load(folder)
    (folder / "glossary.yaml").unlink()
    assert not cached(folder)
    assert load(folder).glossary == {}


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda blob: blob[: len(blob) // 2], id="truncated"),
        pytest.param(lambda blob: blob[:-1], id="one-byte-short"),
        pytest.param(lambda blob: blob + b"x", id="grown"),
        pytest.param(lambda blob: blob[:-100] + bytes(100), id="zeroed-tail"),
        pytest.param(lambda blob: blob[:40] + b"\xff" + blob[41:], id="one-byte-flipped"),
        pytest.param(lambda blob: b"", id="empty"),
        pytest.param(lambda blob: b"not a cache at all\n" * 10, id="garbage"),
    ],
)
def test_a_damaged_cache_is_ignored_and_rewritten(folder, damage):
    load(folder)
    path = the_file(folder)
    path.write_bytes(damage(path.read_bytes()))
    guide = cached_quick_load(folder, kiosk=False)
    assert not is_complete(guide)
    guide = complete_guide(guide)
    assert guide == load_guide(folder)
    assert cached(folder)  # rewritten whole


def test_a_cache_with_a_good_checksum_but_bad_data_is_ignored(folder):
    load(folder)
    key = cache.content_key(folder.resolve())
    # Well-formed file, right key, but the guide's data is not what decode expects.
    cache.write_cache(the_file(folder), key, load_guide(folder))
    blob = cache._pack(key, load_guide(folder))
    head = len(cache.MAGIC)
    key_length = int.from_bytes(blob[head : head + 8], "little")
    import marshal
    import zlib

    body = blob[head + 16 : head + 16 + key_length] + marshal.dumps(("too", "short"))
    forged = b"".join(
        (
            cache.MAGIC,
            key_length.to_bytes(8, "little"),
            zlib.crc32(body).to_bytes(4, "little"),
            len(body).to_bytes(4, "little"),
            body,
        )
    )
    the_file(folder).write_bytes(forged)
    assert not cached(folder)


def test_a_cache_from_another_content_folder_is_not_used(folder, tmp_path):
    load(folder)
    other = tmp_path / "other"
    shutil.copytree(folder, other)
    # The other folder's name hashed to this file (a collision): its key still differs.
    shutil.copy(the_file(folder), the_file(other))
    guide = cached_quick_load(other, kiosk=False)
    assert not is_complete(guide)
    assert guide.root == other.resolve()
    assert {a.path for a in guide.articles.values()} == {
        a.path for a in load_guide(other).articles.values()
    }


def test_a_cache_from_another_spinetui_version_is_not_used(folder, monkeypatch):
    load(folder)
    monkeypatch.setattr(cache, "__version__", "99.0")
    assert not cached(folder)


def test_a_cache_of_another_format_is_not_used(folder, monkeypatch):
    load(folder)
    monkeypatch.setattr(cache, "FORMAT", cache.FORMAT + 1)
    assert not cached(folder)


def test_kiosk_mode_writes_no_cache_file_and_reads_none(folder):
    load(folder, kiosk=True)
    assert not cache_dir().exists()  # not even the folder
    assert cached(folder, kiosk=True)  # kept in memory for this process
    # A personal reader's file is not read by a kiosk either.
    load(folder)
    cache._MEMORY.clear()
    assert not cached(folder, kiosk=True)


def test_kiosk_memory_cache_is_stale_after_an_edit(folder):
    load(folder, kiosk=True)
    edit(folder / "guide.yaml", "title:", "colour: blue\ntitle:")
    guide = cached_quick_load(folder, kiosk=True)
    assert not is_complete(guide)
    guide = complete_guide(guide)
    assert any("colour" in p.message for p in guide.problems)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_cache_files_are_private(folder):
    load(folder)
    assert stat.S_IMODE(cache_dir().stat().st_mode) == 0o700
    assert stat.S_IMODE(the_file(folder).stat().st_mode) == 0o600
    assert [p.name for p in cache_dir().iterdir()] == [the_file(folder).name]  # no temp left


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_cache_others_can_write_is_not_trusted(folder):
    load(folder)
    the_file(folder).chmod(0o666)
    assert not cached(folder)
    load(folder)
    cache_dir().chmod(0o777)
    assert not cached(folder)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_cache_that_is_a_link_is_not_followed(folder, tmp_path):
    load(folder)
    elsewhere = tmp_path / "elsewhere.cache"
    the_file(folder).rename(elsewhere)
    the_file(folder).symlink_to(elsewhere)
    assert not cached(folder)


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="POSIX permissions (root ignores them)"
)
def test_a_cache_folder_that_cannot_be_written_is_harmless(folder):
    cache_dir().mkdir(parents=True, mode=0o700)
    cache_dir().chmod(0o500)
    try:
        guide = load(folder)
        assert guide == load_guide(folder)
        assert list(cache_dir().iterdir()) == []
        assert not cached(folder)
    finally:
        cache_dir().chmod(0o700)


def test_a_cache_folder_that_is_a_file_is_harmless(folder):
    cache_dir().parent.mkdir(parents=True, exist_ok=True)
    cache_dir().write_text("not a folder")
    assert load(folder) == load_guide(folder)
    assert not cached(folder)


def test_old_cache_files_are_pruned(folder, tmp_path):
    for n in range(cache.MAX_CACHE_FILES + 3):
        other = tmp_path / f"copy-{n}"
        shutil.copytree(folder, other)
        load(other)
    assert len(list(cache_dir().glob("guide-*.cache"))) == cache.MAX_CACHE_FILES


def test_a_missing_folder_is_loaded_as_the_loader_reports_it(tmp_path):
    guide = cached_quick_load(tmp_path / "nowhere", kiosk=False)
    assert guide.problems and not guide.articles
    assert not cache_dir().exists()


# Runs the command line with the app's run replaced by what the reader does after its
# first paint (build the completed guide, which writes the cache in personal mode).
COMPLETE_INSTEAD_OF_RUN = """
import sys
from spinetui.app import SpineApp

SpineApp.run = lambda self, *args, **kwargs: self.services.completed_guide()
from spinetui.cli import main

sys.exit(main(sys.argv[1:]))
"""


def run_reader(*args: str) -> None:
    import subprocess

    from tests.conftest import REPO

    env = dict(os.environ)  # HOME and XDG_* point at this test's empty folder
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO / "src"), env.get("PYTHONPATH")) if p)
    done = subprocess.run(
        [sys.executable, "-c", COMPLETE_INSTEAD_OF_RUN, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.mark.parametrize("flags", [["--kiosk"], ["--served"]])
def test_the_kiosk_and_served_readers_write_no_cache_file(folder, flags):
    run_reader(*flags, "--content", str(folder))
    assert not cache_dir().exists()


def test_the_personal_reader_writes_the_cache_file(folder):
    run_reader("--content", str(folder))
    assert the_file(folder).is_file()
    assert cached(folder)


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs Linux's /proc")
def test_reading_the_cache_leaves_no_mapping_or_open_file_behind(folder):
    # The file is mapped while it is read; the reader keeps running for hours.
    load(folder)
    path = str(the_file(folder))
    for _ in range(3):
        assert cached(folder)
    assert path not in Path("/proc/self/maps").read_text()
    open_files = [os.readlink(entry.path) for entry in os.scandir("/proc/self/fd")]
    assert path not in open_files
