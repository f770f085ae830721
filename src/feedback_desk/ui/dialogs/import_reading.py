"""Reading the file for the mapping step, on the window's workers: the first rows at once, then
the whole file; again after a pause in the user's changes, a result for an older read dropped."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from feedback_desk.services.importing import ImportKind, ImportPreview, Mapping, preview_import
from feedback_desk.services.importing.inspection import inspect_file
from feedback_desk.services.progress import Progress, ThrottledProgress
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.workers.tasks import Task

PREVIEW_ROWS = 20
REREAD_DELAY_MS = 300  # a pause in the user's changes before the file is read again


@dataclass(frozen=True)
class ReadRequest:
    path: Path
    kind: ImportKind
    mapping: Mapping


class FileReader(QObject):
    """Reads what *request()* says when asked; says what it found through its signals."""

    inspected = Signal(object)  # the first rows' ImportPreview (the whole-file check follows)
    checked = Signal(object)  # the whole file's ImportPreview
    failed = Signal(str)  # why the file could not be read
    progressed = Signal(int)  # percent of the whole-file check
    checking = Signal(bool)  # the whole-file check started (True) or ended (False)

    def __init__(
        self,
        context: WindowContext,
        request: Callable[[], ReadRequest | None],
        *,
        delay_ms: int = REREAD_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._tasks = context.tasks_for(self)
        self._request = request
        self._generation = 0
        self._check_task: Task | None = None
        self._check_pending = False
        self._percent = -1
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.read_now)

    @property
    def busy(self) -> bool:
        return self._tasks.busy or self._timer.isActive() or self._check_pending

    @property
    def waiting(self) -> bool:
        """A change waits for the user's pause before the file is read again."""
        return self._timer.isActive()

    def read_later(self) -> None:
        self._timer.start()

    def read_now(self) -> None:
        """Look at the first rows of what the request says now (nothing when no file)."""
        self._timer.stop()
        self.stop()
        self._generation += 1
        generation = self._generation
        request = self._request()
        if request is None:
            return
        store, clock = self._context.store, self._context.clock

        def work(_progress: Progress) -> ImportPreview:
            return inspect_file(
                store,
                request.kind,
                request.path,
                name=request.path.name,
                mapping=request.mapping,
                rows=PREVIEW_ROWS,
                clock=clock,
            )

        self._tasks.run(
            work,
            name="import-inspect",
            on_done=lambda shown: self._inspected(generation, request, shown),
            on_error=lambda exc: self._failed(generation, exc),
        )

    def stop(self) -> None:
        """Drop what is under way (a whole-file check is cancelled)."""
        self._generation += 1
        self._timer.stop()
        if self._check_task is not None:
            self._check_task.cancel()
            self._check_task = None
            self.checking.emit(False)

    def _inspected(self, generation: int, request: ReadRequest, shown: ImportPreview) -> None:
        if generation != self._generation:
            return  # the mapping, the kind or the file changed meanwhile
        self.inspected.emit(shown)
        if generation == self._generation:  # (a slot may have asked for another read)
            # Once the first rows are drawn: the check's worker then competes with no painting.
            self._check_pending = True
            QTimer.singleShot(0, self, lambda: self._check(generation, request))

    def _check(self, generation: int, request: ReadRequest) -> None:
        self._check_pending = False
        if generation != self._generation:
            return
        store, clock = self._context.store, self._context.clock

        def work(progress: Progress) -> ImportPreview:
            return preview_import(
                store,
                request.kind,
                request.path,
                name=request.path.name,
                mapping=request.mapping,
                max_rows=PREVIEW_ROWS,
                clock=clock,
                progress=ThrottledProgress(progress),
            )

        self._percent = -1
        self.checking.emit(True)
        self._check_task = self._tasks.run(
            work,
            name="import-check",
            on_done=lambda whole: self._checked(generation, whole),
            on_error=lambda exc: self._failed(generation, exc),
            on_progress=self._progress,
        )

    def _ended(self) -> None:
        if self._check_task is not None:
            self._check_task = None
            self.checking.emit(False)

    def _checked(self, generation: int, whole: ImportPreview) -> None:
        if generation == self._generation:
            self._ended()
            self.checked.emit(whole)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._ended()
            self.failed.emit(describe_error(exc))

    def _progress(self, done: int, total: int, _message: str) -> None:
        # By the percent: each call into Qt waits for the worker to let go of Python's lock.
        if total > 0 and (percent := min(done, total) * 100 // total) != self._percent:
            self._percent = percent
            self.progressed.emit(percent)
