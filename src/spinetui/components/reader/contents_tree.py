"""The table of contents: sections, their articles, and the open article's headings."""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from spinetui.keymap import CONTENTS_KEYS, bindings
from spinetui.model import Guide

#: With more articles than this the sections start collapsed, all but the open
#: article's: a long list is slow to lay out and hard to find one's way in.
COLLAPSE_OVER = 60


@dataclass(frozen=True, slots=True)
class ContentsEntry:
    article_id: str | None  # None for a section
    anchor: str | None = None


class ContentsTree(Tree[ContentsEntry]):
    """Sections → articles → headings of the open article. Labels are plain Text."""

    BINDINGS = bindings(CONTENTS_KEYS)

    class OpenRequested(Message):
        def __init__(self, article_id: str, anchor: str | None) -> None:
            super().__init__()
            self.article_id = article_id
            self.anchor = anchor

    DEFAULT_CSS = """
    /* Long titles are cut at the pane's edge rather than scrolled sideways. */
    ContentsTree { width: 36; overflow-x: hidden; border-right: vkey $foreground 20%; }
    """

    def __init__(self, guide: Guide, *, id: str | None = None) -> None:
        super().__init__(Text(guide.title), data=ContentsEntry(None), id=id)
        self.guide = guide
        self.show_root = False
        self.guide_depth = 2
        self._article_nodes: dict[str, TreeNode[ContentsEntry]] = {}
        self._open_article: str | None = None
        self._add_sections()

    def _add_sections(self) -> None:
        # Tree.add invalidates the whole tree's line cache and asks for a layout
        # refresh each time: 10,000 articles took ~1 s before the first paint. While the
        # nodes are added that is skipped, then done once (the same end state).
        self._invalidate = lambda: None  # type: ignore[method-assign]
        try:
            self._add_section_nodes()
        finally:
            del self._invalidate
        self._invalidate()

    def _add_section_nodes(self) -> None:
        expand = len(self.guide.articles) <= COLLAPSE_OVER
        for section in self.guide.sections:
            articles = self.guide.articles_in(section.id)
            if not articles:
                continue
            node = self.root.add(
                Text(section.title, style="bold"), data=ContentsEntry(None), expand=expand
            )
            for article in articles:
                self._article_nodes[article.id] = node.add(
                    Text(article.title), data=ContentsEntry(article.id), allow_expand=False
                )

    def render_label(self, node: TreeNode[ContentsEntry], base_style: Style, style: Style) -> Text:
        """The label, cut with an ellipsis where the pane ends (not just cut off)."""
        text = super().render_label(node, base_style, style)
        depth = 0
        parent = node.parent
        while parent is not None and parent is not self.root:
            depth += 1
            parent = parent.parent
        room = self.scrollable_content_region.width - depth * self.guide_depth
        if room > 1 and text.cell_len > room:
            text.truncate(room, overflow="ellipsis")
        return text

    def action_collapse(self) -> None:
        """Left: fold the highlighted entry up, or go to the one it is in."""
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded and node.children:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self._move_to(node.parent)

    def action_expand(self) -> None:
        """Right: unfold the highlighted entry, or go to its first entry."""
        node = self.cursor_node
        if node is None or not node.children:
            return
        if not node.is_expanded:
            node.expand()
        else:
            self._move_to(node.children[0])

    def mark_open(self, article_id: str, headings: list[tuple[int, str, str]]) -> None:
        """Show the open article's headings under it and move the cursor to it."""
        if self._open_article and self._open_article in self._article_nodes:
            old = self._article_nodes[self._open_article]
            old.remove_children()
            old.allow_expand = False
            old.set_label(Text(self.guide.articles[self._open_article].title))
        self._open_article = article_id
        node = self._article_nodes.get(article_id)
        if node is None:
            return
        node.set_label(Text(self.guide.articles[article_id].title, style="bold"))
        for level, text, anchor in headings:
            if level in (2, 3):
                indent = "  " if level == 3 else ""
                node.add_leaf(Text(indent + text), data=ContentsEntry(article_id, anchor))
        node.allow_expand = bool(node.children)
        node.expand()
        if node.parent is not None and not node.parent.is_expanded:
            node.parent.expand()  # its section, collapsed in a long guide
        self._move_to(node)

    def show_section(self, article_id: str, anchor: str | None) -> None:
        """Move the highlight to the section in view (the article itself above its first)."""
        if article_id != self._open_article:
            return
        node = self._article_nodes.get(article_id)
        if node is None:
            return
        if anchor is not None:
            node = next((c for c in node.children if c.data and c.data.anchor == anchor), node)
        if self.cursor_node is not node:
            self._move_to(node)

    def _move_to(self, node: TreeNode[ContentsEntry]) -> None:
        # Removing and adding nodes only marks the tree's lines stale; a node's line
        # number is worked out when they are rebuilt. Rebuild now, or the cursor goes
        # to the line the node had before (another article, or a heading inside one).
        _ = self._tree_lines
        self.move_cursor(node, animate=False)

    def on_tree_node_selected(self, event: Tree.NodeSelected[ContentsEntry]) -> None:
        event.stop()
        entry = event.node.data
        if entry is not None and entry.article_id is not None:
            self.post_message(self.OpenRequested(entry.article_id, entry.anchor))
