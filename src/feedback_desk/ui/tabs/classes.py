"""Class reviews tab: every class review, newest first, filterable by coach and class."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.tabs.base import TabPage
from feedback_desk.ui.widgets.reviews_panel import ReviewsPanel


class ClassReviewsTab(TabPage):
    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.panel = ReviewsPanel(context, kind=ReviewKind.CLASS, coach_and_class_filters=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)

    def refresh(self) -> None:
        self.panel.refresh()
