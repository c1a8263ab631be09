"""Find in the open article: a text box under the article, matches marked, "3 of 7".

Matching is case-insensitive and within one line of the laid-out article (a phrase
broken across two lines by wrapping is not found), computed on each line's plain text
and marked through `ArticleView.set_highlights`. Whatever the reader types is only
ever compared as text: it is never a pattern and never markup.

A long article is laid out in steps after its first screen (issue 16): find looks in
what is laid out, and in each new part as it comes (`ArticleView.listen_laid_out`), so the
screen never waits for the whole article; the count says "so far" until it is all in.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, Static

from spinetui.components.article.article_view import ArticleView, Highlight
from spinetui.components.result_list import QueryBox
from spinetui.i18n import _, ngettext
from spinetui.keymap import FIND_KEYS, bindings
from spinetui.render import DocumentLayout

# Longer text cannot be on one line of an article anyway.
MAX_FIND_CHARS = 200
# Exact colours (named ones follow the terminal's palette and can come out alike), and
# the current match is also bold and underlined, so it stands out without colour.
MATCH_STYLE = Style(bgcolor="#ffe08a", color="black")
CURRENT_MATCH_STYLE = Style(bgcolor="#ff9d2e", color="black", bold=True, underline=True)


@dataclass(frozen=True, slots=True)
class Match:
    y: int  # line of the laid-out article
    x0: int  # first cell
    x1: int  # cell after the last


def _fold(text: str) -> str:
    """Lower-case, one character for one character (so positions stay valid)."""
    if text.isascii():
        return text.lower()
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


def find_in_lines(lines: list[str], wanted: str, first: int = 0) -> list[Match]:
    """Every non-overlapping, case-insensitive occurrence of `wanted`, by cell position
    (in ``lines[first:]``, numbered as in ``lines``)."""
    needle = _fold(wanted)
    if not needle.strip():
        return []
    matches: list[Match] = []
    for y in range(first, len(lines)):
        line = lines[y]
        haystack = _fold(line)
        start = haystack.find(needle)
        while start >= 0:
            end = start + len(needle)
            x0 = cell_len(line[:start])
            matches.append(Match(y, x0, x0 + cell_len(line[start:end])))
            start = haystack.find(needle, end)
    return matches


class FindBar(QueryBox, Horizontal):
    """The find bar of the reader; remove it to stop finding."""

    BINDINGS = bindings(FIND_KEYS)

    DEFAULT_CSS = """
    FindBar { height: 1; background: $panel; }
    FindBar > Label { width: auto; padding: 0 1; text-style: bold; }
    FindBar > Input, FindBar > Input:focus { width: 1fr; height: 1; border: none; padding: 0; }
    FindBar > Input.-no-match { background: $error 30%; }
    FindBar > #find-count { width: auto; min-width: 14; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, view: ArticleView) -> None:
        super().__init__()
        self.view = view
        self.closed = False  # removal finishes later; a closed bar no longer counts
        self.matches: list[Match] = []
        self.current: int | None = None
        self._searched_document: object | None = None
        self._searched_layout: object | None = None
        self._lines: list[str] = []
        # A match to come: the next one found in lines still to be laid out becomes the
        # current one (none was below the top of the pane, or n went past the last).
        self._waiting = False

    def compose(self) -> ComposeResult:
        # Translators: the label before the find bar's text box (find a word in the article).
        yield Label(_("Find:"))
        yield Input(
            placeholder=_("a word in this article; Enter for the next one"),
            max_length=MAX_FIND_CHARS,
            id="find-input",
        )
        yield Static(id="find-count")

    def on_mount(self) -> None:
        # The layout (and so every match position) changes with the width of the pane.
        self.watch(self.view, "virtual_size", self._layout_may_have_changed, init=False)
        self.view.listen_laid_out(self._more_laid_out)

    def on_unmount(self) -> None:
        self.view.stop_listening(self._more_laid_out)

    @property
    def input(self) -> Input:
        return self.query_one("#find-input", Input)

    @property
    def text(self) -> str:
        return self.input.value

    def focus_input(self) -> None:
        # Focused now, not after the next refresh: keys already typed go to the box.
        self.screen.set_focus(self.input)
        self.input.select_all()

    # ------------------------------------------------------------- finding
    def query_changed(self, text: str) -> None:
        self.find()

    def query_submitted(self) -> None:
        self.step(1)

    def find(self, *, scroll: bool = True) -> None:
        """Look for the text in the article as it is laid out now.

        The current match is the first one from the top of the pane down, so typing
        never jumps back to the start of a long article.
        """
        view = self.view
        layout = view.lay_out_if_short()
        if layout is not self._searched_layout or view.document is not self._searched_document:
            self._searched_document = view.document
            self._searched_layout = layout
            self._lines = []
        self._read_lines()
        self.matches = find_in_lines(self._lines, self.text)
        self.current = None
        self._waiting = False
        if self.matches:
            self.current = self._first_in_view(1)
            if self.current is not None and self.matches[self.current].y < self._top:
                self.current = None  # none below the top yet: wait for the rest, or wrap
        if self.current is None and self.text.strip():
            self._waiting = scroll and self._more_to_come
            if not self._waiting and self.matches:
                self.current = 0  # none further down: go round to the first, as less does
        self._show(scroll=scroll)

    @property
    def _top(self) -> int:
        return round(self.view.scroll_offset.y)

    @property
    def _more_to_come(self) -> bool:
        """True while some of the article is still to be laid out (and searched)."""
        layout = self._searched_layout
        return layout is not None and not getattr(layout, "complete", True)

    def _read_lines(self) -> None:
        """The plain text of the lines laid out since last time (kept while the layout
        stays the same: each keystroke searches them again)."""
        layout = self._searched_layout
        if isinstance(layout, DocumentLayout):
            self._lines.extend(
                layout.plain(y) for y in range(len(self._lines), layout.laid_out_lines)
            )

    def _more_laid_out(self) -> None:
        """Look in the lines just laid out; the first match there may become current."""
        if self.closed or not self.is_mounted or not self.text.strip() or self._is_stale():
            return
        first = len(self._lines)
        self._read_lines()
        found = find_in_lines(self._lines, self.text, first)
        done = not self._more_to_come
        if not found and not done:
            return
        self.matches.extend(found)
        if self._waiting and found:
            self._waiting = False
            self.current = len(self.matches) - len(found)
        elif self._waiting and done:
            self._waiting = False
            if self.matches:  # nothing further down: go round to the first, as less does
                self.current = 0
        else:
            # Only more marks: added to those shown (a common word can have thousands).
            self.view.add_highlights([Highlight(m.y, m.x0, m.x1, MATCH_STYLE) for m in found])
            self._show_count()
            return
        self._show(scroll=True)

    def article_changed(self) -> None:
        """The reader opened another article: mark the same text in it, without
        moving away from where the article was opened (a heading, a link's target).
        No match is current until the reader moves to one."""
        self.find(scroll=False)
        self.current = None
        self._show(scroll=False)

    def _layout_may_have_changed(self) -> None:
        """Find again at the new width (or in the new article), moving nothing: the
        article keeps its own place, and no match becomes current by itself."""
        if self.closed or not self.text or not self._is_stale():
            return
        had_current = self.current is not None
        self.find(scroll=False)
        if not had_current:
            self.current = None
            self._show(scroll=False)

    def _is_stale(self) -> bool:
        """True when the matches were found in another article or at another width."""
        view = self.view
        return (
            view.document is not self._searched_document
            or view.layout_now is not self._searched_layout
        )

    def step(self, direction: int) -> None:
        """Move to the next (1) or previous (-1) match, going round at either end."""
        if self._is_stale():
            self.find(scroll=False)
            self.current = None  # so the step lands on the first match in view
        if not self.matches:
            self._waiting = self._more_to_come
            self._show(scroll=False)
            return
        wrapped = False
        if self.current is None or not self.view.line_in_view(self.matches[self.current].y):
            # Like less: from what is on screen, not from a match scrolled away from.
            self.current = self._first_in_view(direction)
            if direction > 0 and self.matches[self.current].y < self._top and self._more_to_come:
                self.current, self._waiting = None, True  # the next one is still to come
                self._show(scroll=False)
                return
        elif direction > 0 and self.current == len(self.matches) - 1 and self._more_to_come:
            self._waiting = True  # the next one is in what is still to be laid out
            self._show(scroll=False)
            return
        else:
            moved = (self.current + direction) % len(self.matches)
            wrapped = moved < self.current if direction > 0 else moved > self.current
            self.current = moved
        self._show(scroll=True, wrapped=wrapped)

    def _first_in_view(self, direction: int) -> int:
        """The first match from the top of the pane down (or the last from its bottom up)."""
        top = round(self.view.scroll_offset.y)
        if direction > 0:
            return next((i for i, m in enumerate(self.matches) if m.y >= top), 0)
        bottom = top + self.view.scrollable_content_region.height
        before = [i for i, m in enumerate(self.matches) if m.y < bottom]
        return before[-1] if before else len(self.matches) - 1

    def action_next_match(self) -> None:
        self.step(1)

    def action_previous_match(self) -> None:
        self.step(-1)

    def action_close(self) -> None:
        self.close()

    def close(self) -> None:
        """Clear the marks and remove the bar; the article keeps the focus."""
        self.closed = True
        self.view.hurry = False
        self.view.set_highlights([])
        self.view.focus()
        self.remove()

    # ------------------------------------------------------------- showing
    def _show(self, *, scroll: bool, wrapped: bool = False) -> None:
        highlights = [
            Highlight(m.y, m.x0, m.x1, CURRENT_MATCH_STYLE if i == self.current else MATCH_STYLE)
            for i, m in enumerate(self.matches)
        ]
        self.view.set_highlights(highlights)
        if scroll and self.current is not None:
            self.view.scroll_line_into_view(self.matches[self.current].y)
        self._show_count(wrapped=wrapped)

    def _show_count(self, *, wrapped: bool = False) -> None:
        self.view.hurry = self._waiting and not self.closed
        self.query_one("#find-count", Static).update(self.count_text(wrapped=wrapped))
        none = bool(self.text.strip()) and not self.matches and not self._more_to_come
        self.input.set_class(none, "-no-match")

    def count_text(self, *, wrapped: bool = False) -> Text:
        if not self.text.strip():
            return Text("")
        more = self._more_to_come
        if not self.matches:
            if more:
                # Translators: find in a long article still being prepared: nothing yet.
                return Text(_("Looking…"))
            return Text(_("No matches"), style="bold")
        count = len(self.matches)
        if self.current is None:
            if more:
                # Translators: find in a long article still being prepared.
                found = ngettext("{count} match so far", "{count} matches so far", count)
                return Text(found.format(count=count))
            return Text(ngettext("{count} match", "{count} matches", count).format(count=count))
        number = self.current + 1
        if more and not wrapped:
            # Translators: "3 of 7" while a long article is still being searched.
            position = _("{number} of {count} so far")
        elif not wrapped:
            # Translators: which match of the word found is the current one: "3 of 7".
            position = _("{number} of {count}")
        elif self.current == 0:
            # Translators: after the last match, the search went round to the first one.
            position = _("{number} of {count} (from the start)")
        else:
            # Translators: before the first match, the search went round to the last one.
            position = _("{number} of {count} (from the end)")
        return Text(position.format(number=number, count=count))
