"""Which pages the Settings dialog shows, in order.

Each page is named by "module:Class" and imported when the dialog opens, so a feature adds its
page with one line here, and a page whose module is not installed is skipped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from feedback_desk.ui.context import WindowContext
    from feedback_desk.ui.settings.page import SettingsPage

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SettingsPageSpec:
    key: str
    title: Callable[[], str]
    factory: str  # "module:Class"; the class takes (context, parent)

    def create(self, context: WindowContext, parent: QWidget | None = None) -> SettingsPage:
        module_name, _, class_name = self.factory.partition(":")
        page: SettingsPage = getattr(import_module(module_name), class_name)(context, parent)
        return page

    def available(self) -> bool:
        module_name = self.factory.partition(":")[0]
        try:
            import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                log.info("settings page %s not installed (%s)", self.key, module_name)
                return False
            raise
        return True


def _title(text: str) -> Callable[[], str]:
    return lambda: QCoreApplication.translate("Settings", text)


_PACKAGE = "feedback_desk.ui.settings"

PAGES: list[SettingsPageSpec] = [
    SettingsPageSpec(
        "general",
        _title(QT_TRANSLATE_NOOP("Settings", "General")),
        f"{_PACKAGE}.general:GeneralPage",
    ),
    SettingsPageSpec(
        "aspects",
        _title(QT_TRANSLATE_NOOP("Settings", "Aspects")),
        f"{_PACKAGE}.aspects_page:AspectsPage",
    ),
    SettingsPageSpec(
        "email",
        _title(QT_TRANSLATE_NOOP("Settings", "Email")),
        f"{_PACKAGE}.email_page:EmailSettingsPage",
    ),
    SettingsPageSpec(
        "templates",
        _title(QT_TRANSLATE_NOOP("Settings", "Email templates")),
        f"{_PACKAGE}.templates_page:TemplatesPage",
    ),
    SettingsPageSpec(
        "google",
        _title(QT_TRANSLATE_NOOP("Settings", "Google")),
        f"{_PACKAGE}.google_page:GoogleSettingsPage",
    ),
    SettingsPageSpec(
        "invitations",
        _title(QT_TRANSLATE_NOOP("Settings", "Google invitations")),
        f"{_PACKAGE}.invitations_page:InvitationsPage",
    ),
]


def register_page(spec: SettingsPageSpec, *, before: str | None = None) -> None:
    """Add (or replace, by key) a page; at the end unless *before* names another page."""
    PAGES[:] = [p for p in PAGES if p.key != spec.key]
    keys = [p.key for p in PAGES]
    PAGES.insert(keys.index(before) if before in keys else len(PAGES), spec)


def page_specs() -> list[SettingsPageSpec]:
    return [spec for spec in PAGES if spec.available()]
