"""The coaches and classes a filter can choose from (those that have sessions)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk.store.models import ClassType, Coach


@dataclass(frozen=True)
class Choice:
    id: int
    label: str


def coach_choices(session: Session) -> list[Choice]:
    coaches = session.scalars(select(Coach)).all()
    return sorted(
        (Choice(c.id, c.full_name or c.external_id) for c in coaches),
        key=lambda choice: choice.label.casefold(),
    )


def class_choices(session: Session) -> list[Choice]:
    rows = session.execute(select(ClassType.id, ClassType.name)).all()
    return sorted((Choice(r[0], r[1]) for r in rows), key=lambda choice: choice.label.casefold())
