"""Run a function on a background QThread and get its result back on the GUI thread.

    runner = TaskRunner(parent=window)
    handle = runner.run(lambda progress: sync(store, progress), on_done=show, on_error=warn)
    handle.cancel()

The function receives a :class:`~feedback_desk.services.progress.Progress`; its reports, result
and exception arrive as queued signals, so callbacks always run on the thread that owns the
runner. Each service opens its own database session inside the function: sessions are never
shared across threads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from feedback_desk.services.progress import Cancelled, Progress


class _ThreadProgress:
    def __init__(self, task: Task) -> None:
        self._task = task

    def report(self, done: int, total: int | None, message: str) -> None:
        self._task.progressed.emit(done, -1 if total is None else total, message)

    @property
    def cancelled(self) -> bool:
        return self._task.cancel_requested.is_set()


class Task(QThread):
    """One run of a function; emits exactly one of succeeded, failed or was_cancelled."""

    progressed = Signal(int, int, str)  # done, total (-1 when unknown), message
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    was_cancelled = Signal()

    def __init__(
        self, function: Callable[[Progress], Any], name: str, parent: QObject | None = None
    ):
        super().__init__(parent)
        self.setObjectName(name)
        self._function = function
        self.cancel_requested = threading.Event()

    def cancel(self) -> None:
        self.cancel_requested.set()

    def run(self) -> None:
        try:
            result = self._function(_ThreadProgress(self))
        except Cancelled:
            self.was_cancelled.emit()
        except Exception as exc:  # delivered to the GUI thread, which decides how to show it
            self.failed.emit(exc)
        else:
            if self.cancel_requested.is_set():
                self.was_cancelled.emit()
            else:
                self.succeeded.emit(result)


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
    """Keeps background tasks alive until they finish; cancels and joins them on shutdown."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
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
        # Parented: Qt owns both and deletes them later, never while a signal of theirs runs.
        task = Task(function, name, parent=self)
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
        task.finished.connect(self._on_finished)
        self._tasks[task] = relay
        if len(self._tasks) == 1:
            self.busy_changed.emit(True)
        task.start()
        return task

    @Slot()
    def _on_finished(self) -> None:
        task = self.sender()
        if isinstance(task, Task) and task in self._tasks:
            # finished is emitted just before the thread ends: join it before letting go.
            task.wait()
            relay = self._tasks.pop(task)
            # Hand both to Python, which frees them with the last reference. Not deleteLater():
            # a deferred delete still pending when a Python-owned parent widget is freed makes
            # PySide delete the object twice (a crash at the next event loop turn).
            relay.setParent(None)
            task.setParent(None)
        if not self._tasks:
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Ask every task to stop and wait for them (called when the window closes)."""
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            task.wait(timeout_ms)
