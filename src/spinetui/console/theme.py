"""The console theme: colours straight from the VGA palette, chosen so that every text
and background pair Textual draws with it is at least 7:1 on the console
(tests/unit/test_console_palette.py computes them)."""

from __future__ import annotations

from rich.terminal_theme import TerminalTheme
from textual.theme import Theme

from spinetui.console.palette import VGA
from spinetui.render.styles import DEFAULT_STYLES


def _hex(index: int) -> str:
    r, g, b = VGA[index]
    return f"#{r:02X}{g:02X}{b:02X}"


BLACK, BLUE, CYAN, GREY = _hex(0), _hex(4), _hex(6), _hex(7)
WHITE, YELLOW, BRIGHT_CYAN, BRIGHT_GREEN = _hex(15), _hex(11), _hex(14), _hex(10)
RED = _hex(1)

CONSOLE_THEME = Theme(
    name="spinetui-console",
    primary=CYAN,
    secondary=BRIGHT_CYAN,
    accent=BRIGHT_CYAN,
    warning=YELLOW,
    error=YELLOW,
    success=BRIGHT_GREEN,
    foreground=WHITE,
    background=BLACK,
    surface=BLACK,
    panel=BLUE,
    boost=BLACK,
    dark=True,
    variables={
        # Textual derives these by blending, which lands between palette colours;
        # name them outright so the console shows what was meant.
        "text": WHITE,
        "text-muted": GREY,
        "text-disabled": GREY,
        "foreground-muted": GREY,
        "text-primary": BRIGHT_CYAN,
        "text-accent": BRIGHT_CYAN,
        "text-warning": YELLOW,
        "text-error": YELLOW,
        "text-success": BRIGHT_GREEN,
        "border": BRIGHT_CYAN,
        "border-blurred": GREY,
        "block-cursor-foreground": BLACK,
        "block-cursor-background": GREY,
        "block-cursor-text-style": "none",
        "block-cursor-blurred-foreground": WHITE,
        "block-cursor-blurred-background": BLUE,
        "block-hover-background": BLACK,
        "footer-foreground": WHITE,
        "footer-background": BLUE,
        "footer-key-foreground": YELLOW,
        "footer-key-background": BLUE,
        "footer-description-foreground": WHITE,
        "footer-description-background": BLUE,
        "footer-item-background": BLUE,
        "input-cursor-foreground": BLACK,
        "input-cursor-background": GREY,
        "input-selection-foreground": BLACK,
        "input-selection-background": CYAN,
        "screen-selection-foreground": BLACK,
        "screen-selection-background": CYAN,
        "scrollbar": GREY,
        "scrollbar-hover": WHITE,
        "scrollbar-active": WHITE,
        "scrollbar-background": BLUE,
        "scrollbar-background-hover": BLUE,
        "scrollbar-background-active": BLUE,
        "scrollbar-corner-color": BLUE,
        "primary-muted": BLUE,
        "link-color": BRIGHT_CYAN,
        "link-background": BLACK,
        "link-color-hover": BLACK,
        "link-background-hover": GREY,
    },
)

# The pairs the theme is meant for: (what, foreground, background). The contrast test
# checks each on the console palette.
TEXT_PAIRS: tuple[tuple[str, str, str], ...] = (
    ("body text", "text", "background"),
    ("muted text", "text-muted", "background"),
    ("headings and links", "text-primary", "background"),
    ("warnings", "text-warning", "background"),
    ("text on a panel (header, notices)", "text", "panel"),
    ("footer keys", "footer-key-foreground", "footer-background"),
    ("footer words", "footer-description-foreground", "footer-background"),
    ("selected row", "block-cursor-foreground", "block-cursor-background"),
    (
        "selected row, elsewhere",
        "block-cursor-blurred-foreground",
        "block-cursor-blurred-background",
    ),
    ("selected text in a box", "input-selection-foreground", "input-selection-background"),
    ("text cursor", "input-cursor-foreground", "input-cursor-background"),
    ("hovered link", "link-color-hover", "link-background-hover"),
)

# Rich styles in the content renderer name ANSI colours ("bright_blue"); Textual turns
# them into RGB with a terminal theme. This one is the console's own palette, so they
# land exactly on the colours the console shows.
VGA_TERMINAL_THEME = TerminalTheme(
    VGA[0], VGA[7], [VGA[i] for i in range(8)], [VGA[i] for i in range(8, 16)]
)

# The console cannot underline (it shows underline as brown text), so links and marked
# glossary words get characters around them as well as their colour: [a link] and
# ‹a word› tell them apart from the text around them by shape.
CONSOLE_RENDER_STYLES = DEFAULT_STYLES._replace(link_marks=("[", "]"), term_marks=("‹", "›"))
