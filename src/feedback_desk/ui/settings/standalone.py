"""Helpers for the standalone settings pages (email, templates, invitations): each edits some keys.

A page is a plain QWidget with ``title()`` and ``apply()``; the Settings dialog lists pages and
calls ``apply()`` on OK. ``apply()`` checks every field, saves nothing when one is wrong, and
returns the problems (one line each) for the page to show.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from feedback_desk.clock import Clock
from feedback_desk.services.settings import Settings
from feedback_desk.store.database import Store


def plain_label(parent: QWidget, text: str = "", *, style: str = "") -> QLabel:
    """A word-wrapped label that never interprets its text as rich text."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if style:
        label.setStyleSheet(style)
    return label


WARNING_STYLE = "color: #8a5300;"
ERROR_STYLE = "color: #b00020;"


def load(store: Store) -> Settings:
    from feedback_desk.services.settings import load_settings

    with store.read() as session:
        return load_settings(session)


def save(store: Store, clock: Clock, values: Mapping[str, str], *, actor: str) -> list[str]:
    """Store every value that changed in one transaction; problems (nothing saved) otherwise."""
    from feedback_desk.domain.settings_schema import normalize
    from feedback_desk.services.settings import load_settings, set_setting

    problems = []
    for key, value in values.items():
        try:
            normalize(key, value)
        except ValueError as exc:
            message = str(exc)
            problems.append(message if key in message else f"{key}: {message}")
    if problems:
        return problems
    with store.write() as session:
        current = load_settings(session)
        for key, value in values.items():
            if normalize(key, value) != current.raw(key):
                set_setting(session, key, value, at=clock.now(), actor=actor)
    return []
