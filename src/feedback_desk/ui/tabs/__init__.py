"""The main window's tabs, built from a list of tab specs.

A feature replaces a tab by changing its entry in :func:`default_tabs` (or passes its own list to
``MainWindow(tabs=...)``); the window keeps the order, remembers the last tab by its key, and
``feedback-desk screenshot --tab KEY`` renders a tab by the same key.

Each spec names a function that imports its tab's module and returns the page's class: the
window calls it when the tab is first shown (or on a worker, once its first screen is drawn, so
that the first look at a tab builds only its widgets). The imports are plain import statements,
so that readers and freezers (PyInstaller) can follow them.
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
    page_class: Callable[[], type[TabPage]]  # imports the tab's module (any thread)

    def create(self, context: WindowContext) -> TabPage:
        return self.page_class()(context)


def _title(text: str) -> Callable[[], str]:
    return lambda: QCoreApplication.translate("MainWindow", text)


def _overview() -> type[TabPage]:
    from feedback_desk.ui.tabs.overview import OverviewTab

    return OverviewTab


def _business() -> type[TabPage]:
    from feedback_desk.ui.tabs.business import BusinessReviewsTab

    return BusinessReviewsTab


def _classes() -> type[TabPage]:
    from feedback_desk.ui.tabs.classes import ClassReviewsTab

    return ClassReviewsTab


def _google() -> type[TabPage]:
    from feedback_desk.ui.tabs.google_tab import GoogleReviewsTab

    return GoogleReviewsTab


def _testimonials() -> type[TabPage]:
    from feedback_desk.ui.tabs.testimonials_tab import TestimonialsTab

    return TestimonialsTab


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
