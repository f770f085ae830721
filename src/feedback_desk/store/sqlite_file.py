"""What a SQLite file is, found out before anything opens it for writing.

Opening a file read-write, switching it to WAL or creating a table changes it, so a file is
looked at first, read-only: a missing or empty file (or an empty database) may become a store; a
Feedback Desk store is opened; anything else (another program's database, a spreadsheet, a text
file) is refused and left byte for byte as it was.

A store is recognised by the application id Feedback Desk writes in its header (SQLite's
``PRAGMA application_id``, read here straight from the header bytes), or, for stores made before
the id was written, by its own tables.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from feedback_desk.errors import NotAStore, StoreDamaged
from feedback_desk.wording import Wording

# "FDsk": marks a SQLite file as a Feedback Desk store (a signed 32-bit integer).
APPLICATION_ID = int.from_bytes(b"FDsk", "big")
# Tables every store has had since the first schema.
STORE_TABLES = frozenset({"alembic_version", "settings", "clients", "reviews"})

_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100
_APPLICATION_ID_OFFSET = 68


class FileKind(Enum):
    NEW = "new"  # missing, empty, or a database without a single table
    STORE = "store"


@dataclass(frozen=True)
class SqliteFile:
    path: Path
    kind: FileKind
    # False when this user cannot write the file or its folder (where SQLite keeps its journal).
    writable: bool


def read_only_uri(path: Path) -> str:
    """A URI opening *path* read-only without creating anything beside it when its folder
    cannot be written (``immutable``: SQLite then takes no locks, safe as nobody can write a
    WAL store there); otherwise ``mode=ro`` with SQLite's usual locking."""
    folder_writable = os.access(path.parent, os.W_OK)
    has_wal = path.with_name(path.name + "-wal").exists()
    option = "mode=ro" if folder_writable or has_wal else "immutable=1"
    return f"{path.as_uri()}?{option}"


def _table_names(path: Path) -> set[str]:
    """The file's tables, read without leaving a trace: without a ``-wal`` file nobody has the
    database open in WAL mode, and ``immutable`` reads it without locks or side files (even
    ``mode=ro`` would leave empty ``-wal``/``-shm`` files beside another program's database).
    A read that looks damaged is tried again with SQLite's locking, in case a writer was busy."""
    has_wal = path.with_name(path.name + "-wal").exists()
    options = ("mode=ro",) if has_wal else ("immutable=1", "mode=ro")
    for attempt, option in enumerate(options, start=1):
        try:
            with closing(
                sqlite3.connect(f"{path.as_uri()}?{option}", uri=True, timeout=15)
            ) as connection:
                rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                return {str(row[0]) for row in rows}
        except sqlite3.OperationalError:
            raise
        except sqlite3.DatabaseError as exc:
            if attempt == len(options):
                raise StoreDamaged(str(path), str(exc)) from exc
    raise AssertionError("unreachable")


def inspect(path: Path) -> SqliteFile:
    """What *path* holds; NotAStore (naming the file) when it is not for Feedback Desk.

    Reads the header bytes and, when needed, the table list through a read-only connection:
    nothing is written, not even a lock or a WAL switch.
    """
    folder_writable = os.access(path.parent, os.W_OK)
    if not path.exists():
        return SqliteFile(path, FileKind.NEW, folder_writable)
    if path.is_dir():
        raise NotAStore(str(path), Wording("it is a folder"))
    writable = folder_writable and os.access(path, os.W_OK)
    with path.open("rb") as file:
        header = file.read(_HEADER_SIZE)
    if not header:
        return SqliteFile(path, FileKind.NEW, writable)
    if not header.startswith(_MAGIC) or len(header) < _HEADER_SIZE:
        raise NotAStore(str(path), Wording("it is not a SQLite database"))
    application_id = int.from_bytes(
        header[_APPLICATION_ID_OFFSET : _APPLICATION_ID_OFFSET + 4], "big", signed=True
    )
    if application_id == APPLICATION_ID:
        return SqliteFile(path, FileKind.STORE, writable)
    if application_id != 0:
        raise NotAStore(str(path), Wording("another program's database"))
    tables = _table_names(path)
    if not tables:
        return SqliteFile(path, FileKind.NEW, writable)
    if tables >= STORE_TABLES:
        return SqliteFile(path, FileKind.STORE, writable)
    shown = ", ".join(sorted(tables)[:5]) + (", …" if len(tables) > 5 else "")
    raise NotAStore(
        str(path), Wording("another program's database, with the tables {shown}", shown=shown)
    )
