"""Thank the promoters of a period in bulk (and ask them for referrals): who they are, who may
get the email, then one click queues it (once per client and period)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.clock import Clock
from feedback_desk.services.loop import BulkReport, Recipient
from feedback_desk.store.database import Store
from feedback_desk.ui.loop.bulk_table import RecipientsModel
from feedback_desk.ui.loop.nonrespondents import Confirm, ask, report_text
from feedback_desk.workers.tasks import TaskRunner


class ThankPromotersDialog(QDialog):
    queued = Signal(int)

    def __init__(
        self,
        store: Store,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        confirm: Confirm = ask,
        actor: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self._confirm = confirm
        self._actor = actor
        self._runner = TaskRunner(self)
        self.setWindowTitle(self.tr("Thank the promoters"))
        self.resize(640, 480)

        today = self._today()
        first_of_month = today.replace(day=1)
        last_month_start = (first_of_month - timedelta(days=1)).replace(day=1)
        self.from_edit = QDateEdit(QDate(last_month_start), self)
        self.to_edit = QDateEdit(QDate(first_of_month - timedelta(days=1)), self)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self.reload)
        self.model = RecipientsModel(("Client", "Name", "Email", "Email status"), self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.send_button = self.buttons.addButton(
            self.tr("Send the thank-you email"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.send_button.clicked.connect(self.send)
        self.buttons.rejected.connect(self.reject)

        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("Reviews of 5 stars from"), self))
        period.addWidget(self.from_edit)
        period.addWidget(QLabel(self.tr("to"), self))
        period.addWidget(self.to_edit)
        period.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.reload()

    def _today(self) -> date:
        from feedback_desk.domain.localtime import local_day
        from feedback_desk.services.settings import load_settings

        with self._store.read() as session:
            tz = load_settings(session).timezone
        return local_day(self._clock.now(), tz)

    def period(self) -> tuple[date, date]:
        first = self.from_edit.date().toPython()
        last = self.to_edit.date().toPython()
        assert isinstance(first, date)
        assert isinstance(last, date)
        return first, last

    def reload(self) -> None:
        from feedback_desk.services.loop import promoters
        from feedback_desk.services.settings import load_settings

        first, last = self.period()

        def work(_progress: object) -> list[Recipient]:
            with self._store.read() as session:
                return promoters(session, load_settings(session), first, last, at=self._clock.now())

        self._runner.run(work, name="promoters", on_done=self._loaded, on_error=self._failed)

    def _loaded(self, rows: object) -> None:
        assert isinstance(rows, list)
        self.model.set_rows(rows)
        can = len(self.model.checked())
        self.summary.setText(
            self.tr("%1 promoter(s) in the period; %2 agreed to receive email.")
            .replace("%1", str(len(rows)))
            .replace("%2", str(can))
        )
        self.send_button.setEnabled(can > 0)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(str(error))

    def send(self) -> None:
        from feedback_desk.services.loop import thank
        from feedback_desk.services.settings import load_settings

        chosen = self.model.checked()
        first, last = self.period()
        if not chosen or not self._confirm(
            self, self.tr("Queue the thank-you email for %n client(s)?", "", len(chosen))
        ):
            return

        def work(_progress: object) -> BulkReport:
            from feedback_desk.services.audit import default_actor

            with self._store.write() as session:
                return thank(
                    session,
                    load_settings(session),
                    chosen,
                    first,
                    last,
                    at=self._clock.now(),
                    actor=self._actor or default_actor(),
                )

        self.send_button.setEnabled(False)
        self._runner.run(work, name="thanks", on_done=self._sent, on_error=self._failed)

    def _sent(self, report: object) -> None:
        assert isinstance(report, BulkReport)
        self.status.setText(report_text(self, report))
        self.send_button.setEnabled(True)
        self.queued.emit(report.queued)

    def done(self, result: int) -> None:
        self._runner.shutdown()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._runner.shutdown()
        super().closeEvent(event)
