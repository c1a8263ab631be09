"""The README's commands are what users and CI run: keep them honest."""

import re

from tests.conftest import REPO


def _readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text()
    return re.findall(r"```sh\n(.+?)\n```", text)


def test_ci_runs_exactly_the_readme_test_command():
    commands = _readme_commands()
    test_command = next(c for c in commands if "pytest" in c)
    ci_lines = (REPO / ".ci" / "run").read_text().splitlines()
    assert test_command in ci_lines


def test_readme_lists_every_key_of_the_keymap():
    from spinetui.keymap import HELP_SECTIONS

    text = (REPO / "README.md").read_text()
    for _title, keys in HELP_SECTIONS:
        for key in keys:
            assert key.description in text or key.help in text, key
