"""Run a function off the GUI thread and get its outcome back on the GUI thread, tied to the
lifetime of the widget that asked for it.

    tasks = runner.tasks_for(dialog)
    task = tasks.run(lambda progress: sync(store, progress), name="sync", on_done=show)
    task.cancel()

The function receives a :class:`~feedback_desk.services.progress.Progress`. Its outcome (result,
exception or cancellation) and its progress reports come back on the thread that owns the runner,
where the callbacks run — only while their owner (the widget) still exists.

Three rules keep Qt objects from being destroyed on a worker thread, or twice:

- A worker thread never drops the last reference to anything the GUI made. The function, its
  outcome and the callbacks are kept by the :class:`Task` (a QObject of the GUI thread); the
  worker drops its own references before it signals the end, and the GUI thread releases the
  task's references after dispatching the outcome.
- Tasks belong to the runner (the window's context), never to the widget that asked: deleting a
  widget can never delete a task that is in the middle of being delivered or deleted.
- Outcomes are not sent through signal arguments (a queued argument can be released by either
  thread, in either order); the worker stores the outcome on the task, then emits the task's
  number.
- A worker never emits a signal of an object the GUI thread may delete: a task can be deleted as
  soon as its end was delivered, which may be before the worker's ``emit`` has returned (a worker
  preempted inside ``emit`` on a busy machine). Workers emit through the runner's relay, which
  outlives every job (the runner's pool, destroyed first, waits for them).

Every failure is logged with its traceback (``feedback_desk`` logger); a failure whose caller has
no ``on_error`` is also announced by :attr:`TaskRunner.failed` (the window's status bar).
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from shiboken6 import isValid

from feedback_desk.errors import FeedbackDeskError
from feedback_desk.services.progress import Cancelled, Progress

T = TypeVar("T")
log = logging.getLogger("feedback_desk.tasks")

Work = Callable[[Progress], Any]


class Task(QObject):
    """Handle of one run, on the GUI thread: emits ``progressed`` while it runs, then ``ended``
    once its outcome was delivered."""

    progressed = Signal(int, int, str)  # done, total (-1 when unknown), message
    ended = Signal()

    def __init__(
        self, number: int, name: str, work: Work, owner: QObject | None, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.number = number  # the runner's key for it, what the worker emits
        self.setObjectName(name)
        self.cancel_requested = threading.Event()
        self.owner = owner
        self.work: Work | None = work
        self.callbacks: dict[str, Callable[..., None] | None] = {}
        # Set by the worker, read and cleared on the GUI thread.
        self.outcome: tuple[str, Any] | None = None

    @property
    def name(self) -> str:
        return self.objectName()

    def cancel(self) -> None:
        self.cancel_requested.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_requested.is_set()

    def owner_alive(self) -> bool:
        return self.owner is None or isValid(self.owner)

    def release(self) -> None:
        """Drop the function, outcome, callbacks and owner (on the GUI thread)."""
        self.work = None
        self.outcome = None
        self.callbacks = {}
        self.owner = None


class _Relay(QObject):
    """From the worker threads to the runner (queued), by task number."""

    reported = Signal(int, int, int, str)  # task, done, total (-1 when unknown), message
    finished = Signal(int)  # task


class _TaskProgress:
    def __init__(self, task: Task, relay: _Relay) -> None:
        self._task = task
        self._relay = relay

    def report(self, done: int, total: int | None, message: str) -> None:
        self._relay.reported.emit(self._task.number, done, -1 if total is None else total, message)

    @property
    def cancelled(self) -> bool:
        return self._task.cancel_requested.is_set()


class _Job(QRunnable):
    def __init__(self, task: Task, relay: _Relay) -> None:
        super().__init__()
        self._task = task
        self._relay = relay

    def run(self) -> None:
        task = self._task
        work = task.work
        try:
            if work is None or task.cancelled:
                raise Cancelled()
            result = work(_TaskProgress(task, self._relay))
            task.outcome = ("cancelled", None) if task.cancelled else ("done", result)
            result = None
        except Cancelled:
            task.outcome = ("cancelled", None)
        except Exception as exc:  # delivered to the GUI thread, which logs and shows it
            task.outcome = ("failed", exc)
        # The task keeps the function and the outcome: drop ours before saying we are done, so
        # the last references go on the GUI thread.
        work = None
        self._relay.finished.emit(task.number)


class TaskRunner(QObject):
    """Runs functions in the background; cancels and waits for them on shutdown."""

    busy_changed = Signal(bool)
    # A task failed and its caller had no on_error: (task name, exception).
    failed = Signal(str, object)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 4) -> None:
        super().__init__(parent)
        # Created first, so destroyed first among the children: it waits for running jobs.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.reported.connect(self._on_reported)
        self._relay.finished.connect(self._on_finished)
        self._running: dict[int, Task] = {}
        self._numbers = itertools.count(1)
        self._closed = False

    def run(
        self,
        work: Work,
        *,
        name: str = "task",
        owner: QObject | None = None,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
    ) -> Task:
        """Run *work*; callbacks run on this runner's thread while *owner* (if any) exists."""
        task = Task(next(self._numbers), name, work, owner, self)
        task.callbacks = {
            "done": on_done,
            "error": on_error,
            "progress": on_progress,
            "cancelled": on_cancelled,
        }
        if owner is not None and owner is not self.parent():
            # (The runner's own parent goes with the runner: nothing to cancel then.)
            owner.destroyed.connect(self._owner_destroyed, Qt.ConnectionType.UniqueConnection)
        self._running[task.number] = task
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        if self._closed:
            task.cancel()
        self._pool.start(_Job(task, self._relay))
        return task

    def tasks_for(self, owner: QObject) -> BoundTasks:
        return BoundTasks(self, owner)

    @Slot()
    def _owner_destroyed(self) -> None:
        """A widget went away: its running tasks are asked to stop (their outcome is dropped)."""
        gone = self.sender()
        # In a garbage cycle being collected, this runner's attributes may be cleared before
        # its C++ object goes: nothing is running for it then.
        for task in getattr(self, "_running", {}).values():
            if task.owner is gone or not task.owner_alive():
                task.cancel()

    @Slot(int, int, int, str)
    def _on_reported(self, number: int, done: int, total: int, message: str) -> None:
        task = self._running.get(number)
        if task is None or task.cancelled:
            return
        if task.owner_alive():
            callback = task.callbacks.get("progress")
            if callback is not None:
                callback(done, total, message)
        task.progressed.emit(done, total, message)

    @Slot(int)
    def _on_finished(self, number: int) -> None:
        task = self._running.pop(number, None)
        if task is None:
            return
        try:
            self._deliver(task)
        finally:
            task.ended.emit()
            task.release()
            task.deleteLater()
            if not self._running:
                self.busy_changed.emit(False)

    def _deliver(self, task: Task) -> None:
        kind, value = task.outcome or ("cancelled", None)
        if kind == "failed":
            _log_failure(task.name, value)
        if self._closed or not task.owner_alive():
            return
        if kind == "done":
            callback = task.callbacks.get("done")
            if callback is not None:
                callback(value)
        elif kind == "failed":
            handler = task.callbacks.get("error")
            if handler is not None:
                handler(value)
            else:
                self.failed.emit(task.name, value)
        else:
            callback = task.callbacks.get("cancelled")
            if callback is not None:
                callback()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def running(self, owner: QObject) -> list[Task]:
        return [task for task in self._running.values() if task.owner is owner]

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Stop delivering outcomes, ask every task to stop and wait for them; False if some
        still run after the timeout."""
        self._closed = True
        for task in list(self._running.values()):
            task.cancel()
        finished = bool(self._pool.waitForDone(timeout_ms))
        if finished:
            # Their end notices are still queued: release what they hold here, on this thread.
            for task in list(self._running.values()):
                task.release()
        return finished

    @property
    def closed(self) -> bool:
        return self._closed


def _log_failure(name: str, error: BaseException) -> None:
    if isinstance(error, FeedbackDeskError):
        log.warning("%s: %s", name, error)
    else:
        log.error("background work %r failed", name, exc_info=error)


class BoundTasks:
    """The runner's tasks for one widget: their outcomes reach the widget only while it exists,
    and its running tasks are asked to stop when it is deleted."""

    def __init__(self, runner: TaskRunner, owner: QObject) -> None:
        self._runner = runner
        self._owner = owner

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
        return self._runner.run(
            work,
            name=name,
            owner=self._owner,
            on_done=on_done,
            on_error=on_error,
            on_progress=on_progress,
            on_cancelled=on_cancelled,
        )

    @property
    def busy(self) -> bool:
        return isValid(self._owner) and bool(self._runner.running(self._owner))
