"""`systemd-analyze verify` passes on every unit in deploy/ (and the getty drop-in).

The units are installed into a scratch root beside a copy of this system's own units,
with stand-ins for the programs they start (spinetui, cage, foot, agetty): verify checks
that every ExecStart= program exists. Any warning about our files fails the test, since
systemd only warns (and then ignores the line) about unknown keys and bad values.
Where systemd-analyze is missing the test skips with the reason; in CI it fails (.ci/run
installs systemd).
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO, in_ci

DEPLOY = REPO / "deploy"
SYSTEM_UNIT_DIRS = (Path("/usr/lib/systemd/system"), Path("/lib/systemd/system"))
# deploy/ file -> where it is installed (docs/kiosk.md), relative to /etc/systemd/system.
INSTALLED = {
    "spinetui-kiosk.service": "spinetui-kiosk.service",
    "spinetui-kiosk-touch.service": "spinetui-kiosk-touch.service",
    "getty-autologin.conf": "getty@tty1.service.d/autologin.conf",
}
# The unit each file is checked as.
CHECKED_AS = {
    "spinetui-kiosk.service": "spinetui-kiosk.service",
    "spinetui-kiosk-touch.service": "spinetui-kiosk-touch.service",
    "getty-autologin.conf": "getty@tty1.service",
}


def systemd_analyze() -> str:
    tool = shutil.which("systemd-analyze")
    if tool is None:
        if in_ci():
            pytest.fail("systemd-analyze is required in CI (.ci/run installs systemd)")
        pytest.skip("systemd-analyze is not installed (Debian package systemd)")
    return tool


def test_every_unit_file_in_deploy_is_checked():
    units = {p.name for p in DEPLOY.iterdir() if p.suffix in (".service", ".conf", ".socket")}
    assert units == set(INSTALLED)


def _programs(text: str) -> list[str]:
    """The absolute paths of the programs the Exec*= lines start."""
    found = []
    for line in text.splitlines():
        match = re.match(r"\s*Exec\w*=\s*(.+)", line)
        if match:
            words = shlex.split(match.group(1))
            if words:
                found.append(words[0].lstrip("-@:+!"))
    return [p for p in found if p.startswith("/")]


def scratch_root(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    system = next((d for d in SYSTEM_UNIT_DIRS if (d / "sysinit.target").exists()), None)
    if system is None:
        pytest.skip("this system has no systemd unit folder to check against")
    shutil.copytree(system, root / "usr/lib/systemd/system", symlinks=True)
    for name, where in INSTALLED.items():
        target = root / "etc/systemd/system" / where
        target.parent.mkdir(parents=True, exist_ok=True)
        text = (DEPLOY / name).read_text()
        target.write_text(text)
        for program in _programs(text):
            stand_in = root / program.lstrip("/")
            stand_in.parent.mkdir(parents=True, exist_ok=True)
            stand_in.write_text("#!/bin/sh\n")
            stand_in.chmod(0o755)
    return root


@pytest.mark.parametrize("name", sorted(INSTALLED))
def test_systemd_analyze_verify_passes(name, tmp_path):
    tool = systemd_analyze()
    root = scratch_root(tmp_path)
    result = subprocess.run(
        [tool, "verify", f"--root={root}", "--man=no", CHECKED_AS[name]],
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    ours = [line for line in output.splitlines() if "/etc/systemd/system/" in line or name in line]
    assert result.returncode == 0, output
    assert ours == [], "\n".join(ours)


def test_the_check_catches_a_mistake(tmp_path):
    # The same check on a unit with a typo and a bad value must complain.
    tool = systemd_analyze()
    root = scratch_root(tmp_path)
    unit = root / "etc/systemd/system/spinetui-kiosk.service"
    unit.write_text(unit.read_text().replace("TTYReset=yes", "TTYReset=maybe\nRestrt=always"))
    result = subprocess.run(
        [tool, "verify", f"--root={root}", "--man=no", "spinetui-kiosk.service"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Restrt" in result.stderr and "maybe" in result.stderr
