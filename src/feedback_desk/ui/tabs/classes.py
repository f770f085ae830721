"""The Class reviews tab: the reviews panel with its coach and class filters, and the
by-coach table (reviews, average, NPS; in alphabetical order of the coaches until a header is
clicked) with its chart (best first; the best and the worst when they do not all fit)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
)

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.services.review_tabs import TabReport
from feedback_desk.ui.charts import report_charts
from feedback_desk.ui.charts.chart_view import ChartView
from feedback_desk.ui.formatting import format_average, format_count, format_nps, segments_count
from feedback_desk.ui.models.rows_model import ROW_KEY_ROLE, Row, RowsModel
from feedback_desk.ui.tabs.review_tab import ReviewTab

_RIGHT = Qt.AlignmentFlag.AlignRight


class ClassReviewsTab(ReviewTab):
    kind = ReviewKind.CLASS
    coach_and_class = True

    def add_widgets(self) -> None:
        self._pending_coach: int | None = None
        self.coach_chart = ChartView(height=2.8)
        self.charts.append(self.coach_chart)
        self.coach_table = RowsModel(
            lambda: [self.tr("Coach"), self.tr("Reviews"), self.tr("Average"), self.tr("NPS")],
            self,
        )
        self.coach_view = QTableView()
        self.coach_view.setModel(self.coach_table)
        # By name until another header is clicked.
        self.coach_view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.coach_view.setSortingEnabled(True)
        self.coach_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.coach_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.coach_view.verticalHeader().hide()
        header = self.coach_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.coach_view.setToolTip(self.tr("Double-click a coach to see only their reviews"))
        self.coach_view.activated.connect(self._coach_activated)
        self.panel.coach_box.model().rowsInserted.connect(self._apply_pending_coach)

    def build_charts(self, layout: QVBoxLayout) -> None:
        top = QHBoxLayout()
        top.addWidget(self.period_chart, 2)
        top.addWidget(self.coach_chart, 1)
        top.addWidget(self.coach_view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.improve_chart)
        bottom.addWidget(self.excel_chart)
        layout.addLayout(top, 1)
        layout.addLayout(bottom, 1)

    def with_coaches(self) -> bool:
        return True

    def title_for_period(self) -> str:
        return self.tr("Class reviews")

    def show_coach(self, coach_id: int) -> None:
        """Only this coach's reviews (from the Overview's coach trend, or the coach table)."""
        index = self.panel.coach_box.findData(coach_id)
        if index < 0:
            self._pending_coach = coach_id  # the coach list is still loading
            return
        self._pending_coach = None
        self.panel.coach_box.setCurrentIndex(index)

    def _apply_pending_coach(self, *_args: object) -> None:
        if self._pending_coach is not None:
            # After the panel has finished filling the list (it restores its own choice last).
            QTimer.singleShot(0, self._show_pending_coach)

    def _show_pending_coach(self) -> None:
        if self._pending_coach is not None:
            self.show_coach(self._pending_coach)

    def _coach_activated(self, index: QModelIndex) -> None:
        coach_id = index.data(ROW_KEY_ROLE)
        if coach_id is not None:
            self.show_coach(int(coach_id))

    def show_extra(self, data: TabReport) -> None:
        coaches = data.report.by_coach
        report_charts.draw_coaches(self.coach_chart, coaches)
        self.coach_table.set_rows(
            [
                Row(
                    [c.name, format_count(c.reviews), format_average(c.average), format_nps(c.nps)],
                    key=c.coach_id,
                    sort_keys=[c.name.casefold(), c.reviews, c.average, c.nps],
                    tooltip=self.tr("{coach} ({id}): {segments}").format(
                        coach=c.name,
                        id=c.coach,
                        segments=segments_count(c.promoters, c.passives, c.detractors),
                    ),
                    alignments={1: _RIGHT, 2: _RIGHT, 3: _RIGHT},
                )
                for c in coaches
            ]
        )
        header = self.coach_view.horizontalHeader()
        if header.sortIndicatorSection() >= 0:
            self.coach_view.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
