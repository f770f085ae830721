"""A client's answer to their invitation: Yes (qualities, two optional texts, what to show and
consent to each part) or No (one of three reasons and, if they like, why).

Every way of answering (the client page, the kiosk window, the browser kiosk, ``testimonials
answer``) comes here and records the same thing. The invitation row is locked while answering,
so a form sent twice at once records one answer. Nothing is written when anything is wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import MessageKind
from feedback_desk.domain.state_words import state_word
from feedback_desk.domain.testimonials import (
    MAX_JOB_TITLE_CHARS,
    MAX_REFUSAL_CHARS,
    ConsentPart,
    Place,
    RefusalReason,
    TestimonialState,
    clean_text,
    is_open,
    text_problems,
)
from feedback_desk.errors import Said, UserInputError
from feedback_desk.services import audit
from feedback_desk.services.requests.content import new_token
from feedback_desk.services.settings import Settings
from feedback_desk.services.testimonials.emails import (
    confirmation_content,
    queue_or_say_why,
    refusal_content,
)
from feedback_desk.services.testimonials.invitations import expiry_days, forget_unanswered_photos
from feedback_desk.services.testimonials.qualities import (
    offered_qualities,
    own_quality,
    own_quality_problems,
)
from feedback_desk.services.testimonials.questions import question
from feedback_desk.store.models import Client, ConsentEvent, Testimonial, TestimonialQuality
from feedback_desk.wording import Wording

CLIENT_ACTOR = "client"
SYSTEM_ACTOR = "feedback-desk"


@dataclass(frozen=True)
class Acceptance:
    """The client's Yes: qualities (at least one, offered ids or their own words), the two
    texts, a job title, how their name is shown, and the parts they agree to show."""

    quality_ids: Sequence[int] = ()
    own_qualities: Sequence[str] = ()
    text_1: str | None = None
    text_2: str | None = None
    job_title: str | None = None
    full_name: bool = False
    consents: frozenset[ConsentPart] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Refusal:
    reason: RefusalReason
    text: str | None = None


@dataclass(frozen=True)
class Answered:
    testimonial_id: int
    client: str
    state: TestimonialState
    # Who was emailed (the client's confirmation, the managers' notice), and why not when not.
    emailed: tuple[str, ...] = ()
    not_emailed_because: Wording | None = None


def clean_job_title(text: str | None) -> str | None:
    words = " ".join((text or "").split())
    return words or None


def acceptance_problems(session: Session, acceptance: Acceptance) -> list[Said]:
    problems: list[Said] = []
    offered = {q.id for q in offered_qualities(session)}
    unknown = [i for i in acceptance.quality_ids if i not in offered]
    problems += [f"quality {i} is not offered" for i in unknown]
    if not acceptance.quality_ids and not acceptance.own_qualities:
        problems.append(Wording("choose at least one quality"))
    problems += own_quality_problems(acceptance.own_qualities)
    problems += text_problems(clean_text(acceptance.text_1), clean_text(acceptance.text_2))
    title = clean_job_title(acceptance.job_title)
    if title is not None and len(title) > MAX_JOB_TITLE_CHARS:
        problems.append(
            Wording(
                "the job title has {title_count} characters; at most {max_job_title_chars} "
                "are allowed",
                title_count=len(title),
                max_job_title_chars=MAX_JOB_TITLE_CHARS,
            )
        )
    return problems


def refusal_problems(refusal: Refusal) -> list[Said]:
    text = clean_text(refusal.text)
    if text is not None and len(text) > MAX_REFUSAL_CHARS:
        return [
            f"the reason's text has {len(text)} characters; at most {MAX_REFUSAL_CHARS} are allowed"
        ]
    return []


def answerable(
    session: Session, settings: Settings, testimonial_id: int, at: datetime
) -> Testimonial:
    """The invitation, locked, if it can be answered at *at*; UserInputError otherwise."""
    testimonial = session.get(Testimonial, testimonial_id, with_for_update=True)
    if testimonial is None:
        raise UserInputError(
            Wording(
                "invitation {testimonial_id} does not exist",
                testimonial_id=testimonial_id,
            )
        )
    if testimonial.state is not TestimonialState.INVITED:
        raise UserInputError(
            Wording(
                "this invitation was already answered ({state})",
                state=state_word(testimonial.state),
            )
        )
    if not is_open(
        testimonial.state, testimonial.invited_at, at, expiry_days(settings), settings.timezone
    ):
        raise UserInputError(Wording("this invitation has expired"))
    return testimonial


def record_consent(
    session: Session,
    testimonial: Testimonial,
    part: ConsentPart,
    given: bool,
    *,
    at: datetime,
    place: Place,
    actor: str,
) -> None:
    testimonial.set_consent(part, given)
    session.add(
        ConsentEvent(
            testimonial_id=testimonial.id,
            part=part,
            given=given,
            at=at,
            place=place,
            actor=actor[:100],
        )
    )


def drop_photo(testimonial: Testimonial) -> None:
    testimonial.photo = None
    testimonial.has_photo = False


def accept(
    session: Session,
    settings: Settings,
    testimonial_id: int,
    acceptance: Acceptance,
    *,
    at: datetime,
    place: Place,
    actor: str = CLIENT_ACTOR,
    tokens: Callable[[], str] = new_token,
) -> Answered:
    """Record the client's Yes; UserInputError listing every problem, nothing written.
    *tokens* makes the withdrawal link's token."""
    testimonial = answerable(session, settings, testimonial_id, at)
    problems = acceptance_problems(session, acceptance)
    if problems:
        raise UserInputError(problems)
    for aspect_id in dict.fromkeys(acceptance.quality_ids):
        session.add(TestimonialQuality(testimonial_id=testimonial.id, aspect_id=aspect_id))
    chosen = set(acceptance.quality_ids)
    for words in acceptance.own_qualities:
        aspect = own_quality(session, settings, words, at=at)
        if aspect.id not in chosen:
            chosen.add(aspect.id)
            session.add(TestimonialQuality(testimonial_id=testimonial.id, aspect_id=aspect.id))
    language = testimonial.language
    testimonial.question_1 = question(settings, 1, language)
    testimonial.question_2 = question(settings, 2, language)
    testimonial.text_1 = clean_text(acceptance.text_1)
    testimonial.text_2 = clean_text(acceptance.text_2)
    testimonial.job_title = clean_job_title(acceptance.job_title)
    testimonial.full_name = acceptance.full_name
    present = {
        ConsentPart.NAME: True,
        ConsentPart.PHOTO: testimonial.has_photo,
        ConsentPart.JOB_TITLE: testimonial.job_title is not None,
    }
    for part in ConsentPart:
        if part in acceptance.consents and present[part]:
            record_consent(session, testimonial, part, True, at=at, place=place, actor=actor)
    if not testimonial.consent_photo:
        drop_photo(testimonial)
    testimonial.state = TestimonialState.ACCEPTED
    testimonial.answered_at = at
    testimonial.answered_where = place
    testimonial.withdraw_token = tokens()
    session.flush()
    client = session.get_one(Client, testimonial.client_id)
    emailed, why_not = _confirm(session, settings, client, testimonial, at=at)
    audit.record(
        session,
        at=at,
        actor=actor,
        action="testimonial.accepted",
        entity_type="client",
        entity_id=client.external_id,
        testimonial=testimonial.id,
        where=place.value,
        consents=sorted(p.value for p in testimonial.consents()),
    )
    forget_unanswered_photos(session, settings, at)
    return Answered(testimonial.id, client.external_id, testimonial.state, emailed, why_not)


def _confirm(
    session: Session, settings: Settings, client: Client, testimonial: Testimonial, *, at: datetime
) -> tuple[tuple[str, ...], Wording | None]:
    """The confirmation with the withdrawal link, to a client with an address (a service
    message: it needs no consent and is sent even after an unsubscribe)."""
    if not client.email:
        return (), Wording(
            "{client} has no email address: no confirmation was sent", client=client.external_id
        )
    token = testimonial.withdraw_token
    assert token is not None
    queued = queue_or_say_why(
        session,
        lambda: confirmation_content(
            session, settings, client, language=testimonial.language, withdraw_token=token
        ),
        kind=MessageKind.TESTIMONIAL,
        recipients=[client.email],
        at=at,
        client=client,
        dedup_key=f"testimonial:confirmation:{testimonial.id}",
        actor=SYSTEM_ACTOR,
        consent_needed=False,
    )
    return ((), queued) if isinstance(queued, Wording) else ((client.email,), None)


def refuse(
    session: Session,
    settings: Settings,
    testimonial_id: int,
    refusal: Refusal,
    *,
    at: datetime,
    place: Place,
    actor: str = CLIENT_ACTOR,
) -> Answered:
    """Record the client's No and tell the managers (``studio.manager_emails``)."""
    testimonial = answerable(session, settings, testimonial_id, at)
    problems = refusal_problems(refusal)
    if problems:
        raise UserInputError(problems)
    testimonial.state = TestimonialState.REFUSED
    testimonial.refusal_reason = refusal.reason
    testimonial.refusal_text = clean_text(refusal.text)
    testimonial.answered_at = at
    testimonial.answered_where = place
    drop_photo(testimonial)
    session.flush()
    client = session.get_one(Client, testimonial.client_id)
    emailed, why_not = _tell_managers(session, settings, client, testimonial, at=at)
    audit.record(
        session,
        at=at,
        actor=actor,
        action="testimonial.refused",
        entity_type="client",
        entity_id=client.external_id,
        testimonial=testimonial.id,
        where=place.value,
        reason=refusal.reason.value,
    )
    forget_unanswered_photos(session, settings, at)
    return Answered(testimonial.id, client.external_id, testimonial.state, emailed, why_not)


def _tell_managers(
    session: Session, settings: Settings, client: Client, testimonial: Testimonial, *, at: datetime
) -> tuple[tuple[str, ...], Wording | None]:
    managers = settings.emails("studio.manager_emails")
    if not managers:
        return (), Wording("studio.manager_emails is empty: no manager was told of this refusal")
    reason = testimonial.refusal_reason
    assert reason is not None
    queued = queue_or_say_why(
        session,
        lambda: refusal_content(
            session, settings, client, reason=reason, text=testimonial.refusal_text
        ),
        kind=MessageKind.TESTIMONIAL_REFUSAL,
        recipients=managers,
        at=at,
        client=client,
        dedup_key=f"testimonial:refusal:{testimonial.id}",
        actor=SYSTEM_ACTOR,
    )
    return ((), queued) if isinstance(queued, Wording) else (tuple(managers), None)


def keep_photo(
    session: Session, settings: Settings, testimonial_id: int, photo: bytes, *, at: datetime
) -> None:
    """A photo the client uploaded (already prepared): kept with the open invitation, shown in
    the preview, published only if they consent when they send."""
    testimonial = answerable(session, settings, testimonial_id, at)
    testimonial.photo = photo
    testimonial.has_photo = True


def remove_photo(
    session: Session, settings: Settings, testimonial_id: int, *, at: datetime
) -> None:
    drop_photo(answerable(session, settings, testimonial_id, at))
