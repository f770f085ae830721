"""This PC's window preferences (QSettings): geometry, last tab, recent stores, the interface
language.

Studio settings live in the store; these are per user and per PC, like any desktop app's.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from feedback_desk.paths import APP_AUTHOR, APP_NAME

ORGANIZATION = APP_AUTHOR
APPLICATION = APP_NAME
MAX_RECENT = 8
INTERFACE_LANGUAGES = ("fr", "en")


def app_settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list | tuple):
        return [str(v) for v in value if v]
    return []


def recent_stores() -> list[str]:
    return _as_list(app_settings().value("stores/recent"))


def remember_store(location: str) -> None:
    """Put *location* first in the recent stores (file paths are kept absolute)."""
    if "://" not in location:
        location = str(Path(location).expanduser().resolve())
    recent = [location, *(r for r in recent_stores() if r != location)][:MAX_RECENT]
    settings = app_settings()
    settings.setValue("stores/recent", recent)
    settings.sync()


def forget_store(location: str) -> None:
    settings = app_settings()
    settings.setValue("stores/recent", [r for r in recent_stores() if r != location])
    settings.sync()


def interface_language() -> str:
    """The interface language chosen in Settings → General on this PC: ``fr``, ``en``, or ""
    for the system's."""
    value = app_settings().value("interface/language")
    return value if isinstance(value, str) and value in INTERFACE_LANGUAGES else ""


def set_interface_language(language: str) -> None:
    """Remember *language* (``fr``, ``en``, or "" to follow the system) for the next start."""
    settings = app_settings()
    if language in INTERFACE_LANGUAGES:
        settings.setValue("interface/language", language)
    else:
        settings.remove("interface/language")
    settings.sync()


def charts_folded(tab: str) -> bool:
    """Whether this user folded away the charts of *tab* (``business``, ``class``)."""
    value = app_settings().value(f"charts/{tab}/folded", False)
    return value in (True, "true", "1", 1)


def set_charts_folded(tab: str, folded: bool) -> None:
    settings = app_settings()
    settings.setValue(f"charts/{tab}/folded", folded)
    settings.sync()
