"""Help → About: the version, where the store, the data and the logs are, and *Copy
diagnostics* for support.

Opening it reads nothing (versions and paths are at hand); the log's tail is read when the
button is pressed, at most a few hundred kilobytes (services/diagnostics.py), and never the store
or the keyring. The store's location is shown as the store describes it: without a password.
"""

from __future__ import annotations

import PySide6
from PySide6.QtCore import QSettings, Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from feedback_desk import __version__, paths
from feedback_desk.logs import log_file
from feedback_desk.services import diagnostics
from feedback_desk.ui.app import app_icon


class AboutDialog(QDialog):
    def __init__(self, store_location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Feedback Desk"))
        self.store_location = store_location
        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(64, 64))
        title = QLabel(self.tr("Feedback Desk {version}").format(version=__version__), self)
        title.setObjectName("title")
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        summary = QLabel(self.tr("Collect, understand and act on what your clients think."), self)
        self.details = QLabel(self)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setText(
            self.tr("Store: {where}\nData folder: {folder}\nLogs: {logs}").format(
                where=store_location, folder=paths.data_dir(), logs=log_file().parent
            )
        )
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("Copy diagnostics"), self)
        self.copy_button.setToolTip(
            self.tr(
                "Copies the versions, the folders and the recent errors of the log (without "
                "any client data or password), to paste into a message to support"
            )
        )
        self.copy_button.clicked.connect(self.copy_diagnostics)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (icon, title, summary, self.details, self.message, buttons):
            layout.addWidget(widget)

    def diagnostics(self) -> str:
        versions = diagnostics.base_versions()
        versions["Qt"] = qVersion()
        versions["PySide6"] = PySide6.__version__
        versions["Qt platform"] = QGuiApplication.platformName()
        places = {
            "Data folder": str(paths.data_dir()),
            "Log file": str(log_file()),
            "Store": self.store_location,
            "Window settings": QSettings().fileName(),
        }
        errors = diagnostics.logged_errors(diagnostics.read_log_tail(log_file()))
        return diagnostics.report(versions, places, errors)

    def copy_diagnostics(self) -> None:
        QGuiApplication.clipboard().setText(self.diagnostics())
        self.message.setText(self.tr("Copied: paste them into your message to support."))
