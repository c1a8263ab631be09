"""Every key the app answers to, kept as data (`reading`, `compare`, `decide`), built
into Textual bindings with ids (`key`), named for people (`names`), put together for
the help screen and footer (`help`), and remapped from the config file (`user`).

The names below are what the rest of spinetui imports (`from spinetui.keymap import
READER_KEYS, bindings`). Importing this package does not import Textual.
"""

from __future__ import annotations

from spinetui.keymap.compare import (
    CHOOSER_KEYS,
    COMPARE_GRID_KEYS,
    COMPARE_KEYS,
    SIDE_BY_SIDE_KEYS,
)
from spinetui.keymap.decide import (
    ADMIN_EXIT_CHORD,
    ADMIN_EXIT_CHORD_DISPLAY,
    MY_QUESTIONS_KEYS,
    PIN_PROMPT_KEYS,
    SURE_KEYS,
    TAKE_HOME_KEYS,
    WHAT_MATTERS_KEYS,
)
from spinetui.keymap.help import (
    DIFFERENCES_NOTE,
    FOOTER_RANK,
    HELP_SECTIONS,
    REMAPPABLE,
    help_label,
    keys_of,
)
from spinetui.keymap.key import Key, area, bindings
from spinetui.keymap.names import key_label, keys_label
from spinetui.keymap.reading import (
    ARTICLE_KEYS,
    CONTENTS_KEYS,
    FIND_KEYS,
    GLOBAL_KEYS,
    HELP_KEY,
    READER_KEYS,
    SEARCH_KEYS,
)

__all__ = [
    "ADMIN_EXIT_CHORD",
    "ADMIN_EXIT_CHORD_DISPLAY",
    "ARTICLE_KEYS",
    "CHOOSER_KEYS",
    "COMPARE_GRID_KEYS",
    "COMPARE_KEYS",
    "CONTENTS_KEYS",
    "DIFFERENCES_NOTE",
    "FIND_KEYS",
    "FOOTER_RANK",
    "GLOBAL_KEYS",
    "HELP_KEY",
    "HELP_SECTIONS",
    "MY_QUESTIONS_KEYS",
    "PIN_PROMPT_KEYS",
    "READER_KEYS",
    "REMAPPABLE",
    "SEARCH_KEYS",
    "SIDE_BY_SIDE_KEYS",
    "SURE_KEYS",
    "TAKE_HOME_KEYS",
    "WHAT_MATTERS_KEYS",
    "Key",
    "area",
    "bindings",
    "help_label",
    "key_label",
    "keys_label",
    "keys_of",
]
