"""The aspects catalogue: predefined aspects shipped in resources/, client-added ones, matching.

Labels are matched ignoring case and accents, in French or English, within one kind of review.
A merged aspect answers for its survivor.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from feedback_desk import paths
from feedback_desk.domain.kinds import AspectOrigin, AspectStatus, Polarity, ReviewKind
from feedback_desk.domain.segments import offered_polarities
from feedback_desk.domain.text import fold
from feedback_desk.store.models import Aspect

MAX_LABEL_CHARS = 60


@dataclass(frozen=True)
class PredefinedAspect:
    code: str
    kind: ReviewKind
    polarity: Polarity
    label_fr: str
    label_en: str


@cache
def predefined_aspects() -> tuple[PredefinedAspect, ...]:
    data = json.loads((paths.resource_dir() / "aspects.json").read_text(encoding="utf-8"))
    return tuple(
        PredefinedAspect(
            code=item["code"],
            kind=ReviewKind(item["kind"]),
            polarity=Polarity(item["polarity"]),
            label_fr=item["fr"],
            label_en=item["en"],
        )
        for item in data["aspects"]
    )


def ensure_catalogue(session: Session, *, at: datetime) -> int:
    """Insert the predefined aspects the store does not have yet; returns how many were added."""
    known = set(session.scalars(select(Aspect.code).where(Aspect.code.is_not(None))))
    added = 0
    for item in predefined_aspects():
        if item.code in known:
            continue
        session.add(
            Aspect(
                code=item.code,
                kind=item.kind,
                polarity=item.polarity,
                label_fr=item.label_fr,
                label_en=item.label_en,
                key_fr=fold(item.label_fr),
                key_en=fold(item.label_en),
                origin=AspectOrigin.PREDEFINED,
                status=AspectStatus.APPROVED,
                created_at=at,
            )
        )
        added += 1
    return added


def catalogue_is_complete(session: Session) -> bool:
    count = len(session.scalars(select(Aspect.code).where(Aspect.code.is_not(None))).all())
    return count >= len(predefined_aspects())


def survivor(session: Session, aspect: Aspect) -> Aspect:
    """The aspect that now answers for *aspect* (itself unless it was merged)."""
    seen = {aspect.id}
    while aspect.merged_into_id is not None:
        merged = session.get(Aspect, aspect.merged_into_id)
        if merged is None or merged.id in seen:
            break
        seen.add(merged.id)
        aspect = merged
    return aspect


def find_by_label(session: Session, kind: ReviewKind, label: str) -> list[Aspect]:
    """Aspects of *kind* whose French or English label is *label* (case and accents ignored)."""
    key = fold(label)
    if not key:
        return []
    matches = session.scalars(
        select(Aspect)
        .where(Aspect.kind == kind, or_(Aspect.key_fr == key, Aspect.key_en == key))
        .order_by(Aspect.id)
    ).all()
    return list({a.id: a for a in (survivor(session, m) for m in matches)}.values())


def add_client_aspect(
    session: Session,
    *,
    kind: ReviewKind,
    polarity: Polarity,
    label: str,
    at: datetime,
    auto_approve: bool,
) -> Aspect:
    """A client's own aspect, in their words (both labels until a manager renames it).

    It waits for a manager's approval before later clients see it, unless auto-approve is on.
    """
    text = " ".join(label.split())[:MAX_LABEL_CHARS]
    aspect = Aspect(
        kind=kind,
        polarity=polarity,
        label_fr=text,
        label_en=text,
        key_fr=fold(text),
        key_en=fold(text),
        origin=AspectOrigin.CLIENT,
        status=AspectStatus.APPROVED if auto_approve else AspectStatus.PENDING,
        created_at=at,
    )
    session.add(aspect)
    session.flush()
    return aspect


def offered(session: Session, kind: ReviewKind, stars: int) -> list[Aspect]:
    """Aspects a client may tick for this rating: approved, visible, not merged away."""
    return list(
        session.scalars(
            select(Aspect)
            .where(
                Aspect.kind == kind,
                Aspect.polarity.in_(offered_polarities(stars)),
                Aspect.status == AspectStatus.APPROVED,
                Aspect.hidden.is_(False),
                Aspect.merged_into_id.is_(None),
            )
            .order_by(Aspect.polarity.desc(), Aspect.id)
        )
    )
