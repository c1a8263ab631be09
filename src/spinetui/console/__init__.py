"""Drawing for the Linux text console (TERM=linux): its fonts' characters, its 16 colours.

The console's standard fonts (Debian's console-setup: Uni2-Fixed16, Lat15-Fixed16,
Uni2-Terminus16) hold a few hundred characters, and its palette is the 16 VGA colours,
with only the first 8 as backgrounds. `console_wanted` decides when to draw for it;
`spinetui.console.setup` switches an app over (theme, scrollbars, a last-pass filter).
"""

from __future__ import annotations

from collections.abc import Mapping


def console_wanted(flag: bool | None, config_value: bool, environ: Mapping[str, str]) -> bool:
    """Console-safe drawing: `--console`/`--no-console` win, then the config file's
    `console = true`, then the terminal itself (TERM=linux is the kernel's console)."""
    if flag is not None:
        return flag
    if config_value:
        return True
    return environ.get("TERM", "") == "linux"


def drawing_for_console() -> bool:
    """True while the running app draws for the console (for drawing code that has no
    app at hand, like the evidence badges)."""
    from textual._context import active_app

    try:
        app = active_app.get()
    except LookupError:
        return False
    return bool(getattr(app, "console_mode", False))
