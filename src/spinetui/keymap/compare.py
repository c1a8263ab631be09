"""The keys of the comparison: its table, its screen, the treatment chooser, and the
side-by-side reader."""

from __future__ import annotations

from spinetui.keymap.key import Key, area

# Keys of the comparison table itself (moving between cells).
COMPARE_GRID_KEYS: tuple[Key, ...] = area(
    "grid",
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
COMPARE_KEYS: tuple[Key, ...] = area(
    "compare",
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
        name="move_left",
    ),
    Key(
        "greater_than_sign",
        "move_column(1)",
        "Move right",
        "Move the selected treatment's column one place right",
        show=False,
        display=">",
        name="move_right",
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

# Keys of the treatment chooser (opened with t on the comparison screen).
CHOOSER_KEYS: tuple[Key, ...] = area(
    "chooser",
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
        name="earlier",
    ),
    Key(
        "greater_than_sign",
        "move(1)",
        "Later",
        "Move the highlighted treatment down (its column further right)",
        display=">",
        name="later",
    ),
    Key(
        "enter",
        "screen.apply",
        "Done",
        "Compare the ticked treatments",
        display="Enter",
        name="done",
    ),
    Key(
        "escape,q",
        "screen.cancel",
        "Cancel",
        "Close the chooser and change nothing",
        display="Esc",
        name="cancel",
    ),
)

# Keys of the side-by-side reader (two articles next to each other).
SIDE_BY_SIDE_KEYS: tuple[Key, ...] = area(
    "side_by_side",
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
