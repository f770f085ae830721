"""Settings → Email: the SMTP server, the sender, who gets the at-risk alert, the sending rate,
and "Send test email", which reports success or the server's exact answer. A typed password goes
to the system keyring when the dialog saves (and the dialog refuses to save without one). Whether
a keyring is there and holds a password is read on a worker when the page opens: a keyring may be
slow, or wait for its unlock prompt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QCheckBox,
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
from feedback_desk.services.email.config import PASSWORD_KEY
from feedback_desk.services.email.smtp import SmtpConfig, SmtplibTransport, SmtpTransport
from feedback_desk.services.progress import Progress
from feedback_desk.services.settings import Settings
from feedback_desk.store.database import Store
from feedback_desk.ui import i18n
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.settings.keyring_password import no_keyring_message
from feedback_desk.ui.settings.page import (
    ERROR_STYLE,
    WARNING_STYLE,
    ValuesPage,
    plain_label,
    set_row_label,
)


@dataclass(frozen=True)
class _KeyringState:
    stored: bool  # a password for this store is in the keyring
    problem: str | None  # the keyring's own words when it cannot keep a password


SECURITY = (
    ("starttls", QT_TRANSLATE_NOOP("EmailSettingsPage", "STARTTLS (port 587)")),
    ("ssl", QT_TRANSLATE_NOOP("EmailSettingsPage", "SSL/TLS (port 465)")),
    ("none", QT_TRANSLATE_NOOP("EmailSettingsPage", "None")),
)


class EmailSettingsPage(ValuesPage):
    test_finished = Signal(bool, str)  # success, the message shown

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._store = context.store
        self._clock = context.clock
        # Tests point it at their loopback server.
        self.transport: SmtpTransport = SmtplibTransport()

        self.host = QLineEdit(self)
        self.host.setPlaceholderText("smtp.example.com")
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.security = QComboBox(self)
        for value, _label in SECURITY:
            self.security.addItem("", value)
        self.username = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.sender = QLineEdit(self)
        self.sender.setPlaceholderText("hello@yourstudio.com")
        self.timeout = QSpinBox(self)
        self.timeout.setRange(1, 600)
        self.managers = QLineEdit(self)
        self.managers.setPlaceholderText("owner@yourstudio.com, desk@yourstudio.com")
        self.alerts = QCheckBox(self)
        self.per_minute = QSpinBox(self)
        self.per_minute.setRange(1, 10_000)
        self.interval = QSpinBox(self)
        self.interval.setRange(0, 86_400)
        self.address = QLineEdit(self)
        self.unsubscribe_url = QLineEdit(self)
        self.unsubscribe_url.setPlaceholderText(
            "https://yourstudio.com/unsubscribe?member={client}"
        )
        self.warning = plain_label(self, style=WARNING_STYLE)

        self.test_address = QLineEdit(self)
        self.test_button = QPushButton(self)
        self.test_button.clicked.connect(self.send_test)
        self.test_result = plain_label(self)

        self.server = QGroupBox(self)
        self.server_form = form = QFormLayout(self.server)
        form.addRow(" ", self.field("smtp.host", self.host))
        form.addRow(" ", self.field("smtp.port", self.port))
        form.addRow(" ", self.security)
        form.addRow(" ", self.username)
        form.addRow(" ", self.field(PASSWORD_KEY, self.password))
        form.addRow(" ", self.field("smtp.sender", self.sender))
        form.addRow(" ", self.field("smtp.timeout_seconds", self.timeout))
        self.alerts_box = QGroupBox(self)
        self.alert_form = alert_form = QFormLayout(self.alerts_box)
        alert_form.addRow(self.alerts)
        alert_form.addRow(" ", self.field("studio.manager_emails", self.managers))
        alert_form.addRow(self.warning)
        alert_form.addRow(" ", self.field("outbox.per_minute", self.per_minute))
        alert_form.addRow(" ", self.field("outbox.interval_seconds", self.interval))
        self.identity = QGroupBox(self)
        self.identity_form = identity_form = QFormLayout(self.identity)
        identity_form.addRow(" ", self.address)
        identity_form.addRow(" ", self.field("email.unsubscribe_url", self.unsubscribe_url))
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_address, 1)
        test_row.addWidget(self.test_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.server)
        layout.addWidget(self.alerts_box)
        layout.addWidget(self.identity)
        layout.addLayout(test_row)
        layout.addWidget(self.test_result)
        layout.addWidget(self.problems_label)
        layout.addStretch(1)
        self.managers.textChanged.connect(self._update_warning)
        self.alerts.toggled.connect(self._update_warning)
        # Why a typed password could not be kept (no usable keyring), once the check answers.
        self._keyring_problem: str | None = None
        # The password as typed when the dialog saved (taken on the GUI thread).
        self._typed_password = ""
        self._loaded = context.settings
        # Whether the keyring holds a password (None until the check answers).
        self._password_stored: bool | None = None
        self.retranslate()
        self._check_keyring()
        self.load(context.settings)

    def retranslate(self) -> None:
        for index, (_value, label) in enumerate(SECURITY):
            self.security.setItemText(index, self.tr(label))
        self.timeout.setSuffix(self.tr(" s"))
        self.alerts.setText(self.tr("Email the managers when a review has 3 stars or fewer"))
        self.per_minute.setSuffix(self.tr(" per minute"))
        self.interval.setSuffix(self.tr(" s"))
        self.interval.setSpecialValueText(self.tr("only when asked"))
        self.address.setPlaceholderText(self.tr("Printed under invitations and thank-you emails"))
        self.test_button.setText(self.tr("Send test email"))
        self.server.setTitle(self.tr("Outgoing mail server"))
        self.alerts_box.setTitle(self.tr("Alerts and sending"))
        self.identity.setTitle(self.tr("Emails to clients"))
        rows = (
            (self.server_form, self.field_box("smtp.host"), self.tr("Server:")),
            (self.server_form, self.field_box("smtp.port"), self.tr("Port:")),
            (self.server_form, self.security, self.tr("Security:")),
            (self.server_form, self.username, self.tr("User name:")),
            (self.server_form, self.field_box(PASSWORD_KEY), self.tr("Password:")),
            (self.server_form, self.field_box("smtp.sender"), self.tr("Sender address:")),
            (
                self.server_form,
                self.field_box("smtp.timeout_seconds"),
                self.tr("Give up waiting after:"),
            ),
            (
                self.alert_form,
                self.field_box("studio.manager_emails"),
                self.tr("Managers' addresses:"),
            ),
            (self.alert_form, self.field_box("outbox.per_minute"), self.tr("Send at most:")),
            (
                self.alert_form,
                self.field_box("outbox.interval_seconds"),
                self.tr("While the window is open, send every:"),
            ),
            (self.identity_form, self.address, self.tr("Studio address:")),
            (
                self.identity_form,
                self.field_box("email.unsubscribe_url"),
                self.tr("Unsubscribe page (optional):"),
            ),
        )
        for form, field, text in rows:
            set_row_label(form, field, text)
        self._show_password_state()
        self._update_warning()

    def saved_and_kept_open(self) -> None:
        """A typed password is in the keyring now: the field says so instead of holding it."""
        if self._typed_password:
            self.password.clear()
            self._check_keyring()

    def _check_keyring(self) -> None:
        """Say whether a password is in the keyring, and remember whether there is a usable
        keyring at all (so that Save refuses a password it could not keep)."""
        store = self._store

        def check(_progress: Progress) -> _KeyringState:
            from feedback_desk.services import secrets

            try:
                secrets.check_keyring()
            except secrets.SecretStoreUnavailable as exc:
                return _KeyringState(stored=False, problem=exc.detail)
            with store.write() as session:
                store_id = secrets.store_identity(session)
            stored = secrets.get_secret(store_id, PASSWORD_KEY) is not None
            return _KeyringState(stored=stored, problem=None)

        self.tasks.run(check, name=self.tr("the system keyring"), on_done=self._show_keyring)

    def _show_keyring(self, state: _KeyringState) -> None:
        self._keyring_problem = state.problem
        self._password_stored = state.stored
        self._show_password_state()

    def _show_password_state(self) -> None:
        if self._password_stored is None:
            return  # not known yet
        self.password.setPlaceholderText(
            self.tr("(kept in the system keyring)") if self._password_stored else self.tr("(none)")
        )

    def show_values(self, settings: Settings) -> None:
        self._loaded = settings
        self.host.setText(settings.text("smtp.host"))
        self.port.setValue(settings.integer("smtp.port"))
        self.security.setCurrentIndex(self.security.findData(settings.text("smtp.security")))
        self.username.setText(settings.text("smtp.username"))
        self.sender.setText(settings.text("smtp.sender"))
        self.timeout.setValue(settings.integer("smtp.timeout_seconds"))
        self.managers.setText(settings.text("studio.manager_emails"))
        self.alerts.setChecked(settings.flag("alerts.at_risk_enabled"))
        self.per_minute.setValue(settings.integer("outbox.per_minute"))
        self.interval.setValue(settings.integer("outbox.interval_seconds"))
        self.address.setText(settings.text("studio.address"))
        self.unsubscribe_url.setText(settings.text("email.unsubscribe_url"))
        first_manager = settings.emails("studio.manager_emails")[:1]
        self.test_address.setText(first_manager[0] if first_manager else self.sender.text())
        self._update_warning()

    def values(self) -> dict[str, str]:
        return {
            "smtp.host": self.host.text(),
            "smtp.port": str(self.port.value()),
            "smtp.security": str(self.security.currentData()),
            "smtp.username": self.username.text(),
            "smtp.sender": self.sender.text(),
            "smtp.timeout_seconds": str(self.timeout.value()),
            "studio.manager_emails": self.managers.text(),
            "alerts.at_risk_enabled": "yes" if self.alerts.isChecked() else "no",
            "outbox.per_minute": str(self.per_minute.value()),
            "outbox.interval_seconds": str(self.interval.value()),
            "studio.address": self.address.text(),
            "email.unsubscribe_url": self.unsubscribe_url.text(),
        }

    def _update_warning(self, *_args: object) -> None:
        missing = self.alerts.isChecked() and not self.managers.text().strip()
        self.warning.setText(
            self.tr("No manager address: no at-risk alert is sent for reviews of 3 stars or fewer.")
            if missing
            else ""
        )

    def problems(self) -> dict[str, str]:
        """The fields' problems; no server while a sender is set or email requests are on
        (checked when one of them changes: other settings still save while email is not set
        up); and a typed password with no keyring to keep it in (as the page's check found it;
        :meth:`write` checks again before anything is stored)."""
        found = super().problems()
        requests_on = self.upcoming.flag("requests.email_enabled")
        touched = bool({"smtp.host", "smtp.sender"} & set(self.changes())) or (
            requests_on and not self._loaded.flag("requests.email_enabled")
        )
        wants_email = bool(self.sender.text().strip()) or requests_on
        if touched and wants_email and not self.host.text().strip():
            found["smtp.host"] = self.tr(
                "Enter the outgoing mail server (such as smtp.example.com): without it, no "
                "email leaves the outbox."
            )
        if self.password.text() and self._keyring_problem is not None:
            found[PASSWORD_KEY] = no_keyring_message(self._keyring_problem)
        return found

    def write(self, session: Session, *, at: datetime, actor: str) -> None:
        """On the worker, in the settings' transaction: without a usable keyring for a typed
        password, nothing at all is saved."""
        from feedback_desk.services.secrets import check_keyring

        if self._typed_password:
            check_keyring()

    def changes(self) -> dict[str, str]:
        # Asked on the GUI thread before the save: what write() and after_save() will use.
        self._typed_password = self.password.text()
        return super().changes()

    def after_save(self, store: Store, clock: Clock) -> None:
        """A typed password goes to the keyring (never to the store)."""
        from feedback_desk.services import settings_admin

        if self._typed_password:
            settings_admin.change_secret(store, PASSWORD_KEY, self._typed_password, clock=clock)

    def send_test(self) -> None:
        """Send one message now with the fields as typed; the result comes back verbatim."""
        values = self.values()
        typed_password = self.password.text() or None
        to = self.test_address.text()
        store, clock, transport = self._store, self._clock, self.transport
        self.test_button.setEnabled(False)
        self.test_result.setStyleSheet("")
        self.test_result.setText(self.tr("Sending…"))

        def work(_progress: Progress) -> tuple[bool, str]:
            from feedback_desk.errors import FeedbackDeskError
            from feedback_desk.services.email.probe import send_test_email
            from feedback_desk.services.secrets import store_identity
            from feedback_desk.services.settings import load_settings

            try:
                with store.write() as session:
                    settings = load_settings(session).with_values(values)
                    store_id = store_identity(session)
                config = _with_password(settings, store_id, typed_password)
                result = send_test_email(
                    config,
                    to,
                    transport=transport,
                    now=clock.now(),
                    language=settings.language,
                )
            except FeedbackDeskError as exc:
                return False, i18n.said(exc)
            return result.ok, i18n.in_words(result.message)

        self.tasks.run(
            work, name=self.tr("the test email"), on_done=self._tested, on_error=self._crashed
        )

    def _tested(self, result: object) -> None:
        ok, message = result  # type: ignore[misc]
        self.test_button.setEnabled(True)
        self.test_result.setStyleSheet("color: #1b5e20;" if ok else ERROR_STYLE)
        self.test_result.setText(message)
        self.test_finished.emit(ok, message)

    def _crashed(self, error: BaseException) -> None:
        self._tested((False, describe_error(error)))


def _with_password(settings: Settings, store_id: str, typed: str | None) -> SmtpConfig:
    """The SMTP configuration, with the password as typed when staff typed one."""
    from dataclasses import replace

    from feedback_desk.services.email.config import smtp_config

    if typed is None:
        return smtp_config(settings, store_id)
    without_login = smtp_config(settings.with_values({"smtp.username": ""}), store_id)
    return replace(without_login, username=settings.text("smtp.username"), password=typed)
