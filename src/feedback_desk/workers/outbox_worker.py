"""The window's background sender: every ``outbox.interval_seconds`` (and on demand) it runs the
outbox on a worker thread, then reports the queued, failed and uncertain counts.

    worker = OutboxWorker(context.store, context.clock, context.tasks, parent=context)
    worker.counts_changed.connect(status_widget.set_counts)
    worker.set_interval(60)  # the periodic runs (0: none)
    worker.send_now()        # one run at once (e.g. after staff queued a reply)
    worker.stop()            # the store is closing: no more runs, the one under way is cancelled

Runs go on the window's runner, which joins them before the store closes; their outcomes reach
the worker only while it exists. A run is the very one ``send-outbox`` does, so a window and a
scheduled job can share a store: claims are atomic, nothing is sent twice. Runs never overlap
within one window.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

from feedback_desk.clock import Clock
from feedback_desk.services.email.smtp import SmtplibTransport, SmtpTransport
from feedback_desk.services.progress import Cancelled, Progress
from feedback_desk.store.database import Store
from feedback_desk.workers.periodic import PeriodicWorker
from feedback_desk.workers.tasks import TaskRunner


def _interruptible_sleep(progress: Progress) -> Callable[[float], None]:
    """Sleep for the rate limit, but stop at once when the run is cancelled."""
    pause = threading.Event()

    def sleep(seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            if progress.cancelled:
                raise Cancelled()
            pause.wait(min(left, 0.2))

    return sleep


class OutboxWorker(PeriodicWorker):
    counts_changed = Signal(int, int, int)  # queued, failed, uncertain
    run_finished = Signal(object)  # an OutboxRun
    run_failed = Signal(object)  # the exception: the window says it in its language
    task_name = "outbox"

    def __init__(
        self,
        store: Store,
        clock: Clock,
        runner: TaskRunner,
        *,
        transport: SmtpTransport | None = None,
        actor: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self._store = store
        self._clock = clock
        self._transport = transport or SmtplibTransport()
        self._actor = actor

    @Slot()
    def send_now(self) -> None:
        """Run the outbox once now, unless a run is already going."""
        self.run_now()

    def work(self, progress: Progress) -> object:
        from feedback_desk.services.audit import default_actor
        from feedback_desk.services.outbox.pacing import Pacing
        from feedback_desk.services.outbox.run import run_outbox

        return run_outbox(
            self._store,
            clock=self._clock,
            transport=self._transport,
            actor=self._actor or default_actor(),
            pacing=Pacing.realtime(_interruptible_sleep(progress)),
            progress=progress,
        )

    def done(self, result: object) -> None:
        from feedback_desk.services.outbox.run import OutboxRun

        if isinstance(result, OutboxRun):
            self.counts_changed.emit(
                result.counts.queued, result.counts.failed, result.counts.uncertain
            )
            self.run_finished.emit(result)

    def failed(self, error: BaseException) -> None:
        self.run_failed.emit(error)
        self.refresh_counts()

    @Slot()
    def refresh_counts(self) -> None:
        """Re-read the counts (after staff retried or cancelled a message)."""
        store = self._store

        def read(_progress: Progress) -> tuple[int, int, int]:
            # Imported here, on the worker: the first import costs the GUI thread 10-20 ms.
            from feedback_desk.services.outbox.staff import counts

            with store.read() as session:
                found = counts(session)
            return found.queued, found.failed, found.uncertain

        self._tasks.run(
            read, name="outbox-counts", on_done=self._counts_read, on_error=self._counts_failed
        )

    def _counts_failed(self, error: BaseException) -> None:
        self.run_failed.emit(error)

    def _counts_read(self, result: object) -> None:
        if isinstance(result, tuple):
            self.counts_changed.emit(*result)
