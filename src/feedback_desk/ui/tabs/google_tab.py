"""The Google tab (docs/rules.md#google-reviews): the archive of the studio's Google reviews,
linking them to clients, replying (on Google, or by email to a linked client), and the review
count growing since the connection.

The GUI thread never reads the store or the system keyring here: a refresh is one background
load (connection status, the first page of the filter, the charts' data) applied when it comes
back, unless a newer refresh started meanwhile; links, unlinks and marks are written on a worker
thread, then the tab refreshes. All of it runs on the window's tasks: an outcome that comes back
after the tab (or its dialog) went away is dropped."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QItemSelectionModel, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.domain.kinds import OutboxState
from feedback_desk.domain.localtime import local_day
from feedback_desk.domain.text import fold
from feedback_desk.errors import FeedbackDeskError
from feedback_desk.services.audit import default_actor
from feedback_desk.services.drafts import Draft
from feedback_desk.services.google.connection import ConnectionStatus
from feedback_desk.services.google.linking import link_review, mark_reviewed, unlink_review
from feedback_desk.services.google.overview import GoogleOverview, load_overview
from feedback_desk.services.google.queries import ReviewFilter, ReviewRow
from feedback_desk.services.progress import Progress
from feedback_desk.services.settings import Settings, load_settings
from feedback_desk.ui import i18n
from feedback_desk.ui.charts.chart_view import ChartView
from feedback_desk.ui.charts.google_growth import draw_google_growth, draw_rating_distribution
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.dialogs.compose_email import ComposeEmailDialog
from feedback_desk.ui.dialogs.google_reply import GoogleReplyDialog
from feedback_desk.ui.dialogs.link_client import LinkClientDialog, PickClientDialog
from feedback_desk.ui.formatting import format_instant
from feedback_desk.ui.google.failure import describe_failure
from feedback_desk.ui.google.reviews_model import GoogleReviewsModel, plain_tooltip
from feedback_desk.ui.retranslating import KeptText
from feedback_desk.ui.tabs.base import TabPage
from feedback_desk.workers.google_sync import GoogleSyncWorker

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from feedback_desk.services.google.email_reply import EarlierEmail
    from feedback_desk.services.outbox.queue import Queued

T = TypeVar("T")


class GoogleTab(QWidget):
    connect_requested = Signal()  # the window opens Settings → Google
    status_message = Signal(object)  # how to say it (ui/status.py), for the status bar
    email_queued = Signal(int)  # an outbox message's id: the window may send it right away

    def __init__(
        self,
        context: WindowContext,
        *,
        sync_worker: GoogleSyncWorker | None = None,
        locale: QLocale | None = None,
        open_dialog: Callable[[QDialog], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # Window-modal and non-blocking by default; tests drive the dialog without showing it.
        self._open_dialog = open_dialog or (lambda dialog: dialog.open())
        self._context = context
        self._clock = context.clock
        self.tasks = context.tasks_for(self)
        self._sync_worker = sync_worker
        # The window's locale follows the interface language; one given stays.
        self._default_locale = locale is None
        self._locale = locale or QLocale()
        self._overview: GoogleOverview | None = None  # the last load shown
        # The studio's zone as the window knows it; each load brings the stored one.
        self._tz = context.tz
        self._connected = False
        self._generation = 0  # of refreshes: an older load that answers late is dropped
        self._refreshing = False
        self._writing = 0  # links, unlinks and marks under way
        self._build()
        if sync_worker is not None:
            sync_worker.synced.connect(self._on_synced)
            sync_worker.failed.connect(lambda exc: self._say(lambda: describe_failure(exc)))
            sync_worker.busy_changed.connect(lambda busy: self.sync_button.setDisabled(busy))
        # Like every tab, it loads when its owner calls refresh() (the window does, once all
        # its tabs exist), so nothing is read twice at start-up.

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.banner = QFrame(self)
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner_label = QLabel(self.banner)
        self.banner_label.setWordWrap(True)
        self.connect_button = QPushButton(self.banner)
        self.connect_button.clicked.connect(self.connect_requested.emit)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_label, 1)
        banner_layout.addWidget(self.connect_button)
        self.banner.hide()  # until the first load says whether Google is connected

        self.suggestions_label = QLabel(self)
        self.suggestions_label.setTextFormat(Qt.TextFormat.PlainText)
        self.suggestions_label.setWordWrap(True)
        self.suggestions_label.hide()

        self.only_unlinked = QCheckBox(self)
        self.only_unreplied = QCheckBox(self)
        self.only_removed = QCheckBox(self)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.sync_button = QPushButton(self)
        self.sync_button.clicked.connect(self.sync_now)
        for box in (self.only_unlinked, self.only_unreplied, self.only_removed):
            box.toggled.connect(self.apply_filter)
        self.search.returnPressed.connect(self.apply_filter)
        self.search.textChanged.connect(lambda text: None if text else self.apply_filter())
        filters = QHBoxLayout()
        for widget in (self.only_unlinked, self.only_unreplied, self.only_removed):
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.count_label)
        filters.addWidget(self.sync_button)

        self.model = GoogleReviewsModel(self._context, self._tz, self)
        self.model.loading_changed.connect(self._show_count)
        self.model.modelReset.connect(self._update_actions)
        self.model.load_failed.connect(self._rows_failed)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        # Starting widths that leave the comment (which stretches) the most room.
        for column, width in enumerate((110, 70, 130, 0, 150, 90, 110, 60)):
            if width:
                self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.doubleClicked.connect(lambda _index: self.link_selected())

        self.growth_chart = ChartView(self)
        self.rating_chart = ChartView(self, height=2.0)
        charts = QWidget(self)
        charts_layout = QVBoxLayout(charts)
        charts_layout.setContentsMargins(0, 0, 0, 0)
        charts_layout.addWidget(self.growth_chart, 3)
        charts_layout.addWidget(self.rating_chart, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(charts)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        # Start at 2:1 whatever the charts' size hints say; QSplitter scales these to fit.
        self.splitter.setSizes([2000, 1000])

        self.link_button = QPushButton(self)
        self.unlink_button = QPushButton(self)
        self.reply_button = QPushButton(self)
        self.email_button = QPushButton(self)
        self.mark_button = QPushButton(self)
        self.link_button.clicked.connect(self.link_selected)
        self.unlink_button.clicked.connect(self.unlink_selected)
        self.reply_button.clicked.connect(self.reply_selected)
        self.email_button.clicked.connect(self.email_selected)
        self.mark_button.clicked.connect(self.mark_client)
        actions = QHBoxLayout()
        for button in (self.link_button, self.unlink_button, self.reply_button, self.email_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.mark_button)

        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.said = KeptText(self.message)

        self.archive = QWidget(self)
        archive_layout = QVBoxLayout(self.archive)
        archive_layout.setContentsMargins(0, 0, 0, 0)
        archive_layout.addWidget(self.suggestions_label)
        archive_layout.addLayout(filters)
        archive_layout.addWidget(self.splitter, 1)
        archive_layout.addLayout(actions)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.archive, 1)
        layout.addWidget(self.message)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            if self._default_locale:
                self._locale = QLocale()  # the language's day and month names
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Every text of the tab, those that depend on what it shows recomputed from it (the
        banner, the count, the buttons' tooltips, the charts)."""
        self.connect_button.setText(self.tr("Connect in Settings → Google…"))
        self.only_unlinked.setText(self.tr("Not linked"))
        self.only_unreplied.setText(self.tr("Not replied"))
        self.only_removed.setText(self.tr("Removed from Google"))
        self.search.setPlaceholderText(self.tr("Search reviewer or comment"))
        self.sync_button.setText(self.tr("Sync now"))
        self.link_button.setText(self.tr("Link to client…"))
        self.unlink_button.setText(self.tr("Unlink"))
        self.reply_button.setText(self.tr("Reply on Google…"))
        self.email_button.setText(self.tr("Reply by email…"))
        self.mark_button.setText(self.tr("Mark a client as reviewed…"))
        self.mark_button.setToolTip(
            self.tr("For a client you know reviewed you on Google: no more invitations for them")
        )
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
        )
        if self._overview is not None:
            self._show_status(self._overview.status)
            self._draw_charts(self._overview)
        self._show_count()
        self._update_actions()
        self.said.again()

    # ------------------------------------------------------------------ state

    @property
    def connected(self) -> bool:
        return self._connected

    @property
    def loading(self) -> bool:
        """A refresh, a filter's first page or a write is under way."""
        return self._refreshing or self.model.loading or self._writing > 0

    @property
    def charts_settled(self) -> bool:
        return self.growth_chart.settled and self.rating_chart.settled

    def _criteria(self) -> ReviewFilter:
        return ReviewFilter(
            not_linked=self.only_unlinked.isChecked(),
            not_replied=self.only_unreplied.isChecked(),
            removed=self.only_removed.isChecked(),
            text=fold(self.search.text()),
        )

    def refresh(self) -> None:
        """Re-read the connection, the reviews and the charts (after a sync, link or reply), in
        one background load; the tab stays usable and says it is loading meanwhile."""
        self._generation += 1
        generation = self._generation
        rows_generation = self.model.begin_load()
        self._refreshing = True
        self._show_count()
        store, criteria, now = self._context.store, self._criteria(), self._clock.now()
        page_size = self.model.page_size

        def load(_progress: Progress) -> GoogleOverview:
            return load_overview(store, criteria, now=now, page_size=page_size)

        self.tasks.run(
            load,
            name=self.tr("the Google reviews"),
            on_done=lambda overview: self._show_overview(generation, rows_generation, overview),
            on_error=lambda exc: self._load_failed(generation, rows_generation, exc),
        )

    def _show_overview(
        self, generation: int, rows_generation: int, overview: GoogleOverview
    ) -> None:
        if generation != self._generation:
            return  # a newer refresh is on its way
        self._refreshing = False
        self._tz = overview.timezone
        self.model.set_timezone(overview.timezone)
        self._overview = overview
        self._show_status(overview.status)
        # Dropped by the model when the filter changed meanwhile (its own load then follows).
        self.model.show_page(rows_generation, overview.page)
        self._draw_charts(overview)
        self._show_count()
        self._update_actions()

    def _draw_charts(self, overview: GoogleOverview) -> None:
        today = local_day(self._clock.now(), overview.timezone)
        draw_google_growth(
            self.growth_chart, overview.monthly, overview.integrated, today, self._locale
        )
        draw_rating_distribution(self.rating_chart, overview.ratings, self._locale)

    def _load_failed(self, generation: int, rows_generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._refreshing = False
        self.model.fail_load(rows_generation, exc)
        self._show_count()
        self._update_actions()

    def _rows_failed(self, exc: BaseException) -> None:
        self._say(
            lambda: self.tr("The Google reviews could not be read: {why}").format(
                why=describe_error(exc)
            )
        )

    def _show_status(self, status: ConnectionStatus) -> None:
        self._connected = status.connected
        has_archive = status.archived_reviews > 0
        if status.connected:
            self.banner.hide()
        else:
            self.banner.show()
            if has_archive:
                self.banner_label.setText(
                    self.tr(
                        "Google Business Profile is not connected: the reviews below are the "
                        "archive kept on this computer. Connect to sync new reviews and reply "
                        "on Google."
                    )
                )
            else:
                self.banner_label.setText(
                    self.tr(
                        "Connect the studio's Google Business Profile to keep its Google reviews "
                        "here, link them to your clients, reply to them and watch their number "
                        "grow. You need the studio's own OAuth client file from the Google Cloud "
                        "console (see the README)."
                    )
                )
        self.archive.setVisible(status.connected or has_archive)
        self.sync_button.setVisible(status.connected)

    def _show_count(self, *_args: object) -> None:
        if self._refreshing or self.model.loading:
            self.count_label.setText(self.tr("Loading…"))
        else:
            self.count_label.setText(self.tr("{count} reviews").format(count=self.model.total))

    def apply_filter(self) -> None:
        """Show the reviews matching the filters (their first page is read in the background)."""
        self.model.set_filter(self._criteria())
        self._update_actions()

    def selected_review(self) -> ReviewRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectionModel().select(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _update_actions(self, *_args: object) -> None:
        review = self.selected_review()
        # One write at a time: the rows shown may be stale until the refresh that follows it.
        idle = self._writing == 0
        self.link_button.setEnabled(idle and review is not None)
        self.unlink_button.setEnabled(
            idle and review is not None and review.client_external_id is not None
        )
        self.mark_button.setEnabled(idle)
        can_reply = review is not None and not review.removed and self._connected
        self.reply_button.setEnabled(can_reply)
        if not self._connected:
            self.reply_button.setToolTip(self.tr("Connect to Google to reply"))
        self.email_button.setEnabled(
            review is not None
            and review.client_external_id is not None
            and bool(review.client_email)
        )
        self.email_button.setToolTip(self._email_tooltip(review))

    def _email_tooltip(self, review: ReviewRow | None) -> str:
        """Why "Reply by email…" is disabled, or where the email goes (client text escaped)."""
        if review is None:
            text = self.tr("Select a review to answer its author by email")
        elif review.client_external_id is None:
            text = self.tr(
                "This review is not linked to a client: link it first (Link to client…) to "
                "answer its author by email"
            )
        elif not review.client_email:
            text = self.tr("{client} ({id}), linked to this review, has no email address").format(
                client=review.client_name, id=review.client_external_id
            )
        else:
            text = self.tr("Email {client} at {email}, in their language").format(
                client=review.client_name, email=review.client_email
            )
        return plain_tooltip(text)

    def _say(self, text: Callable[[], str]) -> None:
        """Say *text* under the tab and in the status bar, again in another language."""
        self.said.say(text)
        self.status_message.emit(text)

    # ------------------------------------------------------------------ actions

    def sync_now(self) -> None:
        if self._sync_worker is not None and self._sync_worker.start_sync():
            self._say(lambda: self.tr("Syncing Google reviews…"))

    def _on_synced(self, result: object) -> None:
        self.refresh()
        summary = getattr(result, "summary", None)
        if callable(summary):
            self._say(lambda: self.tr("Google sync done: {summary}").format(summary=summary()))
        suggestions = getattr(result, "suggestions", [])
        if suggestions:
            lines = [self.tr("New reviews that may be from your clients (select one, then Link):")]
            for item in suggestions:
                lines.append(
                    f"  {item.reviewer or self.tr('(anonymous)')} → "
                    f"{item.suggestion.client_name} ({item.suggestion.client_external_id})"
                )
            self.suggestions_label.setText("\n".join(lines))
            self.suggestions_label.show()
        else:
            self.suggestions_label.hide()

    def link_selected(self) -> None:
        review = self.selected_review()
        if review is None:
            return
        dialog = LinkClientDialog(self._context, review, self._tz, self)
        self._open_link_dialog(dialog, review)

    def _open_link_dialog(self, dialog: LinkClientDialog, review: ReviewRow) -> None:
        self.link_dialog = dialog
        dialog.accepted.connect(lambda: self._link(review, dialog.chosen_client))
        self._open_dialog(dialog)

    def _write(self, name: str, change: Callable[[Session], T], done: Callable[[T], str]) -> None:
        """Run *change* in a write transaction on a worker thread; then say *done*'s sentence (or
        why it failed) and refresh the tab either way (a failure often means a stale row)."""
        self._writing += 1
        self._update_actions()
        self.tasks.write(
            name, change, lambda result: self._written(lambda: done(result)), self._write_failed
        )

    def _written(self, message: Callable[[], str]) -> None:
        self._writing -= 1
        self._say(message)
        self.refresh()

    def _write_failed(self, exc: BaseException) -> None:
        self._writing -= 1
        if isinstance(exc, FeedbackDeskError):
            self._say(lambda: i18n.said(exc))
        else:
            self._say(
                lambda: self.tr("The change could not be saved ({why})").format(
                    why=describe_error(exc)
                )
            )
        self.refresh()

    def _link(self, review: ReviewRow, client: str | None) -> None:
        if client is None:
            return
        at, actor = self._clock.now(), default_actor()
        self._write(
            "google-link",
            lambda session: (
                link_review(session, review.review_id, client, at=at, actor=actor).client_id
            ),
            lambda _client_id: self.tr("Review linked to client {client}.").format(client=client),
        )

    def unlink_selected(self) -> None:
        review = self.selected_review()
        if review is None or review.client_external_id is None:
            return
        at, actor = self._clock.now(), default_actor()
        self._write(
            "google-unlink",
            lambda session: unlink_review(session, review.review_id, at=at, actor=actor),
            lambda client: self.tr(
                "Review unlinked from client {client}: they can be invited again."
            ).format(client=client),
        )

    def reply_selected(self) -> None:
        review = self.selected_review()
        if review is None:
            return
        dialog = GoogleReplyDialog(review, self)
        self.reply_dialog = dialog
        dialog.accepted.connect(lambda: self.publish_reply(review, dialog.text))
        self._open_dialog(dialog)

    def publish_reply(self, review: ReviewRow, text: str) -> None:
        from feedback_desk.services.google.replies import publish_reply

        store, clock, actor = self._context.store, self._clock, default_actor()

        def publish(_progress: Progress) -> object:
            return publish_reply(store, review.review_id, text, clock=clock, actor=actor)

        self._say(lambda: self.tr("Publishing the reply on Google…"))
        self.tasks.run(
            publish,
            name="google-reply",
            on_done=lambda _reply: self._after_reply(),
            on_error=lambda exc: self._say(lambda: describe_failure(exc)),
        )

    def _after_reply(self) -> None:
        self.refresh()
        self._say(lambda: self.tr("Reply sent to Google; it shows once Google approves it."))

    def email_selected(self) -> None:
        """Prepare the email reply on a worker, then open the compose dialog pre-filled."""
        review = self.selected_review()
        if review is None or review.client_external_id is None or not review.client_email:
            return
        from feedback_desk.services.google.email_reply import draft_email_reply, earlier_emails

        clock = self._clock

        def prepare(session: Session) -> tuple[Draft, list[EarlierEmail]]:
            settings = load_settings(session)
            draft = draft_email_reply(session, settings, review.review_id, at=clock.now())
            return draft, earlier_emails(session, review.review_id)

        self.email_button.setEnabled(False)
        self.tasks.query(
            self.tr("the email"),
            prepare,
            lambda result: self._compose_email(review, *result),
            self._email_failed,
        )

    def _compose_email(self, review: ReviewRow, draft: Draft, earlier: list[EarlierEmail]) -> None:
        from feedback_desk.services.google.email_reply import send_email_reply

        self._update_actions()
        review_id = review.review_id

        def sender(
            session: Session, settings: Settings, approved: Draft, at: datetime, actor: str
        ) -> Queued:
            return send_email_reply(session, settings, review_id, approved, at=at, actor=actor)

        dialog = ComposeEmailDialog(
            self._context,
            draft,
            self,
            context_text=self._email_context(review, earlier),
            sender=sender,
        )
        dialog.setWindowTitle(self.tr("Reply by email to a Google review"))
        dialog.queued.connect(lambda message_id: self._email_sent(review, message_id))
        # One dialog per email: it goes once closed, sent or not.
        dialog.finished.connect(dialog.deleteLater)
        self.email_dialog = dialog
        self._open_dialog(dialog)

    def _email_context(self, review: ReviewRow, earlier: list[EarlierEmail]) -> str:
        stars = f"{review.stars}/5" if review.stars else "–"
        when = format_instant(review.created_at, self._tz, self._locale)
        lines = [f"{review.reviewer or self.tr('(anonymous)')}, {stars}, {when}"]
        comment = review.comment_original or review.comment
        if comment:
            lines.append(f"“{comment}”")
        for email in earlier:
            lines.append(
                self.tr("Already emailed on {when} by {who}: {subject} ({state})").format(
                    when=format_instant(email.created_at, self._tz, self._locale),
                    who=email.created_by or "?",
                    subject=email.subject,
                    state=self._state_name(email.state),
                )
            )
        return "\n".join(lines)

    def _state_name(self, state: OutboxState) -> str:
        names = {
            OutboxState.QUEUED: self.tr("waiting to be sent"),
            OutboxState.SENDING: self.tr("being sent"),
            OutboxState.SENT: self.tr("sent"),
            OutboxState.FAILED: self.tr("failed"),
            OutboxState.UNCERTAIN: self.tr("uncertain"),
            OutboxState.CANCELLED: self.tr("cancelled"),
        }
        return names[state]

    def _email_sent(self, review: ReviewRow, message_id: int) -> None:
        self.email_queued.emit(message_id)
        self._say(
            lambda: self.tr(
                "Email to {client} queued in the outbox: it leaves with the next send."
            ).format(client=review.client_name)
        )

    def _email_failed(self, exc: BaseException) -> None:
        if isinstance(exc, FeedbackDeskError):
            # Most likely the row was stale (unlinked, or the email removed, elsewhere).
            self.refresh()
            self._say(lambda: i18n.said(exc))
            return
        self._update_actions()
        self._say(
            lambda: self.tr("The email could not be prepared ({name}: {detail})").format(
                name=type(exc).__name__, detail=str(exc)[:200]
            )
        )

    def mark_client(self) -> None:
        dialog = PickClientDialog(
            self._context, self.tr("Mark a client as reviewed on Google"), self
        )
        self.mark_dialog = dialog
        dialog.accepted.connect(lambda: self._mark(dialog.chosen_client))
        self._open_dialog(dialog)

    def _mark(self, client: str | None) -> None:
        if client is None:
            return
        at, actor = self._clock.now(), default_actor()
        self._write(
            "google-mark-reviewed",
            lambda session: (
                mark_reviewed(session, client, undo=False, at=at, actor=actor).external_id
            ),
            lambda _client: self.tr(
                "Client {client} is marked as reviewed on Google: no more invitations."
            ).format(client=client),
        )


class GoogleReviewsTab(TabPage):
    """The Google tab as the main window holds it: on the window's context (its network work on
    the window's tasks, joined before the store closes), with the window's sync worker.
    The window connects :attr:`connect_requested` (Settings → Google), :attr:`status_message`
    (the status bar); an email queued here nudges the outbox through the context."""

    connect_requested = Signal()
    status_message = Signal(object)  # how to say it (ui/status.py)

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.tab = GoogleTab(context, sync_worker=context.google_sync, parent=self)
        self.tab.connect_requested.connect(self.connect_requested)
        self.tab.status_message.connect(self.status_message)
        self.tab.email_queued.connect(lambda _message_id: context.emails_queued.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tab)

    def refresh(self) -> None:
        self.tab.refresh()

    def is_idle(self) -> bool:
        return self.tab.charts_settled
