"""Evidence-strength badges: dots and words, so the level never depends on colour."""

from __future__ import annotations

from rich.text import Text

# level -> (filled dots out of four, words, colour that only reinforces the words)
_BADGES: dict[str, tuple[int, str, str]] = {
    "high": (4, "High evidence", "green"),
    "moderate": (3, "Moderate evidence", "cyan"),
    "low": (2, "Low evidence", "yellow"),
    "very-low": (1, "Very low evidence", "red"),
}
DOTS = 4


def evidence_badge(level: str | None) -> Text | None:
    """`●●●○ Moderate evidence` for a known level; plain words for anything else.

    None when the cell has no evidence level (cost or recovery rows, for example).
    """
    if not level:
        return None
    known = _BADGES.get(level)
    if known is None:
        # Content is untrusted: an unknown level is shown as given, as plain text.
        return Text(f"Evidence: {level}", style="italic")
    filled, words, colour = known
    return Text.assemble(
        ("●" * filled, colour),
        ("○" * (DOTS - filled), "dim"),
        " ",
        (words, "bold"),
    )


def evidence_words(level: str | None) -> str:
    """The level in words, for the detail panel and screen readers."""
    if not level:
        return "Evidence strength not rated for this row"
    known = _BADGES.get(level)
    return known[1] if known is not None else f"Evidence: {level}"
