"""The table of contents: sections, their articles, and the open article's headings.

The tree fills itself as it is unfolded: a section's articles are added the first time
it opens, and a long section's articles and the open article's headings a few hundred
at a time (a last line, "… N more articles" or "… N more headings", stands for the rest
until the reader goes down to it). A guide of 10,000 articles, or an article of 5,000
headings, would otherwise spend most of its start-up or opening time adding lines
nobody has unfolded yet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from spinetui.components.frame_memo import FrameMemo
from spinetui.i18n import ngettext
from spinetui.keymap import CONTENTS_KEYS, bindings
from spinetui.model import Article, Guide

#: With more articles than this the sections start collapsed, all but the open
#: article's: a long list is slow to lay out and hard to find one's way in.
COLLAPSE_OVER = 60

#: The open article's headings are added this many at a time.
HEADINGS_AT_ONCE = 200

#: A section's articles are added this many at a time (or up to the one opened). The
#: open article's section of a 10,000-article guide has about a thousand, and adding
#: and measuring their lines was the largest part of drawing the contents at start-up.
ARTICLES_AT_ONCE = 200


class ContentsEntry(NamedTuple):
    article_id: str | None  # None for a section
    anchor: str | None = None
    more: bool = False  # a "… N more headings" or "… N more articles" line


class _ContentsNode(TreeNode[ContentsEntry]):
    """A node that adds what it holds the first time it is unfolded.

    Every way of unfolding (Right, Enter, a click or tap on the arrow, space, expand())
    goes through `_expand`, so the children are there before the tree lays them out.
    """

    def _expand(self, expand_all: bool) -> None:
        tree = self._tree
        if isinstance(tree, ContentsTree):
            tree._fill(self)
        super()._expand(expand_all)


class ContentsTree(FrameMemo, Tree[ContentsEntry]):
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
        self._batching = 0
        self._built_width = -1  # the width its lines were last built for
        self._building_width: int | None = None  # that width, while they are built
        super().__init__(Text(guide.title), data=ContentsEntry(None), id=id)
        self.guide = guide
        self.show_root = False
        self.guide_depth = 2
        # Article nodes added so far (a collapsed section's are added when it opens).
        self._article_nodes: dict[str, TreeNode[ContentsEntry]] = {}
        self._section_of: dict[str, TreeNode[ContentsEntry]] = {}
        self._place_in_section: dict[str, int] = {}  # article id → its index there
        self._section_articles: dict[int, list[Article]] = {}  # section node id → all
        self._articles_shown: dict[int, int] = {}  # section node id → how many added
        self._open_article: str | None = None
        # The open article's headings (label, anchor); the first `_shown` are in the tree.
        self._headings: list[tuple[str, str]] = []
        self._heading_index: dict[str, int] = {}
        self._shown = 0
        self._more: TreeNode[ContentsEntry] | None = None
        with self._batch():
            self._add_section_nodes()

    # ------------------------------------------------------------ filling in
    def _add_node(
        self,
        parent: TreeNode[ContentsEntry] | None,
        label: Text,
        data: ContentsEntry | None,
        expand: bool = False,
    ) -> TreeNode[ContentsEntry]:
        node = _ContentsNode(self, parent, self._new_id(), label, data, expanded=expand)
        self._tree_nodes[node._id] = node
        self._updates += 1
        return node

    def _invalidate(self) -> None:
        # Tree.add invalidates the whole tree's line cache and asks for a layout refresh
        # each time: 10,000 articles took ~1 s before the first paint. While nodes are
        # added in a batch that is skipped, then done once (the same end state).
        if not getattr(self, "_batching", 0):
            super()._invalidate()

    def _build(self) -> None:
        # The labels' room (and so the lines' widths) is the pane's width at this time,
        # worked out once: the Tree measures every unfolded line (1,000 of them for an
        # open section of a big guide), and the region is not free to ask for.
        self._building_width = self.scrollable_content_region.width
        try:
            super()._build()
        finally:
            self._built_width, self._building_width = self._building_width, None

    def _on_resize(self, event: events.Resize) -> None:
        # Textual's Tree forgets every line it drew and asks for a new layout on every
        # Resize. The first comes just after the first paint, at the size that paint
        # drew its lines for: nothing to forget then (~10 ms of every start, redrawing
        # the whole tree). At another width the Tree's own handler runs.
        if self._tree_lines_cached is not None and (
            self._built_width == self.scrollable_content_region.width
        ):
            self._line_cache.grow(event.size.height)
            event.prevent_default()

    @contextmanager
    def _batch(self) -> Iterator[None]:
        self._batching += 1
        try:
            yield
        finally:
            self._batching -= 1
            if not self._batching:
                self._invalidate()

    def _add_section_nodes(self) -> None:
        expand = len(self.guide.articles) <= COLLAPSE_OVER
        by_section = self.guide.articles_by_section()
        for section in self.guide.sections:
            articles = by_section.get(section.id, [])
            if not articles:
                continue
            node = self.root.add(
                Text(section.title, style="bold"), data=ContentsEntry(None), expand=expand
            )
            self._section_articles[id(node)] = articles
            for place, article in enumerate(articles):
                if article.id not in self._section_of:
                    self._section_of[article.id] = node
                    self._place_in_section[article.id] = place
            if expand:
                self._fill(node)

    def _fill(self, node: TreeNode[ContentsEntry]) -> None:
        """Add a section's first articles, or the open article's first headings, if not
        yet (a node is filled as it is unfolded)."""
        if id(node) in self._section_articles:
            if id(node) not in self._articles_shown:
                self._add_articles(node, 0)
        elif (
            node.data is not None
            and node.data.article_id == self._open_article
            and node.data.anchor is None
            and not node.data.more
            and self._shown == 0
        ):
            self._reveal(0)

    def _add_articles(self, section: TreeNode[ContentsEntry], through: int) -> None:
        """Add the section's articles up to number `through` (a batch at least)."""
        articles = self._section_articles[id(section)]
        start, total = self._articles_shown.get(id(section), 0), len(articles)
        end = _batch_end(start, total, through, ARTICLES_AT_ONCE)
        if end <= start:
            return
        shown = articles[start:end]
        last = section._children[-1] if section._children else None
        nodes, _ = self._add_lines(
            section,
            last if _is_more_articles(last) else None,
            [(article.title, ContentsEntry(article.id)) for article in shown],
            total - end,
            ContentsEntry(None, more=True),
            more_articles_label,
        )
        self._article_nodes.update(zip((article.id for article in shown), nodes, strict=True))
        self._articles_shown[id(section)] = end

    def _add_lines(
        self,
        parent: TreeNode[ContentsEntry],
        more: TreeNode[ContentsEntry] | None,
        lines: list[tuple[str, ContentsEntry]],
        rest: int,
        rest_entry: ContentsEntry,
        rest_label: Callable[[int], str],
    ) -> tuple[list[TreeNode[ContentsEntry]], TreeNode[ContentsEntry] | None]:
        """Add a batch of `lines` (label, entry) under `parent`, and a "… more" line for
        the `rest` if there is one. Returns the batch's nodes and the new "… more" line.

        The old "… more" line (`more`) becomes the first line it stood for, so a cursor
        on it stays on the same line and the same node.
        """
        nodes = []
        with self._batch():
            for label, entry in lines:
                if more is not None:
                    more.data = entry
                    more.set_label(Text(label))
                    node, more = more, None
                else:
                    node = parent.add_leaf(Text(label), data=entry)
                nodes.append(node)
            if not rest:
                return nodes, None
            return nodes, parent.add_leaf(Text(rest_label(rest), style="italic"), data=rest_entry)

    def _show_more(self, node: TreeNode[ContentsEntry] | None) -> bool:
        """If `node` is a "… more" line, add what it stands for (the next batch)."""
        if node is not None and node is self._more:
            self._reveal(self._shown)
            return True
        if node is not None and _is_more_articles(node) and node.parent is not None:
            self._add_articles(node.parent, self._articles_shown[id(node.parent)])
            return True
        return False

    def article_node(self, article_id: str) -> TreeNode[ContentsEntry] | None:
        """The article's node, its section's articles through it added first if not yet."""
        section = self._section_of.get(article_id)
        if section is not None and article_id not in self._article_nodes:
            self._add_articles(section, self._place_in_section[article_id])
        return self._article_nodes.get(article_id)

    def _reveal(self, through: int) -> None:
        """Add the open article's headings up to number `through` (a batch at least)."""
        article_id = self._open_article
        node = self._article_nodes.get(article_id) if article_id else None
        start, total = self._shown, len(self._headings)
        end = _batch_end(start, total, through, HEADINGS_AT_ONCE)
        if node is None or end <= start:
            return
        _, self._more = self._add_lines(
            node,
            self._more,
            [
                (label, ContentsEntry(article_id, anchor))
                for label, anchor in self._headings[start:end]
            ],
            total - end,
            ContentsEntry(article_id, more=True),
            more_label,
        )
        self._shown = end

    def _drop_headings(self, node: TreeNode[ContentsEntry]) -> None:
        # TreeNode.remove_children looks each child up in the list it is in: quadratic,
        # and an article's headings can run to thousands once all are shown.
        for child in node._children:
            self._tree_nodes.pop(child._id, None)
        node._children.clear()
        node._updates += 1
        self._invalidate()

    # -------------------------------------------------------------- drawing
    def render_label(self, node: TreeNode[ContentsEntry], base_style: Style, style: Style) -> Text:
        """The label, cut with an ellipsis where the pane ends (not just cut off)."""
        text = super().render_label(node, base_style, style)
        room = self._room_for(node)
        if room > 1 and text.cell_len > room:
            text.truncate(room, overflow="ellipsis")
        return text

    def _room_for(self, node: TreeNode[ContentsEntry]) -> int:
        """The cells a node's label has: the pane's width less its guides' indent."""
        depth = 0
        parent = node.parent
        while parent is not None and parent is not self.root:
            depth += 1
            parent = parent.parent
        width = self._building_width
        if width is None:
            width = self.scrollable_content_region.width
        return width - depth * self.guide_depth

    def get_label_width(self, node: TreeNode[ContentsEntry]) -> int:
        """The width render_label gives, without drawing it: the tree asks for every
        unfolded line's each time its lines are rebuilt (a 1,000-article section took
        ~0.2 s at start-up drawing labels only to measure them)."""
        icon = self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE
        width = node._label.cell_len + (cell_len(icon) if node.allow_expand else 0)
        room = self._room_for(node)
        return min(width, room) if room > 1 else width

    # -------------------------------------------------------------- actions
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
        if node is None:
            return
        if self._show_more(node):
            return
        self._fill(node)
        if not node.children:
            return
        if not node.is_expanded:
            node.expand()
        else:
            self._move_to(node.children[0])

    def action_cursor_down(self) -> None:
        """Down: onto the next line; what a "… more" line stands for is added first."""
        if self.cursor_line >= 0 and self._show_more(self.get_node_at_line(self.cursor_line + 1)):
            _ = self._tree_lines
        super().action_cursor_down()

    # ---------------------------------------------------------- the reader
    def mark_open(self, article_id: str, headings: list[tuple[int, str, str]]) -> None:
        """Show the open article's headings under it and move the cursor to it."""
        if self._open_article and self._open_article in self._article_nodes:
            old = self._article_nodes[self._open_article]
            self._drop_headings(old)
            old.allow_expand = False
            old.set_label(Text(self.guide.articles[self._open_article].title))
        self._open_article = article_id
        self._headings = [
            (("  " if level == 3 else "") + text, anchor)
            for level, text, anchor in headings
            if level in (2, 3)
        ]
        self._heading_index = {}
        for index, (_label, anchor) in enumerate(self._headings):
            self._heading_index.setdefault(anchor, index)
        self._shown = 0
        self._more = None
        node = self.article_node(article_id)
        if node is None:
            return
        node.set_label(Text(self.guide.articles[article_id].title, style="bold"))
        node.allow_expand = bool(self._headings)
        node.expand()  # adds the first headings
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
        index = self._heading_index.get(anchor) if anchor is not None else None
        if index is not None and node.is_expanded:
            if index >= self._shown:
                self._reveal(index)
            node = node.children[index]
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
        # Enter, a click or a tap on a "… more" line adds what it stands for.
        if not self._show_more(event.node) and entry is not None and entry.article_id is not None:
            self.post_message(self.OpenRequested(entry.article_id, entry.anchor))


def _batch_end(start: int, total: int, through: int, at_once: int) -> int:
    """Where a batch that starts at `start` ends: `at_once` lines, or through `through`."""
    return min(total, max(through + 1, start + at_once))


def _is_more_articles(node: TreeNode[ContentsEntry] | None) -> bool:
    """A section's "… N more articles" line (its entry has no article; a heading's has)."""
    data = node.data if node is not None else None
    return data is not None and data.more and data.article_id is None


def more_label(count: int) -> str:
    return ngettext("… {count} more heading", "… {count} more headings", count).format(
        count=f"{count:,}"
    )


def more_articles_label(count: int) -> str:
    return ngettext("… {count} more article", "… {count} more articles", count).format(
        count=f"{count:,}"
    )
