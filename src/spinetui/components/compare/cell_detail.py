"""The panel under the comparison table: the selected cell in full, with its sources."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from spinetui.components.compare.columns import MISSING_CELL_TEXT
from spinetui.components.compare.evidence import evidence_badge, evidence_words
from spinetui.model.types import Attribute, Guide, Treatment


def cell_detail_text(guide: Guide, attribute: Attribute, treatment: Treatment) -> Text:
    """Everything known about one cell, as plain Rich Text (content is never markup)."""
    cell = guide.comparison.cell(attribute.id, treatment.id)
    text = Text.assemble((attribute.label, "bold"), " · ", (treatment.name, "bold"), "\n")
    if cell is None or not cell.text.strip():
        text.append(MISSING_CELL_TEXT, style="italic")
        text.append("\n")
        return text
    badge = evidence_badge(cell.evidence)
    text.append_text(badge if badge is not None else Text(evidence_words(None), style="dim"))
    text.append("\n")
    text.append(cell.text)
    text.append("\n")
    if cell.sources:
        text.append("Sources:\n", style="bold")
        for number, source_id in enumerate(cell.sources, start=1):
            source = guide.sources.get(source_id)
            citation = (
                source.citation
                if source is not None
                else f"{source_id} (not in the list of sources)"
            )
            text.append(f"{number}. ")
            text.append(citation)
            text.append("\n")
    else:
        text.append("No source is given for this cell.\n", style="italic")
    article = guide.articles.get(treatment.article or "")
    if article is not None:
        where = _heading_text(guide, article.id, attribute.anchor)
        text.append("Enter: read ", style="dim")
        text.append(f"“{where}” in " if where else "", style="dim")
        text.append(f"“{article.title}”", style="dim")
    return text


def _heading_text(guide: Guide, article_id: str, anchor: str | None) -> str | None:
    if not anchor:
        return None
    guide.complete()  # headings are found after the first paint (load_guide_quickly)
    for heading in guide.articles[article_id].headings:
        if heading.anchor == anchor:
            return heading.text
    return None


class CellDetail(VerticalScroll, can_focus=True):
    """Scrolls on its own when a cell's text and sources are longer than the panel."""

    DEFAULT_CSS = """
    CellDetail {
        /* A steady height, so the table does not jump as the selection moves. */
        height: 30%;
        min-height: 6;
        max-height: 14;
        border-top: solid $foreground 30%;
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    CellDetail:focus { border-top: solid $accent; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="cell-detail-text")

    def show(self, text: Text) -> None:
        self.query_one("#cell-detail-text", Static).update(text)
        self.scroll_home(animate=False)

    @property
    def text(self) -> str:
        """What the panel shows, as plain text."""
        return str(self.query_one("#cell-detail-text", Static).render())
