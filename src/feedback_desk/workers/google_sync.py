"""Google sync in the background: on demand and every ``google.sync_minutes`` while the window
is open (0 = off) and only while a profile is connected, on the window's :class:`TaskRunner`
(which joins the sync before the store closes); progress, cancel and the last sync time for the
status bar. Whether a profile is connected (its sign-in in the system keyring) and when it last
synced are read in the background too. Outcomes reach the worker only while it exists. A failure
(offline, refused sign-in) leaves the archive as it was and is reported as one sentence."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from feedback_desk.clock import Clock
from feedback_desk.services.progress import Progress
from feedback_desk.store.database import Store
from feedback_desk.workers.tasks import Task, TaskRunner

SyncFunction = Callable[[Store, Clock, Progress], Any]


def _default_sync(store: Store, clock: Clock, progress: Progress) -> Any:
    from feedback_desk.services.audit import default_actor
    from feedback_desk.services.google.sync import sync_reviews

    return sync_reviews(store, clock=clock, actor=default_actor(), progress=progress)


class GoogleSyncWorker(QObject):
    """Give it a parent (the window's context): a parentless QObject could be collected by
    Python on any thread. Its work runs on *runner*, the window's."""

    started = Signal()
    progressed = Signal(int, int, str)  # done, total (-1 unknown), message
    synced = Signal(object)  # services.google.sync.SyncResult
    failed = Signal(object)  # the exception: ui.google.failure says it in the language shown
    cancelled = Signal()
    busy_changed = Signal(bool)
    # check_connection() answered: whether a profile is connected (last_sync_at is known).
    connection_checked = Signal(bool)

    def __init__(
        self,
        store: Store,
        clock: Clock,
        runner: TaskRunner,
        *,
        sync_function: SyncFunction | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self._tasks = runner.tasks_for(self)
        self._sync = sync_function or _default_sync
        self._task: Task | None = None
        self._scheduled = False
        # Known once check_connection() answers (the store's), or after a sync here.
        self.last_sync_at: datetime | None = None
        self.connected = False
        self.every = 0  # minutes between syncs now scheduled (0: none)
        self._checks = 0  # generation of connection checks: only the newest one counts
        self._checking = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._on_timer)

    @property
    def busy(self) -> bool:
        return self._task is not None

    @property
    def checking(self) -> bool:
        """A connection check is under way."""
        return self._checking

    def check_connection(self, minutes: int, *, fresh: bool = False) -> None:
        """Read, in the background, whether a profile is connected and when it last synced; then
        sync every *minutes* while connected, and at once when the last sync is older than that
        (or there was none). *fresh*: the connection just changed (Settings → Google), so a
        connected profile syncs now and a failure is reported."""
        self._checks += 1
        check, store = self._checks, self._store
        self._checking = True

        def read(_progress: Progress) -> Any:
            # Imported here, on the worker: Google's and the keyring's libraries take a good
            # part of a second to load.
            from feedback_desk.services.google.connection import status

            return status(store)

        self._tasks.run(
            read,
            name="google-connection",
            on_done=lambda found: self._connection_read(check, found, minutes, fresh),
            on_error=lambda exc: self._connection_failed(check, exc),
        )

    def _connection_read(self, check: int, found: Any, minutes: int, fresh: bool) -> None:
        if check != self._checks:
            return  # a newer check is on its way
        self._checking = False
        was_connected, was_every = (False if fresh else self.connected), self.every
        self.connected = bool(found.connected)
        stored = found.last_sync_at
        if stored is not None and (self.last_sync_at is None or stored > self.last_sync_at):
            self.last_sync_at = stored
        self.every = minutes if self.connected else 0
        if self.every != was_every or self.connected != was_connected:
            # Restarting the timer on every refresh would put the next sync off for ever.
            self.schedule_every(self.every)
        self.connection_checked.emit(self.connected)
        if not self.connected or self.busy:
            return
        if fresh:
            self.start_sync()
            return
        if was_connected or minutes <= 0:
            return
        last = self.last_sync_at
        if last is None or self._clock.now() - last >= timedelta(minutes=minutes):
            self.start_sync(scheduled=True)

    def _connection_failed(self, check: int, exc: BaseException) -> None:
        if check != self._checks:
            return
        self._checking = False
        self.failed.emit(exc)

    def schedule_every(self, minutes: int, *, interval_ms: int | None = None) -> None:
        """Sync every *minutes* (0 stops it); *interval_ms* overrides, for tests."""
        self.timer.stop()
        if minutes <= 0 and interval_ms is None:
            return
        self.timer.start(interval_ms if interval_ms is not None else minutes * 60_000)

    def _on_timer(self) -> None:
        self.start_sync(scheduled=True)

    def start_sync(self, *, scheduled: bool = False) -> bool:
        """Start a sync unless one runs; a scheduled sync of an unconnected store stays quiet."""
        if self._task is not None:
            return False
        self._scheduled = scheduled
        store, clock, sync = self._store, self._clock, self._sync
        self._task = self._tasks.run(
            lambda progress: sync(store, clock, progress),
            name="google-sync",
            on_done=self._on_done,
            on_error=self._on_error,
            on_progress=self.progressed.emit,
            on_cancelled=self._on_cancelled,
        )
        self.started.emit()
        self.busy_changed.emit(True)
        return True

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def shutdown(self) -> None:
        """The store is closing: no more syncs, and the one under way is cancelled (the runner
        joins it before the store closes). Returns at once."""
        self.timer.stop()
        self.cancel()

    def _finish(self) -> None:
        self._task = None
        self.busy_changed.emit(False)

    def _on_done(self, result: Any) -> None:
        self.last_sync_at = getattr(result, "synced_at", self._clock.now())
        self._finish()
        self.synced.emit(result)

    def _on_error(self, exc: BaseException) -> None:
        from feedback_desk.services.google.errors import GoogleNotConnected

        self._finish()
        if self._scheduled and isinstance(exc, GoogleNotConnected):
            return
        self.failed.emit(exc)

    def _on_cancelled(self) -> None:
        self._finish()
        self.cancelled.emit()
