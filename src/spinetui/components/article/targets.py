"""What choosing a source, a glossary word, a tool or a web link does, wherever it is chosen.

Links to articles and headings are handled by the pane that shows them (the reader
opens them in place, the side-by-side view on the same side); everything else pops up
over the current screen the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.screen import Screen

from spinetui.components.navigation import OpenTool, ShowTerm
from spinetui.i18n import _
from spinetui.model import Source
from spinetui.render import Target


def show_target_popup(screen: Screen, target: Target, sources: Mapping[str, Source]) -> None:
    """Explain a source, glossary word or external link chosen in an article on
    `screen` (terms and tools are opened by the app: see components.navigation)."""
    app = screen.app
    if target.kind == "term":
        screen.post_message(ShowTerm(target.value.removeprefix("glossary:")))
        return
    if target.kind == "tool":  # a decision tool: What matters to you, the SURE check
        screen.post_message(OpenTool(target.value))
        return
    # Imported when a pop-up is first asked for, not at start-up.
    from spinetui.components.info_screen import InfoScreen

    if target.kind == "source":
        source = sources.get(target.value.removeprefix("source:"))
        if source:
            body = Text(source.citation)
        else:  # the id comes from the content: Text, never markup
            body = Text(_("Unknown source: {name}").format(name=target.value))
        # Translators: the title of the box that shows where a fact comes from.
        app.push_screen(InfoScreen(_("Source"), body))
        return
    body = Text.assemble(
        (_("This link leads outside the guide:") + "\n\n", "bold"),
        target.value,
        "\n\n",
        _("spinetui does not open web pages. You can type the address into a browser later."),
    )
    # Translators: the title of the box that shows a web address from an article.
    app.push_screen(InfoScreen(_("Link"), body))
