"""The qualities a client votes for: the studio's business "where you excel" aspects.

A quality a client adds in their own words joins the aspects catalogue as any client-added
aspect (awaiting a manager's approval unless ``aspects.auto_approve``); the vote counts either
way. Votes are counted per quality that answers for them (a merged aspect's votes go to its
survivor), once per testimonial.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import AspectStatus, Polarity, ReviewKind
from feedback_desk.domain.testimonials import Approval, TestimonialState
from feedback_desk.errors import Said
from feedback_desk.services import aspects as aspect_catalogue
from feedback_desk.services.aspects import MAX_LABEL_CHARS
from feedback_desk.services.prompting.kiosk import AspectOption
from feedback_desk.services.prompting.recording import OwnAspect, own_aspect
from feedback_desk.services.settings import Settings
from feedback_desk.store.models import Aspect, Testimonial, TestimonialQuality
from feedback_desk.wording import Wording

KIND = ReviewKind.BUSINESS
POLARITY = Polarity.EXCEL


def offered_qualities(session: Session) -> list[AspectOption]:
    """The qualities offered to a client: approved, visible, not merged away."""
    return [
        AspectOption(a.id, a.polarity, a.label_fr, a.label_en)
        for a in session.scalars(
            select(Aspect)
            .where(
                Aspect.kind == KIND,
                Aspect.polarity == POLARITY,
                Aspect.status == AspectStatus.APPROVED,
                Aspect.hidden.is_(False),
                Aspect.merged_into_id.is_(None),
            )
            .order_by(Aspect.id)
        )
    ]


def qualities_by_labels(session: Session, labels: Sequence[str]) -> tuple[list[int], list[Said]]:
    """Offered quality ids for typed labels (French or English, case and accents ignored), and
    one problem per label that names none."""
    offered = {option.id for option in offered_qualities(session)}
    ids: list[int] = []
    problems: list[Said] = []
    for label in labels:
        matches = [
            a.id
            for a in aspect_catalogue.find_by_label(session, KIND, label)
            if a.polarity is POLARITY and a.id in offered
        ]
        if matches:
            ids.append(matches[0])
        else:
            problems.append(
                Wording(
                    "no quality of the studio is called {label!r}",
                    label=label,
                )
            )
    return list(dict.fromkeys(ids)), problems


def own_quality_problems(labels: Sequence[str]) -> list[Said]:
    problems: list[Said] = []
    for label in labels:
        words = " ".join(label.split())
        if not words:
            problems.append(Wording("a quality added in the client's own words cannot be empty"))
        elif len(words) > MAX_LABEL_CHARS:
            problems.append(
                Wording(
                    "the quality {words!r}… has {words_count} characters; at most "
                    "{max_label_chars} are allowed",
                    words=words[:20],
                    words_count=len(words),
                    max_label_chars=MAX_LABEL_CHARS,
                )
            )
    return problems


def own_quality(session: Session, settings: Settings, label: str, *, at: datetime) -> Aspect:
    """The client's own words: an existing "where you excel" aspect when they match one, else a
    new client-added aspect (pending unless ``aspects.auto_approve``)."""
    return own_aspect(session, settings, KIND, OwnAspect(POLARITY, label), at=at)


@dataclass(frozen=True)
class QualityVotes:
    aspect_id: int
    label_fr: str
    label_en: str
    votes: int
    # Shown to clients and on the published page only when approved and not hidden.
    offered: bool

    def label(self, language: str) -> str:
        return self.label_fr if language == "fr" else self.label_en


def quality_votes(session: Session) -> list[QualityVotes]:
    """Every quality with at least one vote, most voted first. Votes are those of accepted
    testimonials that were neither withdrawn nor hidden by staff."""
    rows = session.execute(
        select(TestimonialQuality.testimonial_id, Aspect)
        .join(Aspect, Aspect.id == TestimonialQuality.aspect_id)
        .join(Testimonial, Testimonial.id == TestimonialQuality.testimonial_id)
        .where(
            Testimonial.state == TestimonialState.ACCEPTED,
            Testimonial.approval != Approval.HIDDEN,
        )
    ).all()
    voters: dict[int, set[int]] = defaultdict(set)
    survivors: dict[int, Aspect] = {}
    for testimonial_id, aspect in rows:
        kept = aspect_catalogue.survivor(session, aspect)
        survivors[kept.id] = kept
        voters[kept.id].add(testimonial_id)
    counted = [
        QualityVotes(
            aspect_id=aspect.id,
            label_fr=aspect.label_fr,
            label_en=aspect.label_en,
            votes=len(voters[aspect.id]),
            offered=aspect.status is AspectStatus.APPROVED and not aspect.hidden,
        )
        for aspect in survivors.values()
    ]
    return sorted(counted, key=lambda q: (-q.votes, q.aspect_id))


def labels_of(session: Session, testimonial_ids: Sequence[int]) -> dict[int, list[Aspect]]:
    """The qualities each testimonial voted for (survivors of merged ones), in one query."""
    found: dict[int, list[Aspect]] = defaultdict(list)
    if not testimonial_ids:
        return found
    rows = session.execute(
        select(TestimonialQuality.testimonial_id, Aspect)
        .join(Aspect, Aspect.id == TestimonialQuality.aspect_id)
        .where(TestimonialQuality.testimonial_id.in_(list(testimonial_ids)))
        .order_by(TestimonialQuality.testimonial_id, Aspect.id)
    ).all()
    for testimonial_id, aspect in rows:
        kept = aspect_catalogue.survivor(session, aspect)
        if all(a.id != kept.id for a in found[testimonial_id]):
            found[testimonial_id].append(kept)
    return found
