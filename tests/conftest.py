"""Shared test helpers: paths to the repository, fixtures and the shared corpora."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# No time limit per example: a shared CI machine can be slow at any moment, and the
# project keeps timing out of tests (budgets live in benchmarks/run_all.py).
settings.register_profile("spinetui", deadline=None)
settings.load_profile("spinetui")

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
SHARED = REPO.parent / "shared"
BUNDLED = REPO / "content"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


@pytest.fixture(autouse=True)
def _no_user_files(tmp_path_factory, monkeypatch):
    """Point HOME and XDG folders at an empty temporary place for every test."""
    home = tmp_path_factory.mktemp("home")
    # A failure inside the app fails the test (the crash guard is tested on its own).
    monkeypatch.setenv("SPINETUI_STRICT_ERRORS", "1")
    monkeypatch.setenv("HOME", str(home))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
