"""What one reader said during this visit, in memory only.

One ``DecisionState`` lives on the app (``SpineApp.decision``) so every screen that
shows or changes an answer sees the same one; the kiosk's idle reset calls ``clear()``
so the next visitor starts with nothing. Plain fields, no Textual, no files.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class DecisionState:
    #: factor id (``spinetui.decide.factors.FACTORS``) -> importance level
    #: (``factors.NOT_IMPORTANT`` / ``A_LITTLE`` / ``A_LOT``); a factor not answered is absent.
    matters: dict[str, int] = field(default_factory=dict)
    #: SURE item id (``spinetui.decide.sure.SURE_ITEMS``) -> True for yes, False for no;
    #: an item not answered is absent.
    sure: dict[str, bool] = field(default_factory=dict)

    def clear(self) -> None:
        """Forget every answer (in place, so screens holding this object see it too)."""
        self.matters.clear()
        self.sure.clear()

    @property
    def is_empty(self) -> bool:
        return not self.matters and not self.sure
