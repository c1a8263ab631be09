"""Translated sentences with styled parts: a template's `{fields}` filled with Text.

A msgid carries no markup, so a sentence with a bold part is written with a field for
it ("{results} for “{words}”.") and the part, translated on its own, is passed in as a
styled `Text`. The translator can move the field; the style goes wherever it goes.
"""

from __future__ import annotations

import string

from rich.text import Text

_FORMATTER = string.Formatter()


def fill(template: str, style: str = "", **values: str | Text) -> Text:
    """`template` (already translated) as Text, each `{name}` replaced by its value.

    The template's own words and each `str` value are plain text (never read as
    markup) in `style`; a `Text` value keeps its own styles. Each piece is its own
    span, as `Text.assemble` makes them, so the drawn cells are the same either way.
    """
    text = Text()
    for literal, name, _spec, _conversion in _FORMATTER.parse(template):
        if literal:
            text.append(literal, style=style or None)
        if name is not None:
            value = values[name]
            if isinstance(value, Text):
                text.append_text(value)
            else:
                text.append(value, style=style or None)
    return text
