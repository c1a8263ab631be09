"""The layering and typing rules of docs/architecture.md, checked on every test run.

- import-linter contracts (``[tool.importlinter]`` in pyproject.toml): the Textual-free
  core never imports Textual or the components; the model and the Markdown package
  never import Rich; the reader, compare, find, decide and kiosk areas do not import
  each other (only the app opens screens).
- mypy over ``src/spinetui`` (its configuration is in pyproject.toml) finds no error.
- No module in ``src/`` is longer than 500 lines: small modules, one job each.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO

SRC = REPO / "src" / "spinetui"
MAX_LINES = 500


def _run(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_import_linter_contracts_hold():
    pytest.importorskip("importlinter")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports_command; "
            "sys.argv = ['lint-imports', '--no-cache']; lint_imports_command()",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]


def test_mypy_finds_no_error():
    pytest.importorskip("mypy")
    done = _run("mypy")  # files and settings: [tool.mypy] in pyproject.toml
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]


def test_no_module_is_over_500_lines():
    long = {
        str(path.relative_to(REPO)): n
        for path in SRC.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"modules over {MAX_LINES} lines (split them by job): {long}"
