"""The keys of the decision tools (what matters, the SURE check, My questions, taking
the list home) and of kiosk mode's admin exit."""

from __future__ import annotations

from spinetui.keymap.key import Key, area

# Keys of "What matters to you" (how much each thing matters to the reader).
WHAT_MATTERS_KEYS: tuple[Key, ...] = area(
    "what_matters",
    Key("up,k", "previous_row", "Up", "Go to the thing above", show=False, display="↑/k"),
    Key("down,j", "next_row", "Down", "Go to the thing below", show=False, display="↓/j"),
    Key("left", "step(-1)", "Less", "Say it matters less", display="←", name="less"),
    Key("right", "step(1)", "More", "Say it matters more", display="→", name="more"),
    Key(
        "1",
        "pick(0)",
        "Not important",
        "Mark it as not important to you",
        show=False,
        name="not_important",
    ),
    Key(
        "2",
        "pick(1)",
        "A little",
        "Mark it as mattering a little to you",
        show=False,
        name="a_little",
    ),
    Key("3", "pick(2)", "A lot", "Mark it as mattering a lot to you", show=False, name="a_lot"),
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
SURE_KEYS: tuple[Key, ...] = area(
    "sure",
    Key("up,k", "previous_row", "Up", "Go to the question above", show=False, display="↑/k"),
    Key("down,j", "next_row", "Down", "Go to the question below", show=False, display="↓/j"),
    Key("y", "answer(True)", "Yes", "Answer yes to this question and go to the next", name="yes"),
    Key("n", "answer(False)", "No", "Answer no to this question and go to the next", name="no"),
    Key(
        "left",
        "step(-1)",
        "Left",
        "Pick the answer to the left (yes)",
        show=False,
        display="←",
        name="left",
    ),
    Key(
        "right",
        "step(1)",
        "Right",
        "Pick the answer to the right (no)",
        show=False,
        display="→",
        name="right",
    ),
    Key("0", "pick_none", "Clear", "Take back the answer to this question", show=False),
    Key(
        "escape,q",
        "close",
        "Close",
        "Close the check (your answers are kept until you leave)",
        display="Esc",
    ),
)

# Keys of the My questions screen (m).
MY_QUESTIONS_KEYS: tuple[Key, ...] = area(
    "my_questions",
    Key(
        "space",
        # Not "toggle": Textual's DOMNode.action_toggle(attribute) would be overridden.
        "toggle_question",
        "Tick",
        "Tick or untick the highlighted question (unticked ones are not taken home)",
        display="Space",
        name="toggle",  # the id stays my_questions.toggle
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
TAKE_HOME_KEYS: tuple[Key, ...] = area(
    "take_home",
    Key(
        "enter",
        "save",
        "Save",
        "Save to the file named (again, after a warning: replace it)",
        display="Enter",
        remappable=False,  # Enter in the file name box (Input.Submitted), not a binding
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

# Kiosk mode: the admin's way out is these keys pressed one after the other (keys a
# terminal and a browser can both send). Deliberately absent from the footer and the
# help screen so visitors don't find it; documented in docs/kiosk.md.
ADMIN_EXIT_CHORD: tuple[str, ...] = ("ctrl+k", "ctrl+x")
ADMIN_EXIT_CHORD_DISPLAY = "Ctrl+K, then Ctrl+X"

# Keys of the admin PIN prompt (kiosk mode).
PIN_PROMPT_KEYS: tuple[Key, ...] = area(
    "pin",
    Key("escape", "cancel", "Cancel", "Close the PIN prompt and go back", display="Esc"),
)
