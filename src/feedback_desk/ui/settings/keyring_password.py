"""A password field whose value goes to the system keyring only, never to the store (the inbox's
``imap.password``; the Email page keeps ``smtp.password`` the same way).

Whether a keyring is there and already holds the password is read on a worker when the page
opens (a keyring may be slow, or wait for its unlock prompt). A typed password is a problem when
there is no usable keyring (the dialog then saves nothing); it is checked again on the worker in
the settings' transaction, and written to the keyring once the store is saved.

    self.password = KeyringPassword(self, "imap.password")
    self.password.check(self.tasks, context.store)
    ... problems():   found |= self.password.problems()
    ... changes():    self.password.remember_typed()
    ... write():      self.password.check_before_write()
    ... after_save(): self.password.store_typed(store, clock)
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from feedback_desk.clock import Clock
from feedback_desk.services.progress import Progress
from feedback_desk.store.database import Store
from feedback_desk.ui import i18n
from feedback_desk.ui.context import StoreTasks
from feedback_desk.ui.retranslating import Retranslating


@dataclass(frozen=True)
class KeyringState:
    stored: bool  # a password for this store is in the keyring
    # Why a password could not be kept there (no usable keyring), in the keyring's own words.
    problem: str | None


def no_keyring_message(detail: str) -> str:
    """Why a typed password cannot be kept, and how to get a keyring, in the interface language;
    *detail* is the keyring's own words (a backend's name, the library's error)."""
    return i18n.fill(
        QCoreApplication.translate(
            "KeyringPassword",
            "No system keyring can keep this password: no usable system keyring was found "
            "(%1). Install and unlock one (Windows Credential Manager and the macOS Keychain "
            "work as they are; on Linux, GNOME Keyring or KWallet through the Secret Service), "
            "or point PYTHON_KEYRING_BACKEND at a keyring backend.",
        ),
        detail,
    )


class KeyringPassword(Retranslating, QLineEdit):
    def __init__(self, parent: QWidget, key: str) -> None:
        super().__init__(parent)
        self.key = key
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setObjectName(key)
        # Known once check() answers.
        self.state: KeyringState | None = None
        # The password as typed when the dialog saved (taken on the GUI thread).
        self._typed = ""

    def check(self, tasks: StoreTasks, store: Store) -> None:
        key = self.key

        def work(_progress: Progress) -> KeyringState:
            from feedback_desk.services import secrets

            try:
                secrets.check_keyring()
            except secrets.SecretStoreUnavailable as exc:
                return KeyringState(stored=False, problem=exc.detail)
            with store.write() as session:
                store_id = secrets.store_identity(session)
            return KeyringState(secrets.get_secret(store_id, key) is not None, None)

        tasks.run(work, name=self.tr("the system keyring"), on_done=self._show)

    def _show(self, state: KeyringState) -> None:
        self.state = state
        self.retranslate()

    def retranslate(self) -> None:
        """Whether a password is kept, once known."""
        if self.state is not None:
            self.setPlaceholderText(
                self.tr("(kept in the system keyring)") if self.state.stored else self.tr("(none)")
            )

    def problems(self) -> dict[str, str]:
        problem = self.state.problem if self.state is not None else None
        return (
            {self.key: no_keyring_message(problem)} if self.text() and problem is not None else {}
        )

    def remember_typed(self) -> None:
        self._typed = self.text()

    @property
    def typed(self) -> str:
        return self._typed

    def check_before_write(self) -> None:
        """On the worker: no usable keyring for a typed password saves nothing at all."""
        from feedback_desk.services.secrets import check_keyring

        if self._typed:
            check_keyring()

    def store_typed(self, store: Store, clock: Clock) -> None:
        from feedback_desk.services import settings_admin

        if self._typed:
            settings_admin.change_secret(store, self.key, self._typed, clock=clock)
