"""Going from the comparison (or the side-by-side view) back to the reader, at a section."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spinetui.components.reader.reader_screen import ReaderScreen

if TYPE_CHECKING:
    from textual.app import App


def open_in_reader(
    app: App, article_id: str, anchor: str | None = None, *, from_comparison: bool = False
) -> None:
    """Close the screens above the reader and open the article there, at `anchor`.

    The reader is the screen the visitor came from, so its history (and Back) still
    works afterwards. If no reader is open (another screen is the base), a fresh one
    is opened on top.
    """
    readers = [s for s in app.screen_stack if isinstance(s, ReaderScreen)]
    if not readers:
        reader = ReaderScreen()

        def _open_when_ready() -> None:
            reader.open_article(article_id, anchor)
            reader.article_view.focus()

        app.push_screen(reader)
        reader.call_after_refresh(_open_when_ready)
        return
    reader = readers[-1]
    while app.screen is not reader:
        app.pop_screen()
    if reader.open_article(article_id, anchor) and from_comparison:
        reader.came_from_comparison()  # so that b goes back to the comparison
    reader.article_view.focus()
