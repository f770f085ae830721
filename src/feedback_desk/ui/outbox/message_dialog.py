"""One outbox message, read-only: recipients, subject, its plain text, its state and the last
error, read on a worker when the dialog opens (a double-click in the Outbox)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.domain.kinds import OutboxState
from feedback_desk.services.outbox.staff import OutboxDetails, details
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.formatting import format_instant
from feedback_desk.ui.outbox.names import kind_name, state_name
from feedback_desk.ui.retranslating import Retranslating, form_row


def _value_label(parent: QWidget) -> QLabel:
    """Message text as typed or received: never interpreted as rich text, selectable."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class MessageDialog(Retranslating, QDialog):
    def __init__(
        self, context: WindowContext, message_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._tz = context.tz
        self.loaded = False
        self._found: OutboxDetails | None = None
        self._error: BaseException | None = None
        self.recipients = _value_label(self)
        self.subject = _value_label(self)
        self.kind = _value_label(self)
        self.state = _value_label(self)
        self.dates = _value_label(self)
        self.error = _value_label(self)
        self.error.setStyleSheet("color: #B00020;")
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        form = QFormLayout()
        self.form_labels = [
            form_row(form, field)
            for field in (
                self.recipients,
                self.subject,
                self.kind,
                self.state,
                self.dates,
                self.error,
            )
        ]
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(640, 520)
        self.retranslate()
        context.tasks_for(self).query(
            self.tr("the message"),
            lambda session: details(session, message_id),
            self._show,
            self._failed,
        )

    def retranslate(self) -> None:
        """Every text again in the language shown; the message keeps its own."""
        self.setWindowTitle(self.tr("Message"))
        labels = [
            self.tr("To:"),
            self.tr("Subject:"),
            self.tr("Kind:"),
            self.tr("State:"),
            self.tr("Dates:"),
            self.tr("Last error:"),
        ]
        for label, text in zip(self.form_labels, labels, strict=True):
            label.setText(text)
        if self._error is not None:
            self._say_failed(self._error)
        elif self._found is None:
            self.text.setPlaceholderText(self.tr("Reading the message…"))
        else:
            self._say(self._found)

    def _show(self, found: OutboxDetails) -> None:
        self._found = found
        self.recipients.setText(found.row.recipients)
        self.subject.setText(found.row.subject)
        self.text.setPlainText(found.text)
        self._say(found)
        self.loaded = True

    def _say(self, found: OutboxDetails) -> None:
        row = found.row
        self.kind.setText(kind_name(row.kind))
        attempts = (
            self.tr("1 attempt") if row.attempts == 1 else self.tr("%n attempts", "", row.attempts)
        )
        self.state.setText(f"{state_name(row.state)} · {attempts}")
        lines = [self.tr("Queued %1").replace("%1", format_instant(row.created_at, self._tz))]
        if row.sent_at is not None:
            lines.append(self.tr("Sent %1").replace("%1", format_instant(row.sent_at, self._tz)))
        elif row.state is OutboxState.QUEUED:
            when = format_instant(row.next_attempt_at, self._tz)
            lines.append(self.tr("Next try %1").replace("%1", when))
        self.dates.setText("\n".join(lines))
        self.error.setText(row.last_error or self.tr("None"))

    def _failed(self, error: BaseException) -> None:
        self._error = error
        self._say_failed(error)

    def _say_failed(self, error: BaseException) -> None:
        self.text.setPlaceholderText(
            self.tr("The message could not be read: {why}").format(why=describe_error(error))
        )
