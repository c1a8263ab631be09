"""One key of the app as data, and the Textual bindings built from it.

Textual-free to import (the `Binding` class is imported when bindings are built, by
screens that have Textual anyway), so the config file can be checked against the key
tables without starting Textual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from textual.binding import Binding, BindingType


class Key(NamedTuple):
    keys: str  # Textual key names, comma separated
    action: str
    description: str  # short, for the footer
    help: str = ""  # longer, for the help screen (and the binding's tooltip)
    show: bool = True  # shown in the footer
    display: str | None = None  # how the help screen and footer print the keys
    priority: bool = False
    # The binding's id: the name a `[keys]` table in the config file remaps it by
    # (`App.set_keymap`). Set by `area()`: "<area>.<name>", name defaulting to the action.
    id: str | None = None
    name: str | None = None  # the id's last part, where the action alone would not do
    remappable: bool = True  # False: listed in the help, but no binding does it (no id)

    def binding(self) -> Binding:
        from textual.binding import Binding

        return Binding(
            self.keys,
            self.action,
            self.description,
            show=self.show,
            key_display=self.display,
            priority=self.priority,
            tooltip=self.help,
            id=self.id,
        )


def bindings(keys: tuple[Key, ...]) -> list[BindingType]:
    """A class's BINDINGS, typed as Textual declares them (a list is invariant)."""
    return [key.binding() for key in keys]


def area(prefix: str, *keys: Key) -> tuple[Key, ...]:
    """The keys of one area, each given the id "<prefix>.<name>" unless it has one
    (a key shared by two areas, like help, keeps one id and so one remapping)."""
    named: list[Key] = []
    for key in keys:
        if key.id is None and key.remappable:
            name = key.name or key.action.removeprefix("app.")
            if not name.isidentifier():
                raise ValueError(f"{key.action!r} needs a name= to make its binding id")
            key = key._replace(id=f"{prefix}.{name}")
        named.append(key)
    return tuple(named)
