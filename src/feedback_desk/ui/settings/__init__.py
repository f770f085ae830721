"""The Settings dialog: a list of pages, each editing some studio settings.

Features add their page to :data:`registry.PAGES` (or call :func:`registry.register_page`):
a :class:`page.SettingsPage` subclass; :class:`page.SchemaFormPage` builds a form from
settings keys alone.
"""
