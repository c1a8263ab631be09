"""A second baseline: the least a three-pane reading screen can be in Textual.

What any reader of this shape pays and the one-line minimal app does not: a title bar,
a `Tree` of 8 sections × 6 articles with the first section open, a scrolling pane of
styled, wrapped text as wide as spinetui's article column, and Textual's `Footer`
with six key bindings. No content files, no Markdown, no cache: only Textual.

Usage: python benchmarks/three_pane_app.py   (paints THREEPANEREADY; q quits)
"""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Static, Tree

READY_MARKER = "THREEPANEREADY"

_WORDS = (
    "You may have back pain, or pain that runs down your leg. A doctor may have offered "
    "you a shot of steroid medicine near the nerves in your back. "
)


class ThreePaneApp(App[None]):
    CSS = """
    #title { height: 1; background: $panel; text-style: bold; padding: 0 1; }
    #body { height: 1fr; }
    Tree { width: 34; border-right: vkey $accent; }
    #article { width: 1fr; padding: 0 2; }
    """
    BINDINGS = [
        ("q", "quit", "Quit"),
        ("question_mark", "help", "Help"),
        ("slash", "find", "Find"),
        ("s", "search", "Search"),
        ("c", "compare", "Compare"),
        ("ctrl+t", "theme", "Theme"),
    ]

    def compose(self) -> ComposeResult:
        yield Static("A plain guide › Welcome: how to use this guide", id="title")
        with Horizontal(id="body"):
            tree: Tree[None] = Tree("Guide")
            tree.show_root = False
            for s in range(8):
                section = tree.root.add(f"Section {s + 1}: about this part", expand=s == 0)
                for a in range(6):
                    section.add_leaf(f"Article {s + 1}.{a + 1}: a title of some length")
            yield tree
            with VerticalScroll(id="article"):
                yield Static(Text(f"{READY_MARKER} Welcome", style="bold underline"))
                for n in range(12):
                    yield Static(Text(f"Heading {n + 1}", style="bold cyan"))
                    yield Static(Text(_WORDS * 3))
        yield Footer()


if __name__ == "__main__":
    ThreePaneApp().run()
