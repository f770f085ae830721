"""The Google part of the status bar: last sync time, a progress bar while syncing, cancel.
It reads nothing itself: the worker says when the last sync was (once its background check of
the connection answers) and how a sync goes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from feedback_desk.ui.formatting import format_instant
from feedback_desk.ui.google.failure import describe_failure
from feedback_desk.ui.retranslating import Retranslating
from feedback_desk.workers.google_sync import GoogleSyncWorker


class GoogleStatusWidget(Retranslating, QWidget):
    def __init__(
        self, worker: GoogleSyncWorker, tz: ZoneInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._tz = tz
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(140)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.cancel_button = QToolButton(self)
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(worker.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button)
        worker.started.connect(self._on_started)
        worker.progressed.connect(self._on_progress)
        worker.synced.connect(self._on_synced)
        worker.failed.connect(self._on_failed)
        worker.cancelled.connect(self._on_cancelled)
        worker.connection_checked.connect(self._on_checked)
        self.show_last_sync(worker.last_sync_at)
        self.retranslate()

    def retranslate(self) -> None:
        """The texts again in the language now shown, from what the widget shows now."""
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop this Google sync; nothing is changed"))
        self.label.setText(self._text())

    def _show(self, text: Callable[[], str]) -> None:
        """Show *text*'s sentence, and say it again in another language when that changes."""
        self._text = text
        self.label.setText(text())

    def set_timezone(self, tz: ZoneInfo) -> None:
        """The studio's zone (known once the window has read its settings)."""
        if tz != self._tz:
            self._tz = tz
            self._on_checked(self._worker.connected)

    def show_last_sync(self, when: datetime | None) -> None:
        self._shows_last_sync = True
        if when is None:
            self._show(lambda: self.tr("Google: not synced yet"))
        else:
            self._show(
                lambda: self.tr("Google: synced {when}").format(when=format_instant(when, self._tz))
            )

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)

    def _on_started(self) -> None:
        self._busy(True)
        self._shows_last_sync = False
        self.progress.setRange(0, 0)
        self._show(lambda: self.tr("Google: syncing…"))

    def _on_progress(self, done: int, total: int, _message: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        self._show(lambda: self.tr("Google: {done} reviews fetched…").format(done=done))

    def _on_checked(self, _connected: bool) -> None:
        # A failure or a cancel stays in view until the next sync.
        if self._shows_last_sync and not self._worker.busy:
            self.show_last_sync(self._worker.last_sync_at)

    def _on_synced(self, result: object) -> None:
        self._busy(False)
        self.show_last_sync(self._worker.last_sync_at)

    def _on_failed(self, exc: BaseException) -> None:
        self._busy(False)
        self._shows_last_sync = False
        self._show(lambda: self.tr("Google: {message}").format(message=describe_failure(exc)))

    def _on_cancelled(self) -> None:
        self._busy(False)
        self._shows_last_sync = False
        self._show(lambda: self.tr("Google: sync cancelled; nothing was changed"))
