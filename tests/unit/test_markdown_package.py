"""spinetui.markdown: Textual- and Rich-free, cheap to import, and the one home of its rules.

Each module is imported alone in a fresh interpreter (as test_import_hygiene.py does for
start-up) and ``sys.modules`` is checked: the loader, search and ``spinetui check`` use
this package, and must not pay for (or depend on) the terminal UI or its styling.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import pytest

import spinetui.markdown

MODULES = ["spinetui.markdown"] + [
    f"spinetui.markdown.{m.name}" for m in pkgutil.iter_modules(spinetui.markdown.__path__)
]
FORBIDDEN = ("textual", "rich", "spinetui.render", "spinetui.components", "spinetui.model")
# markdown-it is loaded only by the parser module (and what asks for it, lazily).
PARSER_ONLY = ("markdown_it",)


def imported_by(module: str) -> list[str]:
    code = f"import json, sys, {module}; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def _under(names: list[str], roots: tuple[str, ...]) -> list[str]:
    return [n for n in names if any(n == r or n.startswith(r + ".") for r in roots)]


@pytest.mark.parametrize("module", MODULES)
def test_markdown_imports_neither_textual_nor_rich(module: str) -> None:
    names = imported_by(module)
    assert _under(names, FORBIDDEN) == [], f"{module} pulls these in"
    if module != "spinetui.markdown.parser":
        assert _under(names, PARSER_ONLY) == [], f"{module} loads markdown-it eagerly"


def test_old_import_paths_name_the_same_things() -> None:
    import spinetui.markdown as md
    import spinetui.render as render
    from spinetui.check import markdown_to_plain
    from spinetui.model import Heading
    from spinetui.model._scan import scan_body
    from spinetui.render.parse import MAX_NESTING, block_parser, heading_anchors, link_kind
    from spinetui.search.plain import markdown_plain_text

    assert render.RenderHeading is Heading is md.Heading
    assert render.slugify is md.slugify
    assert (render.heading_anchors, heading_anchors) == (md.heading_anchors,) * 2
    assert (render.link_kind, link_kind) == (md.link_kind,) * 2
    assert (render.block_parser, block_parser) == (md.block_parser,) * 2
    assert scan_body is md.scan_body and MAX_NESTING == md.MAX_NESTING
    body = "# Title {#top}\n\n- a [link](x) and **bold**\n"
    assert markdown_plain_text(body) == md.markdown_plain(body)
    assert markdown_to_plain(body) == md.markdown_plain(body, sentences=True)


def test_the_scanner_and_the_renderer_share_one_heading_type() -> None:
    from spinetui.render import MarkdownDocument

    body = "# Risks\n\n## *Risks* again {#more}\n"
    rendered = MarkdownDocument(body).headings
    assert rendered == spinetui.markdown.heading_anchors(body)
    assert [tuple(h) for h in rendered] == [tuple(h) for h in spinetui.markdown.scan_body(body)[0]]
    assert all(type(h) is spinetui.markdown.Heading for h in rendered)
