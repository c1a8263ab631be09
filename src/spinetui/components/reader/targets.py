"""What choosing a source, a glossary word, a tool or a web link does, wherever it is chosen.

Links to articles and headings are handled by the pane that shows them (the reader
opens them in place, the side-by-side view on the same side); everything else pops up
over the current screen the same way everywhere.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import App

from spinetui.components.info_screen import InfoScreen
from spinetui.render import Target


def show_target_popup(app: App, target: Target) -> None:
    """Explain a source, glossary word or external link chosen in an article."""
    if target.kind == "term":
        app.show_term(target.value.removeprefix("glossary:"))  # type: ignore[attr-defined]
        return
    if target.kind == "tool":  # a decision tool: What matters to you, the SURE check
        app.open_tool(target.value)  # type: ignore[attr-defined]
        return
    if target.kind == "source":
        source = app.guide.sources.get(target.value.removeprefix("source:"))  # type: ignore[attr-defined]
        body = Text(source.citation) if source else Text(f"Unknown source: {target.value}")
        app.push_screen(InfoScreen("Source", body))
        return
    body = Text.assemble(
        ("This link leads outside the guide:\n\n", "bold"),
        target.value,
        "\n\nspinetui does not open web pages. You can type the address into a browser later.",
    )
    app.push_screen(InfoScreen("Link", body))
