"""The review details dialog: client, session, stars, aspects, comment (plain text), channel,
history of manual edits, the action to take; "Edit stars…" and "Close the action…".

Client text (names, comments, notes) only ever reaches plain-text widgets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.domain.kinds import Polarity
from feedback_desk.services.review_details import ReviewDetails, review_details
from feedback_desk.services.settings import load_settings
from feedback_desk.ui.dialogs.close_action import CloseActionDialog
from feedback_desk.ui.dialogs.edit_stars import EditStarsDialog
from feedback_desk.ui.formatting import (
    channel_name,
    edited_badge,
    format_instant,
    kind_name,
    outcome_name,
    stars_text,
)
from feedback_desk.ui.models.rows_model import Row, RowsModel
from feedback_desk.ui.retranslating import Retranslating, form_row, retranslate_model

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from sqlalchemy.orm import Session

    from feedback_desk.ui.dialogs.opener import DialogOpener

BADGE_STYLE = (
    "background: #E69F00; color: black; border-radius: 3px; padding: 1px 6px; font-weight: bold;"
)


def plain_label(text: str = "") -> QLabel:
    """A label that never interprets its text as rich text (client text goes here)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class ReviewDetailsDialog(Retranslating, QDialog):
    loaded = Signal()  # the review's details are shown (after opening and after each change)

    def __init__(self, opener: DialogOpener, review_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.opener = opener
        self.tasks = opener.context.tasks_for(self)
        self.review_id = review_id
        self.details: ReviewDetails | None = None
        self._shown: tuple[ZoneInfo, ReviewDetails | None] | None = None
        self.setMinimumWidth(560)

        self.stars = QLabel()
        self.stars.setStyleSheet("font-size: 20px; color: #E69F00;")
        self.badge = QLabel()
        self.badge.setStyleSheet(BADGE_STYLE)
        header = QHBoxLayout()
        header.addWidget(self.stars)
        header.addWidget(self.badge)
        header.addStretch(1)

        self.client = QPushButton()
        self.client.setFlat(True)
        self.client.setCursor(Qt.CursorShape.PointingHandCursor)
        self.client.setStyleSheet("text-align: left; color: #0072B2; text-decoration: underline;")
        self.client.clicked.connect(self._open_client)
        self.kind = plain_label()
        self.session = plain_label()
        self.date = plain_label()
        self.channel = plain_label()
        self.excel = plain_label()
        self.to_improve = plain_label()
        self.action = plain_label()
        self.comment = QPlainTextEdit()
        self.comment.setReadOnly(True)
        self.comment.setMaximumHeight(110)

        form = QFormLayout()
        self.form_labels = [
            form_row(form, field)
            for field in (
                self.client,
                self.kind,
                self.session,
                self.date,
                self.channel,
                self.excel,
                self.to_improve,
                self.comment,
                self.action,
            )
        ]

        self.history_title = QLabel()
        self.history_title.setStyleSheet("font-weight: bold;")
        self.history = RowsModel(
            lambda: [self.tr("When"), self.tr("Who"), self.tr("Stars"), self.tr("Note")], self
        )
        self.history_view = QTableView()
        self.history_view.setModel(self.history)
        self.history_view.horizontalHeader().setStretchLastSection(True)
        self.history_view.verticalHeader().hide()
        self.history_view.setMaximumHeight(120)

        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self._edit)
        self.close_action_button = QPushButton()
        self.close_action_button.clicked.connect(self._close_action)
        self.contacts_button = QPushButton()
        self.contacts_button.clicked.connect(self._contacts)
        self.reply_button = QPushButton()
        self.reply_button.clicked.connect(self._reply)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.reply_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.edit_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.contacts_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_action_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(form)
        layout.addWidget(self.history_title)
        layout.addWidget(self.history_view)
        layout.addWidget(buttons)
        opener.review_changed.connect(self._on_review_changed)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        """Every text again in the language shown, the review's from the review shown."""
        labels = [
            self.tr("Client:"),
            self.tr("Kind:"),
            self.tr("Session:"),
            self.tr("Date:"),
            self.tr("Channel:"),
            self.tr("Where you excel:"),
            self.tr("To improve:"),
            self.tr("Comment:"),
            self.tr("Action to take:"),
        ]
        for label, text in zip(self.form_labels, labels, strict=True):
            label.setText(text)
        self.history_title.setText(self.tr("History of manual edits"))
        retranslate_model(self.history)
        self.edit_button.setText(self.tr("Edit stars…"))
        self.close_action_button.setText(self.tr("Close the action…"))
        self.contacts_button.setToolTip(
            self.tr("Contacts with the client about this review, and a follow-up email")
        )
        self.reply_button.setText(self.tr("Reply by email…"))
        self.reply_button.setToolTip(
            self.tr("The reply for this review's segment, in the client's language")
        )
        if self._shown is None:
            self.setWindowTitle(self.tr("Review"))
            self.contacts_button.setText(self.tr("Contacts…"))
        else:
            self._fill(*self._shown)

    def _on_review_changed(self, review_id: int) -> None:
        if review_id == self.review_id:
            self.reload()

    def reload(self) -> None:
        """Read the review again (after an edit or a close) on a worker; small indexed queries.
        Until it arrives, the buttons that act on it are off."""
        for button in (
            self.edit_button,
            self.close_action_button,
            self.contacts_button,
            self.reply_button,
        ):
            button.setEnabled(False)
        review_id = self.review_id

        def read(session: Session) -> tuple[ZoneInfo, ReviewDetails | None]:
            return load_settings(session).timezone, review_details(session, review_id)

        self.tasks.query(self.tr("the review"), read, lambda found: self._show(*found))

    def _show(self, tz: ZoneInfo, details: ReviewDetails | None) -> None:
        self.details = details
        self._shown = (tz, details)
        self._fill(tz, details)
        self.loaded.emit()

    def _fill(self, tz: ZoneInfo, details: ReviewDetails | None) -> None:
        if details is None:
            self.setWindowTitle(self.tr("Review not found"))
            self.stars.setText(self.tr("This review no longer exists."))
            self.client.setEnabled(False)
            return
        language = self.opener.language
        self.setWindowTitle(self.tr("Review {review}").format(review=details.review))
        self.stars.setText(f"{stars_text(details.stars)}  {details.stars}/5")
        self.badge.setText(edited_badge())
        self.badge.setVisible(details.edited_manually)
        self.client.setText(f"{details.client_name} ({details.client})")
        self.kind.setText(kind_name(details.kind.value))
        if details.session is not None and details.session_starts_at is not None:
            self.session.setText(
                self.tr("{class_name} with {coach}, {when} ({session})").format(
                    class_name=details.class_name,
                    coach=details.coach_name,
                    when=format_instant(details.session_starts_at, tz),
                    session=details.session,
                )
            )
        else:
            self.session.setText(self.tr("— (the studio as a whole)"))
        self.date.setText(format_instant(details.created_at, tz))
        channel = channel_name(details.channel.value)
        if details.prompt_shown_at is not None:
            channel = self.tr("{channel}, asked at {when}").format(
                channel=channel, when=format_instant(details.prompt_shown_at, tz)
            )
        self.channel.setText(channel)
        excel = [a.label(language) for a in details.aspects if a.polarity is Polarity.EXCEL]
        improve = [a.label(language) for a in details.aspects if a.polarity is Polarity.TO_IMPROVE]
        self.excel.setText(", ".join(excel) or "—")
        self.to_improve.setText(", ".join(improve) or "—")
        self.comment.setPlainText(details.comment or "")
        self.comment.setPlaceholderText(self.tr("No comment"))
        action = details.action
        if action is None:
            self.action.setText(self.tr("None"))
        elif action.is_open:
            self.action.setText(
                self.tr("Open since {when}").format(when=format_instant(action.opened_at, tz))
            )
        else:
            assert action.closed_at is not None
            text = self.tr("Closed: {outcome}, by {who} on {when}").format(
                outcome=outcome_name(action.outcome.value if action.outcome else ""),
                who=action.closed_by or "—",
                when=format_instant(action.closed_at, tz),
            )
            self.action.setText(f"{text}\n{action.note}" if action.note else text)
        self.close_action_button.setEnabled(action is not None and action.is_open)
        self.contacts_button.setEnabled(action is not None)
        if action is not None and action.contacts:
            self.contacts_button.setText(self.tr("Contacts ({n})…").format(n=action.contacts))
        else:
            self.contacts_button.setText(self.tr("Contacts…"))
        self.history.set_rows(
            [
                Row(
                    [
                        format_instant(edit.edited_at, tz),
                        edit.edited_by,
                        f"{edit.old_stars} → {edit.new_stars}",
                        edit.note or "",
                    ],
                    tooltip=edit.note,
                )
                for edit in details.edits
            ]
        )
        has_history = bool(details.edits)
        self.history_title.setVisible(has_history)
        self.history_view.setVisible(has_history)
        self.edit_button.setEnabled(True)
        self.reply_button.setEnabled(True)

    def _reply(self) -> None:
        if self.details is not None:
            dialog = self.opener.reply_to(self.details.review, self)
            dialog.finished.connect(self._reply_closed)

    def _reply_closed(self, result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            self.reload()  # the reply is logged as a contact of the action

    def _open_client(self) -> None:
        if self.details is not None:
            self.opener.open_client(self.details.client_id)

    def _edit(self) -> None:
        if self.details is None:
            return
        dialog = EditStarsDialog(self.details.stars, self)
        review = self.details.review
        dialog.accepted.connect(
            lambda: self.opener.edit_stars(self, review, dialog.new_stars, dialog.note_text)
        )
        dialog.open()

    def _close_action(self) -> None:
        if self.details is None:
            return
        dialog = CloseActionDialog(self)
        review = self.details.review
        dialog.accepted.connect(
            lambda: self.opener.close_action(self, review, dialog.chosen_outcome, dialog.note_text)
        )
        dialog.open()

    def _contacts(self) -> None:
        if self.details is None or self.details.action is None:
            return
        from feedback_desk.ui.dialogs.action_contacts import ActionContactsDialog

        dialog = ActionContactsDialog(self.opener.context, self.details.action.action_id, self)
        dialog.contact_added.connect(self.reload)
        dialog.follow_up_queued.connect(self.opener.follow_up_queued)
        dialog.follow_up_queued.connect(lambda _message_id: self.reload())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
