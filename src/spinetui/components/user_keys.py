"""The reader's own keys: the config file's `[keys]` table applied with `App.set_keymap`.

A mixin for the App, so the help screen can ask which keys are in force
(`user_keymap`); the footer needs nothing, as Textual's active bindings carry the
remapped keys. Entries that cannot be used are left out and, outside kiosk mode,
listed in one notification with the file and line (`spinetui kiosk check-config`
lists them too): every other entry still applies.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from textual.app import App

# A long list would cover the screen; the rest are one command away.
SHOWN_PROBLEMS = 3


class UserKeys:
    """Mixin for the App (before textual.app.App in the bases)."""

    user_keymap: Mapping[str, str] = MappingProxyType({})

    def apply_user_keys(self, path: Path | None, *, announce: bool = True) -> None:
        """Read `[keys]` from the config file at `path` (if there is one) and use it."""
        if path is None or not path.is_file():
            return
        from spinetui.keymap.user import read_user_keys
        from spinetui.kiosk.config import read_config_file

        try:
            text, _mode = read_config_file(path)  # a regular file only, never blocking
        except (OSError, UnicodeDecodeError):
            return  # reading the settings at start-up already said why
        user = read_user_keys(text, str(path))
        app = cast("App[object]", self)
        if user.keymap:
            self.user_keymap = MappingProxyType(dict(user.keymap))
            app.set_keymap(user.keymap)
        if user.problems and announce:
            shown = list(user.problems[:SHOWN_PROBLEMS])
            if len(user.problems) > SHOWN_PROBLEMS:
                more = len(user.problems) - SHOWN_PROBLEMS
                shown.append(f"…and {more} more: spinetui kiosk check-config lists them all.")
            app.notify(
                "\n".join(["Some keys in the config file were left as they were:", *shown]),
                title="Keys",
                severity="warning",
                timeout=12,
                markup=False,
            )
