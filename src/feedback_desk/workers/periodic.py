"""Work the open window repeats every N seconds, and on demand, on its task runner: one run at a
time (a run asked while one goes is dropped), the timer kept while its interval is unchanged (a
window refresh does not put the next run off), and stopped with the store (the run under way is
cancelled; the runner joins it before the store closes).

A subclass gives :meth:`PeriodicWorker.work` (on the worker thread) and what to do with its
outcome (:meth:`done`, :meth:`failed`, :meth:`cancelled`, on the GUI thread). The outbox's sender
and the inbox's reader are two.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Slot

from feedback_desk.services.progress import Progress
from feedback_desk.workers.tasks import Task, TaskRunner


class PeriodicWorker(QObject):
    task_name = "periodic"

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = runner.tasks_for(self)
        self._task: Task | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.run_now)

    @property
    def running(self) -> bool:
        return self._task is not None

    @property
    def every_seconds(self) -> int:
        """The interval of the periodic runs; 0 when they are off."""
        return self._timer.interval() // 1000 if self._timer.isActive() else 0

    @property
    def busy(self) -> bool:
        """A run, or other work of this worker, is under way."""
        return self._tasks.busy

    def set_interval(self, seconds: int) -> None:
        """A run every *seconds* (0: only when asked); an unchanged interval keeps its timer."""
        if seconds == self.every_seconds:
            return
        self._timer.stop()
        if seconds > 0:
            self._timer.start(seconds * 1000)

    def stop(self) -> None:
        """No more runs; the one under way is asked to stop. Returns at once."""
        self._timer.stop()
        if self._task is not None:
            self._task.cancel()

    @Slot()
    def run_now(self) -> Task | None:
        """One run now, unless one is already going (then None)."""
        if self._task is not None:
            return None
        self._task = self._tasks.run(
            self.work,
            name=self.task_name,
            on_done=self._run_done,
            on_error=self._run_failed,
            on_cancelled=self._run_cancelled,
        )
        self.run_started(self._task)
        return self._task

    def _run_done(self, result: object) -> None:
        self._task = None
        self.done(result)

    def _run_failed(self, error: BaseException) -> None:
        self._task = None
        self.failed(error)

    def _run_cancelled(self) -> None:
        self._task = None
        self.cancelled()

    # What a subclass gives ----------------------------------------------------------------------
    def work(self, progress: Progress) -> object:
        raise NotImplementedError

    def run_started(self, task: Task) -> None:
        """A run was started (its task: progress and Cancel)."""

    def done(self, result: object) -> None:
        """The run's result."""

    def failed(self, error: BaseException) -> None:
        """The run failed (its traceback is in the log)."""

    def cancelled(self) -> None:
        """The run stopped when asked."""
