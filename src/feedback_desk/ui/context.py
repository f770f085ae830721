"""What every part of the window shares: the open store, the clock, background queries and the
studio's settings.

Queries run on worker threads (one database session each, opened inside the worker); their
results come back on the GUI thread. Once the context is closed (the window closes, or another
store is opened) late results are dropped instead of reaching widgets that are gone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QObject, Signal
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from feedback_desk.clock import Clock
from feedback_desk.domain.localtime import local_day
from feedback_desk.errors import FeedbackDeskError
from feedback_desk.services.progress import Progress
from feedback_desk.services.settings import Settings, load_settings
from feedback_desk.store.database import Store
from feedback_desk.ui import i18n
from feedback_desk.workers.tasks import BoundTasks, Task, TaskRunner

if TYPE_CHECKING:
    from feedback_desk.workers.google_sync import GoogleSyncWorker

T = TypeVar("T")


def describe_error(exc: BaseException) -> str:
    """One line, in words, for the status bar or a dialog: a known failure's own message; a
    busy store, a missing file or a network fault said plainly; anything else is a bug, whose
    traceback is in the log (every background failure is logged there)."""
    if isinstance(exc, FeedbackDeskError):
        text = i18n.said(exc)
        return text.splitlines()[0] if text else type(exc).__name__
    if isinstance(exc, OperationalError) and "locked" in str(exc.orig):
        return QCoreApplication.translate(
            "Errors",
            "the store is busy (another program is writing to it); try again in a moment",
        )
    if isinstance(exc, ConnectionError | TimeoutError):
        return QCoreApplication.translate("Errors", "the connection failed ({why})").format(
            why=exc.strerror or type(exc).__name__
        )
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror if exc.filename is None else f"{exc.filename}: {exc.strerror}"
    return QCoreApplication.translate(
        "Errors", "an unexpected error ({kind}); the details are in the log"
    ).format(kind=type(exc).__name__)


class WindowContext(QObject):
    settings_changed = Signal()
    # A background load failed: one line for the status bar.
    failed = Signal(object)  # what to say: a text, or how to say it (ui/status.py)
    # A widget queued email in the outbox: the window sends it without waiting for its timer.
    emails_queued = Signal()
    # Whether this store may act as the studio (send email, sync Google) is known or changed.
    live_changed = Signal(bool)

    def __init__(self, store: Store, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.tasks = TaskRunner(self)
        self.tasks.failed.connect(self._report_failure)
        self._own_tasks = StoreTasks(self, self)
        self.settings = Settings({})
        self.settings_loaded = False
        # None until read: a copy of the live store (a backup, a test copy) never sends email or
        # syncs Google as the studio (docs/rules.md#live-store).
        self.live: bool | None = None
        self._closed = False
        # The store's Google sync, when the window runs one (the Google tab shows its progress).
        self.google_sync: GoogleSyncWorker | None = None

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def tz(self) -> ZoneInfo:
        return self.settings.timezone

    def today(self) -> date:
        """The studio-local day of the clock's now."""
        return local_day(self.clock.now(), self.tz)

    def tasks_for(self, owner: QObject) -> StoreTasks:
        """Background work for *owner* (a tab, a dialog, a chart): it runs on the context's
        runner, which the window joins before the store closes; its outcome reaches *owner*
        only while *owner* exists and the context is open. Failures nobody handles reach the
        status bar through :attr:`failed`."""
        return StoreTasks(self, owner)

    def _report_failure(self, name: str, exc: object) -> None:
        def said() -> str:
            # The error itself is kept: its words follow the interface language when said again.
            why = describe_error(exc) if isinstance(exc, BaseException) else str(exc)
            return self.tr("Could not load {what}: {why}").format(what=name, why=why)

        self.failed.emit(said)

    def reload_settings(self, then: Callable[[], None] | None = None) -> None:
        def adopt(settings: Settings) -> None:
            self.settings = settings
            self.settings_loaded = True
            self.settings_changed.emit()
            if then is not None:
                then()

        self._own_tasks.query(self.tr("the settings"), load_settings, adopt)

    @property
    def busy(self) -> bool:
        return self.tasks.busy

    def close(self) -> None:
        """Stop delivering results, wait for running queries, then close the store."""
        if self._closed:
            return
        self._closed = True
        self.tasks.shutdown()
        self.store.close()


class StoreTasks(BoundTasks):
    """A widget's background work on the window's store: ``run`` any function, ``query`` in a
    read session, ``write`` in a write transaction (each opened on the worker thread)."""

    def __init__(self, context: WindowContext, owner: QObject) -> None:
        super().__init__(context.tasks, owner)
        self.context = context

    def query(
        self,
        name: str,
        read: Callable[[Session], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task:
        store = self.context.store

        def work(_progress: Progress) -> T:
            with store.read() as session:
                return read(session)

        return self.run(work, name=name, on_done=on_done, on_error=on_error)

    def write(
        self,
        name: str,
        change: Callable[[Session], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task:
        store = self.context.store

        def work(_progress: Progress) -> T:
            with store.write() as session:
                return change(session)

        return self.run(work, name=name, on_done=on_done, on_error=on_error)
