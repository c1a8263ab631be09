"""The small box in the middle of the screen that help, term cards, source cards,
pickers, the treatment chooser and saving My questions all open in.

One look for all of them: its border, background and padding are declared here once;
each dialog says only its own width and height limits.
"""

from __future__ import annotations

from textual.screen import ModalScreen, ScreenResultType


class DialogScreen(ModalScreen[ScreenResultType]):
    # Type selectors match subclasses, so these rules style every dialog's box (its
    # one Vertical or VerticalScroll child).
    DEFAULT_CSS = """
    DialogScreen { align: center middle; }
    DialogScreen > Vertical, DialogScreen > VerticalScroll {
        max-width: 100%; height: auto;
        border: round $accent; background: $surface; padding: 0 1;
    }
    """
