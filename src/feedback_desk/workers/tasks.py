"""Run a function off the GUI thread and get its result back on the GUI thread.

    runner = TaskRunner(parent=window)
    task = runner.run(lambda progress: sync(store, progress), on_done=show, on_error=warn)
    task.cancel()

The function receives a :class:`~feedback_desk.services.progress.Progress`; its reports, result
and exception arrive as queued signals, so callbacks always run on the thread that owns the
runner. Each service opens its own database session inside the function: sessions are never
shared across threads.

Functions run on the runner's own QThreadPool. The pool is the runner's first child, so when a
runner is destroyed (its window closed, its dialog deleted) the pool is destroyed first and waits
for running functions to return: a thread is never destroyed while it runs, whatever the order in
which Qt and Python let go of the objects.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from feedback_desk.services.progress import Cancelled, Progress


class Task(QObject):
    """Handle of one run: emits one of succeeded, failed or was_cancelled, then ended."""

    progressed = Signal(int, int, str)  # done, total (-1 when unknown), message
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    was_cancelled = Signal()
    ended = Signal()

    def __init__(self, name: str, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.cancel_requested = threading.Event()

    def cancel(self) -> None:
        self.cancel_requested.set()


class _TaskProgress:
    def __init__(self, task: Task) -> None:
        self._task = task

    def report(self, done: int, total: int | None, message: str) -> None:
        self._task.progressed.emit(done, -1 if total is None else total, message)

    @property
    def cancelled(self) -> bool:
        return self._task.cancel_requested.is_set()


class _Job(QRunnable):
    def __init__(self, function: Callable[[Progress], Any], task: Task) -> None:
        super().__init__()
        self._function = function
        self._task = task

    def run(self) -> None:
        task = self._task
        try:
            result = self._function(_TaskProgress(task))
        except Cancelled:
            task.was_cancelled.emit()
        except Exception as exc:  # delivered to the GUI thread, which decides how to show it
            task.failed.emit(exc)
        else:
            if task.cancel_requested.is_set():
                task.was_cancelled.emit()
            else:
                task.succeeded.emit(result)
        finally:
            task.ended.emit()


class _Relay(QObject):
    """Lives on the runner's thread: its slots, hence the callbacks, run there (queued)."""

    def __init__(self, parent: QObject, callbacks: dict[str, Callable[..., None] | None]) -> None:
        super().__init__(parent)
        self._callbacks = callbacks

    def _call(self, name: str, *args: Any) -> None:
        callback = self._callbacks.get(name)
        if callback is not None:
            callback(*args)

    @Slot(object)
    def done(self, result: object) -> None:
        self._call("done", result)

    @Slot(object)
    def error(self, exc: object) -> None:
        self._call("error", exc)

    @Slot(int, int, str)
    def progress(self, done: int, total: int, message: str) -> None:
        self._call("progress", done, total, message)

    @Slot()
    def cancelled(self) -> None:
        self._call("cancelled")


class TaskRunner(QObject):
    """Runs functions in the background; cancels and waits for them on shutdown."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 4) -> None:
        super().__init__(parent)
        # Created first, so destroyed first among the children: it waits for running jobs.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._tasks: dict[Task, _Relay] = {}

    def run(
        self,
        function: Callable[[Progress], Any],
        *,
        name: str = "task",
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
    ) -> Task:
        task = Task(name, self)
        relay = _Relay(
            self,
            {
                "done": on_done,
                "error": on_error,
                "progress": on_progress,
                "cancelled": on_cancelled,
            },
        )
        task.succeeded.connect(relay.done)
        task.failed.connect(relay.error)
        task.progressed.connect(relay.progress)
        task.was_cancelled.connect(relay.cancelled)
        task.ended.connect(self._on_ended)
        self._tasks[task] = relay
        if len(self._tasks) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(function, task))
        return task

    @Slot()
    def _on_ended(self) -> None:
        task = self.sender()
        relay = self._tasks.pop(task, None) if isinstance(task, Task) else None
        if relay is not None:
            relay.deleteLater()
            task.deleteLater()
        if not self._tasks:
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Ask every task to stop and wait for them; False if some still run after the timeout."""
        for task in list(self._tasks):
            task.cancel()
        return bool(self._pool.waitForDone(timeout_ms))
