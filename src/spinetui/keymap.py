"""Every key the app answers to, kept as data.

Screens build their BINDINGS from these tables and the help screen lists them, so the
footer, the help screen and the behaviour can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True, slots=True)
class Key:
    keys: str  # Textual key names, comma separated
    action: str
    description: str  # short, for the footer
    help: str = ""  # longer, for the help screen
    show: bool = True  # shown in the footer
    display: str | None = None  # how the help screen and footer print the keys
    priority: bool = False

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.description,
            show=self.show,
            key_display=self.display,
            priority=self.priority,
        )


def bindings(keys: tuple[Key, ...]) -> list[Binding]:
    return [key.binding() for key in keys]


# Keys that work everywhere in the app (bound on the App).
GLOBAL_KEYS: tuple[Key, ...] = (
    Key("question_mark,f1", "help", "Help", "Show this list of keys", display="?"),
    Key("ctrl+p", "command_palette", "Jump", "Jump to any article, heading or term by name"),
    Key(
        "exclamation_mark",
        "problems",
        "Problems",
        "List problems found in the content files",
        show=False,
        display="!",
    ),
    Key("q", "quit", "Quit", "Quit spinetui (not in kiosk mode)"),
)

# Keys of the reader screen (contents + article).
READER_KEYS: tuple[Key, ...] = (
    Key("t", "toggle_contents", "Contents", "Hide or show the table of contents"),
    Key(
        "tab",
        "focus_next_pane",
        "Next pane",
        "Move between the contents and the article",
        show=False,
    ),
    Key(
        "shift+tab",
        "focus_previous_pane",
        "Previous pane",
        "Move between panes the other way",
        show=False,
    ),
    Key(
        "left_square_bracket", "previous_article", "Prev", "Open the previous article", display="["
    ),
    Key("right_square_bracket", "next_article", "Next", "Open the next article", display="]"),
    Key("b,backspace,alt+left", "back", "Back", "Go back to what you read before", display="b"),
    Key(
        "f,alt+right",
        "forward",
        "Forward",
        "Go forward again after going back",
        show=False,
        display="f",
    ),
    Key(
        "escape",
        "back_out",
        "Back out",
        "Back out one step (close, clear, or return to the contents)",
        show=False,
        display="Esc",
    ),
)

# Keys of the article pane.
ARTICLE_KEYS: tuple[Key, ...] = (
    Key("up,k", "scroll_up", "Up", "Scroll up one line", show=False, display="↑/k"),
    Key("down,j", "scroll_down", "Down", "Scroll down one line", show=False, display="↓/j"),
    Key("pageup", "page_up", "Page up", "Scroll up one page", show=False, display="PgUp"),
    Key(
        "pagedown,space",
        "page_down",
        "Page down",
        "Scroll down one page",
        show=False,
        display="PgDn/Space",
    ),
    Key("home", "scroll_home", "Top", "Go to the top of the article", show=False, display="Home"),
    Key("end", "scroll_end", "Bottom", "Go to the end of the article", show=False, display="End"),
    Key("l", "next_target", "Next link", "Select the next link or marked word", display="l"),
    Key(
        "L",
        "previous_target",
        "Prev link",
        "Select the previous link or marked word",
        show=False,
        display="L",
    ),
    Key(
        "enter",
        "activate_target",
        "Open link",
        "Follow the selected link or explain the marked word",
        show=False,
        display="Enter",
    ),
)

HELP_SECTIONS: tuple[tuple[str, tuple[Key, ...]], ...] = (
    ("Reading an article", ARTICLE_KEYS),
    ("Moving around", READER_KEYS),
    ("Everywhere", GLOBAL_KEYS),
)
