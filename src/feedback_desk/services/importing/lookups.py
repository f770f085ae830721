"""Bulk look-ups by the studio's own ids: chunked IN queries, never one query per row."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from feedback_desk.store.models import Attendance, ClassSession, Client, Coach, Review

# Well under every database's limit on bound parameters (SQLite's oldest is 999).
CHUNK = 500
FETCH_ROWS = 1000

T = TypeVar("T")
M = TypeVar("M", Client, Coach, ClassSession, Review)


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """*items* (a stream) in lists of *size* (itertools.batched, before Python 3.12)."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def ids_by_external_id(
    db: Session,
    model: type[Client] | type[Coach] | type[ClassSession] | type[Review],
    external_ids: Iterable[str],
) -> dict[str, int]:
    wanted = sorted(set(external_ids))
    found: dict[str, int] = {}
    for chunk in chunks(wanted):
        rows = db.execute(
            select(model.external_id, model.id).where(model.external_id.in_(chunk))
        ).all()
        found.update(dict(rows))
    return found


def objects_by_external_id(
    db: Session, model: type[M], external_ids: Iterable[str]
) -> dict[str, M]:
    wanted = sorted(set(external_ids))
    found: dict[str, M] = {}
    for chunk in chunks(wanted):
        query = select(model).where(model.external_id.in_(chunk))
        if model is Review:
            query = query.options(selectinload(Review.aspects))
        found.update({item.external_id: item for item in db.scalars(query).unique()})
    return found


def attendance_of_sessions(
    db: Session, session_ids: Collection[int]
) -> dict[tuple[int, int], tuple[int, bool]]:
    """(session id, client id) → (attendance id, present), for every booking in these sessions."""
    found: dict[tuple[int, int], tuple[int, bool]] = {}
    for chunk in chunks(sorted(session_ids)):
        result = db.execute(
            select(
                Attendance.session_id, Attendance.client_id, Attendance.id, Attendance.present
            ).where(Attendance.session_id.in_(chunk))
        )
        # Fetched a few rows at a time: a long fetch holds Python's lock (the window waits).
        for rows in result.partitions(FETCH_ROWS):
            found.update({(sid, cid): (aid, present) for sid, cid, aid, present in rows})
    return found
