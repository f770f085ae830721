"""Importing sessions, with their classes (matched ignoring case and accents)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from feedback_desk.domain.text import fold
from feedback_desk.services.importing.columns import ImportKind
from feedback_desk.services.importing.lookups import (
    ids_by_external_id,
    objects_by_external_id,
)
from feedback_desk.services.importing.plans import (
    PENDING,
    ImportContext,
    KindPlan,
    changed_values,
    present,
)
from feedback_desk.services.importing.records import SessionRecord
from feedback_desk.store.models import ClassSession, ClassType, Coach


def plan_sessions(ctx: ImportContext, source: str, records: Sequence[SessionRecord]) -> KindPlan:
    plan = KindPlan(ImportKind.SESSIONS, source)
    db = ctx.db
    existing = objects_by_external_id(db, ClassSession, (r.id for r in records))
    coach_ids = ids_by_external_id(db, Coach, (r.coach_id for r in records))
    # Classes are few: all of them, matched ignoring case and accents so "spin 45" is "Spin 45".
    class_ids = {fold(row.name): row.id for row in db.scalars(select(ClassType))}
    new_classes: dict[str, str] = {}
    for record in records:
        key = fold(record.class_name)
        if key not in class_ids:
            new_classes.setdefault(key, record.class_name)
    plan.new_classes = sorted(new_classes.values(), key=fold)

    def values(record: SessionRecord) -> dict[str, object]:
        return {
            "class_id": class_ids.get(fold(record.class_name), PENDING),
            "coach_id": coach_ids.get(record.coach_id, PENDING),
            "starts_at": record.starts_at,
            "duration_min": record.duration_min,
            "location": record.location,
        }

    creates: list[SessionRecord] = []
    updates: list[tuple[ClassSession, SessionRecord]] = []
    for record in records:
        current = existing.get(record.id)
        if current is None:
            creates.append(record)
        elif changed_values(current, values(record)):
            updates.append((current, record))
        else:
            plan.unchanged += 1
    plan.created, plan.updated = len(creates), len(updates)

    def execute() -> None:
        for key, name in new_classes.items():
            made = ClassType(name=name)
            db.add(made)
            db.flush()
            class_ids[key] = made.id
        missing = {r.coach_id for r in records if r.coach_id not in coach_ids}
        coach_ids.update(ids_by_external_id(db, Coach, missing))
        for record in creates:
            db.add(ClassSession(external_id=record.id, **present(values(record))))
        for current, record in updates:
            for name, value in changed_values(current, values(record)).items():
                setattr(current, name, value)
        db.flush()

    plan.execute = execute
    return plan
