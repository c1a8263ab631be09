"""spinetui.render: Markdown → styled lines, laid out lazily per width."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from spinetui.render import (
    MarkdownDocument,
    RenderStyles,
    TermMatcher,
    heading_anchors,
    link_kind,
    slugify,
)
from spinetui.render.wrap import HARD, wrap_runs

WIDTHS = (1, 2, 5, 20, 40, 80, 120, 500)

SAMPLE = """\
# Back pain {#top}

Most *back pain* gets **better** on its own. Take `paracetamol` first, then read
[the injections article](esi#risks) or [the NHS page](https://www.nhs.uk/back-pain/).
An epidural steroid injection (ESI) is a shot of medicine near the nerve root.\\
This line follows a hard break. Caf&eacute; &amp; more <b>bold?</b>

## What helps

- Keep moving
- Heat packs
  - Hot water bottle wrapped in a towel so that it does not burn the skin at all
  - Wheat bag
- Pain killers

7. Seventh
8. Eighth
9. Ninth
10. Tenth

> A quote from a patient.
> > A nested reply.

```python
def dose(weight):\treturn weight * 15  # a very long comment that goes past the edge of a narrow screen
```

    indented code block

***

| Treatment | How it works | Relief |
|:----------|:-------------|-------:|
| ESI | Steroid calms the inflamed nerve root | weeks |
| PRP | Platelets from your own blood | unclear |

![An X-ray of the spine](xray.png)

<div class="note">
Raw HTML is drawn as its meaning.
</div>

## What helps

Mail <help@example.org> or see <https://example.org/a>. See [sources](source:nice-2020),
[glossary](glossary:esi), [a heading](#what-helps) and [home](//example.org).
"""

TERMS = TermMatcher(
    {
        "epidural steroid injection": "esi",
        "ESI": "esi",
        "nerve root": "nerve-root",
        "paracetamol": "paracetamol",
        "injections": "esi",
    }
)


def full(doc: MarkdownDocument, width: int):
    layout = doc.layout(width)
    layout.lay_out_all()
    return layout


def lines_of(layout) -> list[str]:
    return [layout.plain(y) for y in range(layout.height)]


def text_of(markdown: str, width: int = 80, **kw) -> str:
    return "\n".join(lines_of(full(MarkdownDocument(markdown, **kw), width)))


def assert_fits(layout, width: int) -> None:
    assert layout.complete
    for y in range(layout.height):
        segments = layout.line(y)
        for segment in segments:
            assert "\x1b" not in segment.text and "\n" not in segment.text
            assert segment.control is None
        assert sum(cell_len(s.text) for s in segments) <= width, (y, layout.plain(y))


# ---------------------------------------------------------------- constructs


def test_every_construct_renders():
    text = text_of(SAMPLE, 80)
    lines = text.split("\n")
    assert lines[0] == "Back pain"  # {#top} removed from the shown heading
    assert lines[1] == ""  # blank line after H1
    assert "Most back pain gets better on its own. Take paracetamol first" in text
    assert "• Keep moving" in lines
    assert "▌ A quote from a patient." in lines
    assert "▌ ▌ A nested reply." in lines
    assert any(line.startswith("def dose(weight):   return weight") for line in lines)
    assert any(line.startswith("indented code block") for line in lines)
    assert "─" * 80 in lines  # thematic break across the width
    assert "[image: An X-ray of the spine]" in lines
    # Raw HTML as its meaning (spinetui.render.html): no tags, the text kept.
    assert '<div class="note">' not in text and "Raw HTML is drawn as its meaning." in lines
    assert "Café & more bold?" in text  # entities decoded, <b> drawn bold
    assert "https://example.org/a" in text and "help@example.org" in text


def test_hard_and_soft_breaks():
    lines = lines_of(full(MarkdownDocument("one\ntwo\\\nthree  \nfour"), 80))
    assert lines == ["one two", "three", "four"]


def test_headings_styled_by_level_with_blank_lines():
    doc = MarkdownDocument("para\n\n# One\n\n## Two\n\n### Three\n\ntext")
    layout = full(doc, 40)
    assert lines_of(layout) == ["para", "", "One", "", "Two", "", "Three", "", "text"]
    styles = RenderStyles()
    h1 = layout.line(2)[0].style
    h2 = layout.line(4)[0].style
    h3 = layout.line(6)[0].style
    assert h1.bold and h2.bold
    assert len({h1, h2, h3}) == 3
    assert h1 == styles.h1


def test_emphasis_strong_code_styles():
    layout = full(MarkdownDocument("a *em* **st** `co`"), 40)
    styles = {s.text: s.style for s in layout.line(0)}
    assert styles["em"].italic
    assert styles["st"].bold
    assert styles["co"].bgcolor is not None
    assert styles["a "] is None


def test_nested_lists_indent_with_hanging_indent():
    md = (
        "- first item\n- second item that is long enough to wrap\n"
        "  - nested one\n    - deeper\n- third\n"
    )
    lines = lines_of(full(MarkdownDocument(md), 24))
    assert lines[0] == "• first item"
    assert lines[1] == "• second item that is"
    assert lines[2] == "  long enough to wrap"  # hanging indent under the text
    assert lines[3] == "  ◦ nested one"
    assert lines[4] == "    ▪ deeper"
    assert lines[5] == "• third"


def test_ordered_numbering_from_start_aligned():
    lines = lines_of(full(MarkdownDocument("8. a\n9. b\n10. c\n"), 40))
    assert lines == [" 8. a", " 9. b", "10. c"]
    assert lines_of(full(MarkdownDocument("3) x\n4) y"), 40)) == ["3) x", "4) y"]


def test_loose_list_has_blank_lines_tight_has_none():
    assert lines_of(full(MarkdownDocument("- a\n- b\n"), 20)) == ["• a", "• b"]
    assert lines_of(full(MarkdownDocument("- a\n\n- b\n"), 20)) == ["• a", "", "• b"]
    assert lines_of(full(MarkdownDocument("- a\n- b\n\npara"), 20)) == ["• a", "• b", "", "para"]


def test_list_item_with_paragraphs_and_code():
    md = "1. first\n\n   more text\n\n   ```\n   code\n   ```\n2. second\n"
    lines = [line.rstrip() for line in lines_of(full(MarkdownDocument(md), 30))]
    assert lines == ["1. first", "", "   more text", "", "   code", "", "2. second"]


def test_empty_list_item_shows_marker():
    lines = lines_of(full(MarkdownDocument("-\n- b"), 20))
    assert [line.rstrip() for line in lines] == ["•", "• b"]


def test_blockquote_gutter_on_blank_lines_inside():
    lines = lines_of(full(MarkdownDocument("> a\n>\n> b\n"), 20))
    assert lines == ["▌ a", "▌", "▌ b"]


def test_code_block_is_not_wrapped_but_hard_broken_and_padded():
    layout = full(MarkdownDocument("```\nabcdefghij klm\n```"), 6)
    assert lines_of(layout) == ["abcdef", "ghij k", "lm    "]
    assert all(s.style == RenderStyles().code_block for s in layout.line(0))


def test_thematic_break_fills_width():
    for width in (1, 7, 33):
        assert lines_of(full(MarkdownDocument("---"), width)) == ["─" * width]


def test_wrap_is_greedy_and_breaks_long_words():
    lines = lines_of(full(MarkdownDocument("aa bb cc dd abcdefghijkl"), 5))
    assert lines == ["aa bb", "cc dd", "abcde", "fghij", "kl"]


def test_wrap_measures_cells_for_wide_characters():
    layout = full(MarkdownDocument("日本語の文章 です"), 4)
    assert lines_of(layout) == ["日本", "語の", "文章", "です"]
    # A 2-cell character can never fit in 1 cell: something sane is drawn instead.
    assert all(cell_len(line) <= 1 for line in lines_of(full(MarkdownDocument("日本"), 1)))


def test_wrap_runs_keeps_styles_and_targets():
    ref = object()
    lines = wrap_runs([("hello ", None, None), ("big world", "S", ref), HARD, ("x", None, None)], 8)
    plain = ["".join(s.text for s in segs) for segs, _w, _t in lines]
    assert plain == ["hello", "big", "world", "x"]
    assert lines[1][2] == [[0, 3, ref]] and lines[2][2] == [[0, 5, ref]]


# ---------------------------------------------------------------- tables


def test_table_fits_and_has_borders():
    for width in (40, 80):
        layout = full(MarkdownDocument(SAMPLE), width)
        lines = lines_of(layout)
        top = next(line for line in lines if line.startswith("┌"))
        assert top.endswith("┐") and cell_len(top) <= width
        assert any(line.startswith("╞") for line in lines)  # header separator
        assert any(line.startswith("└") for line in lines)
        assert_fits(layout, width)
    wide = "\n".join(lines_of(full(MarkdownDocument(SAMPLE), 120)))
    assert "│ ESI       │ Steroid calms the inflamed nerve root │   weeks │" in wide


def test_narrow_table_keeps_words_whole_or_becomes_records():
    md = (
        "| Treatment | How it works |\n|---|---|\n| ESI | Steroid calms the inflamed nerve root |\n"
    )
    lines = lines_of(full(MarkdownDocument(md), 30))
    assert "│ Treatment │ How it works   │" in lines
    assert "│ ESI       │ Steroid calms  │" in lines
    assert "│           │ the inflamed   │" in lines
    lines = lines_of(full(MarkdownDocument(md), 18))
    assert lines[:3] == ["Treatment: ESI", "How it works:", "Steroid calms the"]


def test_table_wraps_cell_text():
    md = "| a | b |\n|---|---|\n| one two three four five six | x |\n"
    lines = lines_of(full(MarkdownDocument(md), 20))
    assert all(cell_len(line) <= 20 for line in lines)
    body = [line for line in lines if line.startswith("│")]
    assert len(body) > 2  # the long cell wrapped onto several lines
    assert "one" in body[1] and "six" in "".join(body)


def test_table_with_too_many_columns_degrades_to_records():
    header = "|" + "|".join(f"h{i}" for i in range(200)) + "|"
    rule = "|" + "|".join("---" for _ in range(200)) + "|"
    row = "|" + "|".join(f"v{i}" for i in range(200)) + "|"
    doc = MarkdownDocument(f"{header}\n{rule}\n{row}\n{row}\n")
    for width in WIDTHS:
        assert_fits(full(doc, width), width)
    lines = lines_of(full(doc, 80))
    assert "h0: v0" in lines and "h199: v199" in lines


# ---------------------------------------------------------------- widths


@pytest.mark.parametrize("width", WIDTHS)
def test_never_wider_than_width(width):
    layout = full(MarkdownDocument(SAMPLE, terms=TERMS), width)
    assert not layout.errors
    assert layout.height > 0
    assert_fits(layout, width)


@pytest.mark.parametrize("width", WIDTHS)
def test_deep_nesting_stays_inside_width(width):
    md = ">" * 150 + " deep\n\n" + "".join("  " * i + "- level\n" for i in range(60))
    layout = full(MarkdownDocument(md), width)
    assert_fits(layout, width)
    assert not layout.errors
    if width >= 20:
        assert "deep" in layout.plain(0)


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab 日*_`[]()#>-|\n\\!<&;:1.\t\x1b\x9b") + ["é", "👍"]),
        max_size=120,
    ),
    st.integers(min_value=1, max_value=60),
)
def test_fuzz_never_raises_never_overflows(markdown, width):
    layout = full(MarkdownDocument(markdown, terms=TERMS), width)
    assert not layout.errors
    assert_fits(layout, width)


def test_no_escape_characters_reach_segments():
    md = "# He\x1b[31mading\n\nText \x1b]0;title\x07 with \x9b1m C1 and ```\x1b``` \x00nul\n\n```\n\x1b[2J\n```"
    layout = full(MarkdownDocument(md), 40)
    assert_fits(layout, 40)
    text = "\n".join(lines_of(layout))
    assert "\x1b" not in text and "\x9b" not in text and "\x07" not in text
    assert "[31mading" in text  # the rest of the text is kept, literally


# ---------------------------------------------------------------- anchors


def test_slugify():
    assert slugify("What helps?") == "what-helps"
    assert slugify("  Risks & side effects  ") == "risks--side-effects"  # as GitHub
    assert slugify("Two  spaces\tand tab") == "two-spaces-and-tab"
    assert slugify("Follow-up care_notes") == "follow-up-care_notes"
    assert slugify("Café über 日本 2024") == "café-über-日本-2024"
    assert slugify("!!!") == "section"


def test_heading_anchors_duplicates_and_explicit():
    md = "# Intro\n\n## Risks\n\ntext\n\n## Risks\n\n## Risks\n\n### Custom *one* {#mine}\n"
    found = heading_anchors(md)
    assert [h.anchor for h in found] == ["intro", "risks", "risks-1", "risks-2", "mine"]
    assert found[4].text == "Custom one" and found[4].level == 3
    assert [h.source_line for h in found] == [0, 2, 6, 8, 10]
    assert found[0] == (1, "Intro", "intro", 0)
    doc = MarkdownDocument(md)
    assert [(h.level, h.text, h.anchor) for h in doc.headings] == [
        (h.level, h.text, h.anchor) for h in found
    ]


def test_heading_anchors_setext_and_inline_markup():
    found = heading_anchors("The *title* `x`\n=====\n\nSub [link](y)\n---\n")
    assert [(h.level, h.text, h.anchor) for h in found] == [
        (1, "The title x", "the-title-x"),
        (2, "Sub link", "sub-link"),
    ]


def test_anchor_line_and_heading_at():
    doc = MarkdownDocument(SAMPLE)
    layout = doc.layout(60)
    y = layout.anchor_line("what-helps")
    assert layout.plain(y) == "What helps"
    assert layout.anchor_line("what-helps-1") > y
    assert layout.anchor_line("#top") == 0
    assert layout.anchor_line("nope") is None
    assert layout.heading_at(y - 1).anchor == "top"
    assert layout.heading_at(y).anchor == "what-helps"
    assert layout.heading_at(y + 3).anchor == "what-helps"
    assert MarkdownDocument("text\n\n# H").layout(20).heading_at(0) is None


# ---------------------------------------------------------------- targets


def test_link_kinds():
    assert link_kind("esi") == ("article", "esi")
    assert link_kind("esi#risks") == ("article", "esi#risks")
    assert link_kind("#risks") == ("anchor", "#risks")
    assert link_kind("source:nice-2020") == ("source", "source:nice-2020")
    assert link_kind("glossary:esi") == ("term", "esi")
    assert link_kind("https://x.org") == ("external", "https://x.org")
    assert link_kind("mailto:a@b.c") == ("external", "mailto:a@b.c")
    assert link_kind("//x.org") == ("external", "//x.org")


def test_targets_positions_resolve_clicks():
    layout = full(MarkdownDocument(SAMPLE), 80)
    kinds = {(t.kind, t.value) for t in layout.targets()}
    assert ("article", "esi#risks") in kinds
    assert ("external", "https://www.nhs.uk/back-pain/") in kinds
    assert ("external", "mailto:help@example.org") in kinds
    assert ("source", "source:nice-2020") in kinds
    assert ("term", "esi") in kinds
    assert ("anchor", "#what-helps") in kinds
    assert ("external", "//example.org") in kinds
    for target in layout.targets():
        line = layout.plain(target.y)
        shown = _cells(line, target.x0, target.x1)
        assert shown.strip(), target
        assert layout.target_at(target.y, target.x0) == target
        assert layout.target_at(target.y, target.x1 - 1) == target
        assert target in layout.targets_on(target.y)
    pieces = [t for t in layout.targets() if t.kind == "article"]
    shown = " ".join(_cells(layout.plain(t.y), t.x0, t.x1) for t in pieces)
    assert shown == "the injections article"
    assert {t.text for t in pieces} == {"the injections article"}


def _cells(line: str, x0: int, x1: int) -> str:
    out, x = [], 0
    for ch in line:
        if x0 <= x < x1:
            out.append(ch)
        x += cell_len(ch)
    return "".join(out)


def test_wrapped_link_gives_one_target_per_line():
    doc = MarkdownDocument("[one two three four five six](other-article) end")
    layout = full(doc, 10)
    targets = layout.targets()
    assert len(targets) >= 3
    assert {t.value for t in targets} == {"other-article"}
    assert {t.text for t in targets} == {"one two three four five six"}
    assert len({t.y for t in targets}) == len(targets)
    assert (
        layout.target_at(layout.height - 1, 0) is None or layout.plain(layout.height - 1) != "end"
    )


def test_external_link_shows_address():
    text = text_of("[NHS](https://www.nhs.uk/) and <https://a.org> and <me@x.org>", 120)
    assert text == "NHS (https://www.nhs.uk/) and https://a.org and me@x.org"
    layout = full(MarkdownDocument("[NHS](https://www.nhs.uk/)"), 80)
    (target,) = layout.targets()
    assert (target.x0, target.x1) == (0, len("NHS (https://www.nhs.uk/)"))
    assert layout.line(0)[-1].style.dim


def test_internal_links_do_not_show_address():
    assert text_of("[Risks](esi#risks) and [here](#x)") == "Risks and here"


def test_glossary_terms_marked_but_not_in_code_links_or_headings():
    # One section each: only a word's first use in a section is marked (the repeat in
    # the first section is not).
    md = (
        "# The ESI heading\n\n`ESI in code` and [ESI in a link](x) and NESI and ESIs."
        " An ESI helps, and the ESI again.\n\n"
        "## E\n\nThe epidural  steroid\ninjection works.\n\n"
        "## Q\n\n> ESI quoted\n\n## L\n\n- ESI listed\n\n## T\n\n| T |\n|---|\n| ESI |"
        "\n\n```\nESI\n```\n"
    )
    layout = full(MarkdownDocument(md, terms=TERMS), 200)
    terms = [t for t in layout.targets() if t.kind == "term"]
    assert [t.text for t in terms] == [
        "ESI",
        "epidural  steroid injection",
        "ESI",
        "ESI",
        "ESI",
    ]
    assert all(t.value == "esi" for t in terms)
    assert layout.plain(0) == "The ESI heading" and not layout.targets_on(0)
    first = terms[0]
    segment_styles = [s.style for s in layout.line(first.y) if s.text == "ESI"]
    assert segment_styles[0] == RenderStyles().term


def test_term_matcher_longest_first_and_case():
    matcher = TermMatcher({"nerve": "n", "nerve root": "nr", "": "ignored"})
    found = list(matcher.finditer("Nerve Root and nerve and nerves"))
    assert found == [(0, 10, "nr"), (15, 20, "n")]
    assert not TermMatcher({})
    assert list(TermMatcher({}).finditer("anything")) == []


def test_reference_links_resolve_with_lazy_inline_parse():
    layout = full(MarkdownDocument("See [the guide][g].\n\n[g]: other-article\n"), 80)
    assert layout.plain(0) == "See the guide."
    assert [(t.kind, t.value) for t in layout.targets()] == [("article", "other-article")]


# ---------------------------------------------------------------- laziness


def big_document(paragraphs: int = 400) -> str:
    para = "Some words in a paragraph about the spine and *back pain* with a [link](x). " * 6
    return "\n\n".join(f"## Part {i}\n\n{para}" if i % 10 == 0 else para for i in range(paragraphs))


def test_layout_is_lazy_and_height_becomes_exact():
    doc = MarkdownDocument(big_document())
    layout = doc.layout(80)
    assert layout.line(0)
    assert not layout.complete
    assert layout.laid_out_lines < 100
    estimate = layout.height
    assert estimate > 1000
    steps = 0
    while not layout.lay_out_more(25):
        steps += 1
    assert steps > 3
    assert layout.complete
    exact = layout.height
    assert exact == layout.laid_out_lines
    assert abs(exact - estimate) / exact < 0.2  # the estimate was reasonable
    assert layout.line(exact) == [] and layout.plain(exact + 5) == ""
    assert layout.lay_out_more(5) is True


def test_line_lays_out_on_demand_and_layouts_are_cached():
    doc = MarkdownDocument(big_document())
    layout = doc.layout(60)
    assert layout.plain(500)
    assert not layout.complete
    assert doc.layout(60) is layout
    for width in (61, 62, 63, 64):
        doc.layout(width)
    assert doc.layout(60) is not layout  # evicted from the small cache


def test_anchor_line_lays_out_only_up_to_heading():
    doc = MarkdownDocument(big_document())
    layout = doc.layout(80)
    y = layout.anchor_line("part-100")
    assert layout.plain(y) == "Part 100"
    assert not layout.complete


# ---------------------------------------------------------------- sections


def test_sections_plain_text():
    doc = MarkdownDocument("Intro *text*.\n\n# One\n\nA [link](x).\n\n## Two {#t}\n\n- item\n")
    assert doc.sections() == [
        (None, "", "Intro text."),
        ("one", "One", "A link."),
        ("t", "Two", "item"),
    ]


def test_inline_parsing_is_lazy(monkeypatch):
    from spinetui.render import block_parser

    md = block_parser()
    calls = []
    real = md.inline.parse

    def counting(src, md_, env, tokens):
        calls.append(src)
        return real(src, md_, env, tokens)

    monkeypatch.setattr(md.inline, "parse", counting)
    doc = MarkdownDocument(big_document(400))
    headings = len(doc.headings)
    assert len(calls) == headings  # construction parses heading text only
    layout = doc.layout(80)
    for y in range(60):
        layout.line(y)
    first_screen = len(calls) - headings
    assert 0 < first_screen < 20  # only the blocks on the first screen
    layout.lay_out_all()
    assert len(calls) - headings == doc.block_count - headings
    doc.layout(40).lay_out_all()  # another width reuses the parsed inline tokens
    assert len(calls) - headings == doc.block_count - headings
