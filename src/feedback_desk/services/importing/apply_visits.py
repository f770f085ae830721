"""Writing a visit history: its new coaches and classes, its sessions, then its bookings.

The counts of the report are the bookings (created, updated, unchanged); the sessions, coaches
and classes the file creates are reported beside them.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table, bindparam, select

from feedback_desk.domain.text import fold
from feedback_desk.services.importing.apply_bookings import WRITE_BATCH, apply_bookings
from feedback_desk.services.importing.cells import ABSENT
from feedback_desk.services.importing.columns import ImportKind
from feedback_desk.services.importing.lookups import CHUNK, chunks, ids_by_external_id
from feedback_desk.services.importing.plans import ImportContext, KindPlan
from feedback_desk.services.importing.visits import CoachRef, SessionDraft, VisitSessions
from feedback_desk.store.models import ClassSession, ClassType, Coach

DEFAULT_DURATION = 60

_SESSIONS = cast(Table, ClassSession.__table__)
_UPDATE_SESSION = (
    _SESSIONS.update()
    .where(_SESSIONS.c.id == bindparam("row"))
    .values(duration_min=bindparam("duration"), location=bindparam("place"))
)


def apply_visits(
    ctx: ImportContext, source: str, visits: VisitSessions, *, write: bool
) -> KindPlan:
    plan = KindPlan(ImportKind.VISITS, source)
    coach_ids = _coaches(ctx, plan, visits.drafts, write=write)
    class_ids = _classes(ctx, plan, visits.drafts, write=write)
    session_ids = _sessions(ctx, plan, visits.drafts, coach_ids, class_ids, write=write)
    apply_bookings(ctx, plan, visits.bookings, session_ids, write=write)
    return plan


def _coaches(
    ctx: ImportContext, plan: KindPlan, drafts: list[SessionDraft], *, write: bool
) -> dict[str, int | None]:
    wanted: dict[str, CoachRef] = {}
    for draft in drafts:
        known = wanted.get(draft.coach.external_id)
        if known is None or (draft.coach.new and not known.new):
            wanted[draft.coach.external_id] = draft.coach  # the new one carries the name
    found: dict[str, int | None] = dict(ids_by_external_id(ctx.db, Coach, wanted))
    new = [coach for key, coach in wanted.items() if key not in found and coach.new]
    plan.new_coaches = [f"{c.first_name} {c.last_name}".strip() for c in new]
    if write and new:
        ctx.db.add_all(
            Coach(external_id=c.external_id, first_name=c.first_name, last_name=c.last_name)
            for c in new
        )
        ctx.db.flush()
        found.update(ids_by_external_id(ctx.db, Coach, [c.external_id for c in new]))
    return found


def _classes(
    ctx: ImportContext, plan: KindPlan, drafts: list[SessionDraft], *, write: bool
) -> dict[str, int | None]:
    # Classes are few: all of them, matched ignoring case and accents so "spin 45" is "Spin 45".
    found: dict[str, int | None] = {
        fold(name): class_id
        for class_id, name in ctx.db.execute(select(ClassType.id, ClassType.name))
    }
    new: dict[str, str] = {}
    for draft in drafts:
        if draft.class_key not in found:
            new.setdefault(draft.class_key, draft.class_name)
    plan.new_classes = sorted(new.values(), key=fold)
    for key, name in new.items():
        if write:
            made = ClassType(name=name)
            ctx.db.add(made)
            ctx.db.flush()
            found[key] = made.id
        else:
            found[key] = None
    return found


def _sessions(
    ctx: ImportContext,
    plan: KindPlan,
    drafts: list[SessionDraft],
    coach_ids: dict[str, int | None],
    class_ids: dict[str, int | None],
    *,
    write: bool,
) -> list[int | None]:
    """The store id of every draft (None for one a preview would create)."""
    ids: list[int | None] = [None] * len(drafts)
    numbers = {draft.external_id: number for number, draft in enumerate(drafts)}
    for batch in chunks(drafts, CHUNK):
        rows = ctx.db.execute(
            select(
                ClassSession.external_id,
                ClassSession.id,
                ClassSession.duration_min,
                ClassSession.location,
            ).where(ClassSession.external_id.in_([d.external_id for d in batch]))
        ).all()
        stored = {external_id: (sid, minutes, place) for external_id, sid, minutes, place in rows}
        inserts: list[dict[str, object]] = []
        updates: list[dict[str, object]] = []
        for draft in batch:
            current = stored.get(draft.external_id)
            if current is None:
                plan.sessions_created += 1
                if write:
                    inserts.append(_new_session(draft, coach_ids, class_ids))
                continue
            sid, minutes, place = current
            ids[numbers[draft.external_id]] = sid
            duration = minutes if draft.duration_min is ABSENT else draft.duration_min
            location = place if draft.location is ABSENT else draft.location
            if (duration, location) != (minutes, place):
                updates.append({"row": sid, "duration": duration, "place": location})
        if inserts:
            ctx.db.execute(_SESSIONS.insert(), inserts)
            made = ids_by_external_id(
                ctx.db, ClassSession, [str(row["external_id"]) for row in inserts]
            )
            for external_id, sid in made.items():
                ids[numbers[external_id]] = sid
        if write and updates:
            for part in chunks(updates, WRITE_BATCH):
                ctx.db.execute(_UPDATE_SESSION, part)
    return ids


def _new_session(
    draft: SessionDraft, coach_ids: dict[str, int | None], class_ids: dict[str, int | None]
) -> dict[str, object]:
    return {
        "external_id": draft.external_id,
        "class_id": class_ids[draft.class_key],
        "coach_id": coach_ids[draft.coach.external_id],
        "starts_at": draft.starts_at,
        "duration_min": DEFAULT_DURATION if draft.duration_min is ABSENT else draft.duration_min,
        "location": None if draft.location is ABSENT else draft.location,
    }
