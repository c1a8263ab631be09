"""A long article parsed a chunk at a time is exactly the article parsed whole.

``MarkdownDocument`` block-parses an article of ``CHUNKED_FROM_CHARS`` or more a chunk
at a time (render/chunks.py). These tests lower the thresholds so that short sources
are chunked too, and compare everything a reader sees or a screen asks for — every
line with its styles, the click targets, headings, anchors, sections, plain text —
with the same source parsed whole.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spinetui.render import MarkdownDocument
from spinetui.render import chunks as chunking
from tests.robustness.test_hostile_files import big_body

# Blocks to build articles from: headings that repeat (anchor numbering goes across
# chunks), fences and HTML blocks with blank lines and headings inside (no cut there),
# an unclosed fence, lists, quotes, tables, setext headings, links to headings.
BLOCKS = [
    "# Start",
    "## Part",
    "## Part",
    "### Part {#own}",
    "# [Linked](#part) heading",
    "Para with a [link](#part-1) and *stress*.",
    "Setext heading\n---",
    "- one\n- two\n\n  still two",
    "1. first\n2. second",
    "> quoted\n>\n> # quoted heading",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "```\ncode\n\n# not a heading\n```",
    "~~~~\n\n# not one either\n~~~\n~~~~",
    "- ```\n  listed fence\n\n# after a list fence",
    "<!-- a comment\n\n# inside the comment\n-->",
    "<pre>\n\n# inside pre\n</pre>",
    "<div>\nhtml\n</div>",
    "    indented code",
    "***",
    "```python",  # opens a fence that may run to the end
    "Plain words " * 12,
]


def chunked(monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    monkeypatch.setattr(chunking, "CHUNKED_FROM_CHARS", 0)
    monkeypatch.setattr(chunking, "CHUNK_CHARS", size)


def seen(doc: MarkdownDocument, width: int) -> dict[str, object]:
    layout = doc.layout(width)
    layout.lay_out_all()
    return {
        "lines": [layout.line(y) for y in range(layout.laid_out_lines)],
        "height": layout.height,
        "targets": layout.targets(),
        "headings": list(doc.headings),
        "anchors": [layout.anchor_line(h.anchor) for h in doc.headings],
        "heading_at": [layout.heading_at(y) for y in range(layout.laid_out_lines)],
        "sections": doc.sections(),
        "plain": doc.plain_text(),
        "errors": layout.errors,
    }


def whole_and_chunked(
    monkeypatch: pytest.MonkeyPatch, source: str, size: int, width: int = 50
) -> tuple[dict[str, object], dict[str, object], MarkdownDocument]:
    with monkeypatch.context() as m:
        m.setattr(chunking, "CHUNKED_FROM_CHARS", 10**12)
        whole = seen(MarkdownDocument(source), width)
    chunked(monkeypatch, size)
    doc = MarkdownDocument(source)
    return whole, seen(doc, width), doc


@settings(max_examples=150)
@given(
    blocks=st.lists(st.sampled_from(BLOCKS), min_size=1, max_size=30),
    size=st.integers(1, 200),
    width=st.integers(8, 80),
)
def test_a_chunked_document_is_the_whole_document(blocks, size, width):
    source = "\n\n".join(blocks) + "\n"
    with pytest.MonkeyPatch.context() as monkeypatch:
        whole, parts, _doc = whole_and_chunked(monkeypatch, source, size, width)
    assert parts == whole


def test_headings_are_whole_before_the_rest_is_parsed(monkeypatch):
    source = "\n\n".join(f"## Part\n\nText of part {i}." for i in range(200))
    whole = MarkdownDocument(source).headings
    chunked(monkeypatch, 100)
    doc = MarkdownDocument(source)
    assert not doc.parsed
    assert doc.headings == whole  # the contents tree is whole from the start
    assert doc.headings[-1].anchor == "part-199"
    assert doc.heading_index("part-150") == 150
    # Jumping to a late heading parses up to it, and lands where a whole parse does.
    layout = doc.layout(40)
    assert layout.anchor_line("part-150") == MarkdownDocument(source).layout(40).anchor_line(
        "part-150"
    )


def test_a_long_article_is_laid_out_a_chunk_at_a_time(monkeypatch):
    chunked(monkeypatch, 2_000)
    doc = MarkdownDocument(big_body(200_000))
    layout = doc.layout(80)
    assert "FIRSTWORDS of the big article." in layout.plain(2)
    assert not doc.parsed and not layout.complete
    before = doc.block_count
    while not layout.lay_out_more(50):
        assert doc.block_count - before < 400  # one chunk more per step, not the rest
        before = doc.block_count
    assert doc.parsed
    assert layout.plain(layout.laid_out_lines - 1) == "LASTWORDS of the big article."


def test_find_text_covers_the_parts_not_parsed_yet(monkeypatch):
    chunked(monkeypatch, 2_000)
    doc = MarkdownDocument(big_body(300_000))
    assert not doc.parsed
    assert doc.plain_text().endswith("LASTWORDS of the big article.")
    assert doc.parsed


def test_a_late_reference_definition_means_one_whole_parse(monkeypatch):
    source = "# Top\n\nSee [the end][end].\n\n" + "## Part\n\nWords.\n\n" * 50
    source += "[end]: #part-49\n"
    chunked(monkeypatch, 50)
    assert len(chunking.split_chunks(source)) == 1
    whole, parts, doc = whole_and_chunked(monkeypatch, source, 50)
    assert parts == whole
    assert any(t.value == "#part-49" for t in doc.layout(50).targets())


def test_a_fence_the_scanner_misreads_is_merged_with_what_follows(monkeypatch):
    # "   ```" sits inside the list item (indent 3): markdown-it ends it at "# b", but
    # the loose scanner thinks a fence is open until the next "```", then cuts inside
    # the real fence; the chunk check merges the chunks back.
    source = "- a\n\n   ```\n\n# b\n\n```\n\n# in fence\n\n```\n\n# c\n\ntext\n"
    whole, parts, _doc = whole_and_chunked(monkeypatch, source, 1)
    assert parts == whole
    assert [h.text for h in _doc.headings] == ["b", "c"]


def test_short_articles_parse_whole():
    doc = MarkdownDocument(big_body(chunking.CHUNKED_FROM_CHARS - 10_000))
    assert doc.parsed


def test_a_5_mb_article_opens_without_parsing_it_all():
    doc = MarkdownDocument(big_body(5 << 20))
    assert not doc.parsed
    assert "FIRSTWORDS of the big article." in doc.layout(80).plain(2)
    assert len(doc.headings) > 50 and doc.headings[-1].text.startswith("Part ")


def test_headings_the_scanner_gets_wrong_give_way_to_markdown_its(monkeypatch):
    source = "\n\n".join(f"## Part {i}\n\nText {i}." for i in range(40)) + "\n"
    whole = MarkdownDocument(source).headings
    wrong = [(2, "Wrong", "wrong", 0)]
    monkeypatch.setattr("spinetui.render.document.scan_heading_anchors", lambda _s: wrong)
    chunked(monkeypatch, 30)
    doc = MarkdownDocument(source)
    held = doc.headings
    assert doc.parsed  # the disagreement made it parse the rest at once
    assert held == whole and doc.headings is held
    assert doc.heading_index("part-39") == 39


def test_every_bundled_article_chunked_is_the_article_whole(monkeypatch):
    from spinetui.model import load_guide

    guide = load_guide(Path(__file__).resolve().parents[2] / "content")
    assert guide.articles
    for article in guide.articles.values():
        whole, parts, _doc = whole_and_chunked(monkeypatch, article.body, 1, 60)
        assert parts == whole, article.id
        monkeypatch.undo()


def test_control_characters_in_a_chunked_source_change_nothing(monkeypatch):
    # Each chunk is cleaned as it is cut, and the headings scanned in the raw source:
    # a control character in a heading, or one that hides a heading from the scanner
    # ("\x01#" is "#" once cleaned), still gives what the whole cleaned source gives.
    source = "".join(
        f"## Part {i}\x07\n\nText\x01 {i}.\n\n\x01## Hidden {i}\n\n" for i in range(30)
    )
    whole, parts, doc = whole_and_chunked(monkeypatch, "# Top\n\n" + source, 40)
    assert parts == whole
    assert len(chunking.split_chunks(source, 40)) > 10
    assert all("\x07" not in h.text for h in doc.headings)
    assert any(h.text == "Hidden 3" for h in doc.headings)
    # A reference definition made by the cleaning ("]\x00:") is one, as "]:" would be.
    late = "# Top\n\n[a] link.\n\n" + source + "[a]\x00: #top\n"
    assert len(chunking.split_chunks(late, 40)) == 1
    whole, parts, _doc = whole_and_chunked(monkeypatch, late, 40)
    assert parts == whole


def test_the_guides_headings_are_taken_as_given_and_still_checked(monkeypatch):
    from spinetui.markdown.scan import heading_anchors

    source = "\n\n".join(f"## Part {i}\n\nText {i}." for i in range(60)) + "\n"
    whole = MarkdownDocument(source).headings
    chunked(monkeypatch, 50)
    scans = []
    monkeypatch.setattr(
        "spinetui.render.document.scan_heading_anchors", lambda s: scans.append(s) or []
    )
    doc = MarkdownDocument(source, headings=heading_anchors(source))
    assert not scans and not doc.parsed  # not scanned again
    assert doc.headings == whole
    wrong = MarkdownDocument(source, headings=[(2, "Wrong", "wrong", 0)])
    assert wrong.parsed and wrong.headings == whole  # held to markdown-it's
