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


# How keys are printed for people: the character, an arrow, or the key's name.
_KEY_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "exclamation_mark": "!",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "less_than_sign": "<",
    "greater_than_sign": ">",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "escape": "Esc",
    "enter": "Enter",
    "tab": "Tab",
    "space": "Space",
    "backspace": "Backspace",
    "delete": "Delete",
}
_MODIFIERS = {"ctrl": "Ctrl", "alt": "Alt", "shift": "Shift"}


def key_label(name: str) -> str:
    """One Textual key name as people write it: "ctrl+p" → "Ctrl+P", "tab" → "Tab"."""
    *modifiers, base = name.split("+")
    if base in _KEY_NAMES:
        base = _KEY_NAMES[base]
    elif len(base) > 1:
        base = base.upper() if base[0] == "f" and base[1:].isdigit() else base.capitalize()
    elif modifiers:
        base = base.upper()
    return "+".join([*(_MODIFIERS.get(m, m.capitalize()) for m in modifiers), base])


def keys_label(keys: str) -> str:
    """Every key of a binding, for the help screen: "b / Backspace / Alt+←"."""
    return " / ".join(key_label(k.strip()) for k in keys.split(","))


# The footer shows as many keys as fit, most important first (lower numbers first);
# keys not listed come after these, in the order they are bound.
FOOTER_RANK: dict[str, int] = {
    "app.help": 0,
    "close": 1,
    "screen.cancel": 1,
    "cancel": 1,
    "quit": 2,
    "next_match": 3,
    "previous_match": 4,
    "open_result": 3,
    "select": 3,
    "screen.apply": 4,
    "read_cell": 5,
    "switch_side": 5,
    "find": 10,
    "search": 11,
    "glossary": 12,
    "compare": 13,
    "back": 14,
    "toggle_contents": 15,
    "next_target": 16,
    "next_article": 17,
    "previous_article": 18,
    "command_palette": 60,
}


# Keys that work everywhere in the app (bound on the App).
# Bound on the App for every screen, and again first on the reader screen so the footer
# (which lists the focused widget's keys, then the screen's, then the App's) shows it
# even on an 80-column terminal.
HELP_KEY = Key(
    "question_mark,f1,h", "app.help", "Help", "Show this list of keys (h as in less)", display="?"
)

GLOBAL_KEYS: tuple[Key, ...] = (
    HELP_KEY,
    Key(
        "ctrl+p",
        "command_palette",
        "Jump",
        "Jump to any article, heading or term by name",
    ),
    Key(
        "exclamation_mark",
        "problems",
        "Problems",
        "List problems found in the content files",
        show=False,
        display="!",
    ),
    Key("c", "compare", "Compare", "Open the side-by-side comparison of treatments"),
    Key("s", "search", "Search", "Search the whole guide: articles, comparison and glossary"),
    Key("g", "glossary", "Glossary", "Open the A-Z glossary of medical words"),
    Key(
        "m",
        "my_questions",
        "Questions",
        "Open My questions: the questions you ticked or typed, to take to your visit",
    ),
    Key(
        "ctrl+t",
        "next_theme",
        "Theme",
        "Change the colours: dark, light or high contrast (also in Ctrl+P)",
        show=False,
        display="Ctrl+T",
    ),
    Key(
        "q",
        "quit",
        "Quit",
        "Quit spinetui from the reader (not in kiosk mode); on other screens q closes them",
    ),
)

# Keys of the reader screen (contents + article).
READER_KEYS: tuple[Key, ...] = (
    HELP_KEY,
    Key("t", "toggle_contents", "Contents", "Hide or show the table of contents"),
    Key("slash", "find", "Find", "Find a word in the open article", display="/"),
    Key("n", "find_next", "Next match", "Go to the next match of the word found", show=False),
    Key(
        "N", "find_previous", "Prev match", "Go to the previous match of the word found", show=False
    ),
    Key(
        "v",
        "side_by_side",
        "Side by side",
        "Read this article beside another one, each scrolling on its own",
        show=False,  # in the help screen; the 80-column footer has room only for the basics
    ),
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
    Key(
        "b,backspace,alt+left,ctrl+left",
        "back",
        "Back",
        "Go back to what you read before",
        display="b",
    ),
    Key(
        "f,alt+right,ctrl+right",
        "forward",
        "Forward",
        "Go forward again after going back",
        show=False,
        display="f",
    ),
    Key(
        "less_than_sign",
        "contents_width(-1)",
        "Narrower",
        "Make the contents pane narrower",
        show=False,
    ),
    Key(
        "greater_than_sign",
        "contents_width(1)",
        "Wider",
        "Make the contents pane wider",
        show=False,
    ),
    Key(
        "d",
        "half_page(1)",
        "Half page down",
        "Scroll down half a page (as in less)",
        show=False,
    ),
    Key(
        "u",
        "half_page(-1)",
        "Half page up",
        "Scroll up half a page (as in less)",
        show=False,
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

# Keys of the contents pane (on top of Textual's tree keys: ↑ ↓, Enter, Space).
CONTENTS_KEYS: tuple[Key, ...] = (
    Key("down,j", "cursor_down", "Down", "Move down the contents", show=False),
    Key("up,k", "cursor_up", "Up", "Move up the contents", show=False),
    Key(
        "left",
        "collapse",
        "Collapse",
        "Fold up a section or article (or go to the one it is in)",
        show=False,
    ),
    Key("right", "expand", "Expand", "Unfold a section or article (or go into it)", show=False),
    Key("enter", "select_cursor", "Open", "Open the highlighted article or heading", show=False),
)

# Keys of the article pane.
ARTICLE_KEYS: tuple[Key, ...] = (
    Key("up,k", "scroll_up", "Up", "Scroll up one line", show=False, display="↑/k"),
    Key("down,j", "scroll_down", "Down", "Scroll down one line", show=False, display="↓/j"),
    Key("pageup", "page_up", "Page up", "Scroll up one page", show=False, display="PgUp"),
    Key("pagedown", "page_down", "Page down", "Scroll down one page", show=False, display="PgDn"),
    Key(
        "space",
        "space",
        "Page down / tick",
        "Tick or untick the selected question; otherwise scroll down one page",
        show=False,
        display="Space",
    ),
    Key("home", "scroll_home", "Top", "Go to the top of the article", show=False, display="Home"),
    Key(
        "end,G",
        "scroll_end",
        "Bottom",
        "Go to the end of the article (G as in less)",
        show=False,
        display="End",
    ),
    Key(
        "l",
        "next_target",
        "Next link",
        "Select the next link, marked word or question",
        display="l",
    ),
    Key(
        "L",
        "previous_target",
        "Prev link",
        "Select the previous link, marked word or question",
        show=False,
        display="L",
    ),
    Key(
        "enter",
        "activate_target",
        "Open link",
        "Follow the selected link or explain the marked word (a question: tick or untick it)",
        show=False,
        display="Enter",
    ),
)

# Keys of the comparison table itself (moving between cells).
COMPARE_GRID_KEYS: tuple[Key, ...] = (
    Key("up,k", "cursor_up", "Up", "Select the cell above", show=False, display="↑/k"),
    Key("down,j", "cursor_down", "Down", "Select the cell below", show=False, display="↓/j"),
    Key("left,h", "cursor_left", "Left", "Select the cell to the left", show=False, display="←"),
    Key(
        "right,l", "cursor_right", "Right", "Select the cell to the right", show=False, display="→"
    ),
    Key("pageup", "page_up", "Page up", "Select a row one screen up", show=False, display="PgUp"),
    Key(
        "pagedown",
        "page_down",
        "Page down",
        "Select a row one screen down",
        show=False,
        display="PgDn",
    ),
    Key("home", "first_row", "First row", "Select the first row", show=False, display="Home"),
    Key("end", "last_row", "Last row", "Select the last row", show=False, display="End"),
)

# Keys of the comparison screen.
COMPARE_KEYS: tuple[Key, ...] = (
    Key(
        "escape,q",
        "close",
        "Close",
        "Close the comparison and go back to reading",
        display="Esc",
    ),
    Key(
        "enter,o",
        "read_cell",
        "Read",
        "Open the selected treatment's article at the part this row sums up (or press o)",
        display="Enter",
    ),
    Key(
        "right_square_bracket",
        "next_columns",
        "More",
        "Show the next treatments when they do not all fit (after the last: the first)",
        display="]",
    ),
    Key(
        "left_square_bracket",
        "previous_columns",
        "Prev cols",
        "Show the previous treatments when they do not all fit",
        show=False,
        display="[",
    ),
    Key("t", "choose", "Choose", "Choose which treatments to compare, and their order"),
    Key(
        "d",
        "differences",
        "Differences",
        "Show only the rows where the chosen treatments differ (again: all rows)",
    ),
    Key(
        "v",
        "side_by_side",
        "Side by side",
        "Read the selected treatment's article beside the next column's",
    ),
    Key(
        "less_than_sign",
        "move_column(-1)",
        "Move left",
        "Move the selected treatment's column one place left",
        show=False,
        display="<",
    ),
    Key(
        "greater_than_sign",
        "move_column(1)",
        "Move right",
        "Move the selected treatment's column one place right",
        show=False,
        display=">",
    ),
    Key(
        "x",
        "hide_column",
        "Hide column",
        "Hide the selected treatment's column (two always stay)",
        show=False,
    ),
    Key(
        "w",
        "what_matters",
        "What matters",
        "Say what matters to you: those rows come first, marked with *",
    ),
    Key(
        "e",
        "toggle_detail_size",
        "Bigger panel",
        "Make the panel under the table bigger, to see a cell's numbers drawn as people "
        "(again: smaller)",
        show=False,
    ),
)

# Keys of "What matters to you" (how much each thing matters to the reader).
WHAT_MATTERS_KEYS: tuple[Key, ...] = (
    Key("up,k", "previous_row", "Up", "Go to the thing above", show=False, display="↑/k"),
    Key("down,j", "next_row", "Down", "Go to the thing below", show=False, display="↓/j"),
    Key("left", "step(-1)", "Less", "Say it matters less", display="←"),
    Key("right", "step(1)", "More", "Say it matters more", display="→"),
    Key("1", "pick(0)", "Not important", "Mark it as not important to you", show=False),
    Key("2", "pick(1)", "A little", "Mark it as mattering a little to you", show=False),
    Key("3", "pick(2)", "A lot", "Mark it as mattering a lot to you", show=False),
    Key("0", "pick_none", "Clear", "Take back the answer to this one", show=False),
    Key(
        "enter,c",
        "done",
        "Compare",
        "Show the comparison with the rows that matter to you first",
        display="Enter",
    ),
    Key(
        "escape,q",
        "close",
        "Close",
        "Go back (your answers are kept until you leave)",
        display="Esc",
    ),
)

# Keys of the SURE check (four yes/no questions).
SURE_KEYS: tuple[Key, ...] = (
    Key("up,k", "previous_row", "Up", "Go to the question above", show=False, display="↑/k"),
    Key("down,j", "next_row", "Down", "Go to the question below", show=False, display="↓/j"),
    Key("y", "answer(True)", "Yes", "Answer yes to this question and go to the next"),
    Key("n", "answer(False)", "No", "Answer no to this question and go to the next"),
    Key("left", "step(-1)", "Left", "Pick the answer to the left (yes)", show=False, display="←"),
    Key("right", "step(1)", "Right", "Pick the answer to the right (no)", show=False, display="→"),
    Key("0", "pick_none", "Clear", "Take back the answer to this question", show=False),
    Key(
        "escape,q",
        "close",
        "Close",
        "Close the check (your answers are kept until you leave)",
        display="Esc",
    ),
)

# Keys of the treatment chooser (opened with t on the comparison screen).
CHOOSER_KEYS: tuple[Key, ...] = (
    Key(
        "space",
        "select",
        "Tick",
        "Tick or untick the highlighted treatment (two always stay ticked)",
        display="Space",
    ),
    Key(
        "less_than_sign",
        "move(-1)",
        "Earlier",
        "Move the highlighted treatment up (its column further left)",
        display="<",
    ),
    Key(
        "greater_than_sign",
        "move(1)",
        "Later",
        "Move the highlighted treatment down (its column further right)",
        display=">",
    ),
    Key("enter", "screen.apply", "Done", "Compare the ticked treatments", display="Enter"),
    Key(
        "escape,q",
        "screen.cancel",
        "Cancel",
        "Close the chooser and change nothing",
        display="Esc",
    ),
)

# Keys of the side-by-side reader (two articles next to each other).
SIDE_BY_SIDE_KEYS: tuple[Key, ...] = (
    Key(
        "tab,shift+tab",
        "switch_side",
        "Other side",
        "Move between the left and the right article",
        display="Tab",
    ),
    Key(
        "u",
        "line_up",
        "Line up",
        "Line up sections: as you scroll, the other side follows to the same kind of section",
    ),
    Key("a", "change_article", "Change", "Choose another article for this side"),
    Key("r", "open_in_reader", "Reader", "Open this side's article in the normal reader"),
    Key("escape,q", "close", "Close", "Close the side-by-side view", display="Esc"),
)

# Keys of the find bar (focus in its text box).
FIND_KEYS: tuple[Key, ...] = (
    # Priority: the text box would otherwise take Enter and hide it from the footer.
    Key(
        "enter,down",
        "next_match",
        "Next",
        "Next match (in the find bar)",
        display="Enter/↓",
        priority=True,
    ),
    Key(
        "shift+enter,up",
        "previous_match",
        "Previous",
        "Previous match (in the find bar)",
        display="Shift+Enter/↑",
    ),
    Key("escape", "close", "Close", "Clear the find bar and close it", display="Esc"),
)

# Keys of the search and glossary screens (focus in their text box or list).
SEARCH_KEYS: tuple[Key, ...] = (
    Key(
        "enter",
        "open_result",
        "Open",
        "Open the chosen result or term",
        display="Enter",
        priority=True,
    ),
    Key("down", "next_result", "Down", "Choose the next result or term", show=False, display="↓"),
    Key(
        "up", "previous_result", "Up", "Choose the previous result or term", show=False, display="↑"
    ),
    Key("escape", "close", "Close", "Close search or the glossary", display="Esc"),
)

# Keys of the My questions screen (m).
MY_QUESTIONS_KEYS: tuple[Key, ...] = (
    Key(
        "space",
        "toggle",
        "Tick",
        "Tick or untick the highlighted question (unticked ones are not taken home)",
        display="Space",
    ),
    Key(
        "x,delete",
        "remove",
        "Remove",
        "Take the highlighted question off the list",
        display="x",
    ),
    Key("a", "add", "Add", "Type a question of your own (not in kiosk mode)"),
    Key(
        "t",
        "take_home",
        "Take home",
        "Take the list home: save it as a file, or (kiosk) show it as a QR code",
    ),
    Key("escape,q", "close", "Close", "Close My questions", display="Esc"),
)

# Keys of the save box and the QR code screen (h on My questions).
TAKE_HOME_KEYS: tuple[Key, ...] = (
    Key(
        "enter",
        "save",
        "Save",
        "Save to the file named (again, after a warning: replace it)",
        display="Enter",
    ),
    Key(
        "p",
        "photo",
        "Photo layout",
        "Kiosk: switch between the QR code and the list in large text to photograph",
    ),
    Key(
        "escape,q",
        "close",
        "Close",
        "Close without saving, or close the code",
        display="Esc",
    ),
)

HELP_SECTIONS: tuple[tuple[str, tuple[Key, ...]], ...] = (
    ("Reading an article", ARTICLE_KEYS),
    ("Moving around", READER_KEYS),
    ("The contents", CONTENTS_KEYS),
    ("Comparing treatments", COMPARE_KEYS + COMPARE_GRID_KEYS),
    ("Choosing treatments to compare", CHOOSER_KEYS),
    ("What matters to you", WHAT_MATTERS_KEYS),
    ("Are you sure? (the SURE check)", SURE_KEYS),
    ("Reading side by side", SIDE_BY_SIDE_KEYS),
    ("Everywhere", GLOBAL_KEYS),
    ("Finding a word in an article", FIND_KEYS),
    ("Search and glossary", SEARCH_KEYS),
    ("My questions", MY_QUESTIONS_KEYS),
    ("Taking it home", TAKE_HOME_KEYS),
)

# Where spinetui's keys differ from less and glow on purpose (help screen and README).
DIFFERENCES_NOTE: tuple[str, ...] = (
    "b goes back to what you read before (in less it pages up: use u, PgUp).",
    "f goes forward again (in less it pages down: use Space, d, PgDn).",
    "g opens the glossary (in less it goes to the top: use Home).",
    "q closes the screen you are on, and quits only from the reader.",
)

# Kiosk mode: the admin's way out is these keys pressed one after the other (keys a
# terminal and a browser can both send). Deliberately absent from the footer and the
# help screen so visitors don't find it; documented in docs/kiosk.md.
ADMIN_EXIT_CHORD: tuple[str, ...] = ("ctrl+k", "ctrl+x")
ADMIN_EXIT_CHORD_DISPLAY = "Ctrl+K, then Ctrl+X"

# Keys of the admin PIN prompt (kiosk mode).
PIN_PROMPT_KEYS: tuple[Key, ...] = (
    Key("escape", "cancel", "Cancel", "Close the PIN prompt and go back", display="Esc"),
)
