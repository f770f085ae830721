"""The outbox while the window is open: it sends in the background every
``outbox.interval_seconds`` once a mail server and a sender are set (and right away when staff
queue an email), the status bar shows what waits and what failed (and, until email is set up,
says so with a way to Settings → Email), and Tools → Outbox… (or a click on those counts) lets
staff retry, cancel or resolve a message. The worker starts once the window's first screen is
drawn (email's modules load after it); a copy of the studio's store never sends."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from feedback_desk.ui import i18n
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.formatting import count_text
from feedback_desk.ui.outbox.status_widget import OutboxStatusWidget
from feedback_desk.ui.window_features import WindowFeature

if TYPE_CHECKING:
    from feedback_desk.workers.outbox_worker import OutboxWorker


class OutboxFeature(WindowFeature):
    def install(self) -> None:
        self.action = QAction(self.window)
        self.action.triggered.connect(self.open_outbox)
        self.window.add_tool_action(self.action)
        self.status_widget = OutboxStatusWidget()
        self.status_widget.clicked.connect(self.open_outbox)
        self.status_widget.setup_requested.connect(self.open_email_settings)
        self.window.status.add_permanent(self.status_widget)
        self.worker: OutboxWorker | None = None
        self.dialog: QDialog | None = None
        self.sending = False
        self.context: WindowContext | None = None
        self.window.first_screen_shown.connect(self._start)

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Outbox…"))
        self.action.setToolTip(self.tr("Emails waiting, sent and failed"))

    def attach(self, context: WindowContext) -> None:
        self.context = context
        if self.window.first_screen_done:
            self._start()

    def _start(self) -> None:
        from feedback_desk.workers.outbox_worker import OutboxWorker

        context = self.context
        if context is None or self.worker is not None or context.closed:
            return
        worker = OutboxWorker(context.store, context.clock, context.tasks, parent=context)
        worker.counts_changed.connect(self.status_widget.set_counts)
        worker.run_failed.connect(self._run_failed)
        worker.run_finished.connect(self._run_finished)
        context.settings_changed.connect(self._configure)
        context.live_changed.connect(self._configure)
        context.emails_queued.connect(self.nudge)
        self.worker = worker
        self.sending = False
        worker.refresh_counts()
        if context.settings_loaded:
            self._configure()

    def _configure(self) -> None:
        """Send only once a server and a sender are set, and from the studio's live store (a
        copy never sends); follow the interval as it changes."""
        from feedback_desk.services.email.config import smtp_configured

        worker, context = self.worker, self.context
        if worker is None or context is None:
            return
        was_sending = self.sending
        configured = smtp_configured(context.settings)
        self.status_widget.set_configured(configured)
        # A copy of the studio's store never sends (docs/rules.md#live-store).
        self.sending = configured and context.live is True
        worker.set_interval(
            context.settings.integer("outbox.interval_seconds") if self.sending else 0
        )
        if self.sending and not was_sending:
            worker.send_now()  # what waited while the window was closed

    def nudge(self) -> None:
        """Staff just queued email: send it now (or at least show it waiting)."""
        if self.worker is None:
            return
        if self.sending:
            self.worker.send_now()
        else:
            self.worker.refresh_counts()

    def _run_failed(self, error: BaseException) -> None:
        self.window.status.show_error(
            lambda: self.tr("Outbox: {why}").format(why=describe_error(error))
        )

    def _run_finished(self, run: object) -> None:
        send = getattr(run, "send", None)
        unreachable = getattr(send, "unreachable", None)
        if unreachable:
            self.window.status.show_error(
                lambda: self.tr("Outbox: {why}; the emails stay queued.").format(
                    why=i18n.in_words(unreachable)
                )
            )
        elif getattr(send, "sent", 0):
            sent = int(send.sent)  # type: ignore[union-attr]
            self.window.status.show_message(
                lambda: count_text(
                    sent, self.tr("Outbox: {n} email sent."), self.tr("Outbox: {n} emails sent.")
                )
            )

    def open_outbox(self) -> QDialog:
        from feedback_desk.ui.dialogs.hosted import HostDialog
        from feedback_desk.ui.outbox.outbox_view import OutboxView

        context = self.window.context
        view = OutboxView(context)
        view.changed.connect(self.nudge)
        view.setup_requested.connect(self.open_email_settings)
        dialog = HostDialog(lambda: self.tr("Outbox"), view, self.window)
        dialog.resize(1040, 600)  # every column readable, the subject with room
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_email_settings(self) -> None:
        self.window.open_settings("email")

    def detach(self) -> None:
        self.context = None
        if self.worker is not None:
            self.worker.stop()
            self.worker.deleteLater()
            self.worker = None

    @property
    def busy(self) -> bool:
        return self.worker is not None and self.worker.busy
