"""Settings → Google: connect the studio's Business Profile (browser sign-in with its OAuth
client file, or an authorized-user file), pick the location, disconnect, the API base URL and
the sync interval. Sign-in, listing, the connection status (the system keyring) and disconnecting
run in a worker; the window never waits on Google, the keyring or the store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.services.audit import default_actor
from feedback_desk.services.google import auth, connection
from feedback_desk.services.google.connection import ConnectionStatus, LocationChoice
from feedback_desk.services.progress import Progress
from feedback_desk.services.settings import Settings
from feedback_desk.store.database import Store
from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.formatting import format_instant
from feedback_desk.ui.google.failure import describe_failure
from feedback_desk.ui.settings.page import ValuesPage, set_row_label

FileChooser = Callable[[str], str | None]


class GoogleSettingsPage(ValuesPage):
    connection_changed = Signal()

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._store = context.store
        self._clock = context.clock
        # Tests answer the file picker and choose the browser.
        self.choose_file: FileChooser = self._ask_for_file
        self.browser: str | None = None
        self._pending: auth.SavedSignIn | None = None
        self._choices: list[LocationChoice] = []
        self._status_generation = 0  # a status read that answers after a newer one is dropped
        self.checking = False
        # What the connection line and the message say, kept to be said again in a new
        # interface language: the status read (or why it could not be), and a sentence.
        self._status: ConnectionStatus | None = None
        self._status_problem: BaseException | None = None
        self._message: Callable[[], str] = str

        self.status_label = QLabel(self)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)
        self.browser_button = QPushButton(self)
        self.file_button = QPushButton(self)
        self.disconnect_button = QPushButton(self)
        self.browser_button.clicked.connect(self.sign_in_with_browser)
        self.file_button.clicked.connect(self.sign_in_with_file)
        self.disconnect_button.clicked.connect(self.disconnect)
        buttons = QHBoxLayout()
        for button in (self.browser_button, self.file_button, self.disconnect_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.locations = QComboBox(self)
        self.keep_button = QPushButton(self)
        self.keep_button.clicked.connect(self.keep_location)
        self.location_box = QGroupBox(self)
        location_layout = QHBoxLayout(self.location_box)
        location_layout.addWidget(self.locations, 1)
        location_layout.addWidget(self.keep_button)
        self.location_box.hide()

        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

        self.base_url = QLineEdit(self)
        self.sync_minutes = QSpinBox(self)
        self.sync_minutes.setRange(0, 24 * 60)
        self.last_sync = QLabel(self)
        self.form = form = QFormLayout()
        form.addRow(" ", self.sync_minutes)
        form.addRow(" ", self.last_sync)
        form.addRow(" ", self.field("google.api_base_url", self.base_url))

        self.help_text = help_text = QLabel(self)
        help_text.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        layout.addWidget(self.location_box)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.problems_label)
        layout.addWidget(help_text)
        layout.addStretch(1)
        self.retranslate()
        self.load(context.settings)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Google"))
        self.browser_button.setText(self.tr("Sign in with Google…"))
        self.browser_button.setToolTip(
            self.tr("Choose the studio's OAuth client file (desktop app); your browser opens")
        )
        self.file_button.setText(self.tr("Use an authorized-user file…"))
        self.disconnect_button.setText(self.tr("Disconnect"))
        self.keep_button.setText(self.tr("Keep this location"))
        self.location_box.setTitle(self.tr("Choose the studio's location"))
        self.base_url.setPlaceholderText(self.tr("empty: Google's own servers"))
        self.sync_minutes.setSuffix(self.tr(" min"))
        self.sync_minutes.setSpecialValueText(self.tr("off"))
        set_row_label(self.form, self.sync_minutes, self.tr("Sync every"))
        set_row_label(self.form, self.last_sync, self.tr("Last sync"))
        set_row_label(
            self.form,
            self.field_box("google.api_base_url"),
            self.tr("API base URL (tests, proxies)"),
        )
        self.help_text.setText(
            self.tr(
                "Before connecting: in the Google Cloud console, create a project, enable the "
                "“Google My Business API”, the “My Business Account Management API” and the "
                "“My Business Business Information API”, and create an OAuth client of type "
                "“Desktop app”. A quota of 0 means Google has not granted access yet: submit "
                "Google's access request form rather than asking for more quota."
            )
        )
        self._say_status()
        self.message.setText(self._message())

    def _say(self, text: Callable[[], str]) -> None:
        """The message under the buttons: *text*'s words now and in the next language."""
        self._message = text
        self.message.setText(text())

    # ------------------------------------------------------------------ state

    def show_values(self, settings: Settings) -> None:
        self._tz = settings.timezone
        self.base_url.setText(settings.text("google.api_base_url"))
        self.sync_minutes.setValue(settings.integer("google.sync_minutes"))
        self.show_connection()

    def values(self) -> dict[str, str]:
        return {
            "google.api_base_url": self.base_url.text(),
            "google.sync_minutes": str(self.sync_minutes.value()),
        }

    def show_connection(self) -> None:
        """Read whether Google is connected (the keyring may be slow or ask to be unlocked) in
        the background; the page says it is checking meanwhile."""
        self._status_generation += 1
        generation = self._status_generation
        store = self._store
        self.checking = True
        self._status, self._status_problem = None, None
        self._say_status()
        self.disconnect_button.setEnabled(False)

        def read(_progress: Progress) -> ConnectionStatus:
            return connection.status(store)

        self.tasks.run(
            read,
            name="google-status",
            on_done=lambda status: self._status_read(generation, status),
            on_error=lambda exc: self._status_failed(generation, exc),
        )

    def _status_read(self, generation: int, status: ConnectionStatus) -> None:
        if generation == self._status_generation:
            self.show_status(status)

    def _status_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._status_generation:
            return
        self.checking = False
        self._status_problem = exc
        self._say_status()

    def show_status(self, status: ConnectionStatus) -> None:
        self._status_generation += 1  # newer than any read still in flight
        self.checking = False
        self._status = status
        self._say_status()
        self.disconnect_button.setEnabled(status.connected)

    def _say_status(self) -> None:
        """The connection line and the last sync, from what was read (or why it was not)."""
        status = self._status
        if self._status_problem is not None:
            self.status_label.setText(
                self.tr("The Google connection could not be read: {why}").format(
                    why=describe_failure(self._status_problem)
                )
            )
            return
        if status is None:
            if self.checking:
                self.status_label.setText(self.tr("Checking the Google connection…"))
            return
        tz = self._tz
        if status.connected:
            since = format_instant(status.integrated_at, tz) if status.integrated_at else ""
            self.status_label.setText(
                self.tr("Connected to {title} ({name}) since {since}.").format(
                    title=status.location_title, name=status.location_name, since=since
                )
            )
        else:
            self.status_label.setText(
                self.tr(
                    "Not connected. {count} Google reviews are archived on this computer."
                ).format(count=status.archived_reviews)
            )
        self.last_sync.setText(
            format_instant(status.last_sync_at, tz) if status.last_sync_at else self.tr("never")
        )

    # ------------------------------------------------------------------ connecting

    def _ask_for_file(self, title: str) -> str | None:
        path, _filter = QFileDialog.getOpenFileName(
            self, title, str(Path.home()), self.tr("JSON files (*.json)")
        )
        return path or None

    def _busy(self, busy: bool) -> None:
        for button in (self.browser_button, self.file_button, self.keep_button):
            button.setDisabled(busy)

    def sign_in_with_browser(self) -> None:
        path = self.choose_file(self.tr("The studio's OAuth client file"))
        if not path:
            return
        store, browser = self._store, self.browser

        def sign_in(_progress: Progress) -> tuple[auth.SavedSignIn, list[LocationChoice]]:
            found = auth.sign_in_with_browser(path, browser=browser, prompt_message=None)
            return found, _list_locations(store, found)

        self._busy(True)
        self._say(lambda: self.tr("Sign in with Google in your browser…"))
        self.tasks.run(
            sign_in, name="google-sign-in", on_done=self._signed_in, on_error=self._failed
        )

    def sign_in_with_file(self) -> None:
        path = self.choose_file(self.tr("An authorized-user JSON file"))
        if not path:
            return
        store = self._store

        def sign_in(_progress: Progress) -> tuple[auth.SavedSignIn, list[LocationChoice]]:
            found = auth.read_authorized_user_file(path)
            return found, _list_locations(store, found)

        self._busy(True)
        self._say(lambda: self.tr("Listing the locations of this sign-in…"))
        self.tasks.run(
            sign_in, name="google-sign-in", on_done=self._signed_in, on_error=self._failed
        )

    def _signed_in(self, result: Any) -> None:
        sign_in, choices = result
        self._busy(False)
        if not choices:
            self._say(lambda: self.tr("This Google account manages no Business Profile location."))
            return
        self._pending = sign_in
        self._choices = list(choices)
        self.locations.clear()
        for choice in self._choices:
            self.locations.addItem(choice.describe())
        self.location_box.show()
        self._say(lambda: self.tr("Signed in. Choose the studio's location and keep it."))

    def keep_location(self) -> None:
        index = self.locations.currentIndex()
        if self._pending is None or not 0 <= index < len(self._choices):
            return
        sign_in, choice = self._pending, self._choices[index]
        store, clock, actor = self._store, self._clock, default_actor()

        def save(_progress: Progress) -> ConnectionStatus:
            connection.save_connection(store, sign_in, choice, clock=clock, actor=actor)
            return connection.status(store)

        self._busy(True)
        self.tasks.run(save, name="google-save", on_done=self._kept, on_error=self._failed)

    def _kept(self, status: ConnectionStatus) -> None:
        self._busy(False)
        self._pending = None
        self.location_box.hide()
        self.show_status(status)
        self._say(lambda: self.tr("Connected. The first sync starts now."))
        self.connection_changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self._say(lambda: describe_failure(exc))

    def disconnect(self) -> None:
        store, clock, actor = self._store, self._clock, default_actor()

        def forget(_progress: Progress) -> ConnectionStatus:
            return connection.disconnect(store, clock=clock, actor=actor)

        self.disconnect_button.setEnabled(False)
        self.tasks.run(
            forget,
            name="google-disconnect",
            on_done=self._disconnected,
            on_error=self._disconnect_failed,
        )

    def _disconnect_failed(self, exc: BaseException) -> None:
        self._say(lambda: describe_failure(exc))
        self.show_connection()

    def _disconnected(self, status: ConnectionStatus) -> None:
        self.show_status(status)
        self._say(
            lambda: self.tr(
                "Disconnected: the sign-in was removed from the system keyring. The archive of "
                "{count} Google reviews stays on this computer."
            ).format(count=status.archived_reviews)
        )
        self.connection_changed.emit()


def _list_locations(store: Store, sign_in: auth.SavedSignIn) -> list[LocationChoice]:
    """The locations this sign-in manages (on the worker: the store, then Google)."""
    with store.read() as session:
        bases = connection.api_bases(session)
    with connection.make_api(sign_in, bases) as api:
        return connection.list_locations(api)
