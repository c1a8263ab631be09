"""The keys of the decision tools (what matters, the SURE check, My questions, taking
the list home) and of kiosk mode's admin exit."""

from __future__ import annotations

from spinetui.i18n import N_
from spinetui.keymap.key import Key, area

# Keys of "What matters to you" (how much each thing matters to the reader).
WHAT_MATTERS_KEYS: tuple[Key, ...] = area(
    "what_matters",
    Key("up,k", "previous_row", N_("Up"), N_("Go to the thing above"), show=False, display="↑/k"),
    Key("down,j", "next_row", N_("Down"), N_("Go to the thing below"), show=False, display="↓/j"),
    # Translators: Less: say this matters less to you.
    Key("left", "step(-1)", N_("Less"), N_("Say it matters less"), display="←", name="less"),
    # Translators: More: say this matters more to you.
    Key("right", "step(1)", N_("More"), N_("Say it matters more"), display="→", name="more"),
    Key(
        "1",
        "pick(0)",
        N_("Not important"),
        N_("Mark it as not important to you"),
        show=False,
        name="not_important",
    ),
    Key(
        "2",
        "pick(1)",
        N_("A little"),
        N_("Mark it as mattering a little to you"),
        show=False,
        name="a_little",
    ),
    Key(
        "3",
        "pick(2)",
        N_("A lot"),
        N_("Mark it as mattering a lot to you"),
        show=False,
        name="a_lot",
    ),
    # Translators: Clear: take back the answer (a verb).
    Key("0", "pick_none", N_("Clear"), N_("Take back the answer to this one"), show=False),
    Key(
        "enter,c",
        "done",
        N_("Compare"),
        N_("Show the comparison with the rows that matter to you first"),
        display="Enter",
    ),
    Key(
        "escape,q",
        "close",
        N_("Close"),
        N_("Go back (your answers are kept until you leave)"),
        display="Esc",
    ),
)

# Keys of the SURE check (four yes/no questions).
SURE_KEYS: tuple[Key, ...] = area(
    "sure",
    Key(
        "up,k", "previous_row", N_("Up"), N_("Go to the question above"), show=False, display="↑/k"
    ),
    Key(
        "down,j", "next_row", N_("Down"), N_("Go to the question below"), show=False, display="↓/j"
    ),
    Key(
        "y",
        "answer(True)",
        N_("Yes"),
        N_("Answer yes to this question and go to the next"),
        name="yes",
    ),
    Key(
        "n",
        "answer(False)",
        N_("No"),
        N_("Answer no to this question and go to the next"),
        name="no",
    ),
    Key(
        "left",
        "step(-1)",
        N_("Left"),
        N_("Pick the answer to the left (yes)"),
        show=False,
        display="←",
        name="left",
    ),
    Key(
        "right",
        "step(1)",
        N_("Right"),
        N_("Pick the answer to the right (no)"),
        show=False,
        display="→",
        name="right",
    ),
    Key("0", "pick_none", N_("Clear"), N_("Take back the answer to this question"), show=False),
    Key(
        "escape,q",
        "close",
        N_("Close"),
        N_("Close the check (your answers are kept until you leave)"),
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
        # Translators: Tick: tick or untick a question (a verb).
        N_("Tick"),
        N_("Tick or untick the highlighted question (unticked ones are not taken home)"),
        display="Space",
        name="toggle",  # the id stays my_questions.toggle
    ),
    Key(
        "x,delete",
        "remove",
        N_("Remove"),
        N_("Take the highlighted question off the list"),
        display="x",
    ),
    Key("a", "add", N_("Add"), N_("Type a question of your own (not in kiosk mode)")),
    Key(
        "t",
        "take_home",
        # Translators: Take home: take the list of questions home (as a file or a QR code).
        N_("Take home"),
        N_("Take the list home: save it as a file, or (kiosk) show it as a QR code"),
    ),
    Key("escape,q", "close", N_("Close"), N_("Close My questions"), display="Esc"),
)

# Keys of the save box and the QR code screen (h on My questions).
TAKE_HOME_KEYS: tuple[Key, ...] = area(
    "take_home",
    Key(
        "enter",
        "save",
        N_("Save"),
        N_("Save to the file named (again, after a warning: replace it)"),
        display="Enter",
        remappable=False,  # Enter in the file name box (Input.Submitted), not a binding
    ),
    Key(
        "p",
        "photo",
        # Translators: Photo layout: show the list in large text, to take a photo of it.
        N_("Photo layout"),
        N_("Kiosk: switch between the QR code and the list in large text to photograph"),
    ),
    Key(
        "escape,q",
        "close",
        N_("Close"),
        N_("Close without saving, or close the code"),
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
    Key("escape", "cancel", N_("Cancel"), N_("Close the PIN prompt and go back"), display="Esc"),
)
