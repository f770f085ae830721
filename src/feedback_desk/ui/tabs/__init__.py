"""The main window's tabs, built from a list of tab specs.

A feature replaces a tab by changing its entry in :func:`default_tabs` (or passes its own list to
``MainWindow(tabs=...)``); the window keeps the order, remembers the last tab by its key, and
``feedback-desk screenshot --tab KEY`` renders a tab by the same key.

Each factory imports its tab's module when the window is built (tabs pull in matplotlib), by
name, so that readers and freezers (PyInstaller) can follow it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

if TYPE_CHECKING:
    from feedback_desk.ui.context import WindowContext
    from feedback_desk.ui.tabs.base import TabPage


@dataclass(frozen=True)
class TabSpec:
    key: str  # stable: QSettings and `screenshot --tab` use it
    title: Callable[[], str]  # translated when the window is built
    factory: Callable[[WindowContext], TabPage]  # called when the window is built

    def create(self, context: WindowContext) -> TabPage:
        return self.factory(context)


def _title(text: str) -> Callable[[], str]:
    return lambda: QCoreApplication.translate("MainWindow", text)


def _overview(context: WindowContext) -> TabPage:
    from feedback_desk.ui.tabs.overview import OverviewTab

    return OverviewTab(context)


def _business(context: WindowContext) -> TabPage:
    from feedback_desk.ui.tabs.business import BusinessReviewsTab

    return BusinessReviewsTab(context)


def _classes(context: WindowContext) -> TabPage:
    from feedback_desk.ui.tabs.classes import ClassReviewsTab

    return ClassReviewsTab(context)


def _google(context: WindowContext) -> TabPage:
    from feedback_desk.ui.tabs.google_tab import GoogleReviewsTab

    return GoogleReviewsTab(context)


def _testimonials(context: WindowContext) -> TabPage:
    from feedback_desk.ui.tabs.testimonials_tab import TestimonialsTab

    return TestimonialsTab(context)


def default_tabs() -> list[TabSpec]:
    return [
        TabSpec("overview", _title(QT_TRANSLATE_NOOP("MainWindow", "Overview")), _overview),
        TabSpec("business", _title(QT_TRANSLATE_NOOP("MainWindow", "Business reviews")), _business),
        TabSpec("class", _title(QT_TRANSLATE_NOOP("MainWindow", "Class reviews")), _classes),
        TabSpec("google", _title(QT_TRANSLATE_NOOP("MainWindow", "Google reviews")), _google),
        TabSpec(
            "testimonials", _title(QT_TRANSLATE_NOOP("MainWindow", "Testimonials")), _testimonials
        ),
    ]
