"""Kiosk mode's screens (attract, idle notice, PIN prompt) and the session that runs them."""
