"""Invisible format characters and emoji parts in content (issue 14, finding 10)."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len

from spinetui.check import run_check
from spinetui.model import load_guide
from spinetui.model.clean import clean_text
from spinetui.model.types import Problem
from tests.fixtures.content_builder import article, build

DIRECTION = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068"]
DIRECTION += ["\u2069", "\u200e", "\u200f", "\u061c"]
INVISIBLE = ["\u200b", "\u2060", "\u2063", "\ufeff", "\ufff9", "\U000e0041"]


@pytest.mark.parametrize("char", DIRECTION + INVISIBLE)
def test_direction_controls_and_invisible_characters_are_removed(char):
    assert clean_text(f"Risk{char} of harm") == "Risk of harm"


def test_line_and_paragraph_separators_become_spaces():
    assert clean_text("one\u2028two\u2029three") == "one two three"


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("family 👨\u200d👩\u200d👧 here", "family 👨👩👧 here"),
        ("thumbs 👍🏽", "thumbs 👍"),
        ("heart ❤️", "heart ❤"),
        ("keycap 1️⃣", "keycap 1\u20e3"),
    ],
)
def test_emoji_keep_only_the_parts_every_terminal_measures_alike(given, kept):
    cleaned = clean_text(given)
    assert cleaned == kept
    # Each emoji is then as wide as it is drawn alone: two cells, or one for ❤.
    assert cell_len(cleaned) == cell_len(kept)


def test_a_joiner_inside_words_of_other_scripts_is_kept():
    assert clean_text("क्\u200dष") == "क्\u200dष"


def test_titles_and_cells_lose_them_at_load_time(tmp_path):
    folder = build(
        tmp_path / "guide",
        articles={"one.md": article(title="Safe\u202e txet", body="# Head\u2066ing\n\nWords.\n")},
    )
    guide = load_guide(folder)
    assert guide.articles["one"].title == "Safe txet"
    assert "\u2066" not in guide.articles["one"].body


def test_file_names_printed_by_check_show_the_characters_as_codes(tmp_path):
    name = "evil\u202egnp.md"
    folder = build(tmp_path / "guide", articles={"one.md": article(), name: "not front matter"})
    out = io.StringIO()
    run_check(folder, out)
    printed = out.getvalue()
    assert "\u202e" not in printed
    assert "evil\\u202egnp.md" in printed
    assert str(Problem("a\u2067b.md", None, "x\u200fy")) == "a\\u2067b.md: x\\u200fy"


def test_a_file_swapped_for_a_fifo_after_listing_does_not_block_the_loader(tmp_path, monkeypatch):
    # Finding 10: between the listing (lstat: a regular file) and the open, the file
    # became a FIFO, and `spinetui check` waited for a writer for ever.
    import os
    import threading
    from pathlib import Path

    from spinetui.model import loader
    from spinetui.model._fields import Problems

    folder = build(tmp_path / "guide")
    fifo = folder / "articles" / "swapped.md"
    os.mkfifo(fifo)
    regular = (folder / "articles" / "one.md").lstat()
    lstat = Path.lstat
    monkeypatch.setattr(Path, "lstat", lambda p: regular if p == fifo else lstat(p))
    problems = Problems()
    reader = loader._Reader(folder, problems)
    outcome: list[object] = []
    worker = threading.Thread(
        target=lambda: outcome.append(reader.read("articles/swapped.md", 1_000_000)),
        daemon=True,
    )
    worker.start()
    worker.join(timeout=30)
    if worker.is_alive():
        with open(fifo, "w"):
            pass  # let it go, then fail
        pytest.fail("reading a file swapped for a FIFO blocked")
    assert outcome == [None]
    assert any("not a regular file" in str(p) for p in problems.items)
