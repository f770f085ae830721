"""Opening a store and running work in transactions.

Opening looks before it touches (see sqlite_file.py): another program's file is refused and left
as it was; a store the user cannot write is opened read-only (reading works, writing says so in
one sentence); a new SQLite store is created private to the user. A write waits its turn when
another program holds the store's write lock, up to ``lock_wait`` seconds, then gives up with
one sentence and nothing changed.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from feedback_desk.errors import StoreBusy, StoreError, StoreReadOnly, UserInputError
from feedback_desk.files import create_private_file, make_private_dirs
from feedback_desk.store import (
    models,  # noqa: F401  (registers every table)
    sqlite_file,
)
from feedback_desk.store.engine import (
    BUSY_SECONDS,
    WRITE_OPTION,
    describe,
    driver_message,
    is_busy,
    location_key,
    make_engine,
    store_url,
)
from feedback_desk.store.migrate import require_head, upgrade_to_head
from feedback_desk.wording import Wording

# How long a write waits for another program's write lock before giving up.
LOCK_WAIT_SECONDS = 300.0
# Pause between two tries for the lock (SQLite's own busy timeout waits within each try).
_RETRY_PAUSE = 0.05

# Session.info key naming the store a session belongs to (services/liveness.py reads it).
LOCATION_KEY_INFO = "feedback_desk_location_key"
# pg_advisory_xact_lock's key for serialized writes ("FDskOnce"); SQLite writes are serial anyway.
SERIALIZED_WRITE_KEY = int.from_bytes(b"FDskOnce", "big", signed=True)


class Store:
    """An open store: read sessions and write transactions on one engine."""

    def __init__(
        self,
        engine: Engine,
        location: str,
        *,
        key: str | None = None,
        read_only: bool = False,
        lock_wait: float = LOCK_WAIT_SECONDS,
    ) -> None:
        self.engine = engine
        self.location = location
        # The location as liveness compares it (a real path; a URL without user or password).
        self.key = key or location
        self.read_only = read_only
        self.lock_wait = lock_wait
        info = {LOCATION_KEY_INFO: self.key}
        self._read = sessionmaker(engine, expire_on_commit=False, info=info)
        self._write = sessionmaker(
            engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False, info=info
        )

    def _locked_session(self, serialized: bool) -> Session:
        """A write session that holds the write lock, waiting up to ``lock_wait`` seconds for
        it; StoreBusy after that. Nothing has run yet, so giving up changes nothing."""
        deadline = time.monotonic() + self.lock_wait
        while True:
            session = self._write()
            try:
                session.connection()  # BEGIN IMMEDIATE on SQLite: takes the lock now
                if serialized and not self.is_sqlite:
                    session.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": SERIALIZED_WRITE_KEY}
                    )
                return session
            except OperationalError as exc:
                session.close()
                if not is_busy(exc):
                    raise
                if time.monotonic() >= deadline:
                    raise StoreBusy(self.location, self.lock_wait) from exc
            except BaseException:
                session.close()
                raise
            time.sleep(_RETRY_PAUSE)

    @contextmanager
    def write(self, *, serialized: bool = False) -> Iterator[Session]:
        """A write transaction: committed when the block ends, rolled back on any error.

        *serialized*: no other serialized write of any program runs at the same time (SQLite
        writes always are; PostgreSQL takes an advisory lock), for work that reads what is there
        and adds what is missing, such as the first use of a new store by two programs at once.
        """
        if self.read_only:
            raise StoreReadOnly(self.location)
        session = self._locked_session(serialized)
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session (its transaction is rolled back at the end)."""
        with self._read() as session:
            yield session

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def close(self) -> None:
        self.engine.dispose()


def _prepare_sqlite_file(url: URL) -> bool:
    """Look at the file before anything opens it; True when it can only be read.

    A new store is created here, private to the user, with its missing folders."""
    path = Path(str(url.database))
    if path.name == ":memory:":
        return False
    found = sqlite_file.inspect(path)
    if found.kind is sqlite_file.FileKind.STORE:
        return not found.writable
    make_private_dirs(path.parent)
    create_private_file(path)
    return False


def open_store(
    location: str | Path | None = None,
    *,
    busy_seconds: float = BUSY_SECONDS,
    lock_wait: float = LOCK_WAIT_SECONDS,
) -> Store:
    """Open (creating or migrating as needed) the store at a path or SQLAlchemy URL."""
    url = store_url(location)
    where = describe(url)
    engine: Engine | None = None
    try:
        read_only = url.get_backend_name() == "sqlite" and _prepare_sqlite_file(url)
        engine = make_engine(url, read_only=read_only, busy_seconds=busy_seconds)
        if read_only:
            require_head(engine, where)
        else:
            _upgrade_in_turn(engine, where, busy_seconds)
    except BaseException as exc:
        if engine is not None:
            engine.dispose()
        failure = _open_failure(where, exc)
        if failure is exc:
            raise
        raise failure from exc
    return Store(engine, where, key=location_key(url), read_only=read_only, lock_wait=lock_wait)


def _upgrade_in_turn(engine: Engine, where: str, busy_seconds: float) -> None:
    """Create or migrate the store, trying again while another program holds it.

    SQLite waits for a lock by itself (``busy_seconds``), except where waiting could deadlock:
    a new store's switch to WAL while another program already writes to it is refused at once
    ("database is locked"). Several programs opening a new store together met that (five of six
    in one CI run). A refused attempt changed nothing; the next one finds the winner's work."""
    deadline = time.monotonic() + busy_seconds
    while True:
        try:
            upgrade_to_head(engine, where)
            return
        except OperationalError as exc:
            if not is_busy(exc) or time.monotonic() >= deadline:
                raise
        time.sleep(_RETRY_PAUSE)


def _open_failure(where: str, exc: BaseException) -> BaseException:
    """What to tell the user when opening failed (StoreErrors say it already)."""
    if isinstance(exc, StoreError):
        return exc
    if isinstance(exc, ModuleNotFoundError):
        return StoreError(
            Wording(
                "cannot open {where}: the database driver {name!r} is not installed",
                where=where,
                name=exc.name,
            )
        )
    if isinstance(exc, OSError):
        return StoreError(
            Wording(
                "cannot open the store {where}: {error}",
                where=where,
                error=exc.strerror or exc,
            )
        )
    if isinstance(exc, DBAPIError):
        return StoreError(
            Wording(
                "cannot open the store {where}: {error}",
                where=where,
                error=driver_message(exc),
            )
        )
    return exc


def create_store(path: str | Path) -> Store:
    """A new, empty store at *path* (File → New store…): refused when a non-empty file is
    already there, whatever it holds, so that nothing is ever overwritten or adopted."""
    target = Path(path).expanduser().resolve()
    if target.is_dir():
        raise UserInputError(
            Wording(
                "{target} is a folder: choose a file name for the new store",
                target=target,
            )
        )
    if target.exists() and target.stat().st_size > 0:
        raise UserInputError(
            Wording(
                "{target} already exists: choose a new file name (to open that file, use "
                "Open store… instead)",
                target=target,
            )
        )
    return open_store(target)
