"""spinetui: a terminal guide to back-pain injections."""

__version__ = "0.1.0"
