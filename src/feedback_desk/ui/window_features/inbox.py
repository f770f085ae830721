"""The studio's mailbox while the window is open: once a mailbox server and a login are set it is
read in the background every ``inbox.interval_seconds`` (and at once when the window opens, for
what arrived meanwhile), each pass in the status bar with Cancel; a failure is said once, in
words, until a pass works again; answers that became reviews refresh the tabs. Clients → Replies
to read… (or a click on the status bar's count) lists the other replies for staff."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog
from shiboken6 import isValid

from feedback_desk.services.inbox.config import inbox_configured
from feedback_desk.services.inbox.imap import MailboxTransport
from feedback_desk.ui import i18n
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.formatting import count_text
from feedback_desk.ui.inbox.status_widget import InboxStatusWidget
from feedback_desk.ui.window_features import WindowFeature
from feedback_desk.workers.inbox_worker import InboxWorker
from feedback_desk.workers.tasks import Task

if TYPE_CHECKING:
    from feedback_desk.services.inbox.fetch import FetchSummary
    from feedback_desk.ui.inbox.replies_view import RepliesView


class InboxFeature(WindowFeature):
    # The IMAP transport of the passes (None: the real one); tests may give their own.
    transport: MailboxTransport | None = None

    def install(self) -> None:
        from feedback_desk.ui.window_features.clients import ClientsFeature

        self.action = QAction(self.window)
        self.action.triggered.connect(self.open_replies)
        clients = next(f for f in self.window.features if isinstance(f, ClientsFeature))
        clients.menu.addAction(self.action)
        self.status_widget = InboxStatusWidget()
        self.status_widget.clicked.connect(self.open_replies)
        self.status_widget.hide()
        self.window.status.add_permanent(self.status_widget)
        self.worker: InboxWorker | None = None
        self.dialog: QDialog | None = None
        self.reading = False
        # The failure last said in the status bar: the same one is not said at every pass.
        self.last_failure: str | None = None

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Replies to read…"))
        self.action.setToolTip(self.tr("Clients' emails read from the studio's mailbox"))

    def attach(self, context: WindowContext) -> None:
        worker = InboxWorker(
            context.store, context.clock, context.tasks, transport=self.transport, parent=context
        )
        worker.started.connect(self._track)
        worker.fetched.connect(self._fetched)
        worker.fetch_failed.connect(self._failed)
        worker.unhandled_changed.connect(self._show_count)
        context.settings_changed.connect(self._configure)
        self.worker = worker
        self.context = context
        self.reading = False
        self.last_failure = None
        worker.refresh_count()

    def _configure(self) -> None:
        """Read the mailbox once it is set; follow the interval as it changes."""
        worker, settings = self.worker, self.context.settings
        if worker is None:
            return
        was_reading = self.reading
        self.reading = inbox_configured(settings)
        worker.set_interval(settings.integer("inbox.interval_seconds") if self.reading else 0)
        self._show_count(self.status_widget.count)
        if self.reading and not was_reading:
            worker.fetch_now()  # what arrived while the window was closed

    def fetch_now(self) -> Task | None:
        """One pass now (Replies to read → "Check the mailbox now")."""
        return self.worker.fetch_now() if self.worker is not None else None

    def _track(self, task: Task) -> None:
        self.window.status.track(task, self.tr("Reading the mailbox…"))

    def _fetched(self, summary: FetchSummary) -> None:
        if summary.problems:
            problems = len(summary.problems)
            self._say_once(
                lambda: count_text(
                    problems,
                    self.tr(
                        "Inbox: {n} email could not be read; it stays in the mailbox and is "
                        "tried again."
                    ),
                    self.tr(
                        "Inbox: {n} emails could not be read; they stay in the mailbox and are "
                        "tried again."
                    ),
                )
            )
        else:
            self.last_failure = None  # a pass worked: the next failure is news
        if not (summary.reviews or summary.inbound):
            return
        reviews, inbound = summary.reviews, summary.inbound

        def said() -> str:
            parts = []
            if reviews:
                parts.append(
                    count_text(
                        reviews, self.tr("{n} review recorded"), self.tr("{n} reviews recorded")
                    )
                )
            if inbound:
                parts.append(
                    count_text(
                        inbound, self.tr("{n} reply to read"), self.tr("{n} replies to read")
                    )
                )
            return i18n.fill(self.tr("Inbox: %1."), ", ".join(parts))

        self.window.status.show_message(said)
        # A review of 3 stars or fewer queued an alert; a reply may have opened an action.
        self.context.emails_queued.emit()
        self.window.refresh()
        view = self._view()
        if view is not None:
            view.reload()

    def _failed(self, error: object) -> None:
        def said() -> str:
            # The error itself is kept: its words follow the interface language.
            why = describe_error(error) if isinstance(error, BaseException) else str(error)
            return self.tr("Inbox: {why}").format(why=why)

        self._say_once(said)

    def _say_once(self, said: Callable[[], str]) -> None:
        text = said()
        if text != self.last_failure:
            self.last_failure = text
            self.window.status.show_error(said)

    def _show_count(self, count: int) -> None:
        self.status_widget.set_count(count)
        self.status_widget.setVisible(self.reading or count > 0)

    def _view(self) -> RepliesView | None:
        """The Replies to read view, while it is open."""
        from feedback_desk.ui.inbox.replies_view import RepliesView

        dialog = self.dialog
        if dialog is None or not isValid(dialog):
            return None
        view = getattr(dialog, "view", None)
        return view if isinstance(view, RepliesView) and isValid(view) else None

    def open_replies(self) -> QDialog:
        from feedback_desk.ui.dialogs.hosted import HostDialog
        from feedback_desk.ui.dialogs.opener import opener_for
        from feedback_desk.ui.inbox.replies_view import RepliesView

        view = RepliesView(opener_for(self.window.context))
        view.check_requested.connect(self.fetch_now)
        view.handled_changed.connect(self._handled)
        dialog = HostDialog(lambda: self.tr("Replies to read"), view, self.window)
        dialog.resize(1100, 620)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _handled(self) -> None:
        if self.worker is not None:
            self.worker.refresh_count()

    def detach(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.worker.deleteLater()
            self.worker = None

    @property
    def busy(self) -> bool:
        return self.worker is not None and self.worker.busy
