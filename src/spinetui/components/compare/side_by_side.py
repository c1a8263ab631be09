"""Two articles next to each other, each scrolling on its own.

With "line up sections" on, the side being read leads: when the section at its top
changes, the other side scrolls to its section with the same anchor (treatment
articles share anchors such as `risks` and `cost`), so Risks sits beside Risks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static

from spinetui.components.article.article_view import ArticleView
from spinetui.components.article.targets import show_target_popup
from spinetui.components.compare.article_picker import ArticlePicker
from spinetui.components.compare.cell_detail import quoted_pieces
from spinetui.components.footer import SpineFooter
from spinetui.components.navigation import OpenArticle
from spinetui.i18n import _
from spinetui.keymap import SIDE_BY_SIDE_KEYS, bindings
from spinetui.render import Target

if TYPE_CHECKING:
    from spinetui.app import SpineApp
    from spinetui.model import Guide
    from spinetui.services import Services

TOP = ""  # "the top of the article", as a line-up target


class SideArticleView(ArticleView):
    """An article pane that becomes the leading side when the wheel scrolls it."""

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self.focus()

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self.focus()


class SideBySideScreen(Screen[None]):
    BINDINGS = bindings(SIDE_BY_SIDE_KEYS)

    DEFAULT_CSS = """
    SideBySideScreen #side-status { height: 1; background: $panel; padding: 0 1; }
    SideBySideScreen #sides { height: 1fr; }
    SideBySideScreen .side { width: 1fr; height: 1fr; }
    SideBySideScreen #left-side { border-right: vkey $foreground 20%; }
    SideBySideScreen .side-title { height: 1; padding: 0 1; color: $text-muted; }
    SideBySideScreen .side-title.-leading { color: $text; text-style: bold; background: $accent 30%; }
    SideBySideScreen SideArticleView { height: 1fr; padding: 0 1; }
    """

    app: SpineApp

    def __init__(
        self,
        services: Services,
        left_article: str,
        right_article: str,
        *,
        anchor: str | None = None,
    ) -> None:
        super().__init__()
        self.services = services
        self._start = (left_article, right_article)
        self._anchor = anchor
        self.line_up = True
        self._unmatched: str | None = None  # heading text the other side has no match for

    def compose(self) -> ComposeResult:
        yield Static(id="side-status")
        with Horizontal(id="sides"):
            for side in ("left", "right"):
                with Vertical(id=f"{side}-side", classes="side"):
                    yield Static(id=f"{side}-title", classes="side-title")
                    yield SideArticleView(questions=self.services.questions, id=f"{side}-article")
        yield SpineFooter()

    @property
    def left(self) -> ArticleView:
        return self.query_one("#left-article", ArticleView)

    @property
    def right(self) -> ArticleView:
        return self.query_one("#right-article", ArticleView)

    @property
    def leader(self) -> ArticleView:
        """The side being read: the focused one."""
        return self.right if self.focused is self.right else self.left

    def other(self, view: ArticleView) -> ArticleView:
        return self.right if view is self.left else self.left

    def on_mount(self) -> None:
        if not self.query("#left-article"):
            return  # closed before it was mounted (see _show_start)
        self.left.focus()
        # Now, so that the first frame already has both articles (not a blank frame for
        # a few tenths of a second). A pane not laid out yet goes to the anchor on its
        # first resize, when its width is known (ArticleView.show).
        self._show_start()

    def _show_start(self) -> None:
        if not self.query("#left-article"):
            # Closed again before its first refresh (fast keys): its panes are gone.
            return
        left_id, right_id = self._start
        self.show_article(self.left, left_id, self._anchor)
        self.show_article(self.right, right_id, self._anchor)

    # ---------------------------------------------------------------- showing
    def show_article(self, view: ArticleView, article_id: str, anchor: str | None = None) -> None:
        article = self.services.guide.articles.get(article_id)
        if article is None:
            self.notify(
                _("There is no article called {name} in this guide.").format(name=repr(article_id)),
                severity="warning",
                markup=False,
            )
            return
        document = self.services.document_for(article_id)
        known = anchor is not None and any(h.anchor == anchor for h in document.headings)
        view.show(article_id, document, anchor=anchor if known else None)
        self._update_labels()

    def _update_labels(self) -> None:
        guide = self.services.guide
        leader = self.leader
        for side, view in (("left", self.left), ("right", self.right)):
            article = guide.articles.get(view.article_id or "")
            title = Text(article.title if article else "")
            leading = view is leader
            label = Text.assemble(("▶ " if leading else "  "), title)
            widget = self.query_one(f"#{side}-title", Static)
            widget.update(label)
            widget.set_class(leading, "-leading")
        status = Text(_("Side by side") + " · ", style="bold")
        if self.line_up:
            status.append(_("Line up sections: on (u turns it off)"))
            if self._unmatched:
                # Translators: {heading} is a section heading of the side being read.
                words = _("the other side has no part like “{heading}”")
                for piece in quoted_pieces(" · " + words):
                    status.append(piece.format(heading=self._unmatched))
        else:
            status.append(_("Line up sections: off (u turns it on)"))
        self.query_one("#side-status", Static).update(status)

    # ---------------------------------------------------------------- line-up
    def on_article_view_top_heading_changed(self, message: ArticleView.TopHeadingChanged) -> None:
        message.stop()
        if self.line_up and message.view is self.leader:
            self._follow(message.view)

    def _follow(self, leader: ArticleView) -> None:
        """Scroll the other side to the section of the same kind as the leader's."""
        follower = self.other(leader)
        target = matching_anchor(leader, follower)
        unmatched = None
        if target is None:
            unmatched = _top_heading_text(leader)
        elif target == TOP:
            if round(follower.scroll_offset.y) != 0:
                follower.scroll_to(y=0, animate=False, immediate=True, force=True)
        elif follower.top_anchor != target:
            follower.scroll_to_anchor(target)
        if unmatched != self._unmatched:
            self._unmatched = unmatched
            self._update_labels()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._update_labels()

    # --------------------------------------------------------------- actions
    def action_switch_side(self) -> None:
        self.other(self.leader).focus()

    def action_line_up(self) -> None:
        self.line_up = not self.line_up
        self._unmatched = None
        if self.line_up:
            self._follow(self.leader)
        self._update_labels()
        self.notify(
            _("Sections line up as you scroll.")
            if self.line_up
            else _("Each side scrolls on its own."),
            timeout=2,
        )

    def action_change_article(self) -> None:
        view = self.leader

        def picked(article_id: str | None) -> None:
            if article_id is not None:
                anchor = self.other(view).top_anchor if self.line_up else None
                self.show_article(view, article_id, anchor)
                view.focus()

        self.app.push_screen(
            ArticlePicker(
                self.services.guide,
                _("Article for the right side")
                if view is self.right
                else _("Article for the left side"),
                leave_out=self.other(view).article_id,
                suggest=view.article_id,
            ),
            picked,
        )

    def action_open_in_reader(self) -> None:
        view = self.leader
        if view.article_id is None:
            return
        self.post_message(OpenArticle(view.article_id, view.top_anchor))

    def action_close(self) -> None:
        self.dismiss(None)

    # ------------------------------------------------------------------ links
    def on_article_view_target_activated(self, message: ArticleView.TargetActivated) -> None:
        message.stop()
        self._act_on(message.view, message.target)

    def _act_on(self, view: ArticleView, target: Target) -> None:
        """Links open on the same side; sources, terms and web links pop up."""
        if target.kind == "article":
            article_id, _, anchor = target.value.partition("#")
            self.show_article(view, article_id, anchor or None)
        elif target.kind == "anchor":
            view.scroll_to_anchor(target.value.lstrip("#"))
        else:
            show_target_popup(self, target, self.services.guide.sources)


def matching_anchor(leader: ArticleView, follower: ArticleView) -> str | None:
    """The anchor in the follower's article that matches the leader's top section.

    The leader's own section if the follower has it, else the nearest enclosing
    section it has (a `###` part of Risks lines up with Risks). `TOP` when the leader
    is above its first section; None when nothing matches (the follower stays put).
    """
    if leader.document is None or follower.document is None:
        return None
    headings = leader.document.headings
    anchor = leader.top_anchor
    index = next((i for i, h in enumerate(headings) if h.anchor == anchor), None)
    if index is None or (headings[index].level == 1 and index == 0):
        return TOP
    theirs = {h.anchor for h in follower.document.headings}
    level = headings[index].level + 1
    for heading in reversed(headings[: index + 1]):
        if heading.level >= level or heading.level == 1:
            continue
        if heading.anchor in theirs:
            return heading.anchor
        level = heading.level
    return None


def _top_heading_text(view: ArticleView) -> str | None:
    if view.document is None:
        return None
    anchor = view.top_anchor
    return next((h.text for h in view.document.headings if h.anchor == anchor), None)


def next_treatment_article(guide: Guide, article_id: str) -> str | None:
    """The article of the treatment after this one in the comparison (a sensible pair)
    to suggest reading beside it."""
    articles = [t.article for t in guide.comparison.treatments if t.article]
    others = [a for a in articles if a != article_id]
    if article_id in articles:
        after = articles[articles.index(article_id) + 1 :] + articles
        others = [a for a in after if a != article_id]
    return others[0] if others else None
