"""SVG snapshots of the main screen. Review the SVGs like code before accepting."""

from __future__ import annotations

import pytest

from tests.functional.helpers import make_app


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_main_screen(snap_compare, size):
    assert snap_compare(make_app(), terminal_size=size)


def test_main_screen_with_a_link_selected(snap_compare):
    assert snap_compare(make_app(), terminal_size=(120, 40), press=["l"])


def test_help_screen(snap_compare):
    assert snap_compare(make_app(), terminal_size=(100, 40), press=["question_mark"])
