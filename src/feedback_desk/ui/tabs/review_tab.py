"""What the Business reviews and Class reviews tabs share: the period and client filters, the
period's chart, "Aspects to improve" and "Where you excel", the figures line, and the reviews
table (lazy, sortable newest/oldest/lowest/highest) whose rows open their review.

Figures are read on the task runner and charts render on worker threads; a change of filter
while a read runs is read again as soon as it ends.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.domain.localtime import local_day
from feedback_desk.services.progress import Progress
from feedback_desk.services.reports import ReportScope
from feedback_desk.services.review_tabs import TabReport, load_tab_report
from feedback_desk.services.settings import load_settings
from feedback_desk.ui.charts import report_charts, style
from feedback_desk.ui.charts.background import BackgroundChart
from feedback_desk.ui.dialogs.opener import DialogOpener
from feedback_desk.ui.formatting import format_average, format_nps, format_rate
from feedback_desk.ui.widgets.period_filter import PeriodFilter

SEARCH_DELAY_MS = 250
ORDERS = ("newest", "oldest", "lowest", "highest")


class ReviewTab(QWidget):
    refreshed = Signal()  # figures and charts show the current filters
    status_message = Signal(str)

    kind: ReviewKind = ReviewKind.BUSINESS

    def __init__(self, opener: DialogOpener, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.opener = opener
        self.data: TabReport | None = None
        self._busy = False
        self._again = False
        self._loaded_once = False
        self._charts_drawn = False
        with opener.store.read() as session:
            tz = load_settings(session).timezone
        self.period = PeriodFilter(local_day(opener.clock.now(), tz))
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.order = QComboBox()
        for order in ORDERS:
            self.order.addItem("", order)
        self.order_label = QLabel()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._table_filters_changed)

        self.filters = QHBoxLayout()
        self.filters.addWidget(self.period)
        self.add_filters(self.filters)
        self.filters.addStretch(1)
        self.filters.addWidget(self.search, 1)
        self.filters.addWidget(self.order_label)
        self.filters.addWidget(self.order)

        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.updating = QLabel()
        self.updating.setStyleSheet("color: #555555;")
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary, 1)
        summary_row.addWidget(self.updating)

        self.period_chart = BackgroundChart(height=2.8)
        self.improve_chart = BackgroundChart(height=2.8)
        self.excel_chart = BackgroundChart(height=2.8)
        self.charts: list[BackgroundChart] = [
            self.period_chart,
            self.improve_chart,
            self.excel_chart,
        ]
        self.charts_area = QWidget()
        self.build_charts(QVBoxLayout(self.charts_area))
        for chart in self.charts:
            chart.rendered.connect(self._chart_rendered)

        self.table_area = QWidget()
        table_layout = QVBoxLayout(self.table_area)
        table_layout.setContentsMargins(0, 0, 0, 0)
        self.build_table(table_layout)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.charts_area)
        self.splitter.addWidget(self.table_area)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(self.filters)
        layout.addLayout(summary_row)
        layout.addWidget(self.splitter, 1)

        self.period.changed.connect(self._period_changed)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.order.currentIndexChanged.connect(self._table_filters_changed)
        opener.review_changed.connect(lambda _review_id: self.refresh())
        self._retranslate()

    # -- what subclasses add ----------------------------------------------------------------

    def add_filters(self, row: QHBoxLayout) -> None:
        """More filters after the period (the Class tab's coach and class)."""

    def build_charts(self, layout: QVBoxLayout) -> None:
        row = QHBoxLayout()
        row.addWidget(self.period_chart, 2)
        row.addWidget(self.improve_chart, 1)
        row.addWidget(self.excel_chart, 1)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)

    def build_table(self, layout: QVBoxLayout) -> None:
        """The reviews table (set up by the table module)."""

    def scope(self) -> ReportScope:
        first, last = self.period.bounds()
        return ReportScope(first, last, self.kind)

    def with_coaches(self) -> bool:
        return False

    def show_extra(self, data: TabReport) -> None:
        """Draw what a subclass adds (by-coach table and chart)."""

    def title_for_period(self) -> str:
        return self.tr("Business reviews")

    # -- language -----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if self.data is not None:
                self._show(self.data)
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search a client (name or id)…"))
        self.order_label.setText(self.tr("Sort:"))
        names = {
            "newest": self.tr("Newest first"),
            "oldest": self.tr("Oldest first"),
            "lowest": self.tr("Lowest stars first"),
            "highest": self.tr("Highest stars first"),
        }
        for index in range(self.order.count()):
            self.order.setItemText(index, names[self.order.itemData(index)])

    # -- loading ------------------------------------------------------------------------------

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if not self._loaded_once:
            self.refresh()

    @property
    def busy(self) -> bool:
        return self._busy

    def refresh(self) -> None:
        self._loaded_once = True
        if self._busy:
            self._again = True
            return
        self._busy = True
        self._charts_drawn = False
        self.updating.setText(self.tr("Updating…"))
        scope = self.scope()
        store = self.opener.store
        with_coaches = self.with_coaches()

        def work(progress: Progress) -> TabReport:
            return load_tab_report(store, scope, with_coaches=with_coaches, progress=progress)

        self.opener.runner.run(
            work, name=f"{self.kind.value}-tab", on_done=self._loaded, on_error=self._failed
        )
        self.refresh_table()

    def _loaded(self, data: TabReport) -> None:
        self.data = data
        self._show(data)
        self._charts_drawn = True
        self._chart_rendered()

    def _failed(self, error: BaseException) -> None:
        message = self.tr("The figures could not be read: {error}").format(error=error)
        self.updating.setText(message)
        self.status_message.emit(message)
        self._done()

    def _done(self) -> None:
        self._busy = False
        self.updating.setText("")
        if self._again:
            self._again = False
            self.refresh()
        else:
            self.refreshed.emit()

    def _chart_rendered(self) -> None:
        if self._busy and self._charts_drawn and not any(c.rendering for c in self.charts):
            self._done()

    def _period_changed(self) -> None:
        self.refresh()

    def _table_filters_changed(self) -> None:
        self.refresh_table()

    def refresh_table(self) -> None:
        """Point the reviews table at the current filters (subclass of the table module)."""

    # -- showing ------------------------------------------------------------------------------

    def _show(self, data: TabReport) -> None:
        totals = data.report.totals
        self.summary.setText(
            self.tr(
                "{first} – {last}: {reviews} reviews · average {average} · NPS {nps} · "
                "{promoters} promoters, {passives} passives, {detractors} detractors · "
                "response rate {rate}"
            ).format(
                first=data.scope.first.isoformat(),
                last=data.scope.last.isoformat(),
                reviews=totals.reviews,
                average=format_average(totals.average),
                nps=format_nps(totals.nps),
                promoters=totals.promoters,
                passives=totals.passives,
                detractors=totals.detractors,
                rate=format_rate(totals.response_rate),
            )
        )
        if data.days is not None:
            buckets = report_charts.day_buckets(data.days)
            title = self.tr("{kind} per day").format(kind=self.title_for_period())
        else:
            buckets = report_charts.month_buckets(data.report.by_month)
            title = self.tr("{kind} per month").format(kind=self.title_for_period())
        report_charts.draw_segments(self.period_chart, buckets, title=title)
        language = self.opener.language
        report_charts.draw_aspects(
            self.improve_chart,
            data.report.to_improve,
            title=self.tr("Aspects to improve"),
            color=style.TO_IMPROVE,
            language=language,
            empty_message=self.tr("No aspect to improve was ticked in this period."),
        )
        report_charts.draw_aspects(
            self.excel_chart,
            data.report.excel,
            title=self.tr("Where you excel"),
            color=style.EXCEL,
            language=language,
            empty_message=self.tr("No “where you excel” aspect was ticked in this period."),
        )
        self.show_extra(data)

    def today(self) -> date:
        return self.period.bounds()[1]
