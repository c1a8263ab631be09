"""The side-by-side comparison of treatments, and reading two articles side by side."""
