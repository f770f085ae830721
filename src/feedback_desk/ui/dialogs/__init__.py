"""Dialogs opened from the tabs and lists."""
