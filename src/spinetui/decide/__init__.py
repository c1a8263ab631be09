"""Decision tools, Textual-free: what the reader said matters to them, the SURE check,
and (from the ``questions`` work) the questions they ticked or typed.

The answers live in one ``DecisionState`` on the app for the visit; nothing here writes
a file, and ``DecisionState.clear()`` forgets it all (the kiosk's idle reset calls it).
"""

from spinetui.decide.state import DecisionState

#: The tools an article can open with a ``[text](tool:id)`` link; ``spinetui check``
#: reports a ``tool:`` link naming anything else.
TOOL_IDS: tuple[str, ...] = ("what-matters", "sure")

__all__ = ["TOOL_IDS", "DecisionState"]
