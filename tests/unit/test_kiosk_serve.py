"""`spinetui serve` options: loopback by default, a warning elsewhere, checked settings."""

from __future__ import annotations

import shlex
import sys

import pytest

from spinetui import serve


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("127.0.0.2", True),
        ("0.0.0.0", False),
        ("192.168.1.20", False),
        ("::", False),
        ("kiosk.example", False),
    ],
)
def test_which_addresses_count_as_this_machine_only(host, loopback):
    assert serve.is_loopback(host) is loopback


def test_each_session_runs_this_python_and_spinetui_in_kiosk_mode(tmp_path):
    options = serve._parser().parse_args(["--content", str(tmp_path), "--idle-seconds", "30"])
    argv = shlex.split(serve.session_command(options))
    assert argv[:4] == [sys.executable, "-m", "spinetui", "--kiosk"]
    assert argv[argv.index("--content") + 1] == str(tmp_path.resolve())
    assert argv[argv.index("--idle-seconds") + 1] == "30.0"
    personal = serve._parser().parse_args(["--no-kiosk"])
    assert "--no-kiosk" in shlex.split(serve.session_command(personal))


def test_defaults_are_loopback_kiosk_and_a_few_sessions():
    options = serve._parser().parse_args([])
    assert options.host == "127.0.0.1"
    assert options.kiosk is True
    assert options.max_sessions == serve.DEFAULT_MAX_SESSIONS


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--max-sessions", "0"], "--max-sessions must be at least 1"),
        (["--port", "70000"], "--port must be between 0 and 65535"),
        (["--idle-seconds", "-1"], "--idle-seconds: must be between"),
        (["--content", "/no/such/folder"], "no content folder at /no/such/folder"),
    ],
)
def test_bad_options_stop_it_before_it_listens(args, message, capsys):
    assert serve.main(args) == 2
    assert message in capsys.readouterr().err


def test_listening_beyond_this_machine_warns_that_there_is_no_authentication():
    pytest.importorskip("textual_serve")
    from tests.browser.served import Served

    with Served("--host", "0.0.0.0") as served:
        status, _ = served.get()
        output = served.close()
    assert status == 200
    assert "warning: listening on 0.0.0.0: there is no authentication" in " ".join(output.split())
    assert "reverse proxy" in output
