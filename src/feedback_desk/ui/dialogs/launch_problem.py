"""The problem that stopped ``feedback-desk-gui`` from opening the window, in a dialog: started
from a menu or a launcher, it has no console where the message could be read."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from feedback_desk.errors import FeedbackDeskError
from feedback_desk.ui.app import create_application


def show_launch_problem(text: str) -> None:
    """Shown modally (nothing else runs yet); skipped without a desktop session, where standard
    error already said so."""
    try:
        create_application()
    except FeedbackDeskError:
        return
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Errors", "Feedback Desk"),
        text,
        QMessageBox.StandardButton.Ok,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
