"""The config file's [keys] table remaps keys: what they do, the footer and the help."""

from __future__ import annotations

from rich.console import Console

from spinetui.components.article.find_bar import FindBar
from spinetui.components.find.search_screen import SearchScreen
from spinetui.components.footer import SpineFooter
from spinetui.components.help_screen import HelpScreen
from spinetui.components.reader.reader_screen import ReaderScreen
from tests.functional.helpers import make_app

CONFIG = """theme = "dark"

[keys]
"reader.find" = "f3"
app.search = ["ctrl+f"]
"""


def _footer(app) -> str:
    return app.screen.query_one(SpineFooter).render().plain


def _help_text(app) -> str:
    console = Console(width=200, record=True)
    console.print(app.screen.table)
    return console.export_text()


async def _press(pilot, key: str) -> None:
    await pilot.press(key)
    await pilot.pause()


def _row(text: str, words: str) -> str:
    return next(line for line in text.splitlines() if words in line)


async def test_a_remapped_key_does_the_action_and_the_footer_and_help_show_it(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text(CONFIG)
    app = make_app(settings_path=config)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        footer = _footer(app)
        assert "F3 Find" in footer and "/ Find" not in footer, footer
        assert "Ctrl+F Search" in footer and "s Search" not in footer, footer

        await _press(pilot, "slash")  # the old key does nothing now
        assert not app.screen.query(FindBar)
        await _press(pilot, "f3")
        assert app.screen.query(FindBar)
        await _press(pilot, "escape")

        await _press(pilot, "s")
        assert isinstance(app.screen, ReaderScreen)
        await _press(pilot, "ctrl+f")
        assert isinstance(app.screen, SearchScreen)
        await _press(pilot, "escape")

        await _press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = _help_text(app)
        assert _row(text, "Find a word in the open article").split()[0] == "F3"
        assert _row(text, "Search the whole guide").split()[0] == "Ctrl+F"
        # Keys nobody remapped are listed as before.
        assert _row(text, "Hide or show the table of contents").split()[0] == "t"
    assert not any(n.title == "Keys" for n in app._notifications)


async def test_a_bad_keys_entry_is_reported_with_its_line_and_the_rest_applies(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text(
        "[keys]\n"
        '"reader.bak" = "x"\n'  # line 2: no such binding
        '"reader.toggle_contents" = "?!"\n'  # line 3: no such key
        '"reader.find" = "f3"\n'
    )
    app = make_app(settings_path=config)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications if n.title == "Keys"]
        assert len(messages) == 1
        assert f"{config}:2: keys: no key binding is called 'reader.bak'" in messages[0]
        assert "did you mean 'reader.back'?" in messages[0]
        assert f"{config}:3: keys: reader.toggle_contents: '?!' is not a key name" in messages[0]
        await _press(pilot, "f3")  # the good entry applies
        assert app.screen.query(FindBar)
        await pilot.press("escape")
        await _press(pilot, "t")  # the bad one left t as it was
        assert "F3 Find" in _footer(app)


async def test_a_kiosk_applies_its_keys_but_shows_visitors_no_problem(tmp_path):
    from spinetui.kiosk.policy import KioskPolicy

    config = tmp_path / "config.toml"
    config.write_text('[keys]\n"reader.bak" = "x"\n"reader.find" = "f3"\n')
    app = make_app(settings_path=config, kiosk=KioskPolicy(enabled=True))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert app.user_keymap == {"reader.find": "f3"}
        assert not [n for n in app._notifications if n.title == "Keys"]
