"""Snapshots must not depend on when they are taken."""

from __future__ import annotations

import pytest
from textual.widgets import Input


@pytest.fixture(autouse=True)
def _steady_text_cursor(monkeypatch):
    # A text box's cursor blinks on a timer; frozen on, so a snapshot taken mid-blink
    # matches one taken a moment later.
    def keep_cursor_on(self: Input) -> None:
        self._cursor_visible = True

    monkeypatch.setattr(Input, "_toggle_cursor", keep_cursor_on)
