"""Settings → Inbox: the studio's mailbox, read over IMAP for clients' answers and replies (the
server, the login, the password kept in the system keyring only, the folders and how often the
open window reads it), and "Test connection", which logs in with the fields as typed and reports
success or the server's own words."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from feedback_desk.clock import Clock
from feedback_desk.services.inbox.config import PASSWORD_KEY
from feedback_desk.services.inbox.imap import ImapClientTransport, MailboxTransport
from feedback_desk.services.inbox.probe import ConnectionCheck
from feedback_desk.services.progress import Progress
from feedback_desk.services.settings import Settings
from feedback_desk.store.database import Store
from feedback_desk.ui import i18n
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.settings.keyring_password import KeyringPassword
from feedback_desk.ui.settings.page import ERROR_STYLE, ValuesPage, plain_label, set_row_label

OK_STYLE = "color: #1b5e20;"


class InboxSettingsPage(ValuesPage):
    test_finished = Signal(bool, str)  # success, the message shown

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._store = context.store
        # Tests point it at their Dovecot.
        self.transport: MailboxTransport = ImapClientTransport()

        self.host = QLineEdit(self)
        self.host.setPlaceholderText("imap.example.com")
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.security = QComboBox(self)
        self.security.addItem("", "ssl")
        self.security.addItem("", "starttls")
        self.security.addItem("", "none")
        self.username = QLineEdit(self)
        self.username.setPlaceholderText("studio@example.com")
        self.password = KeyringPassword(self, PASSWORD_KEY)
        self.timeout = QSpinBox(self)
        self.timeout.setRange(1, 600)
        self.folder = QLineEdit(self)
        self.folder.setPlaceholderText("INBOX")
        self.processed_folder = QLineEdit(self)
        self.processed_folder.setPlaceholderText("Feedback Desk")
        self.interval = QSpinBox(self)
        self.interval.setRange(0, 86_400)
        self.help = plain_label(self)

        self.test_button = QPushButton(self)
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = plain_label(self)

        self.server = QGroupBox(self)
        self.server_form = form = QFormLayout(self.server)
        for field in (
            self.host,
            self.port,
            self.security,
            self.username,
            self.password,
            self.timeout,
        ):
            form.addRow(" ", field)
        form.addRow(self.help)
        self.reading = QGroupBox(self)
        self.reading_form = QFormLayout(self.reading)
        for field in (self.folder, self.processed_folder, self.interval):
            self.reading_form.addRow(" ", field)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.server)
        layout.addWidget(self.reading)
        layout.addLayout(test_row)
        layout.addWidget(self.problems_label)
        layout.addStretch(1)
        self.retranslate()
        self.password.check(self.tasks, context.store)
        self.load(context.settings)

    def retranslate(self) -> None:
        self.security.setItemText(0, self.tr("SSL/TLS (port 993)"))
        self.security.setItemText(1, self.tr("STARTTLS (port 143)"))
        self.security.setItemText(2, self.tr("None"))
        self.timeout.setSuffix(self.tr(" s"))
        self.interval.setSuffix(self.tr(" s"))
        self.interval.setSpecialValueText(self.tr("only when asked"))
        self.help.setText(
            self.tr(
                "Gmail and Google Workspace: imap.gmail.com, port 993, SSL/TLS, with an app "
                "password (2-step verification on). Outlook.com and most Microsoft 365 "
                "mailboxes refuse passwords for IMAP: point the answer address at another "
                "mailbox."
            )
        )
        self.test_button.setText(self.tr("Test connection"))
        self.server.setTitle(self.tr("Mailbox server (IMAP)"))
        self.reading.setTitle(self.tr("Reading"))
        rows = (
            (self.server_form, self.host, self.tr("Server:")),
            (self.server_form, self.port, self.tr("Port:")),
            (self.server_form, self.security, self.tr("Security:")),
            (self.server_form, self.username, self.tr("User name:")),
            (self.server_form, self.password, self.tr("Password:")),
            (self.server_form, self.timeout, self.tr("Give up waiting after:")),
            (self.reading_form, self.folder, self.tr("Folder the answers arrive in:")),
            (self.reading_form, self.processed_folder, self.tr("Move the studio's answers to:")),
            (
                self.reading_form,
                self.interval,
                self.tr("While the window is open, check every:"),
            ),
        )
        for form, field, text in rows:
            set_row_label(form, field, text)

    def saved_and_kept_open(self) -> None:
        """A typed password is in the keyring now: the field says so instead of holding it."""
        if self.password.typed:
            self.password.clear()
            self.password.check(self.tasks, self._store)

    def show_values(self, settings: Settings) -> None:
        self.host.setText(settings.text("imap.host"))
        self.port.setValue(settings.integer("imap.port"))
        self.security.setCurrentIndex(self.security.findData(settings.text("imap.security")))
        self.username.setText(settings.text("imap.username"))
        self.timeout.setValue(settings.integer("imap.timeout_seconds"))
        self.folder.setText(settings.text("imap.folder"))
        self.processed_folder.setText(settings.text("imap.processed_folder"))
        self.interval.setValue(settings.integer("inbox.interval_seconds"))

    def values(self) -> dict[str, str]:
        return {
            "imap.host": self.host.text(),
            "imap.port": str(self.port.value()),
            "imap.security": str(self.security.currentData()),
            "imap.username": self.username.text(),
            "imap.timeout_seconds": str(self.timeout.value()),
            "imap.folder": self.folder.text(),
            "imap.processed_folder": self.processed_folder.text(),
            "inbox.interval_seconds": str(self.interval.value()),
        }

    def problems(self) -> dict[str, str]:
        return super().problems() | self.password.problems()

    def changes(self) -> dict[str, str]:
        # Asked on the GUI thread before the save: what write() and after_save() will use.
        self.password.remember_typed()
        return super().changes()

    def write(self, session: Session, *, at: datetime, actor: str) -> None:
        self.password.check_before_write()

    def after_save(self, store: Store, clock: Clock) -> None:
        """A typed password goes to the keyring (never to the store)."""
        self.password.store_typed(store, clock)

    def test_connection(self) -> None:
        """Log in now with the fields as typed; the result comes back in the server's words."""
        values = self.values()
        typed_password = self.password.text() or None
        store, transport = self._store, self.transport
        self.test_button.setEnabled(False)
        self.test_result.setStyleSheet("")
        self.test_result.setText(self.tr("Connecting…"))

        def work(_progress: Progress) -> ConnectionCheck:
            from feedback_desk.errors import FeedbackDeskError
            from feedback_desk.services.inbox.config import imap_config
            from feedback_desk.services.inbox.probe import check_connection
            from feedback_desk.services.secrets import store_identity
            from feedback_desk.services.settings import load_settings

            try:
                with store.write() as session:
                    settings = load_settings(session).with_values(values)
                    store_id = store_identity(session)
                config = imap_config(settings, store_id, password=typed_password)
            except FeedbackDeskError as exc:
                return ConnectionCheck(False, i18n.said(exc))
            return check_connection(config, transport=transport)

        self.tasks.run(
            work, name=self.tr("the mailbox test"), on_done=self._tested, on_error=self._crashed
        )

    def _tested(self, result: ConnectionCheck) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setStyleSheet(OK_STYLE if result.ok else ERROR_STYLE)
        self.test_result.setText(result.message)
        self.test_finished.emit(result.ok, result.message)

    def _crashed(self, error: BaseException) -> None:
        self._tested(ConnectionCheck(False, describe_error(error)))
