"""Heading anchors now live in :mod:`spinetui.markdown.slug`; old import path kept."""

from spinetui.markdown.slug import AnchorAllocator, slugify, split_explicit_anchor

__all__ = ["AnchorAllocator", "slugify", "split_explicit_anchor"]
