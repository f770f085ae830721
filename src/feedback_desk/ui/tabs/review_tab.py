"""What the Business reviews and Class reviews tabs share: the period's chart, "Aspects to
improve" and "Where you excel", the figures line (the 0-10 answers of business reviews on a line
of their own, the response rate by channel beside it), and under them the reviews panel (table,
order newest/oldest/lowest/highest, period, client search; coach and class for classes), whose
filters the charts follow and whose rows open their review. Clicking a month's (or day's, or
year's) bar shows that period's reviews in the table. The charts fold away (the choice is
remembered on this PC) to give the table the room on a small screen.

Figures are read on the window's task runner and charts are drawn by the renderer process; a
change of filter while a read runs is read again as soon as it ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.services.progress import Progress
from feedback_desk.services.review_tabs import TabReport, TabRequest, load_tab_report
from feedback_desk.ui import preferences
from feedback_desk.ui.charts import report_charts, style
from feedback_desk.ui.charts.chart_view import ChartView
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.dialogs.opener import opener_for
from feedback_desk.ui.formatting import (
    format_average,
    format_day,
    format_nps,
    format_rate,
    reviews_count,
    segments_count,
)
from feedback_desk.ui.tabs.base import TabPage
from feedback_desk.ui.widgets.beside_stars import ChannelRates, recommend_line
from feedback_desk.ui.widgets.reviews_panel import ReviewsPanel


@dataclass(frozen=True)
class _ChartFilters:
    """The table filters the charts depend on (the client search is the table's alone)."""

    first: date | None
    last: date | None
    coach_id: int | None
    class_id: int | None


class ReviewTab(TabPage):
    refreshed = Signal()  # figures and charts show the current filters

    kind: ReviewKind = ReviewKind.BUSINESS
    coach_and_class = False

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.opener = opener_for(context)
        self.data: TabReport | None = None
        self._busy = False
        self._again = False
        self._force = False
        self._charts_drawn = False
        self._shown_filters: _ChartFilters | None = None
        self._stale = False  # figures to load when the tab is next shown
        self._buckets: list[report_charts.Bucket] = []  # the period chart's bars

        self.panel = ReviewsPanel(
            context, kind=self.kind, coach_and_class_filters=self.coach_and_class
        )
        self.panel.review_activated.connect(self.opener.open_review)
        self.panel.reply_requested.connect(self.opener.reply_to)
        self.panel.model.modelReset.connect(self._filters_maybe_changed)

        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.updating = QLabel()
        self.updating.setTextFormat(Qt.TextFormat.PlainText)
        self.updating.setStyleSheet("color: #555555;")
        # Beside the stars' figures (the 0-10 answers on a line of the summary), never mixed.
        self.channel_rates = ChannelRates()
        self.charts_toggle = QToolButton()
        self.charts_toggle.setCheckable(True)
        self.charts_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.charts_toggle.setAutoRaise(True)
        self.charts_toggle.toggled.connect(self._charts_toggled)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.charts_toggle, 0, Qt.AlignmentFlag.AlignTop)
        summary_row.addWidget(self.summary, 3)
        summary_row.addWidget(self.channel_rates, 2)
        summary_row.addWidget(self.updating)

        self.period_chart = ChartView(height=2.8)
        self.period_chart.clicked.connect(self._bucket_clicked)
        self.improve_chart = ChartView(height=2.8)
        self.excel_chart = ChartView(height=2.8)
        self.charts: list[ChartView] = [
            self.period_chart,
            self.improve_chart,
            self.excel_chart,
        ]
        self.add_widgets()
        for chart in self.charts:
            chart.rendered.connect(self._chart_rendered)
        self.charts_area = QWidget()
        charts_layout = QVBoxLayout(self.charts_area)
        charts_layout.setContentsMargins(0, 0, 0, 0)
        self.build_charts(charts_layout)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.charts_area)
        self.splitter.addWidget(self.panel)
        # The table first: on a small screen it keeps the larger share.
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(summary_row)
        layout.addWidget(self.splitter, 1)
        self.charts_toggle.setChecked(not preferences.charts_folded(self.preference_key()))
        self._charts_toggled(self.charts_toggle.isChecked())

        self.opener.review_changed.connect(self._review_changed)
        self.opener.actions_changed.connect(self._review_changed)

    # -- what subclasses add ----------------------------------------------------------------

    def add_widgets(self) -> None:
        """Create extra charts (appended to ``self.charts``) before the layout is built."""

    def build_charts(self, layout: QVBoxLayout) -> None:
        row = QHBoxLayout()
        row.addWidget(self.period_chart, 2)
        row.addWidget(self.improve_chart, 1)
        row.addWidget(self.excel_chart, 1)
        layout.addLayout(row, 1)

    def with_coaches(self) -> bool:
        return False

    def show_extra(self, data: TabReport) -> None:
        """Draw what a subclass adds (the by-coach table and chart)."""

    def title_for_period(self) -> str:
        return self.tr("Business reviews")

    def shows_recommend(self, data: TabReport) -> bool:
        """The 0-10 answers show for business reviews while the question is asked, or when
        the period has some."""
        asked = self.context.settings.flag("nps.enabled") or data.report.recommend.responses > 0
        return self.kind is ReviewKind.BUSINESS and asked

    def preference_key(self) -> str:
        return self.kind.value

    # -- folding the charts -------------------------------------------------------------------

    @property
    def charts_shown(self) -> bool:
        return self.charts_toggle.isChecked()

    def _charts_toggled(self, shown: bool) -> None:
        self.charts_area.setVisible(shown)
        self._retranslate_toggle()
        if preferences.charts_folded(self.preference_key()) == shown:
            preferences.set_charts_folded(self.preference_key(), not shown)

    def _retranslate_toggle(self) -> None:
        shown = self.charts_toggle.isChecked()
        self.charts_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.charts_toggle.setText(self.tr("Charts"))
        self.charts_toggle.setToolTip(
            self.tr("Hide the charts: the table gets the room")
            if shown
            else self.tr("Show the charts")
        )

    # -- clicking a bar -----------------------------------------------------------------------

    def _bucket_clicked(self, index: int) -> None:
        """A month's (day's, year's) bar: the table shows that period's reviews."""
        if 0 <= index < len(self._buckets):
            bucket = self._buckets[index]
            self.panel.show_period(bucket.first, bucket.last)

    # -- loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the table (and its coach and class lists) and the figures.

        A hidden tab reloads its table only: its figures wait until it is shown, so that the
        tab in front gets the database first."""
        self._force = True
        self.panel.refresh()  # resets the model, which reloads the figures

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.load_figures()

    def is_idle(self) -> bool:
        return not self._busy and all(chart.settled for chart in self.charts)

    @property
    def figures_pending(self) -> bool:
        """Figures are waiting for the tab to be shown."""
        return self._stale

    @property
    def busy(self) -> bool:
        return self._busy

    def chart_filters(self) -> _ChartFilters:
        filters = self.panel.model.filters()
        return _ChartFilters(
            filters.first_day, filters.last_day, filters.coach_id, filters.class_id
        )

    def _filters_maybe_changed(self) -> None:
        if self._force or self.chart_filters() != self._shown_filters:
            self._force = False
            self.load_figures()

    def _review_changed(self, *_args: object) -> None:
        self._force = True  # the figures changed though the filters did not
        self.panel.model.reload()

    def load_figures(self) -> None:
        if self.context.closed:
            return
        if not self.isVisible():
            self._stale = True
            return
        if self._busy:
            self._again = True
            return
        self._busy = True
        self._charts_drawn = False
        self.updating.setText(self.tr("Updating…"))
        wanted = self.chart_filters()
        request = TabRequest(
            kind=self.kind,
            first=wanted.first,
            last=wanted.last,
            coach_id=wanted.coach_id,
            class_id=wanted.class_id,
            today=self.context.today(),
            with_coaches=self.with_coaches(),
        )
        store = self.opener.store

        def work(progress: Progress) -> TabReport:
            return load_tab_report(store, request, progress=progress)

        def done(data: TabReport) -> None:
            self._shown_filters = wanted
            self._loaded(data)

        self.tasks.run(work, name=f"{self.kind.value}-figures", on_done=done, on_error=self._failed)

    def _loaded(self, data: TabReport) -> None:
        self.data = data
        self._show(data)
        self._charts_drawn = True
        self._chart_rendered()

    def _failed(self, error: BaseException) -> None:
        message = self.tr("The figures could not be read: {error}").format(
            error=describe_error(error)
        )
        self.updating.setText(message)
        self.context.failed.emit(message)
        self._done()

    def _done(self) -> None:
        self._busy = False
        self.updating.setText("")
        if self._again or self.chart_filters() != self._shown_filters:
            self._again = False
            self.load_figures()
        else:
            self.refreshed.emit()

    def _chart_rendered(self) -> None:
        if self._busy and self._charts_drawn and not any(c.rendering for c in self.charts):
            self._done()

    # -- language -----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_toggle()
            if self.data is not None:
                self._show(self.data)
        super().changeEvent(event)

    # -- showing ------------------------------------------------------------------------------

    def _show(self, data: TabReport) -> None:
        totals = data.report.totals
        self.summary.setText(
            self.tr(
                "{first} – {last}: {reviews} · average {average} · NPS {nps} · {segments} · "
                "response rate {rate}"
            ).format(
                first=format_day(data.scope.first),
                last=format_day(data.scope.last),
                reviews=reviews_count(totals.reviews),
                average=format_average(totals.average),
                nps=format_nps(totals.nps),
                segments=segments_count(totals.promoters, totals.passives, totals.detractors),
                rate=format_rate(totals.response_rate),
            )
            + (
                "\n"
                + self.tr(
                    "Reviews dated before 1900 (a typo in an imported file?), left out of these "
                    "figures: {count}"
                ).format(count=data.impossible_dates)
                if data.impossible_dates
                else ""
            )
            + ("\n" + recommend_line(data.report.recommend) if self.shows_recommend(data) else "")
        )
        self.channel_rates.show_channels(
            data.report.by_channel, self.tr("Response rate by channel")
        )
        first, last, today = data.scope.first, data.scope.last, self.context.today()
        if data.days is not None:
            buckets = report_charts.day_buckets(data.days, today)
            title = self.tr("{kind} per day").format(kind=self.title_for_period())
        elif len(data.report.by_month) <= report_charts.MAX_MONTH_BARS:
            buckets = report_charts.month_buckets(data.report.by_month, first, last, today)
            title = self.tr("{kind} per month").format(kind=self.title_for_period())
        else:
            buckets = report_charts.year_buckets(data.report.by_month, first, last, today)
            title = self.tr("{kind} per year").format(kind=self.title_for_period())
        self._buckets = buckets
        report_charts.draw_segments(self.period_chart, buckets, title=title, clickable=True)
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
