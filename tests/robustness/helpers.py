"""Shared pieces of the robustness tests: settings, screen reading, hostile strings."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from hypothesis import HealthCheck, settings
from rich.segment import Segment

if TYPE_CHECKING:
    from textual.app import App

# Property tests: a moderate, fixed set of examples, so CI runs are fast and repeatable.
PROPERTY = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# What must never reach a terminal: C0 controls (tab and newline included: a drawn
# segment is one line of cells), DEL and the C1 range.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

# Escape sequences of every family a content file might carry, each hiding a word
# that must not be drawn if the sequence is removed whole.
ESCAPES = {
    "csi": "\x1b[2J\x1b[31mCSIWORD\x1b[0m",  # CSIWORD is plain text between two CSIs
    "osc-title": "\x1b]0;PWNEDTITLE\x07",
    "osc-clipboard": "\x1b]52;c;UFdORURDTElQ\x07",
    "dcs": "\x1bP1$qPWNEDDCS\x1b\\",
    "c1-csi": "\x9b2J\x9b31m",
    "c1-osc": "\x9d0;PWNEDC1\x9c",
    "controls": "\x07\x08\x00\x7f",
}
ALL_ESCAPES = "".join(ESCAPES.values())
# Words inside the sequences: if one is on the screen, a sequence was only half removed.
HIDDEN_WORDS = ("PWNEDTITLE", "UFdORURDTElQ", "PWNEDDCS", "PWNEDC1", "52;c", "[2J", "[31m")

# Textual / Rich markup and action links. Shown literally, they are harmless text;
# read as markup, they would style text, open addresses or run app actions on a click.
MARKUP = "[@click=app.quit]QUITLINK[/] [b]BOLD[/b] [link=https://evil.example]LINK[/link] [/x]"


def screen_segments(app: App) -> list[list[Segment]]:
    """Every segment of every line the app's screen would send to the terminal now."""
    # The compositor is what writes to the terminal; this is the same call Textual
    # makes for a full redraw (it includes toasts and modal screens' backgrounds).
    strips = app.screen._compositor.render_strips()
    return [list(strip) for strip in strips]


def screen_lines(app: App) -> list[str]:
    return ["".join(s.text for s in line) for line in screen_segments(app)]


def screen_text(app: App) -> str:
    return "\n".join(screen_lines(app))


def assert_no_controls(app: App) -> None:
    """No control character in any segment drawn, and none in a screenshot either."""
    for y, line in enumerate(screen_segments(app)):
        for segment in line:
            bad = CONTROL.search(segment.text)
            assert bad is None, f"control {bad.group()!r} drawn on line {y}: {segment.text!r}"
    svg = app.export_screenshot()
    assert CONTROL.search(svg.replace("\n", "").replace("\t", "")) is None


def find_on_screen(app: App, text: str) -> tuple[int, int] | None:
    """(x, y) of the first cell of ``text`` on the screen, or None."""
    for y, line in enumerate(screen_lines(app)):
        x = line.find(text)
        if x >= 0:
            from rich.cells import cell_len

            return cell_len(line[:x]), y
    return None


def toast_texts(app: App) -> list[str]:
    """The text of each notification on screen, as drawn (long ones wrap on screen)."""
    from textual.widgets._toast import Toast

    return [str(toast.render()) for toast in app.screen.query(Toast)]
