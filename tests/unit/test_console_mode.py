"""When spinetui draws for the Linux console: --console, the config key, TERM=linux."""

from __future__ import annotations

import pytest

from spinetui.cli import _reader_parser
from spinetui.console import console_wanted
from spinetui.kiosk.config import ConfigError, parse_config


@pytest.mark.parametrize(
    ("flag", "config", "term", "wanted"),
    [
        (None, False, "linux", True),  # the kernel's console
        (None, False, "xterm-256color", False),
        (None, False, "foot", False),  # the touch-screen kiosk's terminal
        (None, True, "foot", True),  # console = true in the config
        (True, False, "xterm", True),  # --console
        (False, True, "linux", False),  # --no-console wins over both
    ],
)
def test_console_drawing_is_wanted(flag, config, term, wanted):
    assert console_wanted(flag, config, {"TERM": term}) is wanted


def test_no_term_at_all_is_not_the_console():
    assert console_wanted(None, False, {}) is False


def test_the_config_key_is_read_and_checked():
    assert parse_config("console = true").console is True
    assert parse_config("").console is False
    with pytest.raises(ConfigError, match="console: must be true or false"):
        parse_config('console = "yes"')


def test_the_command_line_flag():
    assert _reader_parser().parse_args(["--console"]).console is True
    assert _reader_parser().parse_args(["--no-console"]).console is False
    assert _reader_parser().parse_args([]).console is None


def test_check_config_says_when_console_drawing_is_on(tmp_path):
    import io

    from spinetui.kiosk import commands

    config = tmp_path / "config.toml"
    for text, shown in (("console = true\n", "console drawing: on"), ("", "when TERM=linux")):
        config.write_text(text)
        out = io.StringIO()
        assert commands.main(["check-config", "--config", str(config)], out=out) == 0
        assert shown in out.getvalue()
