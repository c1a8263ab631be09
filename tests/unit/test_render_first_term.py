"""Only the first use of a glossary word in each section is marked, not every repeat."""

from __future__ import annotations

from spinetui.render import MarkdownDocument, TermMatcher

SOURCE = """\
The nerve root is here. Again the nerve root.

| Part | Note |
| --- | --- |
| a | nerve root in a table |

## Later

- A list about the nerve root.
- And the nerve root once more.

## Last

No word here. Then a Nerve Root at the end.
"""


def term_lines(width: int) -> list[int]:
    document = MarkdownDocument(SOURCE, terms=TermMatcher({"nerve root": "nerve-root"}))
    layout = document.layout(width)
    layout.lay_out_all()
    return [t.y for t in layout.targets() if t.kind == "term"]


def test_a_word_is_marked_once_per_section():
    assert len(term_lines(80)) == 3


def test_the_marks_are_the_same_at_every_width():
    document = MarkdownDocument(SOURCE, terms=TermMatcher({"nerve root": "nerve-root"}))
    wide = document.layout(100)
    wide.lay_out_all()
    narrow = document.layout(20)
    narrow.lay_out_all()
    assert len([t for t in wide.targets() if t.kind == "term"]) == 3
    assert {t.text.lower() for t in narrow.targets() if t.kind == "term"} == {"nerve root"}
    # a term wrapped over two lines is one target per line piece: count the firsts
    pieces = [t for t in narrow.targets() if t.kind == "term"]
    assert len(pieces) >= 3
