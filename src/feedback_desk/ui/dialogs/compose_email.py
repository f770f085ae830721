"""Compose an email to a client: pre-filled from a template in the client's language, edited as
plain text, queued in the outbox on Send (the background sender takes it from there).

    dialog = ComposeEmailDialog.for_review(context, "R55", parent=window)
    dialog.queued.connect(outbox_worker.send_now)
    dialog.open()

The draft is read on a worker thread: the dialog opens at once and fills its fields when the draft
arrives (:attr:`ComposeEmailDialog.ready`). A caller whose email is not a studio review's reply or
a follow-up passes its own draft and *sender* (the service that queues the approved draft, run on
a worker thread), as the Google tab does.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
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

from feedback_desk.services.drafts import Draft
from feedback_desk.ui import i18n
from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.formatting import format_day, language_name, stars_text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from feedback_desk.services.outbox.queue import Queued
    from feedback_desk.services.settings import Settings

# (session, settings, approved draft, now, actor) → what was queued.
Sender = Callable[["Session", "Settings", Draft, datetime, str], "Queued"]
# (session, now) → the draft and what the client wrote (shown above the fields).
Preparer = Callable[["Session", datetime], tuple[Draft, str]]


class ComposeEmailDialog(QDialog):
    queued = Signal(int)  # the outbox message's id

    ready = Signal()  # the draft is in the fields

    def __init__(
        self,
        context: WindowContext,
        draft: Draft | None,
        parent: QWidget | None = None,
        *,
        context_text: str = "",
        actor: str | None = None,
        sender: Sender | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._tasks = context.tasks_for(self)
        self._draft: Draft | None = None
        self._actor = actor
        self._sender = sender
        self.setWindowTitle(self.tr("Email to the client"))
        self.resize(640, 520)

        self.to_edit = QLineEdit(self)
        self.subject_edit = QLineEdit(self)
        self.body_edit = QPlainTextEdit(self)
        self.language_label = QLabel(self)
        self.notice = QLabel(self)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        # What the client wrote, as plain text, so staff answer it without switching windows.
        self.context = QLabel(self)
        self.context.setTextFormat(Qt.TextFormat.PlainText)
        self.context.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")

        form = QFormLayout()
        form.addRow(self.tr("Review:"), self.context)
        form.addRow(self.tr("To:"), self.to_edit)
        form.addRow(self.tr("Subject:"), self.subject_edit)
        form.addRow(self.tr("Language:"), self.language_label)
        self._form = form
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
        if draft is None:
            self._waiting()
        else:
            self.set_draft(draft, context_text)

    def _waiting(self) -> None:
        for widget in (self.to_edit, self.subject_edit, self.body_edit, self.send_button):
            widget.setEnabled(False)
        self._form.setRowVisible(self.context, False)
        self.body_edit.setPlaceholderText(self.tr("Preparing the email…"))

    @property
    def is_ready(self) -> bool:
        return self._draft is not None

    def set_draft(self, draft: Draft, context_text: str = "") -> None:
        """Fill the fields (the draft has arrived from its worker)."""
        self._draft = draft
        self.to_edit.setText(draft.to)
        self.subject_edit.setText(draft.subject)
        self.body_edit.setPlainText(draft.body)
        self.body_edit.setPlaceholderText("")
        self.language_label.setText(language_name(draft.language))
        self.notice.setText(
            self.tr(
                "This email asks for referrals: the studio's name and address and an "
                "unsubscribe line are added below your text."
            )
            if draft.commercial
            else ""
        )
        self.context.setText(context_text)
        self._form.setRowVisible(self.context, bool(context_text))
        self.problem.setText(i18n.in_words(draft.problem) if draft.problem else "")
        for widget in (self.to_edit, self.subject_edit, self.body_edit):
            widget.setEnabled(True)
        self.send_button.setEnabled(not (draft.problem is not None and draft.commercial))
        self.ready.emit()

    def _prepare(self, prepare: Preparer) -> None:
        clock = self._context.clock
        self._tasks.query(
            self.tr("the email"),
            lambda session: prepare(session, clock.now()),
            lambda prepared: self.set_draft(*prepared),
            self._not_prepared,
        )

    def _not_prepared(self, error: BaseException) -> None:
        from feedback_desk.ui.context import describe_error

        self.body_edit.setPlaceholderText("")
        self.problem.setText(
            self.tr("The email could not be prepared: {why}").format(why=describe_error(error))
        )

    @classmethod
    def for_review(
        cls, context: WindowContext, review_id: str, parent: QWidget | None = None
    ) -> ComposeEmailDialog:
        """The reply to a studio review (its id as the studio knows it)."""
        dialog = cls(context, None, parent)
        dialog._prepare(lambda session, at: _reply_to_review(session, review_id, at))
        return dialog

    @classmethod
    def for_follow_up(
        cls, context: WindowContext, action_id: int, parent: QWidget | None = None
    ) -> ComposeEmailDialog:
        dialog = cls(context, None, parent)
        dialog._prepare(lambda session, at: _follow_up(session, action_id, at))
        return dialog

    def edited_draft(self) -> Draft:
        assert self._draft is not None, "Send is off until the draft has arrived"
        return self._draft.edited(
            to=self.to_edit.text(),
            subject=self.subject_edit.text(),
            body=self.body_edit.toPlainText(),
        )

    def send(self) -> None:
        """Queue the email on a worker; the dialog closes once it is in the outbox."""
        if self._draft is None:
            return
        draft = self.edited_draft()
        left = draft.instructions_left()
        if left:
            self.problem.setText(
                self.tr("Replace {instruction} with your own words before sending.").format(
                    instruction=left[0]
                )
            )
            return
        self.send_button.setEnabled(False)
        self.problem.clear()
        sender = self._sender or _send_draft
        clock, actor = self._context.clock, self._actor

        def queue(session: Session) -> int:
            from feedback_desk.services.audit import default_actor
            from feedback_desk.services.settings import load_settings

            queued = sender(
                session, load_settings(session), draft, clock.now(), actor or default_actor()
            )
            return queued.message.id

        self._tasks.write(self.tr("the email"), queue, self._sent, self._refused)

    def _sent(self, message_id: object) -> None:
        if isinstance(message_id, int):
            self.queued.emit(message_id)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        from feedback_desk.ui.context import describe_error

        self.problem.setText(describe_error(error))
        self.send_button.setEnabled(True)


def _reply_to_review(session: Session, review_id: str, at: datetime) -> tuple[Draft, str]:
    from feedback_desk.services.replies import draft_reply, find_review
    from feedback_desk.services.settings import load_settings

    draft = draft_reply(session, load_settings(session), review_id, at=at)
    review = find_review(session, review_id)
    context = f"{stars_text(review.stars)}, {format_day(review.local_day)}"
    if review.comment:
        context += f": “{review.comment}”"
    return draft, context


def _follow_up(session: Session, action_id: int, at: datetime) -> tuple[Draft, str]:
    from feedback_desk.services.loop import draft_follow_up
    from feedback_desk.services.settings import load_settings

    return draft_follow_up(session, load_settings(session), action_id, at=at), ""


def _send_draft(
    session: Session, settings: Settings, draft: Draft, at: datetime, actor: str
) -> Queued:
    from feedback_desk.services.drafts import send_draft

    return send_draft(session, settings, draft, at=at, actor=actor)
