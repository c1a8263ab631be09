"""Raw HTML pasted from other Markdown editors is drawn as its meaning, never as tags."""

from __future__ import annotations

from spinetui.render import MarkdownDocument, RenderStyles


def drawn(source: str, width: int = 60) -> list[str]:
    layout = MarkdownDocument(source).layout(width)
    layout.lay_out_all()
    return [layout.plain(y) for y in range(layout.height)]


def styles_of(source: str, text: str) -> list:
    layout = MarkdownDocument(source).layout(80)
    layout.lay_out_all()
    return [s.style for y in range(layout.height) for s in layout.line(y) if text in s.text]


def test_comments_processing_instructions_and_declarations_are_never_shown():
    lines = drawn(
        "<!-- a note for editors -->\n\n<?php echo 1 ?>\n\n<!DOCTYPE html>\n\n"
        "<![CDATA[ raw ]]>\n\nBefore <!-- inline note --> after.\n"
    )
    text = "\n".join(lines)
    assert "note" not in text and "php" not in text and "DOCTYPE" not in text
    assert "CDATA" not in text and "raw" not in text
    assert "Before  after." in text


def test_common_tags_are_drawn_as_their_meaning():
    source = (
        '<p align="center">A centred line<br>and a second line</p>\n\n'
        '<div align="right">A right-hand paragraph.</div>\n\n'
        '<img src="spine.png" alt="The lower spine">\n\n'
        "<details>\n<summary>What the numbers mean</summary>\n\n"
        "Some inner text.\n\n</details>\n\n"
        "Press <kbd>Enter</kbd>. Water is H<sub>2</sub>O; 10<sup>6</sup> cells.\n\n"
        'One<br>two and <img alt="an icon" src=x.png> here.\n'
    )
    lines = drawn(source)
    text = "\n".join(lines)
    assert "<" not in text and ">" not in text  # no tag soup
    assert "A centred line" in lines and "and a second line" in lines
    assert "A right-hand paragraph." in lines
    assert "[image: The lower spine]" in lines
    assert "What the numbers mean" in lines and "Some inner text." in lines
    assert "Press Enter. Water is H_2O; 10^6 cells." in text
    assert "One" in lines and any(
        line.startswith("two and [image: an icon] here.") for line in lines
    )


def test_kbd_and_summary_are_styled():
    styles = RenderStyles()
    assert any(s is not None and s.reverse for s in styles_of("Press <kbd>Esc</kbd> now.", "Esc"))
    summary = styles_of("<details><summary>Open me</summary>Inside</details>", "Open me")
    assert summary and all(s.bold for s in summary)
    assert styles.kbd.reverse


def test_other_tags_are_dropped_and_their_text_kept():
    lines = drawn('<span class="x">Kept <u>words</u></span>\n\nA <mark>marked</mark> word.\n')
    assert "Kept words" in lines and "A marked word." in lines


def test_strikethrough_is_on():
    styles = styles_of("This is ~~gone~~ now.", "gone")
    assert styles and all(s.strike for s in styles)
    assert "This is gone now." in drawn("This is ~~gone~~ now.")
