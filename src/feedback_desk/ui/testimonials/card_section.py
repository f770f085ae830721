"""The client card's Testimonial tab: the client's invitations and answers (the testimonial,
its consent history, any refusal and its reason), inviting them, and withdrawing their consent
when they ask staff to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from feedback_desk.domain.testimonials import TestimonialStatus
from feedback_desk.services.testimonials.listing import ConsentEntry, TestimonialRow
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.formatting import count_text
from feedback_desk.ui.i18n import current_language
from feedback_desk.ui.retranslating import KeptText, Retranslating
from feedback_desk.ui.testimonials.staff_actions import (
    ask,
    open_invite_dialog,
    withdraw_on_request,
    withdraw_question,
    withdrawn_message,
)
from feedback_desk.ui.testimonials.words import describe, status_name

if TYPE_CHECKING:
    from feedback_desk.ui.loop.nonrespondents import Confirm


@dataclass(frozen=True)
class ClientTestimonials:
    tz: ZoneInfo
    rows: list[TestimonialRow]
    histories: dict[int, list[ConsentEntry]]

    @property
    def withdrawable(self) -> TestimonialRow | None:
        return next((r for r in self.rows if r.status is TestimonialStatus.ACCEPTED), None)


def read_client_testimonials(session: Session, client_id: int, at: datetime) -> ClientTestimonials:
    from feedback_desk.services.settings import load_settings
    from feedback_desk.services.testimonials.listing import consent_history, list_testimonials

    settings = load_settings(session)
    rows = list_testimonials(session, settings, at, client_id=client_id)
    return ClientTestimonials(
        settings.timezone, rows, {row.id: consent_history(session, row.id) for row in rows}
    )


class TestimonialSection(Retranslating, QWidget):
    __test__ = False  # not a test class, whatever pytest thinks of the name

    changed = Signal()

    def __init__(
        self,
        context: WindowContext,
        client_id: int,
        parent: QWidget | None = None,
        *,
        confirm: Confirm | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._client_id = client_id
        self.confirm = confirm or ask
        self._tasks = context.tasks_for(self)
        self.data: ClientTestimonials | None = None
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.invite_button = QPushButton(self)
        self.invite_button.clicked.connect(self.invite)
        self.withdraw_button = QPushButton(self)
        self.withdraw_button.setEnabled(False)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.said = KeptText(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.invite_dialog: QWidget | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.invite_button.setText(self.tr("Invite to recommend…"))
        self.withdraw_button.setText(self.tr("Withdraw consent (the client asked)…"))
        self.said.again()
        if self.data is not None:
            self._say(self.data)

    def reload(self) -> None:
        client_id, clock = self._client_id, self._context.clock
        self._tasks.query(
            self.tr("the client's testimonials"),
            lambda session: read_client_testimonials(session, client_id, clock.now()),
            self._show,
        )

    def _show(self, data: ClientTestimonials) -> None:
        self.data = data
        self._say(data)
        self.withdraw_button.setEnabled(data.withdrawable is not None)

    def _say(self, data: ClientTestimonials) -> None:
        language = current_language()
        if not data.rows:
            self.summary.setText(self.tr("Never invited to recommend the studio."))
        else:
            latest = data.rows[0]
            self.summary.setText(
                count_text(
                    len(data.rows),
                    self.tr("{n} invitation; the latest: {status}."),
                    self.tr("{n} invitations; the latest: {status}."),
                    status=status_name(latest.status),
                )
            )
        self.details.setPlainText(
            "\n\n――――――\n\n".join(
                describe(row, data.histories.get(row.id, []), data.tz, language)
                for row in data.rows
            )
        )

    def invite(self) -> QWidget:
        self.invite_dialog = open_invite_dialog(
            self._context, self.window(), self._invited, [self._client_id]
        )
        return self.invite_dialog

    def _invited(self, count: int) -> None:
        if count:
            self._context.emails_queued.emit()
            self.reload()
            self.changed.emit()

    def withdraw(self) -> None:
        row = self.data.withdrawable if self.data is not None else None
        if row is None or not self.confirm(self, withdraw_question(row.name)):
            return
        self.withdraw_button.setEnabled(False)
        withdraw_on_request(
            self._context,
            self._tasks,
            row.id,
            on_done=lambda _changed: self._withdrawn(),
            on_error=lambda error: self.said.say(lambda: describe_error(error)),
        )

    def _withdrawn(self) -> None:
        self.said.say(withdrawn_message)
        self.reload()
        self.changed.emit()
