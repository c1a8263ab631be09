"""The fast body scanner now lives in :mod:`spinetui.markdown.scan`; old name kept."""

from spinetui.markdown.scan import Link, heading_anchors, scan_body, too_deep_lines

__all__ = ["Link", "heading_anchors", "scan_body", "too_deep_lines"]
