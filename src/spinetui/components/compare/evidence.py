"""Evidence-strength badges: dots and words, so the level never depends on colour."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from spinetui.console import drawing_for_console
from spinetui.i18n import N_, _

# level -> (filled dots out of four, words, colour that only reinforces the words);
# the words are marked here and translated where they are drawn.
_BADGES: dict[str, tuple[int, str, str]] = {
    "high": (4, N_("High evidence"), "green"),
    "moderate": (3, N_("Moderate evidence"), "cyan"),
    "low": (2, N_("Low evidence"), "yellow"),
    "very-low": (1, N_("Very low evidence"), "red"),
}
DOTS = 4
FILLED, EMPTY = "●", "○"
# The console fonts have ● but no ○: a middle dot keeps the two apart by shape.
CONSOLE_EMPTY = "·"
BOLD = Style(bold=True)
DIM = Style(dim=True)
ITALIC = Style(italic=True)


def evidence_parts(level: str | None) -> list[tuple[str, Style | None]]:
    """The badge as (text, style) pieces: `●●●○`, a space, `Moderate evidence`.

    Empty when the cell has no evidence level (cost or recovery rows, for example).
    """
    if not level:
        return []
    known = _BADGES.get(level)
    if known is None:
        # Content is untrusted: an unknown level is shown as given, as plain text.
        return [(_("Evidence: {level}").format(level=level), ITALIC)]
    filled, words, colour = known
    empty = CONSOLE_EMPTY if drawing_for_console() else EMPTY
    return [
        (FILLED * filled, Style(color=colour)),
        (empty * (DOTS - filled), DIM),
        (" ", None),
        (_(words), BOLD),
    ]


def evidence_badge(level: str | None) -> Text | None:
    """The badge as Rich Text (`●●●○ Moderate evidence`), or None without a level."""
    parts = evidence_parts(level)
    return Text.assemble(*((t, s or "") for t, s in parts)) if parts else None


def evidence_words(level: str | None) -> str:
    """The level in words, for the detail panel and screen readers."""
    if not level:
        return _("Evidence strength not rated for this row")
    known = _BADGES.get(level)
    return _(known[1]) if known is not None else _("Evidence: {level}").format(level=level)
