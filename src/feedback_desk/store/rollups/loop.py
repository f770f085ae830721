"""Triggers keeping ``action_followups`` and ``loop_day_rollups`` (store/models/loop.py) true.

Whether closing the loop worked asks, for every closed action, for the client's first review
dated after the closing. Asked of the raw rows it is one index seek per closed action (145,000
on a million reviews: over a second). Here each closed action keeps its next review in
``action_followups``, refreshed only for the client a written review belongs to, and
``loop_day_rollups`` counts closings and next reviews by UTC day, so the figure at any instant is
a sum over whole days plus that instant's own day read from ``action_followups``.

The same statements serve both databases: they read the changed rows from ``{new}`` and
``{old}``, which are the transition tables of a PostgreSQL statement trigger and a one-row
SELECT of ``NEW``/``OLD`` in a SQLite row trigger. Only what needs an index to be fast on
SQLite (a review's client) is written per database.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Connection

FOLLOWUPS = "action_followups"
DAYS = "loop_day_rollups"
FOLLOWUP_COLUMNS = (
    "action_id",
    "client_id",
    "closed_at",
    "stars",
    "next_review_id",
    "next_review_at",
    "next_stars",
)
DAY_VALUES = ("closed", "followed", "improved")


@dataclass(frozen=True)
class _Dialect:
    postgresql: bool

    def day(self, instant: str) -> str:
        return f"CAST({instant} AS date)" if self.postgresql else f"date({instant})"

    def rows(self, which: str, columns: tuple[str, ...]) -> str:
        """The changed rows, as a FROM item (``new`` or ``old``)."""
        if self.postgresql:
            return f"{which}_rows"
        prefix = which.upper()
        return "(SELECT " + ", ".join(f"{prefix}.{c} AS {c}" for c in columns) + ")"


@dataclass(frozen=True)
class _Trigger:
    table: str
    event: str  # insert, delete or update
    statements: list[str]
    # SQLite: fires on an update of these columns, when one of them changed.
    watched: tuple[str, ...] = ()
    name: str = ""  # what tells it from the table's other triggers of the same event

    @property
    def full_name(self) -> str:
        return f"{self.table}_loop_{self.name or self.event}"


def _next_review(client: str, after: str) -> str:
    """The first review of *client* dated after *after*: its id, date and stars."""
    return (
        f"SELECT l.id, l.created_at, l.stars FROM reviews AS l WHERE l.client_id = {client} "
        f"AND l.created_at > {after} ORDER BY l.created_at, l.id LIMIT 1"
    )


def _refresh(where: str) -> str:
    """Look again for the next review of the followups *where* selects."""
    nxt = _next_review(f"{FOLLOWUPS}.client_id", f"{FOLLOWUPS}.closed_at")
    columns = "next_review_id, next_review_at, next_stars"
    return f"UPDATE {FOLLOWUPS} SET ({columns}) = ({nxt}) WHERE {where}"


def followups_of(actions: str) -> str:
    """The followup of each closed action of *actions* (a FROM item), as a SELECT."""
    first = (
        "SELECT m.id FROM reviews AS m WHERE m.client_id = r.client_id "
        "AND m.created_at > a.closed_at ORDER BY m.created_at, m.id LIMIT 1"
    )
    return (
        "SELECT a.id AS action_id, r.client_id AS client_id, a.closed_at AS closed_at, "
        "r.stars AS stars, l.id AS next_review_id, l.created_at AS next_review_at, "
        "l.stars AS next_stars "
        f"FROM {actions} AS a JOIN reviews AS r ON r.id = a.review_id "
        f"LEFT JOIN reviews AS l ON l.id = ({first}) WHERE a.closed_at IS NOT NULL"
    )


def _add_followups(actions: str) -> str:
    return f"INSERT INTO {FOLLOWUPS} ({', '.join(FOLLOWUP_COLUMNS)}) {followups_of(actions)}"


def _review_triggers(d: _Dialect) -> list[_Trigger]:
    old = d.rows("old", ("id", "client_id", "created_at", "stars"))
    if d.postgresql:
        pairs = "old_rows AS o JOIN new_rows AS n ON n.id = o.id"
        moved = (
            f"{pairs} WHERE (o.client_id, o.created_at) IS DISTINCT FROM "
            "(n.client_id, n.created_at)"
        )
        rated = f"{pairs} WHERE o.stars IS DISTINCT FROM n.stars"
        edited = f"SELECT n.id FROM {moved} UNION SELECT n.id FROM {rated}"
        clients = f"SELECT o.client_id FROM {moved} UNION SELECT n.client_id FROM {moved}"
        restarred = f"SELECT n.id FROM {rated}"
        followed = (
            f"{FOLLOWUPS}.client_id IN (SELECT client_id FROM new_rows) AND EXISTS (SELECT 1 "
            f"FROM new_rows AS n WHERE n.client_id = {FOLLOWUPS}.client_id AND "
            f"n.created_at > {FOLLOWUPS}.closed_at AND ({FOLLOWUPS}.next_review_at IS NULL OR "
            f"n.created_at <= {FOLLOWUPS}.next_review_at))"
        )
    else:
        edited = restarred = "SELECT NEW.id"
        clients = "SELECT OLD.client_id UNION SELECT NEW.client_id"
        followed = (
            "client_id = NEW.client_id AND closed_at < NEW.created_at AND "
            "(next_review_at IS NULL OR NEW.created_at <= next_review_at)"
        )
    # The followup of the review's own action takes its client and stars.
    own = (
        f"UPDATE {FOLLOWUPS} SET (client_id, stars) = (SELECT r.client_id, r.stars FROM actions "
        f"AS a JOIN reviews AS r ON r.id = a.review_id WHERE a.id = {FOLLOWUPS}.action_id) "
        f"WHERE action_id IN (SELECT a.id FROM actions AS a WHERE a.review_id IN ({edited}))"
    )
    # Followups whose next review it is take its new stars.
    next_stars = (
        f"UPDATE {FOLLOWUPS} SET next_stars = (SELECT r.stars FROM reviews AS r WHERE "
        f"r.id = {FOLLOWUPS}.next_review_id) WHERE next_review_id IN ({restarred})"
    )
    # A review that moved in time or to another client: its clients' next reviews, again.
    moved_clients = _refresh(f"client_id IN ({clients})")
    triggers = [
        # A new review may come first after some of its client's closed actions.
        _Trigger("reviews", "insert", [_refresh(followed)]),
        _Trigger("reviews", "delete", [_refresh(f"next_review_id IN (SELECT id FROM {old})")]),
    ]
    if d.postgresql:
        return [*triggers, _Trigger("reviews", "update", [own, next_stars, moved_clients])]
    return [
        *triggers,
        _Trigger("reviews", "update", [own, moved_clients], ("client_id", "created_at")),
        # An edit of the stars alone (the usual one) needs no search for next reviews.
        _Trigger("reviews", "update", [own, next_stars], ("stars",), name="stars"),
    ]


def _action_triggers(d: _Dialect) -> list[_Trigger]:
    columns = ("id", "review_id", "closed_at")
    new, old = d.rows("new", columns), d.rows("old", columns)
    if d.postgresql:
        changed = (
            "(SELECT n.* FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id WHERE "
            "(n.closed_at, n.review_id) IS DISTINCT FROM (o.closed_at, o.review_id))"
        )
        gone = f"DELETE FROM {FOLLOWUPS} WHERE action_id IN (SELECT id FROM {changed} AS c)"
        update = [gone, _add_followups(changed)]
    else:
        update = [f"DELETE FROM {FOLLOWUPS} WHERE action_id = OLD.id", _add_followups(new)]
    return [
        _Trigger("actions", "insert", [_add_followups(new)]),
        _Trigger(
            "actions",
            "delete",
            [f"DELETE FROM {FOLLOWUPS} WHERE action_id IN (SELECT id FROM {old})"],
        ),
        _Trigger("actions", "update", update, ("closed_at", "review_id")),
    ]


def _day_counts(d: _Dialect, rows: str, sign: str) -> list[str]:
    """Add (sign ``+``) or take away (``-``) the followups of *rows* from the day counts."""
    upsert = "ON CONFLICT (utc_day) DO UPDATE SET " + ", ".join(
        f"{c} = {DAYS}.{c} + excluded.{c}" for c in DAY_VALUES
    )
    closed_day, next_day = d.day("f.closed_at"), d.day("f.next_review_at")
    better = "CASE WHEN f.next_stars > f.stars THEN 1 ELSE 0 END"
    return [
        f"INSERT INTO {DAYS} (utc_day, {', '.join(DAY_VALUES)}) SELECT {closed_day}, "
        f"{sign}count(*), 0, 0 FROM {rows} AS f WHERE true GROUP BY {closed_day} {upsert}",
        f"INSERT INTO {DAYS} (utc_day, {', '.join(DAY_VALUES)}) SELECT {next_day}, 0, "
        f"{sign}count(*), {sign}sum({better}) FROM {rows} AS f "
        f"WHERE f.next_review_at IS NOT NULL GROUP BY {next_day} {upsert}",
    ]


def _followup_triggers(d: _Dialect) -> list[_Trigger]:
    new, old = d.rows("new", FOLLOWUP_COLUMNS), d.rows("old", FOLLOWUP_COLUMNS)
    prune = f"DELETE FROM {DAYS} WHERE closed = 0 AND followed = 0"
    taken = [*_day_counts(d, old, "-"), prune]
    added = _day_counts(d, new, "")
    return [
        _Trigger(FOLLOWUPS, "insert", added),
        _Trigger(FOLLOWUPS, "delete", taken),
        _Trigger(FOLLOWUPS, "update", [*taken, *added]),
    ]


def _triggers(d: _Dialect) -> list[_Trigger]:
    return [*_review_triggers(d), *_action_triggers(d), *_followup_triggers(d)]


def trigger_names(postgresql: bool) -> set[str]:
    """The triggers :func:`install` creates."""
    return {trigger.full_name for trigger in _triggers(_Dialect(postgresql))}


def install(connection: Connection) -> None:
    drop(connection)
    d = _Dialect(connection.dialect.name == "postgresql")
    for statement in (_postgresql if d.postgresql else _sqlite)(d):
        connection.exec_driver_sql(statement)


def drop(connection: Connection) -> None:
    postgresql = connection.dialect.name == "postgresql"
    for trigger in _triggers(_Dialect(postgresql)):
        on = f" ON {trigger.table}" if postgresql else ""
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger.full_name}{on}")
    if postgresql:
        for table in dict.fromkeys(t.table for t in _triggers(_Dialect(postgresql))):
            connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {table}_loop()")


def _sqlite(d: _Dialect) -> Iterator[str]:
    for trigger in _triggers(d):
        of = when = ""
        if trigger.watched:
            of = f" OF {', '.join(trigger.watched)}"
            when = " WHEN " + " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in trigger.watched)
        block = "".join(f"  {s};\n" for s in trigger.statements)
        yield (
            f"CREATE TRIGGER {trigger.full_name} AFTER {trigger.event.upper()}{of} ON "
            f"{trigger.table} FOR EACH ROW{when}\nBEGIN\n{block}END"
        )


def _postgresql(d: _Dialect) -> Iterator[str]:
    """One statement trigger per table and event, all calling the table's one function."""
    transitions = {
        "insert": "NEW TABLE AS new_rows",
        "delete": "OLD TABLE AS old_rows",
        "update": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    }
    triggers = _triggers(d)
    for table in dict.fromkeys(t.table for t in triggers):
        mine = [t for t in triggers if t.table == table]
        branches = "".join(
            f"{'IF' if i == 0 else 'ELSIF'} TG_OP = '{t.event.upper()}' THEN\n"
            + "".join(f"  {s};\n" for s in t.statements)
            for i, t in enumerate(mine)
        )
        yield (
            f"CREATE OR REPLACE FUNCTION {table}_loop() RETURNS trigger LANGUAGE plpgsql AS "
            f"$body$\nBEGIN\n{branches}END IF;\nRETURN NULL;\nEND\n$body$"
        )
        for t in mine:
            yield (
                f"CREATE TRIGGER {t.full_name} AFTER {t.event.upper()} ON {table} "
                f"REFERENCING {transitions[t.event]} FOR EACH STATEMENT "
                f"EXECUTE FUNCTION {table}_loop()"
            )


def days_recount(postgresql: bool) -> str:
    """The day counts, computed from a recount of the followups."""
    d = _Dialect(postgresql)
    rows = f"({followups_of('actions')})"
    closed_day, next_day = d.day("f.closed_at"), d.day("f.next_review_at")
    return (
        f"SELECT utc_day, sum(closed), sum(followed), sum(improved) FROM ("
        f"SELECT {closed_day} AS utc_day, 1 AS closed, 0 AS followed, 0 AS improved "
        f"FROM {rows} AS f "
        f"UNION ALL SELECT {next_day}, 0, 1, CASE WHEN f.next_stars > f.stars THEN 1 ELSE 0 END "
        f"FROM {rows} AS f WHERE f.next_review_at IS NOT NULL) AS c GROUP BY utc_day"
    )


def rebuild(connection: Connection) -> None:
    """Recompute every followup; the triggers (installed first) recount the days from them."""
    connection.exec_driver_sql(f"DELETE FROM {FOLLOWUPS}")
    connection.exec_driver_sql(f"DELETE FROM {DAYS}")
    connection.exec_driver_sql(_add_followups("actions"))
