"""Helpers for Pilot tests: build the app on a fixture guide, read what is drawn."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from spinetui.app import SpineApp
from spinetui.components.article.article_view import ArticleView
from spinetui.model import load_guide
from spinetui.services import Services
from tests.conftest import FIXTURES

READER_GUIDE = FIXTURES / "reader-guide"


def make_app(folder: Path = READER_GUIDE, **kwargs) -> SpineApp:
    return SpineApp(Services(load_guide(folder)), **kwargs)


def visible_text(view: ArticleView) -> str:
    """The article lines on screen now, as plain text."""
    return "\n".join(view.render_line(y).text for y in range(view.scrollable_content_region.height))


async def until(pilot, done: Callable[[], object], failure: str = "", steps: int = 3000) -> None:
    """Let the app run (timers, layout steps, keys) until ``done()``; fail if it never is.

    One pause is not always enough on a loaded machine (a screen pushed in that pause
    may not have composed yet), so a test waits for what it is about to look at.
    """
    for _ in range(steps):
        if done():
            return
        await pilot.pause(0.01)
    raise AssertionError(failure or "the app never got there")
