"""What each rollup table counts: its source rows, the dimensions it groups them by, and which
rows it keeps.

A rollup holds one row per combination of its dimensions that has rows, with their count; the
triggers (rollups/triggers.py) keep it so in the transaction of every write, and the recount
(rollups/recount.py) rebuilds it from the source. A dimension is a SQL expression over the counted
row, written ``{row}.column``, or over its class session, ``{session}.column`` (a per-session
rollup counts only rows with a session and joins it).

A dimension is one line here and one key column in the rollup's model (the 0-10 ``recommend``
answer is ``_RECOMMEND`` below): the triggers, the recount and the check follow from the specs.
The specs are versioned: a migration installs the specs of its own revision (never "the current
ones"), so an old migration keeps creating the triggers its tables can hold. To add a dimension
later: add the column to the source table and to the rollup's model, write the next specs with
:func:`with_dimension`, and in the migration add the rollup column, then
:func:`feedback_desk.store.rollups.triggers.install` and
:func:`feedback_desk.store.rollups.recount.rebuild` with the new specs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_ROW_COLUMN = re.compile(r"\{row\}\.(\w+)")
_SESSION_COLUMN = re.compile(r"\{session\}\.(\w+)")


@dataclass(frozen=True)
class Dimension:
    column: str  # the rollup's column
    source: str  # SQL over {row} (the counted row) and {session} (its session)
    # The same for PostgreSQL, where its SQL differs from SQLite's.
    postgresql: str | None = None

    def over(self, row: str, session: str = "s", *, postgresql: bool = False) -> str:
        text = self.postgresql if postgresql and self.postgresql else self.source
        return text.format(row=row, session=session)


@dataclass(frozen=True)
class Rollup:
    table: str
    source: str  # the counted table
    count: str  # the rollup's count column
    # In the order of the primary key. The first one is the period (the local day, or the first
    # day of its month): every period query and every clean-up starts there; then what the
    # reports group by, so they read in key order.
    dimensions: tuple[Dimension, ...]
    # Counts only the source rows this SQL condition over {row} keeps.
    keeps: str = ""
    # Counts only rows with a class session, joined as {session}.
    per_session: bool = False
    # The source's index by session: a session given another coach or class moves its rows.
    session_index: str = ""

    def __post_init__(self) -> None:
        if self.dimensions[0].column not in ("local_day", "month"):
            raise ValueError(f"{self.table}: the first dimension must be local_day or month")
        if self.per_session and not self.session_index:
            raise ValueError(f"{self.table}: a per-session rollup needs its source's session index")

    @property
    def key(self) -> tuple[str, ...]:
        return tuple(d.column for d in self.dimensions)

    @property
    def row_columns(self) -> tuple[str, ...]:
        """Source columns whose change moves a row from one rollup row to another."""
        texts = [d.source for d in self.dimensions] + [self.keeps]
        found = [name for text in texts for name in _ROW_COLUMN.findall(text)]
        if self.per_session:
            found.append("session_id")
        return tuple(dict.fromkeys(found))

    @property
    def session_columns(self) -> tuple[str, ...]:
        """Session columns whose change moves the session's rows."""
        found = [name for d in self.dimensions for name in _SESSION_COLUMN.findall(d.source)]
        return tuple(dict.fromkeys(found))


def with_dimension(
    specs: tuple[Rollup, ...], table: str, dimension: Dimension
) -> tuple[Rollup, ...]:
    """*specs* with *dimension* added (last) to the rollup called *table*."""
    return tuple(
        replace(spec, dimensions=(*spec.dimensions, dimension)) if spec.table == table else spec
        for spec in specs
    )


_DAY = Dimension("local_day", "{row}.local_day")
# SQLite keeps a DATE as 'YYYY-MM-DD' text.
_MONTH = Dimension(
    "month",
    "date({row}.local_day, 'start of month')",
    postgresql="CAST(date_trunc('month', {row}.local_day) AS date)",
)
_KIND = Dimension("kind", "{row}.kind")
_CHANNEL = Dimension("channel", "{row}.channel")
_COACH = Dimension("coach_id", "{session}.coach_id")
_CLASS = Dimension("class_id", "{session}.class_id")
_STARS = Dimension("stars", "{row}.stars")
_OUTCOME = Dimension("outcome", "{row}.outcome")
# A key column cannot be null in an upsert's conflict target: -1 stands for "no answer".
_RECOMMEND = Dimension("recommend", "coalesce({row}.recommend, -1)")
_CLASS_ROWS = "{row}.kind = 'class'"

# Revision 0005: studio-wide figures by kind, channel and 0-10 answer; class figures by coach and
# class, also by month (a big studio has some 150 coach, class and stars rows a day: a year of
# days is 55,000 rows to sum for the by-coach figures, a year of months 12,000).
ROLLUPS_0005 = (
    Rollup("review_day_rollups", "reviews", "reviews", (_DAY, _KIND, _STARS, _CHANNEL, _RECOMMEND)),
    Rollup(
        "class_review_day_rollups",
        "reviews",
        "reviews",
        (_DAY, _COACH, _CLASS, _STARS),
        keeps=_CLASS_ROWS,
        per_session=True,
        session_index="ix_reviews_session",
    ),
    Rollup(
        "class_review_month_rollups",
        "reviews",
        "reviews",
        (_MONTH, _COACH, _CLASS, _STARS),
        keeps=_CLASS_ROWS,
        per_session=True,
        session_index="ix_reviews_session",
    ),
    Rollup("prompt_day_rollups", "prompts", "prompts", (_DAY, _KIND, _OUTCOME, _CHANNEL)),
    Rollup(
        "class_prompt_day_rollups",
        "prompts",
        "prompts",
        (_DAY, _COACH, _CLASS, _OUTCOME, _CHANNEL),
        keeps=_CLASS_ROWS,
        per_session=True,
        session_index="ix_prompts_session",
    ),
)

# The rollups of the newest revision: what the reports read and `rollups check` recounts.
CURRENT = ROLLUPS_0005
