"""What one reader said during this visit, in memory only.

One ``DecisionState`` lives on the app (``SpineApp.decision``) so every screen that
shows or changes an answer sees the same one; the kiosk's idle reset calls ``clear()``
so the next visitor starts with nothing. Plain fields, no Textual, no files.
"""

from __future__ import annotations


# Plain classes, not dataclasses, here and in questions.py: these are made before the
# first paint, and declaring a dataclass costs ~0.7 ms of start-up (its methods are
# written out and compiled), for an __init__ of two lines.
class DecisionState:
    __slots__ = ("matters", "sure")

    def __init__(self) -> None:
        #: factor id (``spinetui.decide.factors.FACTORS``) -> importance level
        #: (``factors.NOT_IMPORTANT`` / ``A_LITTLE`` / ``A_LOT``); a factor not answered
        #: is absent.
        self.matters: dict[str, int] = {}
        #: SURE item id (``spinetui.decide.sure.SURE_ITEMS``) -> True for yes, False for
        #: no; an item not answered is absent.
        self.sure: dict[str, bool] = {}

    def __repr__(self) -> str:
        return f"DecisionState(matters={self.matters!r}, sure={self.sure!r})"

    def clear(self) -> None:
        """Forget every answer (in place, so screens holding this object see it too)."""
        self.matters.clear()
        self.sure.clear()

    @property
    def is_empty(self) -> bool:
        return not self.matters and not self.sure
