"""The web page and server class behind `spinetui serve` (imports textual-serve)."""
