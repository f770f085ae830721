"""The aspects catalogue: predefined aspects shipped in resources/, client-added ones, matching,
and a manager's changes (approve, rename, hide, merge), each written to the audit log.

Labels are matched ignoring case and accents, in French or English, within one kind of review.
A merged aspect answers for its survivor.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from feedback_desk import paths
from feedback_desk.domain.kind_words import kind_word
from feedback_desk.domain.kinds import AspectOrigin, AspectStatus, Polarity, ReviewKind
from feedback_desk.domain.segments import offered_polarities
from feedback_desk.domain.text import fold
from feedback_desk.errors import UserInputError
from feedback_desk.services import audit
from feedback_desk.store.models import Aspect, ReviewAspect
from feedback_desk.wording import Wording

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


# --- Managing the catalogue (Settings → Aspects) ---------------------------------------------


@dataclass(frozen=True)
class AspectRow:
    """One aspect with its number of votes (reviews that ticked it), as plain values."""

    id: int
    code: str | None
    kind: ReviewKind
    polarity: Polarity
    label_fr: str
    label_en: str
    origin: AspectOrigin
    status: AspectStatus
    hidden: bool
    merged_into_id: int | None
    votes: int

    @property
    def is_offered(self) -> bool:
        return self.status is AspectStatus.APPROVED and not self.hidden and not self.merged

    @property
    def merged(self) -> bool:
        return self.merged_into_id is not None


def list_with_votes(session: Session, kind: ReviewKind | None = None) -> list[AspectRow]:
    """Every aspect (of *kind*) with its vote count, in one aggregate query."""
    votes = func.count(ReviewAspect.review_id)
    query = (
        select(Aspect, votes)
        .outerjoin(ReviewAspect, ReviewAspect.aspect_id == Aspect.id)
        .group_by(Aspect.id)
        .order_by(Aspect.kind.desc(), Aspect.polarity, Aspect.id)
    )
    if kind is not None:
        query = query.where(Aspect.kind == kind)
    return [
        AspectRow(
            id=a.id,
            code=a.code,
            kind=a.kind,
            polarity=a.polarity,
            label_fr=a.label_fr,
            label_en=a.label_en,
            origin=a.origin,
            status=a.status,
            hidden=a.hidden,
            merged_into_id=a.merged_into_id,
            votes=int(count),
        )
        for a, count in session.execute(query).all()
    ]


class AspectNameTaken(UserInputError):
    """A rename to the label of another aspect of the same kind; its labels let the window say
    it in its own language."""

    def __init__(self, kind: ReviewKind, label_fr: str, label_en: str) -> None:
        super().__init__(
            Wording(
                "another {kind} aspect is already called {label_fr!r} / {label_en!r}: merge "
                "the two instead",
                kind=kind_word(kind),
                label_fr=label_fr,
                label_en=label_en,
            )
        )
        self.label_fr = label_fr
        self.label_en = label_en


def _get(session: Session, aspect_id: int) -> Aspect:
    aspect = session.get(Aspect, aspect_id)
    if aspect is None:
        raise UserInputError(
            Wording(
                "aspect {aspect_id} does not exist",
                aspect_id=aspect_id,
            )
        )
    return aspect


def _refuse_merged(aspect: Aspect) -> None:
    if aspect.merged_into_id is not None:
        raise UserInputError(
            Wording(
                "the aspect {label_en!r} was merged into another one; change that one instead",
                label_en=aspect.label_en,
            )
        )


def approve(session: Session, aspect_id: int, *, at: datetime, actor: str) -> Aspect:
    """Offer a client-added aspect to later clients."""
    aspect = _get(session, aspect_id)
    _refuse_merged(aspect)
    if aspect.status is not AspectStatus.APPROVED:
        aspect.status = AspectStatus.APPROVED
        audit.record(
            session,
            at=at,
            actor=actor,
            action="aspect.approve",
            entity_type="aspect",
            entity_id=aspect.id,
            label_fr=aspect.label_fr,
            label_en=aspect.label_en,
        )
    return aspect


def _clean_label(text: str, language: Wording) -> str:
    label = " ".join(text.split())
    if not label:
        raise UserInputError(
            Wording(
                "the {language} label cannot be empty",
                language=language,
            )
        )
    if len(label) > MAX_LABEL_CHARS:
        raise UserInputError(
            Wording(
                "the {language} label has {length} characters; at most {max_label_chars}",
                language=language,
                length=len(label),
                max_label_chars=MAX_LABEL_CHARS,
            )
        )
    return label


def rename(
    session: Session,
    aspect_id: int,
    *,
    label_fr: str,
    label_en: str,
    at: datetime,
    actor: str,
) -> Aspect:
    """Reword an aspect in both languages; a label another aspect of the kind uses is refused."""
    aspect = _get(session, aspect_id)
    _refuse_merged(aspect)
    new_fr = _clean_label(label_fr, Wording("French"))
    new_en = _clean_label(label_en, Wording("English"))
    keys = {fold(new_fr), fold(new_en)}
    clash = session.scalars(
        select(Aspect).where(
            Aspect.kind == aspect.kind,
            Aspect.id != aspect.id,
            Aspect.merged_into_id.is_(None),
            or_(Aspect.key_fr.in_(keys), Aspect.key_en.in_(keys)),
        )
    ).first()
    if clash is not None:
        raise AspectNameTaken(aspect.kind, clash.label_fr, clash.label_en)
    old = (aspect.label_fr, aspect.label_en)
    aspect.label_fr, aspect.label_en = new_fr, new_en
    aspect.key_fr, aspect.key_en = fold(new_fr), fold(new_en)
    audit.record(
        session,
        at=at,
        actor=actor,
        action="aspect.rename",
        entity_type="aspect",
        entity_id=aspect.id,
        old={"fr": old[0], "en": old[1]},
        new={"fr": new_fr, "en": new_en},
    )
    return aspect


def set_hidden(
    session: Session, aspect_id: int, hidden: bool, *, at: datetime, actor: str
) -> Aspect:
    """Hide an aspect from the kiosk (its votes stay in every report), or show it again."""
    aspect = _get(session, aspect_id)
    _refuse_merged(aspect)
    if aspect.hidden != hidden:
        aspect.hidden = hidden
        audit.record(
            session,
            at=at,
            actor=actor,
            action="aspect.hide" if hidden else "aspect.unhide",
            entity_type="aspect",
            entity_id=aspect.id,
            label_en=aspect.label_en,
        )
    return aspect


def merge(session: Session, merged_id: int, survivor_id: int, *, at: datetime, actor: str) -> int:
    """Merge one aspect into another of the same kind: its votes move to the survivor.

    A review that ticked both keeps one vote. The merged aspect is hidden and answers for the
    survivor from then on (imports and typed labels find the survivor). Returns the votes moved.
    """
    merged = _get(session, merged_id)
    survivor_aspect = _get(session, survivor_id)
    if merged.id == survivor_aspect.id:
        raise UserInputError(Wording("an aspect cannot be merged into itself"))
    _refuse_merged(merged)
    _refuse_merged(survivor_aspect)
    if merged.kind is not survivor_aspect.kind:
        raise UserInputError(
            Wording(
                "{label_en!r} is a {kind} aspect and {other_label_en!r} a {other_kind} one: only "
                "aspects of the same kind can be merged",
                label_en=merged.label_en,
                kind=kind_word(merged.kind),
                other_label_en=survivor_aspect.label_en,
                other_kind=kind_word(survivor_aspect.kind),
            )
        )
    both = select(ReviewAspect.review_id).where(ReviewAspect.aspect_id == survivor_aspect.id)
    session.execute(
        delete(ReviewAspect).where(
            ReviewAspect.aspect_id == merged.id, ReviewAspect.review_id.in_(both)
        )
    )
    moved = (
        session.scalar(
            select(func.count())
            .select_from(ReviewAspect)
            .where(ReviewAspect.aspect_id == merged.id)
        )
        or 0
    )
    session.execute(
        update(ReviewAspect)
        .where(ReviewAspect.aspect_id == merged.id)
        .values(aspect_id=survivor_aspect.id)
    )
    session.execute(
        update(Aspect)
        .where(Aspect.merged_into_id == merged.id)
        .values(merged_into_id=survivor_aspect.id)
    )
    merged.merged_into_id = survivor_aspect.id
    merged.hidden = True
    session.flush()
    session.expire_all()
    audit.record(
        session,
        at=at,
        actor=actor,
        action="aspect.merge",
        entity_type="aspect",
        entity_id=merged_id,
        into=survivor_id,
        votes_moved=moved,
    )
    return moved
