"""The key tables as Textual bindings with ids, and the config file's [keys] table."""

from __future__ import annotations

import subprocess
import sys

import pytest

from spinetui.keymap import HELP_SECTIONS, READER_KEYS, REMAPPABLE, bindings, help_label
from spinetui.keymap.names import KeyNameError, normalize_key
from spinetui.keymap.user import read_user_keys
from spinetui.kiosk.config import parse_config
from tests.conftest import REPO


def test_every_bound_key_has_a_unique_id_and_its_help_as_tooltip():
    built = bindings(READER_KEYS)
    assert [b.id for b in built] == [k.id for k in READER_KEYS]
    assert all(b.id and b.tooltip for b in built)
    ids = [k.id for _title, keys in HELP_SECTIONS for k in keys if k.id]
    assert len(set(ids)) == len(REMAPPABLE) - 1  # the PIN prompt's Esc is not in the help
    assert all(i.count(".") == 1 and i.replace(".", "_").isidentifier() for i in REMAPPABLE)


def test_the_key_tables_import_without_textual():
    code = "import sys, spinetui.keymap.user; print('textual' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr


def test_docs_list_every_binding_name():
    text = (REPO / "docs" / "keys.md").read_text()
    for binding_id, key in REMAPPABLE.items():
        assert f"| `{binding_id}` | {help_label(key, {})} |" in text, binding_id


@pytest.mark.parametrize(
    ("written", "textual"),
    [
        ("x", "x"),
        ("N", "N"),
        ("?", "question_mark"),
        ("/", "slash"),
        ("Ctrl+F", "ctrl+f"),
        ("ctrl+P", "ctrl+p"),
        ("PgDn", "pagedown"),
        ("Esc", "escape"),
        ("F5", "f5"),
        ("alt+left", "alt+left"),
        ("question_mark", "question_mark"),
        ("+", "plus"),
    ],
)
def test_keys_are_read_as_people_write_them(written, textual):
    assert normalize_key(written) == textual


@pytest.mark.parametrize("written", ["", "?!", "ctrl+foo", "hyper2+a", "control+a"])
def test_keys_no_keyboard_sends_are_refused(written):
    with pytest.raises(KeyNameError):
        normalize_key(written)


def test_good_entries_in_either_form_become_a_textual_keymap():
    user = read_user_keys(
        '[keys]\n"reader.find" = "ctrl+f"\napp.search = ["s", "F3"]\n'
        '[keys.article]\nscroll_down = "down, j,ctrl+n"\n',
        "c.toml",
    )
    assert user.problems == ()
    assert user.keymap == {
        "reader.find": "ctrl+f",
        "app.search": "s,f3",
        "article.scroll_down": "down,j,ctrl+n",
    }


def test_each_bad_entry_is_named_with_its_line_and_the_others_apply():
    text = (
        'theme = "light"\n'
        "[keys]\n"
        '"reader.bak" = "x"\n'
        '"reader.back" = 3\n'
        '"reader.toggle_contents" = "ctrl+foo"\n'
        '"reader.forward" = "t"\n'
        '"reader.find" = "f3"\n'
    )
    user = read_user_keys(text, "c.toml")
    assert user.keymap == {"reader.find": "f3"}
    assert user.problems == (
        "c.toml:3: keys: no key binding is called 'reader.bak'; did you mean 'reader.back'? "
        "(docs/keys.md lists them all)",
        'c.toml:4: keys: reader.back: must be a key ("x"), keys ("x,ctrl+x") or a list of keys',
        "c.toml:5: keys: reader.toggle_contents: 'foo' is not a key name (write a character "
        "such as x or ?, or a name such as Enter, Esc, Tab, Space, Up, PgDn, Home, F5)",
        "c.toml:6: keys: reader.forward: t already does 'Contents' there "
        "(reader.toggle_contents); give that one another key first",
    )
    # The rest of the config is read as before: a [keys] table is no unknown setting.
    assert parse_config(text, "c.toml").theme == "light"


def test_two_keys_can_swap_in_one_go():
    user = read_user_keys('[keys]\n"reader.find" = "t"\n"reader.toggle_contents" = "slash"\n')
    assert user.problems == ()
    assert user.keymap == {"reader.find": "t", "reader.toggle_contents": "slash"}


def test_a_keys_setting_that_is_not_a_table_is_a_problem_not_a_crash():
    assert read_user_keys('keys = "x"\n', "c.toml").problems == (
        "c.toml: keys: must be a table ([keys]), not 'x'",
    )
    assert read_user_keys("not toml [", "c.toml").problems == ()  # parse_config says so


def test_a_character_is_refused_where_a_text_box_would_take_it():
    user = read_user_keys(
        '[keys]\n"search.open_result" = "o"\n"find.next_match" = "f3"\n"search.close" = "ctrl+w"\n',
        "c.toml",
    )
    assert user.keymap == {"find.next_match": "f3", "search.close": "ctrl+w"}
    assert user.problems == (
        "c.toml:2: keys: search.open_result: o types into the text box there; use a key "
        "with Ctrl or Alt, or a named key such as F3",
    )
