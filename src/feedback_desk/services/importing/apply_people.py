"""Importing clients and coaches: matched by id, created or updated field by field."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from feedback_desk.services.importing.columns import ImportKind
from feedback_desk.services.importing.lookups import objects_by_external_id
from feedback_desk.services.importing.plans import (
    ImportContext,
    KindPlan,
    changed_values,
    present,
)
from feedback_desk.services.importing.records import ClientRecord, CoachRecord
from feedback_desk.store.models import Client, Coach


def _client_values(record: ClientRecord) -> dict[str, object]:
    return {
        "first_name": record.first_name,
        "last_name": record.last_name,
        "email": record.email,
        "phone": record.phone,
        "language": record.language,
        "email_consent": record.email_consent,
        "joined_on": record.joined_on,
    }


R = TypeVar("R", ClientRecord, CoachRecord)
M = TypeVar("M", Client, Coach)


def _split(
    plan: KindPlan,
    existing: dict[str, M],
    records: Sequence[R],
    values: Callable[[R], dict[str, object]],
) -> tuple[list[R], list[tuple[M, dict[str, object]]]]:
    """Records to create, and existing rows with the fields that change (unchanged are counted)."""
    creates: list[R] = []
    updates: list[tuple[M, dict[str, object]]] = []
    for record in records:
        current = existing.get(record.id)
        if current is None:
            creates.append(record)
            continue
        changes = changed_values(current, values(record))
        if changes:
            updates.append((current, changes))
        else:
            plan.unchanged += 1
    plan.created, plan.updated = len(creates), len(updates)
    return creates, updates


def plan_clients(ctx: ImportContext, source: str, records: Sequence[ClientRecord]) -> KindPlan:
    plan = KindPlan(ImportKind.CLIENTS, source)
    existing = objects_by_external_id(ctx.db, Client, (r.id for r in records))
    creates, updates = _split(plan, existing, records, _client_values)

    def execute() -> None:
        for record in creates:
            # email_consent absent for a new client means no consent (the model's default).
            client = Client(
                external_id=record.id,
                created_at=ctx.now,
                updated_at=ctx.now,
                **present(_client_values(record)),
            )
            client.refresh_search_key()
            ctx.db.add(client)
        for current, changes in updates:
            for name, value in changes.items():
                setattr(current, name, value)
            current.updated_at = ctx.now
            current.refresh_search_key()
        ctx.db.flush()

    plan.execute = execute
    return plan


def _coach_values(record: CoachRecord) -> dict[str, object]:
    return {
        "first_name": record.first_name,
        "last_name": record.last_name,
        "email": record.email,
    }


def plan_coaches(ctx: ImportContext, source: str, records: Sequence[CoachRecord]) -> KindPlan:
    plan = KindPlan(ImportKind.COACHES, source)
    existing = objects_by_external_id(ctx.db, Coach, (r.id for r in records))
    creates, updates = _split(plan, existing, records, _coach_values)

    def execute() -> None:
        ctx.db.add_all(
            Coach(external_id=record.id, **present(_coach_values(record))) for record in creates
        )
        for current, changes in updates:
            for name, value in changes.items():
                setattr(current, name, value)
        ctx.db.flush()

    plan.execute = execute
    return plan
