"""The article view: one article's laid-out lines, its links and terms, scrolling.

Shared by every area that shows an article (the reader, side by side, the find bar),
so those areas need not import each other.
"""
