"""Google reviews tab: the Google reviews in the store, newest first (first version; the Google
issue replaces it with sync, replies, links and the growth chart)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QStackedWidget, QVBoxLayout, QWidget

from feedback_desk.services.google_review_rows import GoogleReviewRow, google_review_rows
from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.models.google_reviews import GoogleColumn, GoogleReviewsModel
from feedback_desk.ui.tabs.base import TabPage
from feedback_desk.ui.widgets.reviews_panel import ReviewsTableView


class GoogleReviewsTab(TabPage):
    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = GoogleReviewsModel(self)
        self.view = ReviewsTableView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(False)
        header = self.view.horizontalHeader()
        header.setSortIndicatorShown(False)
        for column, width in (
            (GoogleColumn.DATE, 110),
            (GoogleColumn.REVIEWER, 170),
            (GoogleColumn.STARS, 95),
            (GoogleColumn.REPLY, 120),
            (GoogleColumn.CLIENT, 160),
        ):
            header.resizeSection(column, width)
        header.setSectionResizeMode(GoogleColumn.COMMENT, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label = QLabel(
            self.tr(
                "No Google reviews yet.\nConnect your Google Business Profile to bring them here."
            )
        )
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setObjectName("emptyState")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.stack, 1)
        self.loaded = False

    def refresh(self) -> None:
        self.context.query(self.tr("the Google reviews"), google_review_rows, self._show)

    def _show(self, rows: list[GoogleReviewRow]) -> None:
        self.model.set_rows(rows, self.context.tz)
        rated = [r.stars for r in rows if r.stars]
        if rows:
            average = sum(rated) / len(rated) if rated else None
            text = self.tr("{n} Google reviews").format(n=len(rows))
            if average is not None:
                text += " · " + self.tr("average {avg:.1f} ★").format(avg=average)
            self.summary.setText(text)
        else:
            self.summary.setText("")
        self.stack.setCurrentWidget(self.view if rows else self.empty_label)
        self.loaded = True
