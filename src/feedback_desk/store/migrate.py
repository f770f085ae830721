"""Bring a store to the latest schema on open; an empty store is created by the migrations.

Alembic is imported only when a migration has to run, so opening an up-to-date store stays fast.

Several programs may open a new (or older) store at the same moment: the window, a scheduled
``send-outbox``, a second PC. Migrations are therefore serialized, and the version is read again
once the lock is held, so exactly one of them migrates and the others find the work done:

- PostgreSQL: a transaction-scoped advisory lock, then the whole migration in that transaction;
- SQLite: the migration runs in one ``BEGIN IMMEDIATE`` transaction (the others wait on the
  write lock), with foreign keys off for its duration, as SQLite asks for table rebuilds (a
  rebuild would otherwise cascade deletes to the rows that reference the table); the foreign
  keys are checked before it commits.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

from feedback_desk.errors import NotAStore, StoreError
from feedback_desk.store.engine import WRITE_OPTION
from feedback_desk.store.sqlite_file import APPLICATION_ID, STORE_TABLES
from feedback_desk.wording import Wording

MIGRATIONS_DIR = Path(__file__).parent / "migrations"

# The newest migration's revision id; tests check that it is Alembic's head.
HEAD_REVISION = "0006_testimonials"

# Every revision this version knows, oldest first.
KNOWN_REVISIONS = (
    "0001",
    "0002_inbox",
    "0003_client_pages",
    "0004_google_text",
    "0005_rollups",
    "0006_testimonials",
)

# pg_advisory_xact_lock's key: any 64-bit number no other program is likely to use ("FDskMigr").
ADVISORY_LOCK_KEY = int.from_bytes(b"FDskMigr", "big", signed=True)


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one_or_none()


def alembic_config(connection: Connection) -> object:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def _check_known(revision: str | None) -> None:
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise StoreError(
            Wording(
                "this store was made by a newer version of Feedback Desk (schema "
                "{revision}); update Feedback Desk to open it",
                revision=revision,
            )
        )


@contextmanager
def migration_lock(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that no other program migrating this store shares."""
    with engine.connect() as connection:
        if connection.dialect.name != "sqlite":
            with connection.begin():
                connection.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK_KEY}
                )
                yield connection
            return
        # Outside any transaction, before SQLAlchemy begins one: SQLite ignores it inside.
        driver = connection.connection.driver_connection
        assert driver is not None
        driver.execute("PRAGMA foreign_keys=OFF")
        # Alembic alters a SQLite table by building a new one, dropping the old and renaming the
        # new: SQLite 3.26+ would refuse the rename while another table's trigger (the rollups')
        # names the dropped table. The legacy rename leaves such names alone, and they are right
        # again once the new table has the old name.
        driver.execute("PRAGMA legacy_alter_table=ON")
        try:
            connection.execution_options(**{WRITE_OPTION: True})
            with connection.begin():
                yield connection
                problems = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                if problems:
                    raise StoreError(
                        Wording(
                            "the migration would break {count} links between records; nothing "
                            "was changed",
                            count=len(problems),
                        )
                    )
                marked = connection.exec_driver_sql("PRAGMA application_id").scalar()
                if marked != APPLICATION_ID:
                    connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        finally:
            driver.execute("PRAGMA legacy_alter_table=OFF")
            driver.execute("PRAGMA foreign_keys=ON")


def _run_alembic(connection: Connection, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = alembic_config(connection)
    assert isinstance(config, Config)
    command.upgrade(config, revision)


def upgrade_to(engine: Engine, revision: str) -> None:
    """Run the migrations up to *revision* (tests use this to build older stores)."""
    with migration_lock(engine) as connection:
        _run_alembic(connection, revision)


def _refuse_foreign(connection: Connection, where: str) -> None:
    """A database without our version table must hold no table at all before ours go in."""
    tables = set(inspect(connection).get_table_names())
    if tables and not tables >= STORE_TABLES:
        shown = ", ".join(sorted(tables)[:5]) + (", …" if len(tables) > 5 else "")
        raise NotAStore(
            where,
            Wording("a database of another program, with the tables {shown}", shown=shown),
        )


def upgrade_to_head(engine: Engine, where: str) -> None:
    with engine.connect() as connection:
        revision = current_revision(connection)
    if revision == HEAD_REVISION:
        return
    _check_known(revision)
    with migration_lock(engine) as connection:
        # Someone else may have migrated while this one waited for the lock.
        revision = current_revision(connection)
        if revision == HEAD_REVISION:
            return
        _check_known(revision)
        if revision is None:
            _refuse_foreign(connection, where)
        _run_alembic(connection, "head")
        # A migration that rebuilt a table on SQLite dropped its triggers with it.
        from feedback_desk.store.rollups.keeper import ensure_installed

        ensure_installed(connection)


def require_head(engine: Engine, where: str) -> None:
    """A store opened read-only cannot be created nor migrated: refuse one that would need it."""
    with engine.connect() as connection:
        revision = current_revision(connection)
    if revision == HEAD_REVISION:
        return
    _check_known(revision)
    if revision is None:
        raise StoreError(
            Wording(
                "cannot create the store {where}: its folder is read-only for you",
                where=where,
            )
        )
    raise StoreError(
        Wording(
            "the store {where} was made by an older version of Feedback Desk and must be "
            "upgraded, which needs writing to it, but it is read-only for you: open it "
            "once where it can be written",
            where=where,
        )
    )
