"""Dialogs opened from the main window's menus and from the tabs' lists."""
