"""The second loading stage, as callers see it: no YAML, no loader import.

``load_guide_quickly`` leaves the body scans (headings, link problems) for later and
records how to do them on the guide; these two functions are all a caller needs, so the
reader (spinetui.services) can start from the guide cache without importing the loader
or PyYAML.
"""

from __future__ import annotations

from spinetui.model.types import Guide


def complete_guide(quick: Guide) -> Guide:
    """The second stage of :func:`load_guide_quickly`: a new guide with the articles'
    headings and every problem, in the order :func:`load_guide` gives them.

    ``quick`` is left as it was. Safe from any thread; the work is done once (a second
    call returns the same guide). A guide that is already complete is returned as is.
    """
    finisher = quick._pending
    return quick if finisher is None else finisher()


def is_complete(guide: Guide) -> bool:
    """Has `guide` every heading and problem (a full load, or complete_guide's result)?"""
    return guide._pending is None
