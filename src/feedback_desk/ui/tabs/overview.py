"""Overview tab: this month's headline figures beside last month's, and the latest reviews.

A first version: the reports issue replaces it with charts, trends and actions to take.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.services.headline import Headline, MonthHeadlines, month_headlines
from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.models.reviews_table import Column, ReviewsTableModel
from feedback_desk.ui.tabs.base import TabPage
from feedback_desk.ui.widgets.reviews_panel import ReviewsTableView

RECENT_COLUMNS = (
    Column.DATE,
    Column.CLIENT,
    Column.KIND,
    Column.CLASS,
    Column.STARS,
    Column.COMMENT,
)


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class OverviewTab(TabPage):
    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.figures: MonthHeadlines | None = None
        self.title_label = _plain()
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)

        grid_frame = QFrame()
        grid_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.grid = QGridLayout(grid_frame)
        self.grid.setHorizontalSpacing(28)
        self.value_labels: dict[tuple[str, int], QLabel] = {}
        self.column_titles = [_plain(), _plain()]
        for column, label in enumerate(self.column_titles, start=1):
            label.setAlignment(Qt.AlignmentFlag.AlignRight)
            bold = label.font()
            bold.setBold(True)
            label.setFont(bold)
            self.grid.addWidget(label, 0, column)
        for row, (key, name) in enumerate(self._rows(), start=1):
            self.grid.addWidget(_plain(name), row, 0)
            for column in (1, 2):
                value = _plain("…")
                value.setAlignment(Qt.AlignmentFlag.AlignRight)
                value.setObjectName(f"{key}_{column}")
                self.grid.addWidget(value, row, column)
                self.value_labels[(key, column)] = value
        self.grid.setColumnStretch(3, 1)
        self.actions_label = _plain()
        self.empty_label = _plain(self.tr("No reviews yet this month."))
        self.empty_label.setObjectName("emptyState")

        self.recent = ReviewsTableModel(context, columns=RECENT_COLUMNS, parent=self)
        self.recent.load_failed.connect(context.failed)
        self.recent_view = ReviewsTableView()
        self.recent_view.set_reviews_model(self.recent)
        self.recent_empty = _plain(self.tr("No reviews yet."))
        self.recent_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.recent_stack = QStackedWidget()
        self.recent_stack.addWidget(self.recent_view)
        self.recent_stack.addWidget(self.recent_empty)
        self.recent.loading_changed.connect(self._recent_state)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(grid_frame)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.actions_label)
        layout.addSpacing(8)
        layout.addWidget(_plain(self.tr("Most recent reviews")))
        layout.addWidget(self.recent_stack, 1)
        self.empty_label.setVisible(False)

    def _rows(self) -> list[tuple[str, str]]:
        return [
            ("reviews", self.tr("Reviews")),
            ("average", self.tr("Average rating")),
            ("promoters", self.tr("Promoters (5 ★)")),
            ("passives", self.tr("Passives (4 ★)")),
            ("detractors", self.tr("Detractors (1-3 ★)")),
            ("nps", self.tr("NPS")),
        ]

    def refresh(self) -> None:
        today = self.context.today()
        self.context.query(
            self.tr("the headline figures"),
            lambda session: month_headlines(session, today),
            self._show,
        )
        self.recent.reload()

    def _show(self, figures: MonthHeadlines) -> None:
        self.figures = figures
        this, last = figures.this_month, figures.last_month
        self.title_label.setText(self.tr("This month at a glance"))
        self.column_titles[0].setText(
            self.tr("{first} – {last}").format(first=this.first_day, last=this.last_day)
        )
        self.column_titles[1].setText(
            self.tr("Last month ({month})").format(month=last.first_day.strftime("%Y-%m"))
        )
        for column, head in ((1, this), (2, last)):
            for key, text in self._values(head).items():
                self.value_labels[(key, column)].setText(text)
        self.empty_label.setVisible(this.reviews == 0)
        self.actions_label.setText(
            self.tr("Open actions to take: {n}").format(n=figures.open_actions)
        )

    @staticmethod
    def _values(head: Headline) -> dict[str, str]:
        def share(part: int) -> str:
            return f"{part}  ({round(100 * part / head.reviews)} %)" if head.reviews else "0"

        return {
            "reviews": f"{head.reviews:,}",
            "average": f"{head.average:.2f}" if head.average is not None else "—",
            "promoters": share(head.promoters),
            "passives": share(head.passives),
            "detractors": share(head.detractors),
            "nps": f"{head.nps:+d}" if head.nps is not None else "—",
        }

    def _recent_state(self, loading: bool) -> None:
        empty = not loading and self.recent.rowCount() == 0 and self.recent.complete
        self.recent_stack.setCurrentWidget(self.recent_empty if empty else self.recent_view)
