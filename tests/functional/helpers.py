"""Helpers for Pilot tests: build the app on a fixture guide, read what is drawn."""

from __future__ import annotations

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
