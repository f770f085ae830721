"""Write the studio's reply to a Google review, with Google's limit counted in UTF-8 bytes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.domain.google_reviews import REPLY_MAX_BYTES, reply_size
from feedback_desk.services.google.queries import ReviewRow

_CONTEXT = "GoogleReplyDialog"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class GoogleReplyDialog(QDialog):
    def __init__(self, review: ReviewRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Reply on Google"))
        quoted = QLabel(f"{review.reviewer or _tr('(anonymous)')}\n{review.comment or ''}", self)
        quoted.setTextFormat(Qt.TextFormat.PlainText)
        quoted.setWordWrap(True)
        note = QLabel(
            _tr(
                "Your reply is public on Google and replaces any earlier one. Google checks it "
                "before showing it (state “Pending”)."
            ),
            self,
        )
        note.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setPlainText(review.reply_comment or "")
        self.counter = QLabel(self)
        self.counter.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.publish_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.publish_button.setText(_tr("Publish"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.editor.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        for widget in (quoted, note, self.editor, self.counter, self.buttons):
            layout.addWidget(widget)
        self.resize(520, 380)
        self._update()

    @property
    def text(self) -> str:
        return self.editor.toPlainText().strip()

    def _update(self) -> None:
        size = reply_size(self.text)
        over = size > REPLY_MAX_BYTES
        message = _tr("{size} / {limit} bytes").format(size=size, limit=REPLY_MAX_BYTES)
        if over:
            message += " — " + _tr("too long for Google: shorten it")
        self.counter.setText(message)
        self.publish_button.setEnabled(bool(self.text) and not over)
