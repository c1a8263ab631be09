"""Taking the reader to a place found by search, the glossary or the jump-to palette."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spinetui.components.reader.reader_screen import ReaderScreen

if TYPE_CHECKING:
    from spinetui.app import SpineApp
    from spinetui.search import Place


def reader_on_top(app: SpineApp) -> ReaderScreen | None:
    """Close whatever is over the reader (search, glossary, pop-ups) and return it."""
    reader = next((s for s in reversed(app.screen_stack) if isinstance(s, ReaderScreen)), None)
    if reader is None:
        return None
    while app.screen is not reader:
        app.pop_screen()
    return reader


def open_article(app: SpineApp, article_id: str, anchor: str | None = None) -> bool:
    """Show an article in the reader, at a heading when one is given."""
    reader = reader_on_top(app)
    if reader is None:
        return False
    opened = reader.open_article(article_id, anchor)
    if opened:
        reader.article_view.focus()
    return opened


def open_comparison(app: SpineApp, attribute_id: str | None, treatment_id: str | None) -> None:
    """Show the comparison table with one cell (or a row, or a column) selected.

    A comparison already open is reused, so the treatments the visitor chose stay.
    """
    from spinetui.components.compare.comparison_screen import ComparisonScreen

    screen = next((s for s in reversed(app.screen_stack) if isinstance(s, ComparisonScreen)), None)
    if screen is not None:
        while app.screen is not screen:
            app.pop_screen()
        screen.grid.select_ids(attribute_id, treatment_id)
        screen.grid.focus()
        return
    reader_on_top(app)
    screen = ComparisonScreen()

    async def open_and_select() -> None:
        await app.push_screen(screen)
        screen.grid.select_ids(attribute_id, treatment_id)

    app.call_later(open_and_select)


def open_place(app: SpineApp, place: Place, words: tuple[str, ...] = ()) -> None:
    """Go to a place; in an article, mark `words` (what was searched for) like find."""
    if place.kind == "article" and place.article_id:
        if open_article(app, place.article_id, place.anchor) and words:
            reader = reader_on_top(app)
            if reader is not None:
                reader.mark_words(words)
    elif place.kind == "comparison":
        open_comparison(app, place.attribute_id, place.treatment_id)
    elif place.kind == "glossary" and place.term_id:
        # Over whatever is showing, so closing the definition returns to the results.
        app.show_term(place.term_id)
