"""Start-up imports only what the first screen needs.

Every module imported before the first paint is time a reader waits for (see
docs/performance.md). Each test starts spinetui in a fresh interpreter, through the
same `spinetui.cli.main` the command runs, headless, and stops it at the first paint of
its first screen. An import hook watches for the modules that are only needed later and
records who imported them, so a failure names the module and the import that pulled it in.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import BUNDLED, REPO

# Needed only once the reader asks for them: search, comparison, find-in-article, web
# serving, kiosk mode, taking My questions home, `spinetui check` and its reading grades.
LATER = (
    "sqlite3",
    "_sqlite3",
    "spinetui.search",
    "spinetui.components.compare",
    "spinetui.components.find",
    "spinetui.components.decide",
    "spinetui.serve",
    "textual_serve",
    "aiohttp",
    "textstat",
    "segno",  # the kiosk's QR code of My questions
    "spinetui.decide.take_home",
    "spinetui.check",
    "spinetui.kiosk",
    "spinetui.model.languages",  # only when another language than English is chosen
)

# Installed first thing in the child: records the import stack of every watched module.
RECORDER = """
import json, sys, traceback

WATCHED = tuple(json.loads(sys.argv[2]))
imported_by = {}


def _watched(name):
    return any(name == w or name.startswith(w + ".") for w in WATCHED)


class ImportRecorder:
    def find_spec(self, name, path=None, target=None):
        if _watched(name) and name not in imported_by:
            frames = [
                f"{frame.filename}:{frame.lineno} in {frame.name}"
                for frame in traceback.extract_stack()[:-1]
                if not frame.filename.startswith("<frozen")
            ]
            imported_by[name] = frames[-6:]
        return None  # let the real finders find it


sys.meta_path.insert(0, ImportRecorder())


def report(path):
    loaded = {name: imported_by.get(name, ["(no stack recorded)"])
              for name in sys.modules if _watched(name)}
    with open(path, "w") as out:
        json.dump(loaded, out)
"""

# Runs the app headless through the CLI; at the first paint of a screen other than
# Textual's default one, reports the watched modules then loaded and exits.
FIRST_PAINT = """
from textual.app import App

painted = []
_run, _display = App.run, App._display


def run_headless(self, *args, **kwargs):
    kwargs.update(headless=True, size=(120, 40))
    return _run(self, *args, **kwargs)


def display(self, screen, renderable):
    _display(self, screen, renderable)
    if renderable is not None and screen.id != "_default" and not painted:
        painted.append(type(screen).__name__)
        report(sys.argv[1])
        self.exit()


App.run, App._display = run_headless, display

from spinetui.cli import main

main(sys.argv[3:])
if not painted:
    sys.exit("the app exited without painting a screen")
"""

# Runs the CLI for --help; reports the watched modules loaded afterwards.
HELP = """
from spinetui.cli import main

try:
    main(sys.argv[3:])
except SystemExit:
    pass
report(sys.argv[1])
"""


def loaded_modules(
    script: str, args: list[str], watched: tuple[str, ...], tmp_path: Path
) -> dict[str, list[str]]:
    """Run RECORDER + script in a fresh interpreter; {watched module loaded: import stack}."""
    report = tmp_path / "imports.json"
    code = textwrap.dedent(RECORDER) + textwrap.dedent(script)
    completed = subprocess.run(
        [sys.executable, "-c", code, str(report), json.dumps(watched), *args],
        cwd=REPO,
        env=_child_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    if not report.exists():
        pytest.fail(
            f"spinetui {' '.join(args)} did not get as far as the report "
            f"(exit {completed.returncode}):\n{completed.stdout[-2000:]}\n{completed.stderr[-4000:]}"
        )
    return json.loads(report.read_text())


def _child_env() -> dict[str, str]:
    import os

    env = dict(os.environ)  # HOME and XDG_* already point at an empty place (conftest)
    src = str(REPO / "src")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    env.pop("TEXTUAL", None)
    # English unless a test asks: a Spanish locale would (rightly) load the Spanish tree.
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        env.pop(name, None)
    env["LANG"] = "C.UTF-8"
    return env


def describe(loaded: dict[str, list[str]], when: str) -> str:
    """One paragraph per module: what was imported too early, and the import that did it."""
    # Report each package once, at its first module, to keep the message readable.
    firsts = sorted(
        name for name in loaded if not any(name.startswith(o + ".") for o in loaded if o != name)
    )
    lines = [f"{len(firsts)} module(s) needed only later were imported {when}:"]
    for name in firsts:
        lines.append(f"\n  {name} — imported by:")
        lines += [f"      {frame}" for frame in loaded[name]]
    return "\n".join(lines)


def test_the_first_screen_imports_nothing_needed_only_later(tmp_path):
    loaded = loaded_modules(FIRST_PAINT, ["--content", str(BUNDLED)], LATER, tmp_path)
    assert not loaded, describe(loaded, "before the first paint")


def test_kiosk_mode_imports_nothing_else_needed_only_later(tmp_path):
    watched = tuple(name for name in LATER if name != "spinetui.kiosk")
    loaded = loaded_modules(FIRST_PAINT, ["--kiosk", "--content", str(BUNDLED)], watched, tmp_path)
    assert not loaded, describe(loaded, "before the first paint in kiosk mode")


def test_a_spanish_start_imports_only_the_language_loader_besides(tmp_path):
    """`--lang es` loads the Spanish tree (and so the loader) before the first paint,
    and nothing else that waits for later."""
    watched = tuple(name for name in LATER if name != "spinetui.model.languages")
    args = ["--lang", "es", "--content", str(BUNDLED)]
    loaded = loaded_modules(FIRST_PAINT, args, (*watched, "spinetui.model.languages"), tmp_path)
    assert "spinetui.model.languages" in loaded
    later = {name: stack for name, stack in loaded.items() if name != "spinetui.model.languages"}
    assert not later, describe(later, "before the first paint in Spanish")


# Not needed by --help or --version: the app, the content's parsers, the checks.
NOT_FOR_HELP = ("textual", "yaml", "markdown_it", "spinetui.model.loader", *LATER)


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_help_and_version_do_not_import_textual(tmp_path, flag):
    loaded = loaded_modules(HELP, [flag], NOT_FOR_HELP, tmp_path)
    assert not loaded, describe(loaded, f"by spinetui {flag}")


def test_a_start_from_the_guide_cache_reads_no_yaml(tmp_path):
    """With a fresh guide cache (model/cache.py), the loader and PyYAML stay unloaded."""
    from spinetui.model.cache import cache_dir, cached_quick_load
    from spinetui.model.loader import complete_guide

    # As a first start leaves it (the child inherits the same XDG_CACHE_HOME).
    complete_guide(cached_quick_load(BUNDLED, kiosk=False))
    assert any(cache_dir().glob("guide-*.cache"))
    watched = ("yaml", "spinetui.model.loader", *LATER)
    loaded = loaded_modules(FIRST_PAINT, ["--content", str(BUNDLED)], watched, tmp_path)
    assert not loaded, describe(loaded, "before the first paint, starting from the guide cache")


# What parsing Markdown needs: the first article is drawn from its kept parse instead.
MARKDOWN_PARSER = ("markdown_it", "mdurl", "linkify_it", "html.parser")


def test_a_second_start_draws_the_first_article_without_markdown_it(tmp_path):
    """A first start keeps its first article's parse (render/parse_cache.py); the next
    start draws that article from it and imports no Markdown parser before the first
    paint (nor the loader, nor anything needed later)."""
    import threading

    from spinetui.model.cache import cache_dir, cached_quick_load
    from spinetui.model.loader import complete_guide
    from spinetui.services import load_services

    # As a first start leaves it (the child inherits the same XDG_CACHE_HOME).
    complete_guide(cached_quick_load(BUNDLED, kiosk=False))
    services = load_services(BUNDLED, "en", kiosk=False)
    services.document_for(services.guide.home or services.guide.reading_order()[0].id)
    services.keep_start_parse()
    for thread in threading.enumerate():
        if thread.name == "spinetui-keep-parse":
            thread.join(30)
    assert any(cache_dir().glob("parsed-*.cache"))
    watched = (*MARKDOWN_PARSER, "yaml", "spinetui.model.loader", *LATER)
    loaded = loaded_modules(FIRST_PAINT, ["--content", str(BUNDLED)], watched, tmp_path)
    assert not loaded, describe(loaded, "before the first paint, with the first article kept")
