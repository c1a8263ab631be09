"""Textual's own footer, with each key's description in the reader's language.

The decision tools' screens keep Textual's ``Footer`` (its look is in their snapshots);
their bindings hold the key tables' ``N_()``-marked English, which Textual draws as it
is. This footer translates each description as it composes, so a Spanish screen's
footer speaks Spanish and an English one is drawn exactly as before.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from spinetui.i18n import _


class TranslatedFooter(Footer):
    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.description:
                widget.description = _(widget.description)
            yield widget
