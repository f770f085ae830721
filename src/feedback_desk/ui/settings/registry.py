"""Which pages the Settings dialog shows, in order.

This module is imported with the Settings dialog, which builds every page at once, so the pages
are imported here by name (readers and freezers such as PyInstaller can follow them); a feature
adds its page with one entry here, or with :func:`register_page`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from feedback_desk.ui.settings.aspects_page import AspectsPage
from feedback_desk.ui.settings.client_pages_page import ClientPagesPage
from feedback_desk.ui.settings.email_page import EmailSettingsPage
from feedback_desk.ui.settings.general import GeneralPage
from feedback_desk.ui.settings.google_page import GoogleSettingsPage
from feedback_desk.ui.settings.import_page import ImportSettingsPage
from feedback_desk.ui.settings.inbox_page import InboxSettingsPage
from feedback_desk.ui.settings.invitations_page import InvitationsPage
from feedback_desk.ui.settings.kiosk_page import KioskSettingsPage
from feedback_desk.ui.settings.requests_page import RequestsSettingsPage
from feedback_desk.ui.settings.templates_page import TemplatesPage
from feedback_desk.ui.settings.testimonials_page import TestimonialsPage

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from feedback_desk.ui.context import WindowContext
    from feedback_desk.ui.settings.page import SettingsPage


@dataclass(frozen=True)
class SettingsPageSpec:
    key: str
    title: Callable[[], str]
    # A SettingsPage class, or any callable taking (context, parent).
    factory: Callable[[WindowContext, QWidget | None], SettingsPage]

    def create(self, context: WindowContext, parent: QWidget | None = None) -> SettingsPage:
        return self.factory(context, parent)


def _title(text: str) -> Callable[[], str]:
    return lambda: QCoreApplication.translate("Settings", text)


PAGES: list[SettingsPageSpec] = [
    SettingsPageSpec("general", _title(QT_TRANSLATE_NOOP("Settings", "General")), GeneralPage),
    SettingsPageSpec("kiosk", _title(QT_TRANSLATE_NOOP("Settings", "Kiosk")), KioskSettingsPage),
    SettingsPageSpec("aspects", _title(QT_TRANSLATE_NOOP("Settings", "Aspects")), AspectsPage),
    SettingsPageSpec("email", _title(QT_TRANSLATE_NOOP("Settings", "Email")), EmailSettingsPage),
    SettingsPageSpec(
        "requests",
        _title(QT_TRANSLATE_NOOP("Settings", "Email requests")),
        RequestsSettingsPage,
    ),
    SettingsPageSpec("inbox", _title(QT_TRANSLATE_NOOP("Settings", "Inbox")), InboxSettingsPage),
    SettingsPageSpec(
        "templates", _title(QT_TRANSLATE_NOOP("Settings", "Email templates")), TemplatesPage
    ),
    SettingsPageSpec("google", _title(QT_TRANSLATE_NOOP("Settings", "Google")), GoogleSettingsPage),
    SettingsPageSpec(
        "invitations",
        _title(QT_TRANSLATE_NOOP("Settings", "Google invitations")),
        InvitationsPage,
    ),
    SettingsPageSpec(
        "client_pages", _title(QT_TRANSLATE_NOOP("Settings", "Client pages")), ClientPagesPage
    ),
    SettingsPageSpec(
        "testimonials",
        _title(QT_TRANSLATE_NOOP("Settings", "Testimonials")),
        TestimonialsPage,
    ),
    SettingsPageSpec("import", _title(QT_TRANSLATE_NOOP("Settings", "Import")), ImportSettingsPage),
]


def register_page(spec: SettingsPageSpec, *, before: str | None = None) -> None:
    """Add (or replace, by key) a page; at the end unless *before* names another page."""
    PAGES[:] = [p for p in PAGES if p.key != spec.key]
    keys = [p.key for p in PAGES]
    PAGES.insert(keys.index(before) if before in keys else len(PAGES), spec)


def page_specs() -> list[SettingsPageSpec]:
    return list(PAGES)
