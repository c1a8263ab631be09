"""The deploy/ recipes keep a kiosk on screen: restart always, no start limit, never a shell."""

from __future__ import annotations

import configparser
import os
import shlex
import stat

from tests.conftest import REPO

DEPLOY = REPO / "deploy"


def _unit(name: str) -> configparser.ConfigParser:
    # systemd units repeat keys (After=, ExecStart=); keep the last, like systemd for most.
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # keys are case-sensitive in systemd
    parser.read_string((DEPLOY / name).read_text())
    return parser


def test_the_service_restarts_always_without_a_start_limit():
    unit = _unit("spinetui-kiosk.service")
    assert unit["Service"]["Restart"] == "always"
    assert float(unit["Service"]["RestartSec"]) <= 2
    assert unit["Unit"]["StartLimitIntervalSec"] == "0"


def test_the_service_runs_spinetui_in_kiosk_mode_on_tty1_as_a_plain_user():
    service = _unit("spinetui-kiosk.service")["Service"]
    argv = shlex.split(service["ExecStart"])
    assert os.path.basename(argv[0]) == "spinetui"
    assert "--kiosk" in argv
    assert service["TTYPath"] == "/dev/tty1"
    assert service["StandardInput"].startswith("tty")
    assert service["StandardOutput"] == "tty"
    assert service["User"] not in ("", "root")


def test_an_admin_exit_is_not_restarted_but_a_crash_is():
    from spinetui.kiosk.policy import ADMIN_EXIT_STATUS

    service = _unit("spinetui-kiosk.service")["Service"]
    assert service["RestartPreventExitStatus"].split() == [str(ADMIN_EXIT_STATUS)]


def test_the_kiosk_can_write_nowhere():
    service = _unit("spinetui-kiosk.service")["Service"]
    assert service["ProtectSystem"] == "strict"
    assert service["ProtectHome"] == "yes"
    assert service["NoNewPrivileges"] == "yes"


def test_the_getty_recipe_logs_the_kiosk_user_in_automatically():
    getty = _unit("getty-autologin.conf")["Service"]
    # The first, empty ExecStart= clears getty's own; configparser keeps the last one.
    argv = shlex.split(getty["ExecStart"].lstrip("-"))
    assert argv[0].endswith("agetty")
    assert argv[argv.index("--autologin") + 1] == "spinetui-kiosk"


def test_the_session_script_loops_over_spinetui_and_never_execs_a_shell():
    script = DEPLOY / "spinetui-kiosk-session"
    text = script.read_text()
    assert script.stat().st_mode & stat.S_IXUSR
    assert "while :" in text
    assert "--kiosk" in text
    assert "trap '' INT QUIT TSTP\n" in text
    assert "trap hang_up HUP TERM" in text  # a hang-up ends it (issue 14, finding 8)
    for shell in ("exec sh", "exec bash", "exec $SHELL", "/bin/bash"):
        assert shell not in text
