"""Switch a running app to console-safe drawing (see spinetui.console)."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from spinetui.console import scrollbar
from spinetui.console.filter import ConsoleFilter
from spinetui.console.theme import CONSOLE_THEME, VGA_TERMINAL_THEME

CONSOLE_CLASS = "-console"
#: The console's style sheet rules (borders the fonts can draw).
CONSOLE_CSS = Path(__file__).resolve().parent.parent / "styles" / "console.tcss"


def use_console(app: App) -> ConsoleFilter:
    """Console theme, whole-cell scrollbars, the `-console` class for the style sheet's
    console rules (borders the fonts can draw), and the last-pass filter. Returns the
    filter (tests switch its glyph pass off to see what the widgets draw themselves)."""
    app.console_mode = True  # type: ignore[attr-defined]
    app.register_theme(CONSOLE_THEME)
    app.theme = CONSOLE_THEME.name
    # ANSI colour names in content styles ("bright_blue") become the console's own RGB.
    app.ansi_theme_dark = VGA_TERMINAL_THEME
    console_filter = ConsoleFilter()
    app._filters.append(console_filter)
    app.add_class(CONSOLE_CLASS)
    # Its rules (all under SpineApp.-console) are read only now; the theme change above
    # parses the style sheet again with them.
    app.stylesheet.read(CONSOLE_CSS)
    scrollbar.install()
    return console_filter
