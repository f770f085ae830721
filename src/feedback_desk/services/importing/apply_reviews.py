"""Importing reviews: history, recorded through record_review with the import channel.

A review already in the store is updated from the file, except its stars when staff edited them
by hand: those are kept and the line gets a warning. A review that ends up at 3 stars or fewer
gets its action to take; no action is ever removed.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import Channel, Polarity, ReviewKind
from feedback_desk.domain.localtime import local_day
from feedback_desk.domain.segments import offered_polarities
from feedback_desk.domain.text import fold
from feedback_desk.services.actions import open_action_if_at_risk
from feedback_desk.services.aspects import add_client_aspect, find_by_label
from feedback_desk.services.importing.cells import ABSENT
from feedback_desk.services.importing.columns import ImportKind
from feedback_desk.services.importing.lookups import objects_by_external_id
from feedback_desk.services.importing.messages import Code
from feedback_desk.services.importing.plans import (
    PENDING,
    ImportContext,
    KindPlan,
    changed_values,
)
from feedback_desk.services.importing.problems import warning
from feedback_desk.services.importing.records import ReviewRecord
from feedback_desk.services.review_recording import NewReview, record_review
from feedback_desk.store.models import Aspect, ClassSession, Client, Review


class AspectLabels:
    """Aspect labels → aspects, one catalogue query per distinct label (not per row).

    A label that names no aspect becomes a client-added aspect awaiting approval, made once for
    the whole import and found again by the next import.
    """

    def __init__(self, db: Session, *, auto_approve: bool) -> None:
        self._db = db
        self._auto_approve = auto_approve
        self._matches: dict[tuple[ReviewKind, str], list[Aspect]] = {}

    def matches(self, kind: ReviewKind, label: str) -> list[Aspect]:
        key = (kind, fold(label))
        if key not in self._matches:
            self._matches[key] = find_by_label(self._db, kind, label)
        return self._matches[key]

    def known(self, kind: ReviewKind, label: str, stars: int) -> Aspect | None:
        found = self.matches(kind, label)
        if not found:
            return None
        # The same words can name aspects of both polarities: take the one this rating offers.
        fitting = [a for a in found if a.polarity in offered_polarities(stars)]
        return (fitting or found)[0]

    def aspect(self, kind: ReviewKind, label: str, stars: int, review: ReviewRecord) -> Aspect:
        found = self.known(kind, label, stars)
        if found is not None:
            return found
        made = add_client_aspect(
            self._db,
            kind=kind,
            polarity=Polarity.EXCEL if stars >= 4 else Polarity.TO_IMPROVE,
            label=label,
            at=review.created_at,
            auto_approve=self._auto_approve,
        )
        self._matches[(kind, fold(label))] = [made]
        return made


def _kept_stars(current: Review | None, record: ReviewRecord) -> int:
    if current is not None and current.edited_manually:
        return current.stars
    return record.stars


def plan_reviews(ctx: ImportContext, source: str, records: Sequence[ReviewRecord]) -> KindPlan:
    plan = KindPlan(ImportKind.REVIEWS, source)
    db = ctx.db
    tz = ctx.settings.timezone
    existing = objects_by_external_id(db, Review, (r.id for r in records))
    clients = objects_by_external_id(db, Client, (r.client_id for r in records))
    sessions = objects_by_external_id(
        db, ClassSession, (r.session_id for r in records if r.session_id is not None)
    )
    labels = AspectLabels(db, auto_approve=ctx.settings.flag("aspects.auto_approve"))
    new_aspects: dict[tuple[ReviewKind, str], str] = {}

    def differs(current: Review, record: ReviewRecord, stars: int) -> bool:
        client = clients.get(record.client_id)
        session_id: object = None
        if record.session_id is not None:
            session = sessions.get(record.session_id)
            session_id = PENDING if session is None else session.id
        scalars = {
            "client_id": PENDING if client is None else client.id,
            "kind": record.kind,
            "session_id": session_id,
            "stars": stars,
            "created_at": record.created_at,
            "local_day": local_day(record.created_at, tz),
            "comment": record.comment,
        }
        if record.recommend is not ABSENT:
            scalars["recommend"] = record.recommend
        if changed_values(current, scalars):
            return True
        if record.aspects is ABSENT:
            return False
        wanted = [labels.known(record.kind, label, stars) for label in record.aspects]
        if any(aspect is None for aspect in wanted):
            return True
        return {a.id for a in current.aspects} != {a.id for a in wanted if a is not None}

    creates: list[ReviewRecord] = []
    updates: list[tuple[Review, ReviewRecord]] = []
    for record in records:
        current = existing.get(record.id)
        stars = _kept_stars(current, record)
        if current is not None and current.edited_manually and record.stars != current.stars:
            plan.warnings.append(
                warning(
                    source,
                    record.line,
                    Code.EDITED_BY_HAND,
                    id=record.id,
                    kept=current.stars,
                    given=record.stars,
                )
            )
        if record.aspects is not ABSENT:
            for label in record.aspects:
                if not labels.matches(record.kind, label):
                    new_aspects.setdefault((record.kind, fold(label)), label)
        if current is None:
            creates.append(record)
        elif differs(current, record, stars):
            updates.append((current, record))
        else:
            plan.unchanged += 1
    plan.created, plan.updated = len(creates), len(updates)
    plan.new_aspects = [
        f"{label} ({kind})"
        for (kind, _key), label in sorted(
            new_aspects.items(), key=lambda item: (item[0][1], item[0][0])
        )
    ]

    def aspects_of(record: ReviewRecord, stars: int) -> list[Aspect]:
        if record.aspects is ABSENT:
            return []
        return [labels.aspect(record.kind, label, stars, record) for label in record.aspects]

    def execute() -> None:
        # Clients and sessions of this import were written before this plan was made.
        for record in creates:
            record_review(
                db,
                ctx.settings,
                NewReview(
                    client=clients[record.client_id],
                    kind=record.kind,
                    stars=record.stars,
                    created_at=record.created_at,
                    channel=Channel.IMPORT,
                    session=sessions[record.session_id] if record.session_id else None,
                    comment=None if record.comment is ABSENT else record.comment,
                    aspects=aspects_of(record, record.stars),
                    external_id=record.id,
                    recommend=None if record.recommend is ABSENT else record.recommend,
                ),
            )
        for current, record in updates:
            stars = _kept_stars(current, record)
            current.client_id = clients[record.client_id].id
            current.kind = record.kind
            current.session_id = sessions[record.session_id].id if record.session_id else None
            current.stars = stars
            current.created_at = record.created_at
            current.local_day = local_day(record.created_at, tz)
            if record.comment is not ABSENT:
                current.comment = record.comment
            if record.recommend is not ABSENT:
                current.recommend = record.recommend
            if record.aspects is not ABSENT:
                current.aspects = list(dict.fromkeys(aspects_of(record, stars)))
            open_action_if_at_risk(db, current, at=record.created_at)
        db.flush()

    plan.execute = execute
    return plan
