"""The key tables put together: the help screen's sections, the footer's order, and
every binding id a `[keys]` table in the config file may remap.

Screens build their BINDINGS from the tables and the help screen lists them, so the
footer, the help screen and the behaviour can never disagree, remapped or not.

The tables are made at import time, so their words (descriptions, help texts, section
titles, the notes on less) are English marked with `N_()`; the footer and the help
screen translate them with `_()` each time they draw, so a change of language shows at
once. Key names ("Esc", "Enter", "PgDn") are the same in every language.
"""

from __future__ import annotations

from collections.abc import Mapping

from spinetui.i18n import N_
from spinetui.keymap.compare import (
    CHOOSER_KEYS,
    COMPARE_GRID_KEYS,
    COMPARE_KEYS,
    SIDE_BY_SIDE_KEYS,
)
from spinetui.keymap.decide import (
    MY_QUESTIONS_KEYS,
    PIN_PROMPT_KEYS,
    SURE_KEYS,
    TAKE_HOME_KEYS,
    WHAT_MATTERS_KEYS,
)
from spinetui.keymap.key import Key
from spinetui.keymap.names import keys_label
from spinetui.keymap.reading import (
    ARTICLE_KEYS,
    CONTENTS_KEYS,
    FIND_KEYS,
    GLOBAL_KEYS,
    READER_KEYS,
    SEARCH_KEYS,
)

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
    "next_language": 50,  # after the keys of the screen: the palette and help list it too
    "command_palette": 60,
}


HELP_SECTIONS: tuple[tuple[str, tuple[Key, ...]], ...] = (
    (N_("Reading an article"), ARTICLE_KEYS),
    (N_("Moving around"), READER_KEYS),
    (N_("The contents"), CONTENTS_KEYS),
    (N_("Comparing treatments"), COMPARE_KEYS + COMPARE_GRID_KEYS),
    (N_("Choosing treatments to compare"), CHOOSER_KEYS),
    (N_("What matters to you"), WHAT_MATTERS_KEYS),
    (N_("Are you sure? (the SURE check)"), SURE_KEYS),
    (N_("Reading side by side"), SIDE_BY_SIDE_KEYS),
    (N_("Everywhere"), GLOBAL_KEYS),
    (N_("Finding a word in an article"), FIND_KEYS),
    (N_("Search and glossary"), SEARCH_KEYS),
    (N_("My questions"), MY_QUESTIONS_KEYS),
    (N_("Taking it home"), TAKE_HOME_KEYS),
)

# Where spinetui's keys differ from less and glow on purpose (help screen and README).
DIFFERENCES_NOTE: tuple[str, ...] = (
    N_("b goes back to what you read before (in less it pages up: use u, PgUp)."),
    N_("f goes forward again (in less it pages down: use Space, d, PgDn)."),
    N_("g opens the glossary (in less it goes to the top: use Home)."),
    N_("q closes the screen you are on, and quits only from the reader."),
)

# The tables as bound: the keys of one are active together (one screen, pane or bar),
# so no two of a table may share a key.
KEY_TABLES: tuple[tuple[Key, ...], ...] = (
    GLOBAL_KEYS,
    READER_KEYS,
    CONTENTS_KEYS,
    ARTICLE_KEYS,
    FIND_KEYS,
    SEARCH_KEYS,
    COMPARE_GRID_KEYS,
    COMPARE_KEYS,
    CHOOSER_KEYS,
    SIDE_BY_SIDE_KEYS,
    WHAT_MATTERS_KEYS,
    SURE_KEYS,
    MY_QUESTIONS_KEYS,
    TAKE_HOME_KEYS,
    PIN_PROMPT_KEYS,
)

# Every key a `[keys]` table may remap, by binding id (the PIN prompt's too, though the help
# screen never lists it).
REMAPPABLE: dict[str, Key] = {
    key.id: key for keys in KEY_TABLES for key in keys if key.id is not None
}


def keys_of(key: Key, keymap: Mapping[str, str]) -> str:
    """The keys that do it now: the config file's (a Textual keymap) or the table's."""
    return keymap.get(key.id, key.keys) if key.id is not None else key.keys


def help_label(key: Key, keymap: Mapping[str, str]) -> str:
    """Every key that does it, by its name ("b / Backspace / Alt+←"), never Textual's."""
    return keys_label(keys_of(key, keymap))
