"""Kiosk mode: the rules for an unattended waiting-room screen.

Nothing in this package imports Textual, so the command line can read the config and
set a PIN without loading the UI. The Textual side lives in `spinetui.components.kiosk`.
"""
