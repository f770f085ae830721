"""Dialogs opened from the tabs."""
