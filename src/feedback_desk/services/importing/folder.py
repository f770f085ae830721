"""The watch folder: CSV files placed there import themselves (setting ``import.watch_folder``).

A file's kind is the start of its name (``clients…``, ``coaches…``, ``sessions…``,
``attendance…``, ``visits…``, ``reviews…``; French ``visites…``, ``seances…``, ``presences…``,
``avis…`` and ``entraineurs…`` too), read with ``NAME.map.json`` beside it when there is one,
else with ``KIND.map.json`` (one mapping for every nightly file of a kind). A file is imported
once it has stopped changing: the same size and modification time at two looks at least
``import.settle_seconds`` apart (and not locked by the program writing it). Ready files go
oldest first, except that a file comes after the ready files of the kinds it refers to
(clients and coaches before visits...). Each file is one import, all or nothing: on success it
moves to ``imported/`` with a one-line ``NAME.log``; on failure to ``failed/`` with every
problem in ``NAME.errors.txt``. Two passes never run at once on one folder (a lock file names
the process holding it).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from feedback_desk.clock import Clock
from feedback_desk.domain.localtime import format_local
from feedback_desk.domain.text import fold
from feedback_desk.errors import UserInputError
from feedback_desk.services.importing.columns import ImportKind
from feedback_desk.services.importing.mapping import Mapping, load_mapping
from feedback_desk.services.importing.messages import Code
from feedback_desk.services.importing.problems import ImportRejected, problem
from feedback_desk.services.importing.reading import FileStamp
from feedback_desk.services.importing.report import FileReport
from feedback_desk.services.importing.running import import_files
from feedback_desk.services.importing.source import ImportSource
from feedback_desk.services.outbox.claims import ClaimMaker, claim_is_dead
from feedback_desk.services.progress import NullProgress, Progress
from feedback_desk.services.settings import load_settings
from feedback_desk.store.database import Store
from feedback_desk.wording import Wording

IMPORTED = "imported"
FAILED = "failed"
LOCK_NAME = ".feedback-desk-import.lock"
MAP_SUFFIX = ".map.json"
ERRORS_SUFFIX = ".errors.txt"  # beside a failed file: every problem it was refused for
# A pass on another PC (a shared folder) is presumed dead after this long.
LOCK_LEASE_SECONDS = 6 * 3600

KIND_PREFIXES: tuple[tuple[str, ImportKind], ...] = (
    ("clients", ImportKind.CLIENTS),
    ("coaches", ImportKind.COACHES),
    ("entraineurs", ImportKind.COACHES),
    ("sessions", ImportKind.SESSIONS),
    ("seances", ImportKind.SESSIONS),
    ("visits", ImportKind.VISITS),
    ("visites", ImportKind.VISITS),
    ("attendance", ImportKind.ATTENDANCE),
    ("presences", ImportKind.ATTENDANCE),
    ("reviews", ImportKind.REVIEWS),
    ("avis", ImportKind.REVIEWS),
)
_ORDER = list(ImportKind)


def kind_of(file_name: str) -> ImportKind | None:
    """The kind a file's name starts with, ignoring case and accents; None when none."""
    folded = fold(file_name)
    for prefix, kind in KIND_PREFIXES:
        if folded.startswith(prefix):
            return kind
    return None


@dataclass
class FolderLooks:
    """What each file looked like at the last look, and when (the window keeps one)."""

    seen: dict[str, tuple[FileStamp, float]] = field(default_factory=dict)

    def settled(self, path: Path, now: float, settle: float) -> FileStamp | None:
        """Look at *path*: its stamp when unchanged since a look at least *settle* ago."""
        try:
            stamp = FileStamp.of(path)
        except OSError:
            self.seen.pop(path.name, None)
            return None
        before = self.seen.get(path.name)
        if before is None or before[0] != stamp:
            self.seen[path.name] = (stamp, now)
            return None
        return stamp if now - before[1] >= settle else None

    def forget(self, name: str) -> None:
        self.seen.pop(name, None)


@dataclass(frozen=True)
class FolderFile:
    """What became of one file of the folder."""

    name: str
    kind: ImportKind | None
    imported: bool
    moved_to: Path
    summary: str  # the one line of NAME.log, or the first problem
    problems: tuple[str, ...] = ()
    report: FileReport | None = None


@dataclass(frozen=True)
class FolderPass:
    """One pass over the folder: what was imported, what failed, what is still being written."""

    folder: Path
    files: tuple[FolderFile, ...] = ()
    waiting: tuple[str, ...] = ()
    busy: bool = False  # another pass holds the folder

    @property
    def imported(self) -> tuple[FolderFile, ...]:
        return tuple(f for f in self.files if f.imported)

    @property
    def failed(self) -> tuple[FolderFile, ...]:
        return tuple(f for f in self.files if not f.imported)

    def status(self) -> str:
        """One line for the status bar and the command line ("" when nothing happened)."""
        parts = []
        if self.imported:
            count = len(self.imported)
            parts.append(f"imported {count} file{'s' if count > 1 else ''}")
        if self.failed:
            names = ", ".join(f.name for f in self.failed)
            parts.append(f"{len(self.failed)} failed (see {FAILED}/): {names}")
        if self.waiting:
            parts.append(f"{len(self.waiting)} still being written")
        if self.busy:
            parts.append("another import is using the folder")
        if not parts:
            return ""
        text = "; ".join(parts)
        return f"Watch folder: {text[0].upper()}{text[1:]}"


def import_folder_once(
    store: Store,
    folder: Path,
    clock: Clock,
    progress: Progress | None = None,
    *,
    looks: FolderLooks | None = None,
    look_time: Callable[[], float] = time.monotonic,
    settle: float | None = None,
    actor: str | None = None,
) -> FolderPass:
    """One look at *folder*: import every CSV file that has settled since the last look.

    *looks* remembers the previous look (pass the same one at each call); *look_time* tells the
    time of this look (seconds, any origin); *settle* defaults to ``import.settle_seconds``. A
    file seen for the first time is only looked at: call again *settle* seconds later while
    ``waiting`` is not empty. UserInputError when *folder* is not a folder.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise UserInputError(
            Wording(
                "the watch folder {folder} does not exist (or is not a folder)",
                folder=folder,
            )
        )
    progress = progress or NullProgress()
    looks = looks if looks is not None else FolderLooks()
    with store.read() as db:
        settings = load_settings(db)
    if settle is None:
        settle = float(settings.integer("import.settle_seconds"))
    now = look_time()
    ready: list[tuple[Path, FileStamp]] = []
    waiting: list[str] = []
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.suffix.casefold() != ".csv":
            continue
        stamp = looks.settled(path, now, settle)
        if stamp is not None and _not_locked(path):
            ready.append((path, stamp))
        else:
            waiting.append(path.name)
    if not ready:
        return FolderPass(folder, waiting=tuple(waiting))
    lock = _FolderLock(folder)
    if not lock.acquire():
        return FolderPass(folder, waiting=tuple(waiting), busy=True)
    try:
        done = []
        for path, _stamp in sorted(ready, key=_import_order):
            done.append(_import_one(store, path, clock, progress, actor, settings.timezone))
            looks.forget(path.name)
    finally:
        lock.release()
    return FolderPass(folder, tuple(done), tuple(waiting))


def _import_order(item: tuple[Path, FileStamp]) -> tuple[int, int, str]:
    path, stamp = item
    kind = kind_of(path.name)
    return (_ORDER.index(kind) if kind else -1, stamp.mtime_ns, path.name)


def _not_locked(path: Path) -> bool:
    """False while another program (the booking system, Excel) holds the file open for writing."""
    try:
        handle = os.open(path, os.O_RDWR)
    except OSError:
        return False
    os.close(handle)
    return True


def _mapping_for(path: Path, own: Path | None, kind: ImportKind) -> Mapping:
    if own is not None:
        return load_mapping(own, own.name)
    shared = path.with_name(kind.value + MAP_SUFFIX)
    if shared.is_file():
        return load_mapping(shared, shared.name)
    return Mapping()


def _import_one(
    store: Store,
    path: Path,
    clock: Clock,
    progress: Progress,
    actor: str | None,
    timezone: ZoneInfo,
) -> FolderFile:
    kind = kind_of(path.name)
    candidate = path.with_name(path.stem + MAP_SUFFIX)
    own_map = candidate if candidate.is_file() else None
    try:
        if kind is None:
            names = ", ".join(prefix for prefix, _kind in KIND_PREFIXES)
            raise ImportRejected([problem(path.name, None, Code.UNKNOWN_FILE_KIND, prefixes=names)])
        mapping = _mapping_for(path, own_map, kind)
        report = import_files(
            store,
            [ImportSource(kind, path, path.name, mapping)],
            clock=clock,
            actor=actor,
            progress=progress,
        ).files[0]
    except ImportRejected as exc:
        if not path.exists():  # taken away meanwhile (by hand, or by another pass)
            return FolderFile(path.name, kind, False, path, exc.problems[0], tuple(exc.problems))
        target = _free_place(path, FAILED)
        # The report first: whoever sees the file in failed/ finds why beside it.
        (target.parent / (target.stem + ERRORS_SUFFIX)).write_text(
            "\n".join(exc.problems) + "\n", encoding="utf-8"
        )
        _move(path, own_map, target)
        return FolderFile(path.name, kind, False, target, exc.problems[0], tuple(exc.problems))
    target = _free_place(path, IMPORTED)
    stamp = format_local(clock.now(), timezone)
    line = "; ".join([f"{stamp} {report.summary()}", *report.details()])
    (target.parent / (target.stem + ".log")).write_text(line + "\n", encoding="utf-8")
    _move(path, own_map, target)
    return FolderFile(path.name, kind, True, target, line, report=report)


def _free_place(path: Path, where: str) -> Path:
    """Where the file goes in *where*: its name, or "NAME (2)"… never over an earlier file or
    report."""
    folder = path.parent / where
    folder.mkdir(exist_ok=True)
    stem, suffix = path.stem, path.suffix
    target = folder / path.name
    number = 1
    while any(
        (folder / (target.stem + extra)).exists() for extra in (suffix, ".log", ERRORS_SUFFIX)
    ):
        number += 1
        target = folder / f"{stem} ({number}){suffix}"
    return target


def _move(path: Path, own_map: Path | None, target: Path) -> None:
    """Move the file (and its own mapping) to *target*, its report already beside it."""
    os.replace(path, target)
    if own_map is not None and own_map.exists():
        os.replace(own_map, target.parent / (target.stem + MAP_SUFFIX))


class _FolderLock:
    """A lock file naming the pass that holds the folder; a dead holder's lock is taken over."""

    def __init__(self, folder: Path) -> None:
        self._path = folder / LOCK_NAME
        self._token = ClaimMaker().token(time.time())

    def acquire(self) -> bool:
        for _attempt in range(2):
            try:
                handle = os.open(self._path, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                if not self._holder_is_dead():
                    return False
                self._path.unlink(missing_ok=True)
                continue
            with os.fdopen(handle, "w", encoding="ascii") as out:
                out.write(self._token)
            return True
        return False

    def _holder_is_dead(self) -> bool:
        try:
            holder = self._path.read_text(encoding="ascii").strip()
            age = time.time() - self._path.stat().st_mtime
        except OSError:
            return True
        if not holder:
            return age > 60  # a lock being written this very moment is not a dead one
        return claim_is_dead(holder, wall_now=time.time(), lease=LOCK_LEASE_SECONDS)

    def release(self) -> None:
        self._path.unlink(missing_ok=True)
