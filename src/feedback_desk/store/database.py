"""Opening a store and running work in transactions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from feedback_desk.errors import StoreError
from feedback_desk.store import models  # noqa: F401  (registers every table)
from feedback_desk.store.engine import WRITE_OPTION, describe, make_engine, store_url
from feedback_desk.store.migrate import upgrade_to_head


class Store:
    """An open store: read sessions and write transactions on one engine."""

    def __init__(self, engine: Engine, location: str) -> None:
        self.engine = engine
        self.location = location
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(
            engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: committed when the block ends, rolled back on any error."""
        with self._write.begin() as session:
            yield session

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


def open_store(location: str | Path | None = None) -> Store:
    """Open (creating or migrating as needed) the store at a path or SQLAlchemy URL."""
    url = store_url(location)
    where = describe(url)
    try:
        engine = make_engine(url)
        upgrade_to_head(engine)
    except StoreError:
        raise
    except ModuleNotFoundError as exc:
        raise StoreError(
            f"cannot open {where}: the database driver {exc.name!r} is not installed"
        ) from exc
    except OSError as exc:
        raise StoreError(f"cannot open the store {where}: {exc.strerror or exc}") from exc
    except OperationalError as exc:
        reason = str(exc.orig).splitlines()[0] if exc.orig else str(exc)
        raise StoreError(f"cannot open the store {where}: {reason}") from exc
    return Store(engine, where)
