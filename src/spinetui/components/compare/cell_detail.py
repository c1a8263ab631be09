"""The panel under the comparison table: the selected cell in full, with its sources.

A cell that sums up numbers out of 100 (its ``outcomes``) draws them here as icon
arrays, 100 people as a 10 x 10 grid beside the comparison group's, with the sentence
that says the same in words: the same drawing and styles as in the articles.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from spinetui.components.compare.columns import MISSING_CELL_TEXT
from spinetui.components.compare.evidence import evidence_badge, evidence_words
from spinetui.components.compare.long_text import LONG_TEXT, LongText
from spinetui.decide.factors import LEVEL_WORDS, MARK
from spinetui.i18n import N_, _
from spinetui.model.types import Attribute, Guide, Outcome, Treatment
from spinetui.render.icon_array import icon_array_lines
from spinetui.render.styles import DEFAULT_STYLES, RenderStyles

# Narrower than this, the arrays are drawn at this width anyway (the panel scrolls);
# icon_array_lines itself falls back to numbers on very narrow lines.
MIN_ARRAY_WIDTH = 10


def cell_outcomes(guide: Guide, attribute: Attribute, treatment: Treatment) -> list[Outcome]:
    """The datasets the cell names that the guide has (unknown ids are reported by check)."""
    cell = guide.comparison.cell(attribute.id, treatment.id)
    if cell is None:
        return []
    return [guide.outcomes[i] for i in cell.outcomes if i in guide.outcomes]


def icon_array_text(outcome: Outcome, width: int, styles: RenderStyles = DEFAULT_STYLES) -> Text:
    """One outcome's icon arrays and sentence as Rich Text, one line per drawn line,
    in the styles the articles use (``SpineApp.render_styles``: the theme's colours)."""
    text = Text()
    for segments, _width, _targets in icon_array_lines(
        outcome, max(MIN_ARRAY_WIDTH, width), styles
    ):
        for segment in segments:
            text.append(segment.text, segment.style)
        text.append("\n")
    return text


def cell_detail_text(
    guide: Guide,
    attribute: Attribute,
    treatment: Treatment,
    *,
    width: int = 76,
    matters: int | None = None,
    styles: RenderStyles = DEFAULT_STYLES,
    notice: str = "",
) -> Text:
    """Everything known about one cell, as plain Rich Text (content is never markup).

    ``width``: the panel's width, for the icon arrays; ``matters``: how much the row
    matters to the reader, when they said so in What matters to you; ``notice``: the
    sentence saying the cell is shown in English (the reader's language lacks it), or ''.
    """
    cell = guide.comparison.cell(attribute.id, treatment.id)
    text = Text.assemble((attribute.label, "bold"), " · ", (treatment.name, "bold"), "\n")
    if matters is not None and matters in LEVEL_WORDS:
        # Translators: {level} is "a little" or "a lot".
        matters_line = _("This row matters to you {level}.").format(level=LEVEL_WORDS[matters])
        text.append(f"{MARK}{matters_line}\n", style="italic")
    if notice:
        text.append(f"{notice}\n", style="italic")
    if cell is None or not cell.text.strip():
        text.append(_(MISSING_CELL_TEXT), style="italic")
        text.append("\n")
        return text
    badge = evidence_badge(cell.evidence)
    text.append_text(badge if badge is not None else Text(evidence_words(None), style="dim"))
    text.append("\n")
    text.append(cell.text)
    text.append("\n")
    for outcome in cell_outcomes(guide, attribute, treatment):
        text.append("\n")
        text.append_text(icon_array_text(outcome, width, styles))
    if cell.outcomes:
        text.append("\n")
    if cell.sources:
        text.append(_("Sources:") + "\n", style="bold")
        for number, source_id in enumerate(cell.sources, start=1):
            source = guide.sources.get(source_id)
            citation = (
                source.citation
                if source is not None
                else _("{source_id} (not in the list of sources)").format(source_id=source_id)
            )
            text.append(f"{number}. ")
            text.append(citation)
            text.append("\n")
    elif cell.no_study:
        text.append(
            _("No study has measured this, so there is no source to give.") + "\n", style="italic"
        )
    else:
        text.append(_("No source is given for this cell.") + "\n", style="italic")
    article = guide.articles.get(treatment.article or "")
    if article is not None:
        where = _heading_text(guide, article.id, attribute.anchor)
        # Translators: {section} is a heading of the article called {title}.
        line = _("Enter: read “{section}” in “{title}”") if where else _("Enter: read “{title}”")
        for piece in quoted_pieces(line):
            text.append(piece.format(section=where, title=article.title), style="dim")
    return text


def quoted_pieces(template: str) -> list[str]:
    """A translated template cut before each quoted “{field}”, to draw piece by piece:
    the same spans (and so the same drawn segments) as before the text was translated."""
    return [piece for piece in re.split(r"(?=“\{)", template) if piece]


def _heading_text(guide: Guide, article_id: str, anchor: str | None) -> str | None:
    if not anchor:
        return None
    # `guide` is the completed guide (ComparisonScreen): it has the articles' headings.
    for heading in guide.articles[article_id].headings:
        if heading.anchor == anchor:
            return heading.text
    return None


# Marked here, translated where they are shown.
BIGGER = N_("e or tap here: bigger panel, to see 100 people drawn")
SMALLER = N_("e or tap here: smaller panel")


class SizeToggle(Static):
    """The line that makes the panel bigger or smaller, for mouse and touch."""

    DEFAULT_CSS = """
    SizeToggle { width: auto; color: $text-muted; text-style: underline; }
    SizeToggle:hover { color: $text; }
    """

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.query_ancestor(CellDetail).toggle_size()


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
        scrollbar-gutter: stable;
    }
    CellDetail.-big { height: 70%; max-height: 100%; }
    CellDetail:focus { border-top: solid $accent; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._cell: tuple[Guide, Attribute, Treatment, int | None, str] | None = None
        self._drawn_width = 0

    def compose(self) -> ComposeResult:
        yield SizeToggle(id="cell-detail-size")
        yield Static(id="cell-detail-text")
        yield LongText(id="cell-detail-long")

    def on_mount(self) -> None:
        self.query_one(SizeToggle).display = False
        self.query_one(LongText).display = False

    @property
    def big(self) -> bool:
        return self.has_class("-big")

    def toggle_size(self) -> None:
        self.set_class(not self.big, "-big")
        self._show_toggle()

    def _show_toggle(self) -> None:
        toggle = self.query_one(SizeToggle)
        has_arrays = self._cell is not None and bool(cell_outcomes(*self._cell[:3]))
        toggle.display = has_arrays or self.big
        toggle.update(Text(_(SMALLER) if self.big else _(BIGGER)))

    @property
    def _width(self) -> int:
        return max(1, self.scrollable_content_region.width)

    def show(self, text: Text) -> None:
        """Show a message instead of a cell."""
        self._cell = None
        self._show_toggle()
        self._set_text(text)
        self.scroll_home(animate=False)

    def show_cell(
        self,
        guide: Guide,
        attribute: Attribute,
        treatment: Treatment,
        matters: int | None,
        notice: str = "",
    ) -> None:
        """Show a cell; ``notice`` says it is in English when the reader's language
        lacks it (``Services.falls_back``)."""
        self._cell = (guide, attribute, treatment, matters, notice)
        self._show_toggle()
        self._draw()
        self.scroll_home(animate=False)

    def _draw(self) -> None:
        if self._cell is None:
            return
        guide, attribute, treatment, matters, notice = self._cell
        self._drawn_width = self._width
        styles = getattr(self.app, "render_styles", DEFAULT_STYLES)  # the theme's colours
        self._set_text(
            cell_detail_text(
                guide,
                attribute,
                treatment,
                width=self._drawn_width,
                matters=matters,
                styles=styles,
                notice=notice,
            )
        )

    def _set_text(self, text: Text) -> None:
        # A Static re-wraps its whole text on every layout: far too slow for a cell of
        # 100,000 characters, which LongText wraps once and draws a line at a time.
        static = self.query_one("#cell-detail-text", Static)
        long = self.query_one(LongText)
        is_long = len(text) >= LONG_TEXT
        static.display = not is_long
        long.display = is_long
        static.update(Text() if is_long else text)
        long.update(text if is_long else Text())

    def restyle(self) -> None:
        """Draw the cell again in the theme's new colours (the icon arrays)."""
        self._draw()

    def on_resize(self, event: events.Resize) -> None:
        if self._cell is not None and self._width != self._drawn_width:
            self._draw()

    @property
    def text(self) -> str:
        """What the panel shows, as plain text."""
        long = self.query_one(LongText)
        if long.display:
            return long.plain
        return str(self.query_one("#cell-detail-text", Static).render())
