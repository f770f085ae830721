"""The Class reviews tab: filters by coach and by class, and the by-coach table and chart."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.services.reports import ReportScope
from feedback_desk.services.reports.choices import class_choices, coach_choices
from feedback_desk.services.review_tabs import TabReport
from feedback_desk.ui.charts import report_charts
from feedback_desk.ui.charts.background import BackgroundChart
from feedback_desk.ui.dialogs.opener import DialogOpener
from feedback_desk.ui.formatting import format_average, format_nps
from feedback_desk.ui.models.rows_model import ROW_KEY_ROLE, Row, RowsModel
from feedback_desk.ui.tabs.review_tab import ReviewTab

_RIGHT = Qt.AlignmentFlag.AlignRight


class ClassesTab(ReviewTab):
    kind = ReviewKind.CLASS

    def __init__(self, opener: DialogOpener, parent: QWidget | None = None) -> None:
        self.coach = QComboBox()
        self.class_type = QComboBox()
        self.coach_label = QLabel()
        self.class_label = QLabel()
        self.coach_chart = BackgroundChart(height=2.8)
        self.coach_table = RowsModel(
            lambda: [
                self.tr("Coach id"),
                self.tr("Coach"),
                self.tr("Reviews"),
                self.tr("Average"),
                self.tr("NPS"),
            ]
        )
        self.coach_view = QTableView()
        super().__init__(opener, parent)
        self.coach_table.setParent(self)
        self.charts.append(self.coach_chart)
        self.coach_chart.rendered.connect(self._chart_rendered)
        self.coach_view.setModel(self.coach_table)
        self.coach_view.setSortingEnabled(True)
        self.coach_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.coach_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.coach_view.verticalHeader().hide()
        self.coach_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.coach_view.activated.connect(self._coach_activated)
        self._fill_choices()
        self.coach.currentIndexChanged.connect(self._narrowing_changed)
        self.class_type.currentIndexChanged.connect(self._narrowing_changed)

    def add_filters(self, row: QHBoxLayout) -> None:
        row.addWidget(self.coach_label)
        row.addWidget(self.coach)
        row.addWidget(self.class_label)
        row.addWidget(self.class_type)

    def build_charts(self, layout: QVBoxLayout) -> None:
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.period_chart, 2)
        top.addWidget(self.coach_chart, 1)
        top.addWidget(self.coach_view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.improve_chart)
        bottom.addWidget(self.excel_chart)
        layout.addLayout(top, 1)
        layout.addLayout(bottom, 1)

    def _retranslate(self) -> None:
        super()._retranslate()
        self.coach_label.setText(self.tr("Coach:"))
        self.class_label.setText(self.tr("Class:"))
        for combo, everyone in (
            (self.coach, self.tr("All coaches")),
            (self.class_type, self.tr("All classes")),
        ):
            if combo.count():
                combo.setItemText(0, everyone)
        self.coach_view.setToolTip(self.tr("Double-click a coach to see only their reviews"))

    def _fill_choices(self) -> None:
        with self.opener.store.read() as session:
            coaches = coach_choices(session)
            classes = class_choices(session)
        for combo, choices, everyone in (
            (self.coach, coaches, self.tr("All coaches")),
            (self.class_type, classes, self.tr("All classes")),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone, None)
            for choice in choices:
                combo.addItem(choice.label, choice.id)
            combo.blockSignals(False)

    @property
    def coach_id(self) -> int | None:
        value = self.coach.currentData()
        return int(value) if value is not None else None

    @property
    def class_id(self) -> int | None:
        value = self.class_type.currentData()
        return int(value) if value is not None else None

    def show_coach(self, coach_id: int) -> None:
        """Only this coach's reviews (from the Overview's coach trend, or the coach table)."""
        index = self.coach.findData(coach_id)
        if index < 0:
            self._fill_choices()
            index = self.coach.findData(coach_id)
        if index >= 0:
            self.coach.setCurrentIndex(index)

    def scope(self) -> ReportScope:
        first, last = self.period.bounds()
        return ReportScope(first, last, ReviewKind.CLASS, self.coach_id, self.class_id)

    def with_coaches(self) -> bool:
        return True

    def title_for_period(self) -> str:
        return self.tr("Class reviews")

    def _narrowing_changed(self) -> None:
        self.refresh()

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
                    [
                        c.coach,
                        c.name,
                        str(c.reviews),
                        format_average(c.average),
                        format_nps(c.nps),
                    ],
                    key=c.coach_id,
                    sort_keys=[c.coach, c.name.casefold(), c.reviews, c.average, c.nps],
                    tooltip=self.tr(
                        "{promoters} promoters, {passives} passives, {detractors} detractors"
                    ).format(promoters=c.promoters, passives=c.passives, detractors=c.detractors),
                    alignments={2: _RIGHT, 3: _RIGHT, 4: _RIGHT},
                )
                for c in coaches
            ]
        )
