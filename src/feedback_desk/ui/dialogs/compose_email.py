"""Compose an email to a client: pre-filled from a template in the client's language, edited as
plain text, queued in the outbox on Send (the background sender takes it from there).

    dialog = ComposeEmailDialog.for_review(store, clock, "R55", parent=window)
    dialog.queued.connect(outbox_worker.send_now)
    dialog.open()

A caller whose email is not a studio review's reply or a follow-up passes its own *sender* (the
service that queues the approved draft, run on a worker thread), as the Google tab does.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.clock import Clock
from feedback_desk.services.drafts import Draft
from feedback_desk.store.database import Store
from feedback_desk.workers.tasks import TaskRunner

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from feedback_desk.services.outbox.queue import Queued
    from feedback_desk.services.settings import Settings

# (session, settings, approved draft, now, actor) → what was queued.
Sender = Callable[["Session", "Settings", Draft, datetime, str], "Queued"]


class ComposeEmailDialog(QDialog):
    queued = Signal(int)  # the outbox message's id

    def __init__(
        self,
        store: Store,
        clock: Clock,
        draft: Draft,
        parent: QWidget | None = None,
        *,
        context: str = "",
        actor: str | None = None,
        sender: Sender | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self._draft = draft
        self._actor = actor
        self._sender = sender
        self._runner = TaskRunner(self)
        self.setWindowTitle(self.tr("Email to the client"))
        self.resize(640, 520)

        self.to_edit = QLineEdit(draft.to, self)
        self.subject_edit = QLineEdit(draft.subject, self)
        self.body_edit = QPlainTextEdit(self)
        self.body_edit.setPlainText(draft.body)
        self.language_label = QLabel(
            self.tr("French") if draft.language == "fr" else self.tr("English"), self
        )
        self.notice = QLabel(self)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        if draft.commercial:
            self.notice.setText(
                self.tr(
                    "This email asks for referrals: the studio's name and address and an "
                    "unsubscribe line are added below your text."
                )
            )
        # What the client wrote, as plain text, so staff answer it without switching windows.
        self.context = QLabel(context, self)
        self.context.setTextFormat(Qt.TextFormat.PlainText)
        self.context.setWordWrap(True)
        self.context.setVisible(bool(context))
        self.problem = QLabel(self)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        if draft.problem:
            self.problem.setText(draft.problem)

        form = QFormLayout()
        if context:
            form.addRow(self.tr("Review:"), self.context)
        form.addRow(self.tr("To:"), self.to_edit)
        form.addRow(self.tr("Subject:"), self.subject_edit)
        form.addRow(self.tr("Language:"), self.language_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel, Qt.Orientation.Horizontal, self
        )
        self.send_button = self.buttons.addButton(
            self.tr("Send"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.body_edit, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.send_button.setEnabled(not (draft.problem and draft.commercial))

    @classmethod
    def for_review(
        cls, store: Store, clock: Clock, review_id: str, parent: QWidget | None = None
    ) -> ComposeEmailDialog:
        """The reply to a studio review (its id as the studio knows it)."""
        from feedback_desk.services.replies import draft_reply, find_review
        from feedback_desk.services.settings import load_settings

        with store.read() as session:
            draft = draft_reply(session, load_settings(session), review_id, at=clock.now())
            review = find_review(session, review_id)
            context = f"{review.stars}/5, {review.local_day.isoformat()}"
            if review.comment:
                context += f": “{review.comment}”"
        return cls(store, clock, draft, parent, context=context)

    @classmethod
    def for_follow_up(
        cls, store: Store, clock: Clock, action_id: int, parent: QWidget | None = None
    ) -> ComposeEmailDialog:
        from feedback_desk.services.loop import draft_follow_up
        from feedback_desk.services.settings import load_settings

        with store.read() as session:
            draft = draft_follow_up(session, load_settings(session), action_id, at=clock.now())
        return cls(store, clock, draft, parent)

    def edited_draft(self) -> Draft:
        return self._draft.edited(
            to=self.to_edit.text(),
            subject=self.subject_edit.text(),
            body=self.body_edit.toPlainText(),
        )

    def send(self) -> None:
        """Queue the email on a worker; the dialog closes once it is in the outbox."""
        draft = self.edited_draft()
        self.send_button.setEnabled(False)
        self.problem.clear()
        sender = self._sender or _send_draft

        def work(_progress: object) -> int:
            from feedback_desk.services.audit import default_actor
            from feedback_desk.services.settings import load_settings

            with self._store.write() as session:
                queued = sender(
                    session,
                    load_settings(session),
                    draft,
                    self._clock.now(),
                    self._actor or default_actor(),
                )
                return queued.message.id

        self._runner.run(work, name="queue-email", on_done=self._sent, on_error=self._refused)

    def done(self, result: int) -> None:
        # Wait for a queueing still finishing: its thread must not outlive the dialog.
        self._runner.shutdown()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._runner.shutdown()
        super().closeEvent(event)

    def _sent(self, message_id: object) -> None:
        if isinstance(message_id, int):
            self.queued.emit(message_id)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.problem.setText(str(error))
        self.send_button.setEnabled(True)


def _send_draft(
    session: Session, settings: Settings, draft: Draft, at: datetime, actor: str
) -> Queued:
    from feedback_desk.services.drafts import send_draft

    return send_draft(session, settings, draft, at=at, actor=actor)
