"""Fixes for Textual failures at tiny terminal sizes, applied once when the app is imported.

Found by a red team (issue 14, finding 5); each one ended the kiosk after a few repeats:

- OptionList paging (PgUp/PgDn in the article picker, the search results, the glossary
  and the command palette) looks the highlighted option up in a line cache that is left
  empty while the list has no room (a 10x5 or 100x4 terminal): KeyError. Paging then
  moves by one option instead.
- Measuring text for a width of zero or less (an OptionList 8 columns wide, once its
  padding is taken off) divides the line by steps of zero: ValueError. Text is measured
  at a width of at least one cell.

Textual 8.2 has both; remove a fix here when Textual's own code stops failing (the
tests in tests/robustness/test_tiny_sizes.py show whether it still does).
"""

from __future__ import annotations

from typing import Any

_applied = False


def apply() -> None:
    global _applied
    if _applied:
        return
    _applied = True
    _fix_option_list_paging()
    _fix_zero_width_text()


def _fix_option_list_paging() -> None:
    from textual.widgets import OptionList

    move_page = OptionList._move_page

    def _move_page(self: OptionList, direction: Any) -> None:
        highlighted = self.highlighted or 0
        if self._options and (not self._lines or highlighted not in self._index_to_line):
            # No room to lay the options out: a page is one option.
            last = len(self._options) - 1
            self.highlighted = min(last, max(0, highlighted + direction))
            return
        move_page(self, direction)

    OptionList._move_page = _move_page  # type: ignore[method-assign]


def _fix_zero_width_text() -> None:
    from textual.content import Content

    wrap_and_format = Content._wrap_and_format

    def _wrap_and_format(self: Content, width: int, *args: Any, **kwargs: Any) -> Any:
        # line_pad (the fourth argument after width) is taken off both sides again.
        line_pad = kwargs.get("line_pad", args[3] if len(args) > 3 else 0) or 0
        return wrap_and_format(self, max(1 + 2 * line_pad, width), *args, **kwargs)

    Content._wrap_and_format = _wrap_and_format  # type: ignore[method-assign]
