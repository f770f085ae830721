"""The watch folder while the window is open (setting ``import.watch_folder``).

A file system watcher on the folder, a re-look timer while files are still being written, and a
slow poll (for shared folders whose changes are not notified, or a folder that is not there yet)
run ``import_folder_once`` on the window's workers, one pass at a time. A file is imported once
it is unchanged between two looks ``import.settle_seconds`` apart (measured on the monotonic
clock, so that a window run at a fixed ``--at`` time still imports; the import itself is dated by
the window's clock). The status bar shows an import's progress with Cancel, then what was
imported or which file failed and where its problems are; the tabs refresh after an import. A
cancelled pass leaves its files in place, and they wait until they change (or the window opens
again) rather than starting over at once.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, SignalInstance

from feedback_desk.services.progress import Progress, ThrottledProgress
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.window_features import WindowFeature
from feedback_desk.workers.tasks import Task

if TYPE_CHECKING:
    from feedback_desk.services.importing.folder import FolderFile, FolderPass
    from feedback_desk.services.importing.reading import FileStamp

# The importing services load on a worker at the first pass (none at the window's start-up).

RELOOK_FLOOR_MS = 500  # never look more often than this, even with import.settle_seconds 0
POLL_MS = 60_000


class _FileNames:
    """Passes the import's progress on with only the file's name as message ("FILE: checking
    rows" → "FILE"): the status bar says the rest in the window's language."""

    def __init__(self, progress: Progress) -> None:
        self._progress = progress

    def report(self, done: int, total: int | None, message: str) -> None:
        self._progress.report(done, total, message.rpartition(": ")[0] or message)

    @property
    def cancelled(self) -> bool:
        return self._progress.cancelled


class FolderWatcher(QObject):
    """Runs passes over the watch folder for one open store."""

    importing = Signal(object)  # the pass's Task, once it imports a file
    passed = Signal(object)  # the FolderPass
    missing = Signal(str)  # the folder is not there (said once until it changes)
    # Why the folder could not be looked at, as the exception (said once until it changes).
    failed = Signal(object)
    cancelled = Signal()

    def __init__(
        self,
        context: WindowContext,
        *,
        look_time: Callable[[], float] = time.monotonic,
        relook_floor_ms: int = RELOOK_FLOOR_MS,
        poll_ms: int = POLL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._tasks = context.tasks_for(self)
        self.look_time = look_time
        self.relook_floor_ms = relook_floor_ms
        self.folder: Path | None = None
        self.settle = 5
        # What each file looked like at the last look, and when (FolderLooks' record).
        self.seen: dict[str, tuple[FileStamp, float]] = {}
        self._task: Task | None = None
        self._tracked = False
        self._again = False
        self._last_failure = ""
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(lambda _path: self.look())
        self._relook = QTimer(self)
        self._relook.setSingleShot(True)
        self._relook.timeout.connect(self.look)
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self.look)

    @property
    def busy(self) -> bool:
        return self._task is not None

    def configure(self) -> None:
        """Follow the settings: the folder (empty: off) and the settle time."""
        settings = self._context.settings
        text = settings.text("import.watch_folder").strip()
        folder = Path(text) if text else None
        self.settle = settings.integer("import.settle_seconds")
        if folder == self.folder:
            return
        if self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())
        self.folder = folder
        self.seen = {}
        self._last_failure = ""
        self._relook.stop()
        if folder is None:
            self._poll.stop()
            return
        self._poll.start()
        self.look()

    def look(self) -> None:
        """One pass now, or right after the pass under way."""
        if self.folder is None:
            return
        if self._task is not None:
            self._again = True
            return
        self._relook.stop()
        store, clock, folder = self._context.store, self._context.clock, self.folder
        seen, look_time, settle = self.seen, self.look_time, float(self.settle)

        def work(progress: Progress) -> FolderPass | None:
            from feedback_desk.services.importing.folder import FolderLooks, import_folder_once

            if not folder.is_dir():
                return None  # not there (yet): a network drive, a folder still to create
            return import_folder_once(
                store,
                folder,
                clock,
                _FileNames(ThrottledProgress(progress)),
                looks=FolderLooks(seen),
                look_time=look_time,
                settle=settle,
            )

        self._tracked = False
        self._task = self._tasks.run(
            work,
            name="watch-folder",
            on_done=self._passed,
            on_error=self._failed,
            on_progress=self._progressed,
            on_cancelled=self._cancelled,
        )

    def stop(self) -> None:
        self._relook.stop()
        self._poll.stop()
        if self._task is not None:
            self._task.cancel()

    def _progressed(self, _done: int, _total: int, _message: str) -> None:
        # Only a pass that imports reports progress: the status bar shows it from then on.
        if not self._tracked and self._task is not None:
            self._tracked = True
            self.importing.emit(self._task)

    def _ended(self) -> None:
        self._task = None
        if self._again:
            self._again = False
            self.look()

    def _passed(self, done: FolderPass | None) -> None:
        if done is None:
            self._say_once(self.missing, str(self.folder), str(self.folder))
            self._ended()
            return
        self._last_failure = ""
        if self.folder is not None and str(self.folder) not in self._watcher.directories():
            self._watcher.addPath(str(self.folder))  # it exists: the pass looked at it
        if done.busy or any(not self._postponed(name) for name in done.waiting):
            # Files still being written (or held by another pass): look again once they settle.
            self._relook.start(max(self.settle * 1000, self.relook_floor_ms))
        self.passed.emit(done)
        self._ended()

    def _failed(self, exc: BaseException) -> None:
        self._say_once(self.failed, describe_error(exc), exc)
        self._ended()

    def _say_once(self, signal: SignalInstance, text: str, trouble: object) -> None:
        """The same trouble at every poll (the same *text*) is said once."""
        if text != self._last_failure:
            self._last_failure = text
            signal.emit(trouble)

    def _postponed(self, name: str) -> bool:
        found = self.seen.get(name)
        return found is not None and found[1] == math.inf

    def _cancelled(self) -> None:
        # Its files wait until they change: seen "at the end of time", they never settle as
        # they are; a change makes a new first look.
        for name, (stamp, _seen_at) in list(self.seen.items()):
            self.seen[name] = (stamp, math.inf)
        self.cancelled.emit()
        self._again = False
        self._ended()


class WatchFolderFeature(WindowFeature):
    def install(self) -> None:
        self.watcher: FolderWatcher | None = None

    def attach(self, context: WindowContext) -> None:
        watcher = FolderWatcher(context, parent=context)
        watcher.importing.connect(self._importing)
        watcher.passed.connect(self._passed)
        watcher.missing.connect(self._missing)
        watcher.failed.connect(self._failed)
        watcher.cancelled.connect(self._cancelled)
        context.settings_changed.connect(watcher.configure)
        self.watcher = watcher

    def _importing(self, task: Task) -> None:
        self.window.status.track(task, lambda: self.tr("Watch folder: importing"))

    def _passed(self, done: FolderPass) -> None:
        def said() -> str:
            texts = [self._imported_text(file) for file in done.imported]
            return " ".join(texts + [self._failed_text(file) for file in done.failed])

        if done.failed:
            self.window.status.show_error(said)
        elif done.imported:
            self.window.status.show_message(said)
        if done.imported:
            self.window.refresh()

    def _imported_text(self, file: FolderFile) -> str:
        report = file.report
        return self.tr(
            "Watch folder: imported {file} ({created} created, {updated} updated, {unchanged} "
            "unchanged)."
        ).format(
            file=file.name,
            created=report.created if report else 0,
            updated=report.updated if report else 0,
            unchanged=report.unchanged if report else 0,
        )

    def _failed_text(self, file: FolderFile) -> str:
        from feedback_desk.services.importing.folder import ERRORS_SUFFIX, FAILED

        if file.moved_to.parent.name != FAILED:  # taken away meanwhile: nothing to point at
            return self.tr("Watch folder: {file} could not be imported: {problem}").format(
                file=file.name, problem=file.summary
            )
        return self.tr("Watch folder: {file} could not be imported; see {errors}.").format(
            file=file.name, errors=Path(FAILED) / (file.moved_to.stem + ERRORS_SUFFIX)
        )

    def _missing(self, folder: str) -> None:
        self.window.status.show_error(
            lambda: self.tr(
                "Watch folder: {folder} does not exist (or is not a folder); nothing is imported "
                "until it does."
            ).format(folder=folder)
        )

    def _failed(self, exc: BaseException) -> None:
        self.window.status.show_error(
            lambda: self.tr("Watch folder: {why}").format(why=describe_error(exc))
        )

    def _cancelled(self) -> None:
        self.window.status.show_message(
            lambda: self.tr(
                "Watch folder: import cancelled; nothing was written. The files wait in the "
                "folder until they change or the window is opened again."
            )
        )

    def detach(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None

    @property
    def busy(self) -> bool:
        return self.watcher is not None and self.watcher.busy
