"""Engine setup: the only place that knows which database it talks to.

A store location is a SQLAlchemy URL (``postgresql+psycopg://...``) or a path to a SQLite file.
SQLite gets WAL (readers never block the writer), foreign keys, a busy timeout, and write
transactions that take the write lock up front (``BEGIN IMMEDIATE``) so that two writers wait for
each other instead of failing half-way with "database is locked". A store that cannot be written
is opened read-only, without any of the settings that would write to it.

Errors never carry SQL or its parameters into messages (``hide_parameters``; messages are made
from the driver's own first line), and the errors a user can act on become one-sentence
:class:`~feedback_desk.errors.StoreError` s: a damaged file, a read-only store.
"""

from __future__ import annotations

import os
import sqlite3
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, ExceptionContext, make_url

from feedback_desk import paths
from feedback_desk.errors import StoreDamaged, StoreReadOnly
from feedback_desk.store.sqlite_file import read_only_uri

WRITE_OPTION = "feedback_desk_write"
# How long SQLite itself waits for another program's lock before answering "busy".
BUSY_SECONDS = 15.0


def store_url(location: str | Path | None) -> URL:
    if location is None or str(location) == "":
        location = paths.default_store_path()
    text = str(location)
    if "://" in text:
        return make_url(text)
    path = Path(text).expanduser().resolve()
    return URL.create("sqlite+pysqlite", database=str(path))


def describe(url: URL) -> str:
    """The location for messages, without any password."""
    if url.get_backend_name() == "sqlite":
        return str(url.database)
    return url.render_as_string(hide_password=True)


def location_key(url: URL) -> str:
    """Where the store is, as one string that is the same however it was named: the real path
    of a SQLite file (links followed; case folded where the OS ignores it), or a database's
    server, port and name (neither the user, the password nor the driver)."""
    if url.get_backend_name() == "sqlite":
        return os.path.normcase(os.path.realpath(str(url.database)))
    host = (url.host or "localhost").lower()
    return f"{url.get_backend_name()}://{host}:{url.port or ''}/{url.database or ''}"


def driver_message(error: BaseException) -> str:
    """The first line of what the database driver said: never the SQL, never its parameters
    (a PostgreSQL DETAIL line may quote client data)."""
    original = getattr(error, "orig", None) or error
    text = str(original).strip()
    return text.splitlines()[0] if text else type(original).__name__


def sqlite_error_name(error: BaseException | None) -> str:
    """SQLite's error name (``SQLITE_BUSY``, ``SQLITE_CORRUPT``...) of a driver error, or ''."""
    original = getattr(error, "orig", None) or error
    return str(getattr(original, "sqlite_errorname", "") or "")


def is_busy(error: BaseException) -> bool:
    return sqlite_error_name(error).startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))


def _translate_sqlite_error(where: str, context: ExceptionContext) -> None:
    name = sqlite_error_name(context.original_exception)
    if name.startswith("SQLITE_CORRUPT") or name == "SQLITE_NOTADB":
        raise StoreDamaged(where, driver_message(context.original_exception))
    if name.startswith("SQLITE_READONLY"):
        raise StoreReadOnly(where)


def _configure_sqlite(engine: Engine, where: str, *, read_only: bool) -> None:
    event.listen(engine, "handle_error", partial(_translate_sqlite_error, where))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own is always deferred).
        dbapi_connection.isolation_level = None
        if read_only:
            return
        cursor = dbapi_connection.cursor()
        # Asking first: switching a store that is already in WAL would take a lock for nothing.
        if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        writing = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def make_engine(url: URL, *, read_only: bool = False, busy_seconds: float = BUSY_SECONDS) -> Engine:
    """An engine on *url*. A SQLite store opened *read_only* is never written, not even by a
    lock or a journal-mode switch (see sqlite_file.read_only_uri)."""
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        if read_only:
            uri = read_only_uri(Path(database))
            engine = create_engine(
                "sqlite+pysqlite://",
                creator=lambda: sqlite3.connect(
                    uri, uri=True, timeout=busy_seconds, check_same_thread=False
                ),
                hide_parameters=True,
            )
        else:
            engine = create_engine(
                url, connect_args={"timeout": busy_seconds}, hide_parameters=True
            )
        _configure_sqlite(engine, database, read_only=read_only)
        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)
