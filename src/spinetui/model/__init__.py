"""The content model: load, clean and check a content folder.

Nothing here imports Textual (or Rich): the UI reads these plain objects.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from spinetui.model.clean import clean_data, clean_text
from spinetui.model.types import (
    EVIDENCE_LEVELS,
    OTHER_SECTION,
    OUTCOME_DENOMINATORS,
    OUTCOME_KINDS,
    UNKNOWN_DATE,
    Article,
    Attribute,
    Cell,
    ComparisonTable,
    GlossaryTerm,
    Guide,
    Heading,
    Outcome,
    Problem,
    Section,
    Severity,
    Source,
    Treatment,
)

if TYPE_CHECKING:
    from spinetui.model.loader import load_guide

# The loader (and PyYAML with it) is imported on first use, not with the package: a
# reader started from the guide cache (model/cache.py) never needs it.
_FROM_LOADER = ("load_guide",)


def __getattr__(name: str) -> Any:
    if name in _FROM_LOADER:
        from spinetui.model import loader

        return getattr(loader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_PACKAGE = Path(__file__).resolve().parent.parent  # .../spinetui


def bundled_content_dir() -> Path:
    """The content folder that ships with spinetui.

    In a wheel it is ``spinetui/bundled_content`` (pyproject force-includes the
    repository's ``content/`` there); in a source checkout or editable install it is
    ``<repo>/content``. The first that exists wins; if neither does, the wheel path is
    returned (loading it then reports that the folder is missing).
    """
    packaged = _PACKAGE / "bundled_content"
    if packaged.is_dir():
        return packaged
    checkout = _PACKAGE.parent.parent / "content"  # src/spinetui -> src -> repo
    if checkout.is_dir():
        return checkout
    return packaged


__all__ = [
    "EVIDENCE_LEVELS",
    "OTHER_SECTION",
    "UNKNOWN_DATE",
    "Article",
    "Attribute",
    "Cell",
    "ComparisonTable",
    "GlossaryTerm",
    "Guide",
    "Heading",
    "OUTCOME_DENOMINATORS",
    "OUTCOME_KINDS",
    "Outcome",
    "Problem",
    "Section",
    "Severity",
    "Source",
    "Treatment",
    "bundled_content_dir",
    "clean_data",
    "clean_text",
    "load_guide",
]
