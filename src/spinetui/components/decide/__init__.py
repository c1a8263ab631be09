"""Screens of the decision tools: What matters to you and the SURE check."""
