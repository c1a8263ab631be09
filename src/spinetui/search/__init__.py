"""Finding things in a guide: the full-text index and the reader's query, made safe.

No Textual here: screens in `spinetui.components.find` show what this finds.
Import lazily (`sqlite3` and the index are only needed once a reader searches).
"""

from spinetui.search.index import (
    Marked,
    Place,
    SearchIndex,
    SearchOutcome,
    SearchResult,
    parse_marked,
)
from spinetui.search.query import MAX_QUERY_CHARS, MAX_WORDS, SearchQuery, parse_query

__all__ = [
    "MAX_QUERY_CHARS",
    "MAX_WORDS",
    "Marked",
    "Place",
    "SearchIndex",
    "SearchOutcome",
    "SearchQuery",
    "SearchResult",
    "parse_marked",
    "parse_query",
]
