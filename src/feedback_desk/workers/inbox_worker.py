"""The window's mailbox reader: every ``inbox.interval_seconds`` (and on demand) it does one
``fetch-inbox`` pass on a worker thread, then reports what the pass did and how many replies wait
for staff.

    worker = InboxWorker(context.store, context.clock, context.tasks, parent=context)
    worker.started.connect(lambda task: status.track(task, "Reading the mailbox…"))
    worker.fetched.connect(show_summary)       # a FetchSummary
    worker.unhandled_changed.connect(show_count)
    worker.set_interval(120)  # the periodic passes (0: none)
    worker.fetch_now()        # one pass at once
    worker.stop()             # the store is closing: no more passes, the one under way stops

Passes go on the window's runner, which joins them before the store closes; their outcomes reach
the worker only while it exists. A pass is the very one ``fetch-inbox`` does, so a window and a
scheduled job can share a mailbox: each message is recorded once. Passes never overlap within one
window; cancelling stops a pass between two messages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from feedback_desk.clock import Clock
from feedback_desk.services.inbox.imap import ImapClientTransport, MailboxTransport
from feedback_desk.services.progress import Progress
from feedback_desk.store.database import Store
from feedback_desk.workers.periodic import PeriodicWorker
from feedback_desk.workers.tasks import Task, TaskRunner

if TYPE_CHECKING:
    # A pass's modules (reading, recognizing and recording answers) load with the first pass,
    # on its worker thread: the window's first screen does not need them.
    from feedback_desk.services.inbox.fetch import FetchSummary


class _CountsOnly:
    """The pass's progress without its words (English sentences of the service): the status
    bar names the task in the window's language and shows the counts."""

    def __init__(self, progress: Progress) -> None:
        self._progress = progress

    def report(self, done: int, total: int | None, message: str) -> None:
        self._progress.report(done, total, "")

    @property
    def cancelled(self) -> bool:
        return self._progress.cancelled


class InboxWorker(PeriodicWorker):
    started = Signal(object)  # the pass's Task (its progress and Cancel)
    fetched = Signal(object)  # a FetchSummary
    fetch_failed = Signal(object)  # the exception that ended the pass
    unhandled_changed = Signal(int)  # replies waiting for staff
    task_name = "inbox"

    def __init__(
        self,
        store: Store,
        clock: Clock,
        runner: TaskRunner,
        *,
        transport: MailboxTransport | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self._store = store
        self._clock = clock
        self.transport: MailboxTransport = transport or ImapClientTransport()

    def fetch_now(self) -> Task | None:
        """One pass now, unless one is already going (then None)."""
        return self.run_now()

    def work(self, progress: Progress) -> FetchSummary:
        from feedback_desk.services.inbox.fetch import fetch_inbox

        return fetch_inbox(
            self._store, transport=self.transport, clock=self._clock, progress=_CountsOnly(progress)
        )

    def run_started(self, task: Task) -> None:
        self.started.emit(task)

    def done(self, result: object) -> None:
        self.fetched.emit(result)
        self.refresh_count()

    def failed(self, error: BaseException) -> None:
        self.fetch_failed.emit(error)
        self.refresh_count()

    def cancelled(self) -> None:
        self.refresh_count()

    @Slot()
    def refresh_count(self) -> None:
        """Re-read how many replies wait (after staff handled one)."""
        store = self._store

        def read(_progress: Progress) -> int:
            # Imported here, on the worker: the first import costs the GUI thread 10-20 ms.
            from feedback_desk.services.inbox.listing import count_unhandled

            with store.read() as session:
                return count_unhandled(session)

        self._tasks.run(
            read,
            name="inbox-count",
            on_done=self.unhandled_changed.emit,
            on_error=self.fetch_failed.emit,
        )
