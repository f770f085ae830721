"""What every part of the window shares: the open store, the clock, background queries and the
studio's settings.

Queries run on worker threads (one database session each, opened inside the worker); their
results come back on the GUI thread. Once the context is closed (the window closes, or another
store is opened) late results are dropped instead of reaching widgets that are gone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid
from sqlalchemy.orm import Session

from feedback_desk.clock import Clock
from feedback_desk.domain.localtime import local_day
from feedback_desk.errors import FeedbackDeskError
from feedback_desk.services.progress import Progress
from feedback_desk.services.settings import Settings, load_settings
from feedback_desk.store.database import Store
from feedback_desk.workers.tasks import Task, TaskRunner

if TYPE_CHECKING:
    from feedback_desk.workers.google_sync import GoogleSyncWorker

T = TypeVar("T")


def describe_error(exc: BaseException) -> str:
    """One line for the status bar: a known failure's message, else the kind of failure."""
    if isinstance(exc, FeedbackDeskError):
        return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class WindowContext(QObject):
    settings_changed = Signal()
    # A background load failed: one line for the status bar.
    failed = Signal(str)
    # A widget queued email in the outbox: the window sends it without waiting for its timer.
    emails_queued = Signal()

    def __init__(self, store: Store, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.tasks = TaskRunner(self)
        self.settings = Settings({})
        self.settings_loaded = False
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

    def _guard(self, callback: Callable[..., None] | None) -> Callable[..., None] | None:
        if callback is None:
            return None

        def guarded(*args: Any) -> None:
            if not self._closed:
                callback(*args)

        return guarded

    def run(
        self,
        work: Callable[[Progress], T],
        *,
        name: str,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
    ) -> Task:
        """Run *work* on a worker thread; callbacks on the GUI thread while the context lives."""
        return self.tasks.run(
            work,
            name=name,
            on_done=self._guard(on_done),
            on_error=self._guard(on_error or self._report(name)),
            on_progress=self._guard(on_progress),
            on_cancelled=self._guard(on_cancelled),
        )

    def query(
        self,
        name: str,
        read: Callable[[Session], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task:
        """Run *read* in its own read session on a worker thread."""

        def work(_progress: Progress) -> T:
            with self.store.read() as session:
                return read(session)

        return self.run(work, name=name, on_done=on_done, on_error=on_error)

    def _report(self, name: str) -> Callable[[BaseException], None]:
        def report(exc: BaseException) -> None:
            self.failed.emit(
                self.tr("Could not load {what}: {why}").format(what=name, why=describe_error(exc))
            )

        return report

    def reload_settings(self, then: Callable[[], None] | None = None) -> None:
        def adopt(settings: Settings) -> None:
            self.settings = settings
            self.settings_loaded = True
            self.settings_changed.emit()
            if then is not None:
                then()

        self.query(self.tr("the settings"), load_settings, adopt)

    @property
    def busy(self) -> bool:
        return self.tasks.busy

    def tasks_for(self, owner: QObject) -> BoundTasks:
        """Background work for *owner* (a tab, a settings page): it runs on the context's
        tasks, which the window joins before the store closes, and its results are dropped
        once *owner* is deleted or the context closed."""
        return BoundTasks(self, owner)

    def close(self) -> None:
        """Stop delivering results, wait for running queries, then close the store."""
        if self._closed:
            return
        self._closed = True
        self.tasks.shutdown()
        self.store.close()


class BoundTasks:
    """:meth:`WindowContext.run` for one widget: what a widget's ``runner=`` expects
    (``run(...)`` and ``busy``), without tying threads to the widget's own lifetime."""

    def __init__(self, context: WindowContext, owner: QObject) -> None:
        self._context = context
        self._owner = owner

    def _alive(self, callback: Callable[..., None] | None) -> Callable[..., None] | None:
        if callback is None:
            return None
        owner = self._owner

        def call(*args: Any) -> None:
            if isValid(owner):
                callback(*args)

        return call

    def run(
        self,
        work: Callable[[Progress], T],
        *,
        name: str = "task",
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
    ) -> Task:
        return self._context.run(
            work,
            name=name,
            on_done=self._alive(on_done),
            on_error=self._alive(on_error),
            on_progress=self._alive(on_progress),
            on_cancelled=self._alive(on_cancelled),
        )

    @property
    def busy(self) -> bool:
        return self._context.busy
