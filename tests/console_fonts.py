"""The Linux console fonts and the shared glyph checker, for the console-drawing tests.

The checker is `../shared/tools/console_glyphs.py` (never copied into the project); the
fonts come from Debian's console-setup-linux package. Without either, the tests that
need them skip with the reason outside CI and fail in CI (.ci/run installs the fonts).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SHARED, in_ci

FONT_DIR = Path("/usr/share/consolefonts")
FONTS = ("Uni2-Fixed16", "Lat15-Fixed16", "Uni2-Terminus16")


def _missing(reason: str) -> None:
    if in_ci():
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


def _shared_candidates() -> list[Path]:
    candidates = [SHARED]
    # In a git worktree the shared folder sits beside the main checkout, not beside
    # this one: ask git where the main repository is.
    try:
        common = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--path-format=absolute", "--git-common-dir"],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        common = ""
    if common:
        candidates.append(Path(common).parent.parent / "shared")
    return candidates


def glyph_checker() -> Path:
    for shared in _shared_candidates():
        script = shared / "tools" / "console_glyphs.py"
        if script.is_file():
            return script
    _missing(f"the shared glyph checker is not there ({SHARED}/tools/console_glyphs.py)")
    raise AssertionError("unreachable")


def console_fonts() -> list[Path]:
    paths = [FONT_DIR / f"{name}.psf.gz" for name in FONTS]
    absent = [p.name for p in paths if not p.is_file()]
    if absent:
        _missing(
            f"console fonts missing in {FONT_DIR}: {', '.join(absent)} "
            "(Debian package console-setup-linux)"
        )
    return paths


def check_capture(text: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run the shared checker on `text` against every font; exit status 0 means none
    of them lacks a character of it."""
    checker, fonts = glyph_checker(), console_fonts()
    capture = tmp_path / "capture.txt"
    capture.write_text(text, encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(checker), str(capture), *map(str, fonts)],
        capture_output=True,
        text=True,
        timeout=60,
    )
