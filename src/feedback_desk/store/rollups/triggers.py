"""The database triggers that keep the rollups true in the transaction of every write.

Triggers rather than application hooks: every way a row changes (the ORM, Core bulk inserts,
``executemany`` updates, cascaded deletes, a future write path that knows nothing of rollups)
goes through them, inside the writer's own transaction.

SQLite has row triggers only: each source row adds or subtracts one on its rollup rows.
PostgreSQL gets statement triggers with transition tables: one grouped upsert per statement, so
a bulk insert of thousands of rows costs one aggregate instead of thousands of calls. A change of
a session's coach or class moves its rows (a row trigger on ``sessions`` on both databases).
Rows that fall to zero are deleted, so the rollups hold exactly what a recount gives.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Connection

from feedback_desk.store.rollups.specs import Rollup
from feedback_desk.store.rollups.sql import (
    SESSIONS,
    prune_row,
    prune_set,
    row_select,
    set_select,
    upsert,
)

_EVENTS = ("insert", "delete", "update")


def install(connection: Connection, specs: tuple[Rollup, ...]) -> None:
    """(Re)create the triggers of *specs*, replacing any earlier rollup triggers."""
    drop(connection, specs)
    make = _postgresql if connection.dialect.name == "postgresql" else _sqlite
    for statement in make(specs):
        connection.exec_driver_sql(statement)


def drop(connection: Connection, specs: tuple[Rollup, ...]) -> None:
    postgresql = connection.dialect.name == "postgresql"
    for table in (*_sources(specs), SESSIONS):
        for event in _EVENTS:
            on = f" ON {table}" if postgresql else ""
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_name(table, event)}{on}")
        if postgresql:
            connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {table}_rollups()")


def trigger_names(specs: tuple[Rollup, ...]) -> set[str]:
    """The triggers :func:`install` creates (the same names on both databases)."""
    names = {_name(source, event) for source in _sources(specs) for event in _EVENTS}
    if _session_watched(specs):
        names.add(_name(SESSIONS, "update"))
    return names


def _name(table: str, event: str) -> str:
    return f"{table}_rollups_{event}"


def _sources(specs: tuple[Rollup, ...]) -> list[str]:
    return list(dict.fromkeys(spec.source for spec in specs))


def _of(specs: tuple[Rollup, ...], source: str) -> list[Rollup]:
    return [spec for spec in specs if spec.source == source]


def _watched(specs: list[Rollup]) -> list[str]:
    return list(dict.fromkeys(column for spec in specs for column in spec.row_columns))


def _per_session(specs: tuple[Rollup, ...]) -> list[Rollup]:
    return [spec for spec in specs if spec.per_session]


def _session_watched(specs: tuple[Rollup, ...]) -> list[str]:
    return list(dict.fromkeys(c for spec in _per_session(specs) for c in spec.session_columns))


def _moves(spec: Rollup, old: str, new: str, *, postgresql: bool) -> Iterator[str]:
    """A session's rows leave its old coach and class and join the new ones."""
    # Without statistics, SQLite would rather walk the (kind, ...) index of every class review.
    rows = f"{spec.source} AS r" + ("" if postgresql else f" INDEXED BY {spec.session_index}")
    mine = [f"r.session_id = {old}.id"]
    pg = postgresql
    yield upsert(spec, set_select(spec, rows, "-count(*)", postgresql=pg, where=mine, session=old))
    yield prune_set(spec, rows, postgresql=pg, where=mine)
    yield upsert(spec, set_select(spec, rows, "count(*)", postgresql=pg, where=mine, session=new))


# -- SQLite -------------------------------------------------------------------------------------


def _sqlite(specs: tuple[Rollup, ...]) -> Iterator[str]:
    for source in _sources(specs):
        mine = _of(specs, source)
        added = [upsert(spec, row_select(spec, "NEW", 1)) for spec in mine]
        removed = [
            statement
            for spec in mine
            for statement in (upsert(spec, row_select(spec, "OLD", -1)), prune_row(spec, "OLD"))
        ]
        watched = _watched(mine)
        changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in watched)
        yield _sqlite_trigger(_name(source, "insert"), f"AFTER INSERT ON {source}", added)
        yield _sqlite_trigger(_name(source, "delete"), f"AFTER DELETE ON {source}", removed)
        yield _sqlite_trigger(
            _name(source, "update"),
            f"AFTER UPDATE OF {', '.join(watched)} ON {source}",
            [*removed, *added],
            when=changed,
        )
    session_columns = _session_watched(specs)
    if session_columns:
        changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in session_columns)
        moves = [
            s for spec in _per_session(specs) for s in _moves(spec, "OLD", "NEW", postgresql=False)
        ]
        yield _sqlite_trigger(
            _name(SESSIONS, "update"),
            f"AFTER UPDATE OF {', '.join(session_columns)} ON {SESSIONS}",
            moves,
            when=changed,
        )


def _sqlite_trigger(name: str, event: str, statements: list[str], *, when: str = "") -> str:
    condition = f" WHEN {when}" if when else ""
    return f"CREATE TRIGGER {name} {event} FOR EACH ROW{condition}\nBEGIN\n{_block(statements)}END"


# -- PostgreSQL ---------------------------------------------------------------------------------


def _postgresql(specs: tuple[Rollup, ...]) -> Iterator[str]:
    for source in _sources(specs):
        mine = _of(specs, source)
        watched = _watched(mine)
        old_side = ", ".join(f"r.{c}" for c in watched)
        new_side = ", ".join(f"n.{c}" for c in watched)
        moved = [f"({old_side}) IS DISTINCT FROM ({new_side})"]
        left = "old_rows AS r JOIN new_rows AS n ON n.id = r.id"
        arrived = "new_rows AS r JOIN old_rows AS n ON n.id = r.id"
        inserted: list[str] = []
        deleted: list[str] = []
        updated: list[str] = []
        for spec in mine:
            cases: list[tuple[list[str], str, str, list[str]]] = [
                (inserted, "new_rows AS r", "count(*)", []),
                (deleted, "old_rows AS r", "-count(*)", []),
                (updated, left, "-count(*)", moved),
                (updated, arrived, "count(*)", moved),
            ]
            for statements, rows, count, where in cases:
                select = set_select(spec, rows, count, postgresql=True, where=where)
                statements.append(upsert(spec, select))
                if count.startswith("-"):
                    statements.append(prune_set(spec, rows, postgresql=True, where=where))
        function = f"{source}_rollups"
        yield _plpgsql(
            function,
            f"IF TG_OP = 'INSERT' THEN\n{_block(inserted)}"
            f"ELSIF TG_OP = 'DELETE' THEN\n{_block(deleted)}"
            f"ELSE\n{_block(updated)}END IF;\n",
        )
        for event, transition in (
            ("insert", "NEW TABLE AS new_rows"),
            ("delete", "OLD TABLE AS old_rows"),
            ("update", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
        ):
            yield (
                f"CREATE TRIGGER {_name(source, event)} AFTER {event.upper()} ON {source} "
                f"REFERENCING {transition} FOR EACH STATEMENT EXECUTE FUNCTION {function}()"
            )
    session_columns = _session_watched(specs)
    if session_columns:
        old = ", ".join(f"OLD.{c}" for c in session_columns)
        new = ", ".join(f"NEW.{c}" for c in session_columns)
        moves = [
            s for spec in _per_session(specs) for s in _moves(spec, "OLD", "NEW", postgresql=True)
        ]
        yield _plpgsql(
            f"{SESSIONS}_rollups",
            f"IF ({old}) IS DISTINCT FROM ({new}) THEN\n{_block(moves)}END IF;\n",
        )
        yield (
            f"CREATE TRIGGER {_name(SESSIONS, 'update')} AFTER UPDATE OF "
            f"{', '.join(session_columns)} ON {SESSIONS} FOR EACH ROW "
            f"EXECUTE FUNCTION {SESSIONS}_rollups()"
        )


def _block(statements: list[str]) -> str:
    return "".join(f"  {statement};\n" for statement in statements)


def _plpgsql(name: str, body: str) -> str:
    return (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $body$\n"
        f"BEGIN\n{body}RETURN NULL;\nEND\n$body$"
    )
