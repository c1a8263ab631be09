"""The keys of reading: everywhere, the reader, its contents and article panes, the
find bar, and search and the glossary."""

from __future__ import annotations

from spinetui.i18n import N_
from spinetui.keymap.key import Key, area

# Keys that work everywhere in the app (bound on the App).
# Bound on the App for every screen, and again first on the reader screen so the footer
# (which lists the focused widget's keys, then the screen's, then the App's) shows it
# even on an 80-column terminal.
HELP_KEY = Key(
    "question_mark,f1,h",
    "app.help",
    N_("Help"),
    N_("Show this list of keys (h as in less)"),
    display="?",
    id="app.help",  # one id for both bindings: remapping it moves both
)

GLOBAL_KEYS: tuple[Key, ...] = area(
    "app",
    HELP_KEY,
    Key(
        "ctrl+p",
        "command_palette",
        # Translators: Jump: the footer's name for the command palette (Ctrl+P), which goes to any article, heading or term.
        N_("Jump"),
        N_("Jump to any article, heading or term by name"),
    ),
    Key(
        "exclamation_mark",
        "problems",
        N_("Problems"),
        N_("List problems found in the content files"),
        show=False,
        display="!",
    ),
    Key("c", "compare", N_("Compare"), N_("Open the side-by-side comparison of treatments")),
    Key(
        "s", "search", N_("Search"), N_("Search the whole guide: articles, comparison and glossary")
    ),
    Key("g", "glossary", N_("Glossary"), N_("Open the A-Z glossary of medical words")),
    Key(
        "m",
        "my_questions",
        # Translators: Questions: opens the My questions list (footer; keep it short).
        N_("Questions"),
        N_("Open My questions: the questions you ticked or typed, to take to your visit"),
    ),
    Key(
        "ctrl+t",
        "next_theme",
        N_("Theme"),
        N_("Change the colours: dark, light or high contrast (also in Ctrl+P)"),
        show=False,
        display="Ctrl+T",
    ),
    Key(
        "ctrl+l",
        "next_language",
        # Translators: the name of the language Ctrl+L switches to, in that language:
        # in the Spanish catalog this is "English".
        N_("Español"),
        N_("Read the guide in the other language: English or Español (also in Ctrl+P)"),
        display="Ctrl+L",
        name="language",
    ),
    Key(
        "q",
        "quit",
        N_("Quit"),
        N_("Quit spinetui from the reader (not in kiosk mode); on other screens q closes them"),
    ),
)

# Keys of the reader screen (contents + article).
READER_KEYS: tuple[Key, ...] = area(
    "reader",
    HELP_KEY,
    Key("t", "toggle_contents", N_("Contents"), N_("Hide or show the table of contents")),
    # Translators: Find: look for a word in the open article (not the whole guide: that is Search).
    Key("slash", "find", N_("Find"), N_("Find a word in the open article"), display="/"),
    Key(
        "n", "find_next", N_("Next match"), N_("Go to the next match of the word found"), show=False
    ),
    Key(
        "N",
        "find_previous",
        N_("Prev match"),
        N_("Go to the previous match of the word found"),
        show=False,
    ),
    Key(
        "v",
        "side_by_side",
        N_("Side by side"),
        N_("Read this article beside another one, each scrolling on its own"),
        show=False,  # in the help screen; the 80-column footer has room only for the basics
    ),
    Key(
        "tab",
        "focus_next_pane",
        N_("Next pane"),
        N_("Move between the contents and the article"),
        show=False,
    ),
    Key(
        "shift+tab",
        "focus_previous_pane",
        N_("Previous pane"),
        N_("Move between panes the other way"),
        show=False,
    ),
    Key(
        "left_square_bracket",
        "previous_article",
        # Translators: Prev: the previous article of the guide (footer; keep it short).
        N_("Prev"),
        N_("Open the previous article"),
        display="[",
    ),
    Key(
        # Translators: Next: the next article of the guide (footer; keep it short).
        "right_square_bracket",
        "next_article",
        N_("Next"),
        N_("Open the next article"),
        display="]",
    ),
    Key(
        "b,backspace,alt+left,ctrl+left",
        "back",
        # Translators: Back: go back to what was read before, as in a web browser.
        N_("Back"),
        N_("Go back to what you read before"),
        display="b",
    ),
    Key(
        "f,alt+right,ctrl+right",
        "forward",
        N_("Forward"),
        N_("Go forward again after going back"),
        show=False,
        display="f",
    ),
    Key(
        "less_than_sign",
        "contents_width(-1)",
        N_("Narrower"),
        N_("Make the contents pane narrower"),
        show=False,
        name="narrower",
    ),
    Key(
        "greater_than_sign",
        "contents_width(1)",
        N_("Wider"),
        N_("Make the contents pane wider"),
        show=False,
        name="wider",
    ),
    Key(
        "d",
        "half_page(1)",
        N_("Half page down"),
        N_("Scroll down half a page (as in less)"),
        show=False,
        name="half_page_down",
    ),
    Key(
        "u",
        "half_page(-1)",
        N_("Half page up"),
        N_("Scroll up half a page (as in less)"),
        show=False,
        name="half_page_up",
    ),
    Key(
        "escape",
        "back_out",
        # Translators: Back out: Esc undoes one step (closes the find bar, clears a selection).
        N_("Back out"),
        N_("Back out one step (close, clear, or return to the contents)"),
        show=False,
        display="Esc",
    ),
)

# Keys of the contents pane (on top of Textual's tree keys: ↑ ↓, Enter, Space).
CONTENTS_KEYS: tuple[Key, ...] = area(
    "contents",
    Key("down,j", "cursor_down", N_("Down"), N_("Move down the contents"), show=False),
    Key("up,k", "cursor_up", N_("Up"), N_("Move up the contents"), show=False),
    Key(
        "left",
        "collapse",
        N_("Collapse"),
        N_("Fold up a section or article (or go to the one it is in)"),
        show=False,
    ),
    Key(
        "right",
        "expand",
        N_("Expand"),
        N_("Unfold a section or article (or go into it)"),
        show=False,
    ),
    Key(
        "enter",
        "select_cursor",
        N_("Open"),
        N_("Open the highlighted article or heading"),
        show=False,
    ),
)

# Keys of the article pane.
ARTICLE_KEYS: tuple[Key, ...] = area(
    "article",
    Key("up,k", "scroll_up", N_("Up"), N_("Scroll up one line"), show=False, display="↑/k"),
    Key("down,j", "scroll_down", N_("Down"), N_("Scroll down one line"), show=False, display="↓/j"),
    Key("pageup", "page_up", N_("Page up"), N_("Scroll up one page"), show=False, display="PgUp"),
    Key(
        "pagedown",
        "page_down",
        N_("Page down"),
        N_("Scroll down one page"),
        show=False,
        display="PgDn",
    ),
    Key(
        "space",
        "space",
        # Translators: Page down / tick: Space turns the page, or ticks the selected question.
        N_("Page down / tick"),
        N_("Tick or untick the selected question; otherwise scroll down one page"),
        show=False,
        display="Space",
    ),
    Key(
        "home",
        "scroll_home",
        N_("Top"),
        N_("Go to the top of the article"),
        show=False,
        display="Home",
    ),
    Key(
        "end,G",
        "scroll_end",
        N_("Bottom"),
        N_("Go to the end of the article (G as in less)"),
        show=False,
        display="End",
    ),
    Key(
        "l",
        "next_target",
        N_("Next link"),
        N_("Select the next link, marked word or question"),
        display="l",
    ),
    Key(
        "L",
        "previous_target",
        N_("Prev link"),
        N_("Select the previous link, marked word or question"),
        show=False,
        display="L",
    ),
    Key(
        "enter",
        "activate_target",
        N_("Open link"),
        N_("Follow the selected link or explain the marked word (a question: tick or untick it)"),
        show=False,
        display="Enter",
    ),
)

# Keys of the find bar (focus in its text box).
FIND_KEYS: tuple[Key, ...] = area(
    "find",
    # Priority: the text box would otherwise take Enter and hide it from the footer.
    Key(
        "enter,down",
        "next_match",
        # Translators: Next: the next match of the word typed in the find bar.
        N_("Next"),
        N_("Next match (in the find bar)"),
        display="Enter/↓",
        priority=True,
    ),
    Key(
        "shift+enter,up",
        "previous_match",
        N_("Previous"),
        N_("Previous match (in the find bar)"),
        display="Shift+Enter/↑",
    ),
    Key("escape", "close", N_("Close"), N_("Clear the find bar and close it"), display="Esc"),
)

# Keys of the search and glossary screens (focus in their text box or list).
SEARCH_KEYS: tuple[Key, ...] = area(
    "search",
    Key(
        "enter",
        "open_result",
        # Translators: Open: open the chosen search result or glossary word.
        N_("Open"),
        N_("Open the chosen result or term"),
        display="Enter",
        priority=True,
    ),
    Key(
        "down",
        "next_result",
        N_("Down"),
        N_("Choose the next result or term"),
        show=False,
        display="↓",
    ),
    Key(
        "up",
        "previous_result",
        N_("Up"),
        N_("Choose the previous result or term"),
        show=False,
        display="↑",
    ),
    Key("escape", "close", N_("Close"), N_("Close search or the glossary"), display="Esc"),
)
