"""Making sure the triggers are there after every migration.

SQLite alters a table by building a new one and dropping the old (Alembic's batch mode), and a
table's triggers are dropped with it: a later migration that alters reviews, prompts, actions or
sessions would leave the rollups unkept. After the migrations run, any missing trigger is put
back and the rollups are counted again from the raw rows.
"""

from __future__ import annotations

from sqlalchemy import Connection

from feedback_desk.store.rollups import loop, recount, triggers
from feedback_desk.store.rollups.specs import CURRENT


def missing_triggers(connection: Connection) -> set[str]:
    postgresql = connection.dialect.name == "postgresql"
    expected = triggers.trigger_names(CURRENT) | loop.trigger_names(postgresql)
    if postgresql:
        present = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
    else:
        present = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    return expected - {row[0] for row in connection.exec_driver_sql(present)}


def ensure_installed(connection: Connection) -> bool:
    """Put back missing triggers and recount the rollups; True when anything was missing."""
    if not missing_triggers(connection):
        return False
    triggers.install(connection, CURRENT)
    loop.install(connection)
    recount.rebuild(connection, CURRENT)
    loop.rebuild(connection)
    return True
