"""The Overview tab: how the studio is doing at a glance.

Headline figures of the month (the 0-10 question's score beside the stars' when it is asked, and
the response rate of each channel under them); per month, promoters/passives/detractors with the
response rate, business reviews, and the cumulative Google reviews; then the lists Actions to
take, Client and Coach satisfaction trends and Most recent reviews, every entry opening its
review or client (an action a client's reply opened opens that email).
Queries run on the task runner (the trends in their own task, as they are the slowest), and the
charts are drawn by the renderer process (ChartView): the GUI thread only fills lists and paints
finished images.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.domain.kinds import ActionOutcome
from feedback_desk.domain.localtime import local_day
from feedback_desk.services.overview import (
    LIST_LIMIT,
    OverviewData,
    load_overview,
    load_trends,
)
from feedback_desk.services.progress import Progress
from feedback_desk.services.trends import Trends
from feedback_desk.ui.charts import report_charts
from feedback_desk.ui.charts.chart_view import ChartView
from feedback_desk.ui.charts.google_growth import draw_google_growth
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.dialogs.opener import opener_for
from feedback_desk.ui.formatting import format_count, format_nps, format_rate
from feedback_desk.ui.tabs import overview_headlines, overview_lists
from feedback_desk.ui.tabs.base import TabPage
from feedback_desk.ui.tabs.overview_lists import OverviewLists, TrendLists
from feedback_desk.ui.widgets.beside_stars import ChannelRates, recommend_details
from feedback_desk.ui.widgets.entry_list import EntryList
from feedback_desk.ui.widgets.headline import Headline

if TYPE_CHECKING:
    from feedback_desk.services.loop import ImprovementShare


class OverviewTab(TabPage):
    refreshed = Signal()  # everything (figures, charts, lists, trends) shows the latest data
    coach_requested = Signal(int)  # a coach's trend entry was opened
    status_message = Signal(str)

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.opener = opener = opener_for(context)
        self.data: OverviewData | None = None
        self.trends: Trends | None = None
        self._pending: set[str] = set()
        self._again = False
        self._charts_drawn = False
        self._stale = False

        self.headlines = {
            name: Headline()
            for name in ("reviews", "average", "nps", "recommend", "rate", "actions", "loop")
        }
        self.headlines["recommend"].hide()  # until the 0-10 question is asked or answered
        self._loop_running = False
        headline_row = QHBoxLayout()
        for headline in self.headlines.values():
            headline_row.addWidget(headline, 1)
        self.updating = QLabel()
        self.updating.setTextFormat(Qt.TextFormat.PlainText)
        self.updating.setStyleSheet("color: #555555;")
        headline_row.addWidget(self.updating)
        self.channel_rates = ChannelRates()

        self.segments_chart = ChartView(height=3.2)
        self.business_chart = ChartView(height=3.2)
        self.google_chart = ChartView(height=3.2)
        self.charts = (self.segments_chart, self.business_chart, self.google_chart)
        for chart in self.charts:
            chart.rendered.connect(self._chart_rendered)
        charts = QHBoxLayout()
        charts.addWidget(self.segments_chart, 5)
        charts.addWidget(self.business_chart, 3)
        charts.addWidget(self.google_chart, 3)

        self.actions_list = EntryList()
        self.client_trends = EntryList()
        self.coach_trends = EntryList()
        self.recent_list = EntryList()
        self.close_older = QPushButton()
        self.close_older.clicked.connect(self._close_older)
        self.actions_list.header.addWidget(self.close_older)
        self.see_all = QPushButton(flat=True)  # a link to every action, in the worklist
        self.see_all.setStyleSheet("color: palette(link); text-decoration: underline;")
        self.see_all.clicked.connect(lambda: opener.open_worklist())
        under_the_list = self.actions_list.layout()  # not in the header: it would widen the tab
        assert isinstance(under_the_list, QVBoxLayout)
        under_the_list.addWidget(self.see_all, 0, Qt.AlignmentFlag.AlignRight)
        lists = QGridLayout()
        for column, entry_list in enumerate(
            (self.actions_list, self.client_trends, self.coach_trends, self.recent_list)
        ):
            entry_list.opened.connect(self._open)
            entry_list.setMinimumHeight(220)
            lists.addWidget(entry_list, 0, column)
            lists.setColumnStretch(column, 1)

        self.welcome = QLabel()
        self.welcome.setTextFormat(Qt.TextFormat.PlainText)
        self.welcome.setWordWrap(True)
        self.welcome.setStyleSheet(
            "background: #E8F1F8; border: 1px solid #0072B2; border-radius: 4px; padding: 10px;"
        )
        self.welcome.hide()

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.welcome)
        layout.addLayout(headline_row)
        layout.addWidget(self.channel_rates)
        layout.addLayout(charts, 3)
        layout.addLayout(lists, 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        opener.review_changed.connect(self._review_changed)
        opener.actions_changed.connect(self.refresh)
        self._retranslate()

    # -- language ---------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._redraw()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        captions = {
            **overview_headlines.captions(),
            "recommend": self.tr("Net Promoter Score (0-10) this month"),
            "actions": self.tr("actions to take"),
            "loop": self.tr("reviewed better after an action"),
        }
        for name, caption in captions.items():
            self.headlines[name].caption.setText(caption)
        self.actions_list.set_texts(
            self.tr("Actions to take"),
            self.tr("Nothing to do: no review of 3 stars or fewer is open."),
        )
        self.client_trends.set_texts(
            self.tr("Client satisfaction trend"),
            self.tr("No client's satisfaction is dropping."),
        )
        self.coach_trends.set_texts(
            self.tr("Coach satisfaction trend"), self.tr("No coach's satisfaction is dropping.")
        )
        self.recent_list.set_texts(self.tr("Most recent reviews"), self.tr("No reviews yet."))
        self.welcome.setText(
            self.tr(
                "This store is empty. Bring in the studio's clients, coaches, sessions, attendance "
                "and past reviews with File → Import… (CSV files from your booking system), then "
                "reviews arrive through the kiosk (Tools → Kiosk mode) and Clients → Add review…. "
                "To see what Feedback Desk does first, open the demo studio: feedback-desk --demo."
            )
        )
        self.close_older.setText(self.tr("Close older…"))
        self.see_all.setText(self.tr("See all"))
        self.close_older.setToolTip(
            self.tr("Close every open action of a review dated before a day (imported history)")
        )

    # -- loading ----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def _review_changed(self, _review_id: int) -> None:
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Reload everything in the background; a refresh asked meanwhile runs after it.

        A hidden Overview waits until it is shown, so that the tab in front gets the database
        first."""
        if self.context.closed:
            return
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        if self._pending:
            self._again = True
            return
        at = self.opener.clock.now()
        store = self.opener.store
        self._pending = {"overview", "trends", "charts"}
        self._charts_drawn = False
        self.updating.setText(self.tr("Updating…"))

        # The lists are written out on the workers too: off the GUI thread.
        def overview_work(progress: Progress) -> tuple[OverviewData, OverviewLists]:
            data = load_overview(store, at, progress)
            tz = data.settings.timezone
            return data, overview_lists.overview_entries(
                data.actions, data.reply_actions, data.recent, tz, LIST_LIMIT
            )

        def trends_work(_progress: Progress) -> tuple[Trends, TrendLists]:
            trends, settings = load_trends(store, at)
            return trends, overview_lists.trend_entries(trends, LIST_LIMIT, settings.timezone)

        def read_trends() -> None:
            self.tasks.run(
                trends_work,
                name="trends",
                on_done=self._show_trends,
                on_error=lambda error: self._failed("trends", error),
                on_cancelled=lambda: self._finished("trends"),
            )

        # The trends are read once the figures are: read together, the two queries take turns
        # with Python's lock and the figures, which the charts wait for, came later; read after,
        # the trends' lists fill while the renderer draws the charts.
        def shown(result: tuple[OverviewData, OverviewLists]) -> None:
            self._show_overview(result)
            read_trends()

        def failed(error: BaseException) -> None:
            self._failed("overview", error)
            read_trends()

        def cancelled() -> None:
            self._failed("overview", RuntimeError("cancelled"))
            self._finished("trends")

        self.tasks.run(
            overview_work, name="overview", on_done=shown, on_error=failed, on_cancelled=cancelled
        )

    def _finished(self, part: str) -> None:
        self._pending.discard(part)
        if self._pending:
            return
        self.updating.setText("")
        if self._again:
            self._again = False
            self.refresh()
        else:
            self.refreshed.emit()
            self._load_loop_figure()

    def is_idle(self) -> bool:
        """Nothing of this tab is being read or drawn (the closing-the-loop figure included)."""
        return (
            not self._pending
            and not self._loop_running
            and all(chart.settled for chart in self.charts)
        )

    def _load_loop_figure(self) -> None:
        """Of the clients whose action was closed and who reviewed again, how many gave more
        stars (docs/rules.md#loop-outcome). Read after the rest: it walks every closed action."""
        if self._loop_running or self.context.closed:
            return
        self._loop_running = True
        at = self.opener.clock.now()
        store = self.opener.store

        def work(_progress: Progress) -> ImprovementShare:
            # Imported on the worker: what closing the loop needs is not the first screen's.
            from feedback_desk.services.loop import improvement_share

            with store.read() as session:
                return improvement_share(session, at=at)

        def done(share: ImprovementShare) -> None:
            self._loop_running = False
            self.headlines["loop"].set_value(
                format_rate(share.share),
                self.tr(
                    "{improved} of the {judged} clients who reviewed again after their action "
                    "was closed gave more stars ({closed} actions closed)"
                ).format(
                    improved=share.improved, judged=share.with_next_review, closed=share.closed
                ),
            )

        def failed(error: BaseException) -> None:
            self._loop_running = False
            self.headlines["loop"].set_value("—", describe_error(error))

        self.tasks.run(work, name="loop-figure", on_done=done, on_error=failed)

    def _failed(self, part: str, error: BaseException) -> None:
        message = self.tr("The overview could not be read: {error}").format(
            error=describe_error(error)
        )
        self.updating.setText(message)
        self.context.failed.emit(message)
        if part == "overview":
            self._pending.discard("charts")  # nothing new to draw
        self._finished(part)

    # -- showing ----------------------------------------------------------------------------

    def _show_overview(self, result: tuple[OverviewData, OverviewLists]) -> None:
        data, lists = result
        self.data = data
        self.welcome.setVisible(data.store_is_empty)
        self._draw_figures(data)
        self._charts_drawn = True
        self._chart_rendered()
        self.actions_list.set_entries(lists.actions, total=data.open_actions)
        self.recent_list.set_entries(lists.recent)
        self._finished("overview")

    def _show_trends(self, result: tuple[Trends, TrendLists]) -> None:
        trends, lists = result
        self.trends = trends
        self.client_trends.set_entries(lists.clients, total=len(trends.clients))
        self.coach_trends.set_entries(lists.coaches, total=len(trends.coaches))
        self._finished("trends")

    def _chart_rendered(self) -> None:
        drawn = "charts" in self._pending and self._charts_drawn
        if drawn and not any(chart.rendering for chart in self.charts):
            self._finished("charts")

    def _redraw(self) -> None:
        if self.data is not None:
            self._draw_figures(self.data)

    def _draw_figures(self, data: OverviewData) -> None:
        overview_headlines.show(self.headlines, data.headline)
        self.headlines["actions"].set_value(format_count(data.open_actions))
        first, today = data.first, data.last
        report_charts.draw_segments(
            self.segments_chart,
            report_charts.month_buckets(data.all_reviews.by_month, first, today, today),
            title=self.tr("Promoters, passives and detractors per month"),
        )
        if data.this_month is not None:
            recommend = data.this_month.recommend
            self.headlines["recommend"].setVisible(data.shows_recommend)
            self.headlines["recommend"].set_value(
                format_nps(recommend.nps), recommend_details(recommend)
            )
            self.channel_rates.show_channels(
                data.this_month.by_channel, self.tr("Response rate by channel this month")
            )
        report_charts.draw_reviews(
            self.business_chart,
            report_charts.month_buckets(data.business.by_month, first, today, today),
            title=self.tr("Business reviews per month"),
        )
        # The Google tab's chart.
        draw_google_growth(self.google_chart, data.google_months, data.google_integrated_on, today)

    # -- opening ----------------------------------------------------------------------------

    def _open(self, kind: str, target_id: int) -> None:
        if kind == "coach":
            self.coach_requested.emit(target_id)
        else:
            self.opener.open_target(kind, target_id)

    def _close_older(self) -> None:
        from feedback_desk.ui.dialogs.close_action import CloseActionDialog

        at = self.opener.clock.now()
        tz = self.data.settings.timezone if self.data is not None else None
        today = local_day(at, tz) if tz is not None else at.date()
        dialog = CloseActionDialog(
            self, before=today - timedelta(days=90), default_outcome=ActionOutcome.NO_ACTION
        )
        dialog.accepted.connect(
            lambda: self.opener.close_actions_before(
                self, dialog.before_day or today, dialog.chosen_outcome, dialog.note_text
            )
        )
        dialog.open()
