"""Finding things: guide search, find in the article, the glossary, term definitions.

The search and glossary screens are imported where they are opened, not at start-up.
"""
