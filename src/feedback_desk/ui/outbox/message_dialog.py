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


def _value_label(parent: QWidget) -> QLabel:
    """Message text as typed or received: never interpreted as rich text, selectable."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class MessageDialog(QDialog):
    def __init__(
        self, context: WindowContext, message_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Message"))
        self._tz = context.tz
        self.loaded = False
        self.recipients = _value_label(self)
        self.subject = _value_label(self)
        self.kind = _value_label(self)
        self.state = _value_label(self)
        self.dates = _value_label(self)
        self.error = _value_label(self)
        self.error.setStyleSheet("color: #B00020;")
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setPlaceholderText(self.tr("Reading the message…"))
        form = QFormLayout()
        form.addRow(self.tr("To:"), self.recipients)
        form.addRow(self.tr("Subject:"), self.subject)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("State:"), self.state)
        form.addRow(self.tr("Dates:"), self.dates)
        form.addRow(self.tr("Last error:"), self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(640, 520)
        context.tasks_for(self).query(
            self.tr("the message"),
            lambda session: details(session, message_id),
            self._show,
            self._failed,
        )

    def _show(self, found: OutboxDetails) -> None:
        row = found.row
        self.recipients.setText(row.recipients)
        self.subject.setText(row.subject)
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
        self.text.setPlainText(found.text)
        self.loaded = True

    def _failed(self, error: BaseException) -> None:
        self.text.setPlaceholderText(
            self.tr("The message could not be read: {why}").format(why=describe_error(error))
        )
