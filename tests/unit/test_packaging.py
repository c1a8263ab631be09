"""A plain (non-editable) install carries the bundled content and works from anywhere."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from tests.conftest import BUNDLED, REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)],
        check=True,
        timeout=300,
    )
    return next(out.glob("spinetui-*.whl"))


def test_the_wheel_contains_every_content_file_and_the_styles(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in BUNDLED.rglob("*"):
        if path.is_file():
            assert f"spinetui/bundled_content/{path.relative_to(BUNDLED).as_posix()}" in names
    assert "spinetui/styles/app.tcss" in names
    # The UI text catalogs, compiled (an install reads them with gettext, no build step).
    assert "spinetui/locale/es/LC_MESSAGES/spinetui.mo" in names


def test_the_installed_wheel_finds_its_content_from_another_directory(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = (
        "import spinetui, spinetui.model as m; "
        "print(spinetui.__file__); print(m.bundled_content_dir()); "
        "g = m.load_guide(m.bundled_content_dir()); print(len(g.articles), len(g.errors))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=elsewhere,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    module_file, content_dir, counts = result.stdout.splitlines()
    assert module_file.startswith(str(target))
    assert content_dir.startswith(str(target))
    articles, errors = map(int, counts.split())
    assert articles == len(list((BUNDLED / "articles").glob("*.md")))
    assert errors == 0
