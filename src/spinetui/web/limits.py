"""Limits the web server keeps and `spinetui serve` offers as defaults (here, not in
serve.py, so the server does not import the command that starts it)."""

from __future__ import annotations

# The page retries this often when every session is taken.
BUSY_RETRY_SECONDS = 10
# A session whose browser has not taken a screen update for this long is closed.
DEFAULT_WRITE_TIMEOUT = 15.0
