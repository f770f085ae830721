"""One client's email read from the inbox, as plain text, with what staff do about it: answer it
(a pre-filled email in the client's language; sending it marks the email handled), mark it
handled, open the client or the review it is about, and close the action it belongs to (the one
a reply to the outreach opened, or the review's action it was logged on as a contact).

Every read and write runs on the window's workers; :attr:`InboundPanel.changed` says that the
email, its action or the outbox changed (lists reload).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.domain.kinds import ActionOutcome, InboundAbout
from feedback_desk.services.audit import default_actor
from feedback_desk.services.inbox.listing import InboundEntry
from feedback_desk.ui.context import describe_error
from feedback_desk.ui.dialogs.close_action import CloseActionDialog
from feedback_desk.ui.dialogs.review_details import plain_label
from feedback_desk.ui.formatting import format_instant
from feedback_desk.ui.retranslating import KeptText, Retranslating, form_row

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from feedback_desk.services.drafts import Draft
    from feedback_desk.services.outbox.queue import Queued
    from feedback_desk.services.settings import Settings
    from feedback_desk.ui.dialogs.compose_email import ComposeEmailDialog
    from feedback_desk.ui.dialogs.opener import DialogOpener


def about_name(about: InboundAbout) -> str:
    """What the client answered, in words."""
    return {
        InboundAbout.REVIEW_REQUEST: QCoreApplication.translate("Inbox", "a review request"),
        InboundAbout.FOLLOW_UP: QCoreApplication.translate("Inbox", "a follow-up"),
        InboundAbout.REPLY: QCoreApplication.translate("Inbox", "a reply to their review"),
        InboundAbout.OUTREACH: QCoreApplication.translate("Inbox", "the non-respondent outreach"),
        InboundAbout.THANKS: QCoreApplication.translate("Inbox", "a thank-you"),
        InboundAbout.INVITATION: QCoreApplication.translate("Inbox", "a Google invitation"),
        InboundAbout.TESTIMONIAL: QCoreApplication.translate("Inbox", "a testimonial request"),
        InboundAbout.OTHER: QCoreApplication.translate("Inbox", "another email of the studio"),
    }[about]


def action_text(entry: InboundEntry) -> str:
    linked = entry.action
    if linked is None:
        return "—"
    state = (
        QCoreApplication.translate("Inbox", "open")
        if linked.is_open
        else QCoreApplication.translate("Inbox", "closed")
    )
    if linked.opened_by_reply:
        return QCoreApplication.translate(
            "Inbox", "This email opened an action to take ({state})."
        ).format(state=state)
    return QCoreApplication.translate(
        "Inbox", "Logged as a contact of the action of review {review} ({state})."
    ).format(review=linked.review or "—", state=state)


class InboundPanel(Retranslating, QWidget):
    changed = Signal()  # the email was handled or answered, or its action closed
    reply_opened = Signal(object)  # the ComposeEmailDialog (tests fill and send it)

    def __init__(self, opener: DialogOpener, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.opener = opener
        self.context = opener.context
        self.tasks = self.context.tasks_for(self)
        self.entry: InboundEntry | None = None
        self.compose: ComposeEmailDialog | None = None
        self.close_dialog: CloseActionDialog | None = None
        self._tz = ZoneInfo("UTC")

        self.from_label = plain_label()
        self.received = plain_label()
        self.client = plain_label()
        self.about = plain_label()
        self.action = plain_label()
        self.handled = plain_label()
        self.subject = plain_label()
        self.subject.setStyleSheet("font-weight: bold;")
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.message = plain_label()
        self.said = KeptText(self.message)
        form = QFormLayout()
        self.fields = (
            self.from_label,
            self.received,
            self.client,
            self.about,
            self.action,
            self.handled,
        )
        self.form_labels = [form_row(form, field) for field in self.fields]

        self.reply_button = QPushButton()
        self.reply_button.clicked.connect(self.reply)
        self.handled_button = QPushButton()
        self.handled_button.clicked.connect(self.mark_handled)
        self.client_button = QPushButton()
        self.client_button.clicked.connect(self._open_client)
        self.review_button = QPushButton()
        self.review_button.clicked.connect(self._open_review)
        self.close_action_button = QPushButton()
        self.close_action_button.clicked.connect(self.close_action)
        buttons = QHBoxLayout()
        for button in (
            self.reply_button,
            self.handled_button,
            self.client_button,
            self.review_button,
            self.close_action_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.subject)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.retranslate()
        self.show_entry(None, self._tz)

    def retranslate(self) -> None:
        """Every text again in the language shown, the email's from the email shown."""
        labels = [
            self.tr("From:"),
            self.tr("Received:"),
            self.tr("Client:"),
            self.tr("Answers:"),
            self.tr("Action:"),
            self.tr("Handled:"),
        ]
        for label, text in zip(self.form_labels, labels, strict=True):
            label.setText(text)
        self.reply_button.setText(self.tr("Reply…"))
        self.handled_button.setText(self.tr("Mark handled"))
        self.client_button.setText(self.tr("Open client"))
        self.review_button.setText(self.tr("Open review"))
        self.close_action_button.setText(self.tr("Close the action…"))
        self._say_entry()
        self.said.again()

    # Showing --------------------------------------------------------------------------------
    def show_entry(self, entry: InboundEntry | None, tz: ZoneInfo) -> None:
        if entry is None or self.entry is None or entry.id != self.entry.id:
            self.said.clear()  # what was said about the email shown before
        self.entry = entry
        self._tz = tz
        self._say_entry()
        self._update_buttons()

    def _say_entry(self) -> None:
        entry, tz = self.entry, self._tz
        if entry is None:
            for label in (*self.fields, self.subject):
                label.setText("")
            self.text.setPlainText("")
        else:
            self.from_label.setText(entry.from_address)
            self.received.setText(format_instant(entry.received_at, tz))
            self.client.setText(
                f"{entry.client_name} ({entry.client})" if entry.client else self.tr("(unknown)")
            )
            self.about.setText(about_name(entry.about))
            self.action.setText(action_text(entry))
            self.handled.setText(
                self.tr("by {who} on {when}").format(
                    who=entry.handled_by or "—", when=format_instant(entry.handled_at, tz)
                )
                if entry.handled_at is not None
                else self.tr("not yet")
            )
            self.subject.setText(entry.subject)
            self.text.setPlainText(entry.text)

    def _update_buttons(self) -> None:
        entry = self.entry
        linked = entry.action if entry is not None else None
        self.reply_button.setEnabled(entry is not None and entry.client_id is not None)
        self.handled_button.setEnabled(entry is not None and not entry.handled)
        self.client_button.setEnabled(entry is not None and entry.client_id is not None)
        self.review_button.setEnabled(self._review_id() is not None)
        self.close_action_button.setEnabled(linked is not None and linked.is_open)

    def _review_id(self) -> int | None:
        entry = self.entry
        if entry is None:
            return None
        if entry.review_id is not None:
            return entry.review_id
        return entry.action.review_id if entry.action is not None else None

    def _say(self, text: Callable[[], str], *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #B00020;" if error else "")
        self.said.say(text)

    def _failed(self, error: BaseException) -> None:
        self._say(lambda: describe_error(error), error=True)
        self._update_buttons()

    # Opening --------------------------------------------------------------------------------
    def _open_client(self) -> None:
        if self.entry is not None and self.entry.client_id is not None:
            self.opener.open_client(self.entry.client_id)

    def _open_review(self) -> None:
        review_id = self._review_id()
        if review_id is not None:
            self.opener.open_review(review_id)

    # Acting ---------------------------------------------------------------------------------
    def mark_handled(self) -> None:
        entry = self.entry
        if entry is None or entry.handled:
            return
        at, actor = self.context.clock.now(), default_actor()

        def write(session: Session) -> None:
            from feedback_desk.services.inbox.listing import mark_handled

            mark_handled(session, entry.id, at=at, actor=actor)

        self.handled_button.setEnabled(False)
        self.tasks.write(self.tr("the reply"), write, lambda _none: self._done(), self._failed)

    def _done(self, text: Callable[[], str] = str) -> None:
        self._say(text)
        self.changed.emit()

    def reply(self) -> None:
        """The answer, drafted on a worker, opens in the email editor once ready."""
        entry = self.entry
        if entry is None:
            return
        at = self.context.clock.now()
        inbound_id = entry.id

        def read(session: Session) -> Draft:
            from feedback_desk.services.inbox.replying import draft_inbound_reply
            from feedback_desk.services.settings import load_settings

            return draft_inbound_reply(session, load_settings(session), inbound_id, at=at)

        self.reply_button.setEnabled(False)
        self._say(lambda: self.tr("Preparing the email…"))
        self.tasks.query(
            self.tr("the email"),
            read,
            lambda draft: self._compose(inbound_id, draft),
            self._failed,
        )

    def _compose(self, inbound_id: int, draft: Draft) -> None:
        from feedback_desk.ui.dialogs.compose_email import ComposeEmailDialog

        def send(
            session: Session, settings: Settings, approved: Draft, at: datetime, actor: str
        ) -> Queued:
            from feedback_desk.services.inbox.replying import send_inbound_reply

            return send_inbound_reply(session, settings, approved, inbound_id, at=at, actor=actor)

        self._say(str)
        self._update_buttons()
        dialog = ComposeEmailDialog(self.context, draft, self.window(), sender=send)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.queued.connect(self._reply_queued)
        self.compose = dialog
        self.reply_opened.emit(dialog)
        dialog.open()

    def _reply_queued(self, _message_id: int) -> None:
        self.context.emails_queued.emit()
        self.opener.actions_changed.emit()  # the answer may be a contact of an action
        self._done(lambda: self.tr("Reply queued in the outbox."))

    def close_action(self) -> None:
        entry = self.entry
        linked = entry.action if entry is not None else None
        if linked is None or not linked.is_open:
            return
        dialog = CloseActionDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self._close_action(linked.action_id, dialog.chosen_outcome, dialog.note_text)
        )
        self.close_dialog = dialog
        dialog.open()

    def _close_action(self, action_id: int, outcome: ActionOutcome, note: str | None) -> None:
        at, actor = self.context.clock.now(), default_actor()

        def write(session: Session) -> list[int]:
            from feedback_desk.services.action_worklist import close_actions

            return close_actions(session, [action_id], outcome, note, at=at, actor=actor)

        self.close_action_button.setEnabled(False)
        self.tasks.write(self.tr("closing the action"), write, self._action_closed, self._failed)

    def _action_closed(self, _closed: list[int]) -> None:
        self.opener.actions_changed.emit()
        self._done(lambda: self.tr("Action closed."))
