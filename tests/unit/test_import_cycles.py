"""No import cycles at run time, and screens that do not pull in other areas' screens.

Each spinetui module is imported alone in a fresh interpreter (a child forked from one
that has loaded only third-party libraries, so no spinetui module is there before).
An import hook watches every import: importing a module that is still running its own
top level (not a parent package of the importer) is a cycle, and the test names the
chain. Afterwards, ``sys.modules`` shows what that module pulled in: a screen of the
reader, the comparison, search or the decision tools must not bring in another area's
screens or the app (they ask the app by message: ``spinetui.components.navigation``).

A second test reads every module's imports, including those inside functions (the
ones made when a screen opens), and checks that they form no cycle either.
"""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
import textwrap

import pytest

import spinetui
from tests.conftest import REPO

SRC = REPO / "src" / "spinetui"

#: The areas of components/ whose modules must not pull in one another's.
AREAS = ("reader", "compare", "find", "decide", "kiosk")
# What every area may use lives outside them: the article pane and what its links do
# are in components/article/, shared widgets in components/ itself.


def all_modules() -> list[str]:
    # Not __main__: importing it runs the app.
    return sorted(
        info.name
        for info in pkgutil.walk_packages(spinetui.__path__, prefix="spinetui.")
        if info.name != "spinetui.__main__"
    )


# In the child: loads the third-party libraries, then forks once per module, so each
# module is imported into an interpreter that holds no spinetui module.
CHILD = """
import builtins, importlib, importlib.abc, importlib.machinery, json, os, sys

for name in ("textual.app", "textual.widgets", "textual.screen", "textual.command",
             "rich.text", "yaml", "markdown_it"):
    importlib.import_module(name)

running = []  # spinetui modules whose top level is running, innermost last


class Watch(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if not name.startswith("spinetui"):
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        exec_module = spec.loader.exec_module

        def watched(module, exec_module=exec_module, name=name):
            running.append(name)
            try:
                exec_module(module)
            finally:
                running.pop()

        spec.loader.exec_module = watched
        return spec


cycles = []
_import = builtins.__import__


def ancestors(name):
    parts = name.split(".")
    return {".".join(parts[:i]) for i in range(1, len(parts))}


def noting_import(name, globals=None, locals=None, fromlist=(), level=0):
    module = _import(name, globals, locals, fromlist, level)
    if running and globals is not None and globals.get("__name__") == running[-1]:
        importer = running[-1]
        wanted = importlib.util.resolve_name(name, globals.get("__package__")) if level else name
        names = [wanted] + [f"{wanted}.{item}" for item in fromlist or ()]
        for target in names:
            if target in running[:-1] and target not in ancestors(importer):
                chain = running[running.index(target):] + [target]
                cycles.append(" -> ".join(chain))
    return module


sys.meta_path.insert(0, Watch())
builtins.__import__ = noting_import

report = {}
for name in json.loads(sys.argv[1]):
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        result = {"cycles": [], "loaded": [], "error": None}
        try:
            importlib.import_module(name)
        except Exception as error:  # a module that needs an optional extra
            result["error"] = f"{type(error).__name__}: {error}"
        result["cycles"] = cycles
        result["loaded"] = sorted(m for m in sys.modules if m.startswith("spinetui"))
        with os.fdopen(write, "w") as out:
            json.dump(result, out)
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as got:
        text = got.read()
    os.waitpid(pid, 0)
    report[name] = json.loads(text) if text else {"error": "the child died", "cycles": [], "loaded": []}
print(json.dumps(report))
"""


@pytest.fixture(scope="module")
def imported_alone() -> dict[str, dict]:
    if not hasattr(__import__("os"), "fork"):
        pytest.skip("needs os.fork (Linux, macOS)")
    import os

    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO / "src"), env.get("PYTHONPATH")) if p)
    completed = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(CHILD), json.dumps(all_modules())],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr[-4000:]
    return json.loads(completed.stdout.strip().splitlines()[-1])


def test_every_module_imports_alone_without_a_cycle(imported_alone: dict[str, dict]) -> None:
    errors = {name: r["error"] for name, r in imported_alone.items() if r["error"]}
    # Only the web server needs an extra that may be missing (textual-serve).
    assert all(name.startswith("spinetui.web.") for name in errors), errors
    cycles = {name: r["cycles"] for name, r in imported_alone.items() if r["cycles"]}
    assert not cycles, "\n".join(f"{name}: {chain}" for name, c in cycles.items() for chain in c)


def _area(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) > 3 and parts[1] == "components" and parts[2] in AREAS:
        return parts[2]
    return None


def test_an_area_pulls_in_no_other_areas_screens_nor_the_app(
    imported_alone: dict[str, dict],
) -> None:
    wrong = []
    for name, result in imported_alone.items():
        area = _area(name)
        if area is None:
            continue
        for loaded in result["loaded"]:
            other = _area(loaded)
            if loaded == "spinetui.app" or (other is not None and other != area):
                wrong.append(f"{name} pulls in {loaded}")
    assert not wrong, "\n".join(wrong)


def test_navigation_messages_need_no_screen(imported_alone: dict[str, dict]) -> None:
    loaded = imported_alone["spinetui.components.navigation"]["loaded"]
    assert not [m for m in loaded if _area(m) or m == "spinetui.app"], loaded


# ------------------------------------------------------------- static, all imports
def _imports(path, module: str) -> set[str]:
    """spinetui modules `module` imports anywhere (functions too), not for type checks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(n) for child in node.body for n in ast.walk(child))
    found = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names)
    return {name for name in found if name.startswith("spinetui")}


def test_no_cycle_among_all_imports_even_those_inside_functions() -> None:
    modules = set(all_modules())
    paths = {}
    for name in modules:
        relative = name.split(".")[1:]
        file = SRC.joinpath(*relative)
        paths[name] = file / "__init__.py" if file.is_dir() else file.with_suffix(".py")

    def ancestors(name: str) -> set[str]:
        parts = name.split(".")
        return {".".join(parts[:i]) for i in range(1, len(parts))}

    graph = {
        name: {t for t in _imports(paths[name], name) if t in modules and t != name}
        - ancestors(name)
        for name in modules
    }
    # Depth-first search for a back edge; report the first cycle found.
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(name: str) -> list[str] | None:
        state[name] = 1
        stack.append(name)
        for target in sorted(graph[name]):
            if state.get(target) == 1:
                return stack[stack.index(target) :] + [target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        stack.pop()
        state[name] = 2
        return None

    for name in sorted(modules):
        if name not in state:
            cycle = visit(name)
            assert cycle is None, " -> ".join(cycle)
