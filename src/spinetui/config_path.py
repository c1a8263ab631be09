"""Where the user's settings file is. Kept apart from `spinetui.kiosk` so the command
line can look for the file without importing kiosk mode (start-up imports only what
the first screen needs)."""

from __future__ import annotations

import os
from pathlib import Path


def default_config_path() -> Path:
    """$XDG_CONFIG_HOME/spinetui/config.toml, or ~/.config/spinetui/config.toml."""
    base = os.environ.get("XDG_CONFIG_HOME") or ""
    root = Path(base) if os.path.isabs(base) else Path.home() / ".config"
    return root / "spinetui" / "config.toml"


# The themes a reader can choose, by the name the config file uses (`theme = "light"`).
# Here, not in `spinetui.themes`, so the config file can be checked without Textual.
THEME_NAMES: tuple[str, ...] = ("dark", "light", "high-contrast")
DEFAULT_THEME = "dark"
