"""Thank the promoters of a period in bulk (and ask them for referrals): who they are, who may
get the email, what it says (filled for the first client checked), then one click queues it (once
per client and period); the button says how many. The list is read and the emails queued on the
window's workers; a list read for a period changed since is dropped."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from feedback_desk.services.loop import BulkReport, Recipient
from feedback_desk.services.templates.catalogue import TemplateName
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.formatting import count_text, format_count
from feedback_desk.ui.loop.bulk_preview import (
    BulkPreview,
    clients_question,
    queue_button_text,
    report_text,
)
from feedback_desk.ui.loop.bulk_table import RecipientsModel
from feedback_desk.ui.loop.nonrespondents import Confirm, ask


class ThankPromotersDialog(QDialog):
    queued = Signal(int)

    def __init__(
        self,
        context: WindowContext,
        parent: QWidget | None = None,
        *,
        confirm: Confirm = ask,
        actor: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = context.clock
        self._confirm = confirm
        self._actor = actor
        self._tasks = context.tasks_for(self)
        self._generation = 0  # of list reads: one for a period changed since is dropped
        self.setWindowTitle(self.tr("Thank the promoters"))
        self.resize(720, 640)

        today = context.today()
        first_of_month = today.replace(day=1)
        last_month_start = (first_of_month - timedelta(days=1)).replace(day=1)
        self.from_edit = QDateEdit(QDate(last_month_start), self)
        self.to_edit = QDateEdit(QDate(first_of_month - timedelta(days=1)), self)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self.reload)
        self.model = RecipientsModel(
            (
                QT_TRANSLATE_NOOP("RecipientsModel", "Client"),
                QT_TRANSLATE_NOOP("RecipientsModel", "Name"),
                QT_TRANSLATE_NOOP("RecipientsModel", "Email"),
                QT_TRANSLATE_NOOP("RecipientsModel", "Email status"),
            ),
            self,
        )
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
        self.preview = BulkPreview(context, TemplateName.THANKS, self)
        self.send_button = self.buttons.addButton(
            queue_button_text(0), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.send_button.setToolTip(self.tr("Queue the thank-you email for the checked clients"))
        self.send_button.clicked.connect(self.send)
        self.preview.follow(self.model, self.send_button)
        self.buttons.rejected.connect(self.reject)

        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("Reviews of 5 stars from"), self))
        period.addWidget(self.from_edit)
        period.addWidget(QLabel(self.tr("to"), self))
        period.addWidget(self.to_edit)
        period.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(period)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.preview)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.reload()

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
        clock = self._clock
        self._generation += 1
        generation = self._generation

        def read(session: Session) -> list[Recipient]:
            return promoters(session, load_settings(session), first, last, at=clock.now())

        self.send_button.setEnabled(False)
        self._tasks.query(
            self.tr("the promoters"),
            read,
            lambda rows: self._loaded(generation, rows),
            lambda error: self._read_failed(generation, error),
        )

    def _loaded(self, generation: int, rows: list[Recipient]) -> None:
        if generation != self._generation:
            return
        self.model.set_rows(rows)
        can = len(self.model.checked())
        self.summary.setText(
            count_text(
                len(rows),
                self.tr("{n} promoter in the period; {agreed} agreed to receive email."),
                self.tr("{n} promoters in the period; {agreed} agreed to receive email."),
                agreed=format_count(can),
            )
        )

    def _read_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.status.setText(describe_error(error))

    def _sent_failed(self, error: BaseException) -> None:
        self.status.setText(describe_error(error))
        self.preview.checks_changed()

    def send(self) -> None:
        from feedback_desk.services.audit import default_actor
        from feedback_desk.services.loop import thank
        from feedback_desk.services.settings import load_settings

        chosen = self.model.checked()
        first, last = self.period()
        if not chosen or not self._confirm(
            self, clients_question(TemplateName.THANKS, len(chosen))
        ):
            return

        at, actor = self._clock.now(), self._actor or default_actor()

        def queue(session: Session) -> BulkReport:
            return thank(session, load_settings(session), chosen, first, last, at=at, actor=actor)

        self.send_button.setEnabled(False)
        self._tasks.write(self.tr("the thank-you emails"), queue, self._sent, self._sent_failed)

    def _sent(self, report: BulkReport) -> None:
        self.status.setText(report_text(report))
        self.preview.checks_changed()
        self.queued.emit(report.queued)
