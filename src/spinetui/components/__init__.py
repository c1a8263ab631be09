"""Textual screens and widgets, grouped by the area of the app they serve."""
