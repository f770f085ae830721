"""Dialogs of the window: opened from its menus and from its lists."""
