"""The footer: the keys that work here, as many as fit, most important first.

Textual's own footer lists every shown key in binding order and cuts the line at the
screen's edge (half a word and a stray letter at 80 columns), so the keys a reader needs
most (help, quit or close) can fall off. This one measures: it takes keys in the order
of `keymap.FOOTER_RANK` while they fit, and never draws part of one. When a text box has
the focus, keys that are characters are left out: pressed there they type.

Descriptions are translated here, as the footer is drawn: the bindings hold the English
of the key tables (`N_()`-marked), so a change of language shows on the next refresh.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import ActiveBinding
from textual.dom import DOMNode
from textual.keys import key_to_character
from textual.widget import Widget
from textual.widgets import Input

from spinetui.i18n import _
from spinetui.keymap import FOOTER_RANK, key_label

GAP = 2  # cells between two keys


class FooterItem(NamedTuple):
    key: str  # as shown
    description: str
    action: str
    node: DOMNode

    @property
    def width(self) -> int:
        return cell_len(self.key) + 1 + cell_len(self.description)


_ARROWS = {"up", "down", "left", "right"}


def _types_a_character(key: str) -> bool:
    if "+" in key or key in _ARROWS:
        return False
    character = key_to_character(key) or key_label(key)
    return key == "space" or (len(character) == 1 and character.isprintable())


def footer_items(bindings: dict[str, ActiveBinding], *, typing: bool) -> list[FooterItem]:
    """The keys to offer, most important first (one item per action)."""
    items: dict[str, tuple[int, int, FooterItem]] = {}
    for order, (key, active) in enumerate(bindings.items()):
        binding = active.binding
        if not binding.show or not active.enabled or binding.action in items:
            continue
        if typing and _types_a_character(key):
            continue
        shown = binding.key_display or key_label(key)
        if typing and len(shown) == 1:
            shown = key_label(key)  # "b" would type; name the key that does it here
        rank = FOOTER_RANK.get(binding.action, 30)
        description = _(binding.description) if binding.description else ""  # _("") is the header
        item = FooterItem(shown, description, binding.action, active.node)
        items[binding.action] = (rank, order, item)
    return [item for _rank, _order, item in sorted(items.values(), key=lambda t: t[:2])]


def fit(items: list[FooterItem], width: int) -> list[FooterItem]:
    """As many items as fit in `width` cells, taken in order (a long one is skipped)."""
    chosen: list[FooterItem] = []
    used = 1  # a margin on the left
    for item in items:
        need = item.width + (GAP if chosen else 0)
        if used + need <= width:
            chosen.append(item)
            used += need
    return chosen


class SpineFooter(Widget):
    DEFAULT_CSS = """
    SpineFooter { dock: bottom; height: 1; background: $panel; color: $foreground; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._spans: list[tuple[int, int, FooterItem]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: object) -> None:
        self.refresh()

    @property
    def items(self) -> list[FooterItem]:
        screen = self.screen
        typing = isinstance(screen.focused, Input)
        return fit(footer_items(screen.active_bindings, typing=typing), self.size.width)

    def render(self) -> Text:
        text = Text(" ", no_wrap=True, overflow="crop")
        self._spans = []
        for index, item in enumerate(self.items):
            if index:
                text.append(" " * GAP)
            start = text.cell_len
            text.append(item.key, style="bold reverse")
            text.append(" " + item.description)
            self._spans.append((start, text.cell_len, item))
        return text

    async def on_click(self, event: events.Click) -> None:
        for start, end, item in self._spans:
            if start <= event.x < end:
                event.stop()
                await self.app.run_action(item.action, item.node)
                return
