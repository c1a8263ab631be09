"""The words searched for, marked in the open article (search's "mark the words").

A word matches at the start of a longer one ("inject" marks "injection"), whatever its
case. A long article is laid out in steps after its first screen (issue 16), so the
marks are found in the lines laid out so far and then in each new part as it comes
(`ArticleView.listen_laid_out`): marking never waits for the whole article to be laid out.
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.style import Style

from spinetui.components.article.article_view import ArticleView, Highlight
from spinetui.render import DocumentLayout

WORD_STYLE = Style(bgcolor="#ffe08a", color="black")


def word_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """Any of ``words`` at the start of a word, any case (None for no words)."""
    wanted = [re.escape(w) for w in words if w]
    if not wanted:
        return None
    return re.compile(r"\b(?:" + "|".join(wanted) + r")\w*", re.IGNORECASE)


class WordMarks:
    """The marks of ``words`` in ``view``'s layout, found so far (``marks``)."""

    def __init__(self, view: ArticleView, words: tuple[str, ...]) -> None:
        self.view = view
        self.layout: DocumentLayout | None = view.lay_out_if_short()
        self.pattern = word_pattern(words)
        self.marks: list[Highlight] = []
        self._searched = 0  # lines searched so far
        self.extend()

    def extend(self) -> list[Highlight]:
        """Look in the lines laid out since last time; the marks added. Stops when the
        view shows another layout (another article, or another width)."""
        layout, pattern = self.layout, self.pattern
        if layout is None or pattern is None or self.view.layout_now is not layout:
            return []
        before = len(self.marks)
        for y in range(self._searched, layout.laid_out_lines):
            line = layout.plain(y)
            for match in pattern.finditer(line):
                x0 = cell_len(line[: match.start()])
                self.marks.append(Highlight(y, x0, x0 + cell_len(match.group()), WORD_STYLE))
        self._searched = max(self._searched, layout.laid_out_lines)
        return self.marks[before:]
