"""Which fenced blocks are ```outcome blocks, and which dataset each one names.

One rule for the loader (which checks that the named dataset exists) and the renderer
(which draws it as an icon array).
"""

from __future__ import annotations

import re

#: The info string of a fenced block that shows a dataset: ```` ```outcome ````.
OUTCOME_INFO = "outcome"


def is_outcome_fence(info: str) -> bool:
    """Whether a fenced block's info string (after the fence) makes it an outcome block."""
    return info.strip() == OUTCOME_INFO


def outcome_block_name(content: str) -> str:
    """The dataset id an outcome block names: its first non-blank line ("" if none)."""
    return content.strip().split("\n", 1)[0].strip()


#: A fenced outcome block in an article body (the same rule, for the loader's fast scan).
OUTCOME_FENCE = re.compile(
    r"^ {0,3}(?P<fence>`{3,}|~{3,})[ \t]*outcome[ \t]*\n(?P<body>.*?)^ {0,3}(?P=fence)[`~]*[ \t]*$",
    re.M | re.S,
)

__all__ = ["OUTCOME_FENCE", "OUTCOME_INFO", "is_outcome_fence", "outcome_block_name"]
