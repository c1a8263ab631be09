"""The keys of the comparison: its table, its screen, the treatment chooser, and the
side-by-side reader."""

from __future__ import annotations

from spinetui.i18n import N_
from spinetui.keymap.key import Key, area

# Keys of the comparison table itself (moving between cells).
COMPARE_GRID_KEYS: tuple[Key, ...] = area(
    "grid",
    Key("up,k", "cursor_up", N_("Up"), N_("Select the cell above"), show=False, display="↑/k"),
    Key(
        "down,j", "cursor_down", N_("Down"), N_("Select the cell below"), show=False, display="↓/j"
    ),
    Key(
        "left,h",
        "cursor_left",
        N_("Left"),
        N_("Select the cell to the left"),
        show=False,
        display="←",
    ),
    Key(
        "right,l",
        "cursor_right",
        N_("Right"),
        N_("Select the cell to the right"),
        show=False,
        display="→",
    ),
    Key(
        "pageup",
        "page_up",
        N_("Page up"),
        N_("Select a row one screen up"),
        show=False,
        display="PgUp",
    ),
    Key(
        "pagedown",
        "page_down",
        N_("Page down"),
        N_("Select a row one screen down"),
        show=False,
        display="PgDn",
    ),
    Key(
        "home", "first_row", N_("First row"), N_("Select the first row"), show=False, display="Home"
    ),
    Key("end", "last_row", N_("Last row"), N_("Select the last row"), show=False, display="End"),
)

# Keys of the comparison screen.
COMPARE_KEYS: tuple[Key, ...] = area(
    "compare",
    Key(
        "escape,q",
        "close",
        N_("Close"),
        N_("Close the comparison and go back to reading"),
        display="Esc",
    ),
    Key(
        "enter,o",
        "read_cell",
        # Translators: Read: read the selected treatment's article (a verb, for the footer).
        N_("Read"),
        N_("Open the selected treatment's article at the part this row sums up (or press o)"),
        display="Enter",
    ),
    Key(
        "right_square_bracket",
        "next_columns",
        # Translators: More: show more treatments (the next columns of the comparison).
        N_("More"),
        N_("Show the next treatments when they do not all fit (after the last: the first)"),
        display="]",
    ),
    Key(
        "left_square_bracket",
        "previous_columns",
        # Translators: Prev cols: show the previous treatments (columns of the comparison).
        N_("Prev cols"),
        N_("Show the previous treatments when they do not all fit"),
        show=False,
        display="[",
    ),
    Key("t", "choose", N_("Choose"), N_("Choose which treatments to compare, and their order")),
    Key(
        "d",
        "differences",
        N_("Differences"),
        N_("Show only the rows where the chosen treatments differ (again: all rows)"),
    ),
    Key(
        "v",
        "side_by_side",
        N_("Side by side"),
        N_("Read the selected treatment's article beside the next column's"),
    ),
    Key(
        "less_than_sign",
        "move_column(-1)",
        N_("Move left"),
        N_("Move the selected treatment's column one place left"),
        show=False,
        display="<",
        name="move_left",
    ),
    Key(
        "greater_than_sign",
        "move_column(1)",
        N_("Move right"),
        N_("Move the selected treatment's column one place right"),
        show=False,
        display=">",
        name="move_right",
    ),
    Key(
        "x",
        "hide_column",
        N_("Hide column"),
        N_("Hide the selected treatment's column (two always stay)"),
        show=False,
    ),
    Key(
        "w",
        "what_matters",
        N_("What matters"),
        N_("Say what matters to you: those rows come first, marked with *"),
    ),
    Key(
        "e",
        "toggle_detail_size",
        # Translators: Bigger panel: make the panel under the comparison table taller.
        N_("Bigger panel"),
        N_(
            "Make the panel under the table bigger, to see a cell's numbers drawn as people "
            "(again: smaller)"
        ),
        show=False,
    ),
)

# Keys of the treatment chooser (opened with t on the comparison screen).
CHOOSER_KEYS: tuple[Key, ...] = area(
    "chooser",
    Key(
        "space",
        "select",
        # Translators: Tick: tick or untick a treatment in a list (a verb).
        N_("Tick"),
        N_("Tick or untick the highlighted treatment (two always stay ticked)"),
        display="Space",
    ),
    Key(
        "less_than_sign",
        "move(-1)",
        # Translators: Earlier: move a treatment up the list (its column further left).
        N_("Earlier"),
        N_("Move the highlighted treatment up (its column further left)"),
        display="<",
        name="earlier",
    ),
    Key(
        "greater_than_sign",
        "move(1)",
        N_("Later"),
        N_("Move the highlighted treatment down (its column further right)"),
        display=">",
        name="later",
    ),
    Key(
        "enter",
        "screen.apply",
        # Translators: Done: finish choosing, and compare the ticked treatments.
        N_("Done"),
        N_("Compare the ticked treatments"),
        display="Enter",
        name="done",
    ),
    Key(
        "escape,q",
        "screen.cancel",
        N_("Cancel"),
        N_("Close the chooser and change nothing"),
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
        # Translators: Other side: move to the other article of the two shown side by side.
        N_("Other side"),
        N_("Move between the left and the right article"),
        display="Tab",
    ),
    Key(
        "u",
        "line_up",
        # Translators: Line up: a verb, make both sides show the same kind of section as you scroll.
        N_("Line up"),
        N_("Line up sections: as you scroll, the other side follows to the same kind of section"),
    ),
    # Translators: Change: choose another article for this side.
    Key("a", "change_article", N_("Change"), N_("Choose another article for this side")),
    # Translators: Reader: open the article in the normal reading screen.
    Key("r", "open_in_reader", N_("Reader"), N_("Open this side's article in the normal reader")),
    Key("escape,q", "close", N_("Close"), N_("Close the side-by-side view"), display="Esc"),
)
