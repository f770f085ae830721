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

from PySide6.QtCore import QCoreApplication

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


PAGES: list[SettingsPageSpec] = [
    SettingsPageSpec("general", _title("General"), "feedback_desk.ui.settings.general:GeneralPage"),
    # Features append theirs, e.g.
    # SettingsPageSpec("email", _title("Email"), "feedback_desk.ui.settings.email:EmailPage"),
]


def register_page(spec: SettingsPageSpec, *, before: str | None = None) -> None:
    """Add (or replace, by key) a page; at the end unless *before* names another page."""
    PAGES[:] = [p for p in PAGES if p.key != spec.key]
    keys = [p.key for p in PAGES]
    PAGES.insert(keys.index(before) if before in keys else len(PAGES), spec)


def page_specs() -> list[SettingsPageSpec]:
    return [spec for spec in PAGES if spec.available()]
