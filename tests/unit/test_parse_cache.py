"""Kept parses (render/parsed.py, render/parse_cache.py): an article drawn from the tokens
kept at the last start reads exactly as markdown-it's own parse, and a kept parse that
is stale, corrupt or from elsewhere is never used; a kiosk keeps none."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from spinetui.model import load_guide
from spinetui.model.cache import cache_dir
from spinetui.render import MarkdownDocument, TermMatcher, parse_cache
from spinetui.render.parsed import KeptParse, RecordingParse
from spinetui.services import load_services
from tests.conftest import BUNDLED, FIXTURES

WIDTHS = (20, 57, 80, 117)


def _matcher(guide):
    return TermMatcher({form: t.id for t in guide.glossary.values() for form in t.forms})


def _kept(source: str) -> KeptParse:
    recorder = RecordingParse()
    MarkdownDocument(source, parse=recorder).plain_text()
    entry = recorder.entry()
    assert entry is not None
    return parse_cache.kept_parse({"a": entry}, "a")  # type: ignore[return-value]


def _same_reading(a: MarkdownDocument, b: MarkdownDocument) -> None:
    """Everything a reader sees or reaches: lines, targets, headings, text, sections."""
    for width in WIDTHS:
        la, lb = a.layout(width), b.layout(width)
        while not la.lay_out_more(1000):
            pass
        while not lb.lay_out_more(1000):
            pass
        assert la.height == lb.height
        for y in range(la.height):
            assert la.line(y) == lb.line(y), (width, y)
            assert la.targets_on(y) == lb.targets_on(y), (width, y)
    assert a.headings == b.headings
    assert a.plain_text() == b.plain_text()
    assert a.sections() == b.sections()
    assert a.questions() == b.questions()


@pytest.mark.parametrize(
    "folder",
    [BUNDLED, FIXTURES / "good", FIXTURES / "reader-guide", FIXTURES / "questions-guide"],
    ids=lambda p: p.name,
)
def test_every_article_reads_the_same_from_its_kept_parse(folder):
    guide = load_guide(folder)
    terms = _matcher(guide)
    for article in guide.articles.values():
        kept = _kept(article.body)
        from_kept = MarkdownDocument(article.body, terms=terms, outcomes=guide.outcomes, parse=kept)
        fresh = MarkdownDocument(article.body, terms=terms, outcomes=guide.outcomes)
        _same_reading(from_kept, fresh)
        assert not kept.fell_back, article.id  # it held every answer


HOSTILE = """# Title {#own}

Text with a [reference link][ref], a <kbd>key</kbd>, ~~struck~~ and `code`.

<details><summary>More</summary>

Inside.
</details>

- [ ] A question?
- item with ![an image](x.png "t")

| a | b |
|:--|--:|
| *1* | [two](https://example.org) |

[ref]: https://example.org/ref "Title"
"""


def test_reference_links_html_tables_and_questions_read_the_same():
    _same_reading(MarkdownDocument(HOSTILE, parse=_kept(HOSTILE)), MarkdownDocument(HOSTILE))


def test_a_changed_source_is_parsed_again_by_markdown_it():
    kept = _kept(HOSTILE)
    changed = HOSTILE.replace("A question?", "Another question?")
    _same_reading(MarkdownDocument(changed, parse=kept), MarkdownDocument(changed))
    assert kept.fell_back


def _first_start(folder: Path, *, kiosk: bool = False):
    """What a reader's start does: open the home article, then keep its parse."""
    services = load_services(folder, "en", kiosk=kiosk)
    home = services.guide.home or services.guide.reading_order()[0].id
    services.document_for(home)
    services.keep_start_parse()
    for thread in threading.enumerate():
        if thread.name == "spinetui-keep-parse":
            thread.join(30)
    return services, home


def test_the_next_start_draws_the_home_article_from_the_kept_parse(tmp_path):
    folder = shutil.copytree(BUNDLED, tmp_path / "content")
    _first_start(folder)
    assert len(list(cache_dir().glob("parsed-*.cache"))) == 1
    services, home = _first_start(folder)
    assert services._first_parse is not None and not services._first_parse.fell_back
    guide = services.guide
    fresh = MarkdownDocument(
        guide.articles[home].body,
        terms=services.term_matcher,
        styles=services.styles,
        outcomes=guide.outcomes,
    )
    _same_reading(services.document_for(home), fresh)


def test_an_edited_article_is_parsed_again_and_kept_anew(tmp_path):
    folder = shutil.copytree(BUNDLED, tmp_path / "content")
    services, home = _first_start(folder)
    path = folder / services.guide.articles[home].path
    path.write_text(path.read_text() + "\n\nA new last paragraph.\n")
    services, home = _first_start(folder)
    assert services._first_parse is not None and services._first_parse.fell_back
    assert "A new last paragraph." in services.document_for(home).plain_text()
    again, _ = _first_start(folder)  # kept anew: the next start needs no markdown-it
    assert again._first_parse is not None and not again._first_parse.fell_back


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage"])
def test_a_corrupt_kept_parse_is_ignored(tmp_path, damage):
    folder = shutil.copytree(BUNDLED, tmp_path / "content")
    _first_start(folder)
    (path,) = cache_dir().glob("parsed-*.cache")
    blob = bytearray(path.read_bytes())
    if damage == "truncate":
        blob = blob[: len(blob) // 2]
    elif damage == "flip":
        blob[-10] ^= 0xFF
    else:
        blob = bytearray(b"not a cache at all")
    path.write_bytes(bytes(blob))
    services, home = _first_start(folder)
    assert services._first_parse is None  # markdown-it parsed it
    assert services.document_for(home).plain_text()


def test_a_kept_parse_for_another_markdown_it_is_ignored(tmp_path, monkeypatch):
    folder = shutil.copytree(BUNDLED, tmp_path / "content")
    _first_start(folder)
    real = parse_cache._package_stat
    monkeypatch.setattr(
        parse_cache,
        "_package_stat",
        lambda name: ("upgraded",) if name == "markdown_it" else real(name),
    )
    services, _ = _first_start(folder)
    assert services._first_parse is None


def test_another_folder_does_not_use_this_folders_kept_parse(tmp_path):
    first = shutil.copytree(BUNDLED, tmp_path / "one")
    second = shutil.copytree(BUNDLED, tmp_path / "two")
    _first_start(first)
    services, _ = _first_start(second)
    assert services._first_parse is None
    assert len(list(cache_dir().glob("parsed-*.cache"))) == 2


def test_a_kiosk_keeps_no_parse_and_reads_none(tmp_path):
    folder = shutil.copytree(BUNDLED, tmp_path / "content")
    services, home = _first_start(folder, kiosk=True)
    assert services._first_parse is None
    assert not list(cache_dir().glob("parsed-*.cache"))
    _first_start(folder)  # a personal reader's file now exists...
    services, _ = _first_start(folder, kiosk=True)
    assert services._first_parse is None  # ...and a kiosk still does not read it


def test_kept_tokens_that_are_not_tokens_are_parsed_again():
    """A well-formed file whose tokens are not what was kept: markdown-it parses."""
    good = _kept(HOSTILE)
    from spinetui.render.wrap import clean_source

    source = clean_source(HOSTILE)
    bad_blocks = KeptParse(source, (("not", "a", "token"),), {}, {})
    _same_reading(MarkdownDocument(HOSTILE, parse=bad_blocks), MarkdownDocument(HOSTILE))
    assert bad_blocks.fell_back
    bad_inline = KeptParse(source, good._blocks, dict.fromkeys(good._inline, (("x",),)), good._env)
    _same_reading(MarkdownDocument(HOSTILE, parse=bad_inline), MarkdownDocument(HOSTILE))
    assert bad_inline.fell_back
