"""Recording prompts and their outcomes, and answers as reviews.

A prompt is stored as ``abandoned`` the moment it is shown (see the Prompt model), then answered
or ignored. Every path (kiosk, ``answer``) goes through :func:`show_prompt` and one of
:func:`answer_prompt` / :func:`ignore_prompt`, so response rates count real prompts; answers
become reviews only through ``review_recording.record_review``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from feedback_desk.domain.kind_words import kind_word
from feedback_desk.domain.kinds import Channel, Polarity, PromptOutcome, ReviewKind
from feedback_desk.domain.localtime import local_day
from feedback_desk.domain.prompts import DuePrompt
from feedback_desk.domain.segments import offered_polarities
from feedback_desk.domain.state_words import state_word
from feedback_desk.errors import Said, UserInputError
from feedback_desk.services import aspects as aspect_catalogue
from feedback_desk.services.review_recording import (
    MAX_COMMENT_CHARS,
    NewReview,
    recommend_problems,
    record_review,
)
from feedback_desk.services.settings import Settings
from feedback_desk.store.models import Aspect, ClassSession, Client, Prompt, Review
from feedback_desk.wording import Wording


@dataclass(frozen=True)
class OwnAspect:
    """An aspect a client typed in their own words, in the list (polarity) they added it to."""

    polarity: Polarity
    label: str


@dataclass(frozen=True)
class Answer:
    stars: int
    aspect_ids: Sequence[int] = ()
    own_aspects: Sequence[OwnAspect] = ()
    comment: str | None = None
    # The 0-10 recommendation answer, for a business prompt (optional).
    recommend: int | None = None


def show_prompt(
    session: Session,
    settings: Settings,
    client: Client,
    due: DuePrompt,
    *,
    at: datetime,
    channel: Channel,
) -> Prompt:
    """Record that the prompt was shown; it stays ``abandoned`` until answered or ignored."""
    prompt = Prompt(
        client_id=client.id,
        kind=due.kind,
        session_id=due.session_id,
        shown_at=at,
        local_day=local_day(at, settings.timezone),
        outcome=PromptOutcome.ABANDONED,
        outcome_at=None,
        channel=channel,
    )
    session.add(prompt)
    session.flush()
    return prompt


def _open_prompt(session: Session, prompt_id: int) -> Prompt:
    # Locked (PostgreSQL; SQLite's writers are serialized anyway): a form sent twice at once
    # from a browser records one answer, the other finds the prompt already answered.
    prompt = session.get(Prompt, prompt_id, with_for_update=True)
    if prompt is None:
        raise UserInputError(
            Wording(
                "prompt {prompt_id} does not exist",
                prompt_id=prompt_id,
            )
        )
    if prompt.outcome is not PromptOutcome.ABANDONED:
        raise UserInputError(
            Wording(
                "this prompt was already {outcome}",
                outcome=state_word(prompt.outcome),
            )
        )
    return prompt


def ignore_prompt(session: Session, prompt_id: int, *, at: datetime) -> Prompt:
    """ "Ignore for now": retires a class prompt's session for good; business waits N months."""
    prompt = _open_prompt(session, prompt_id)
    prompt.outcome = PromptOutcome.IGNORED
    prompt.outcome_at = at
    return prompt


def answer_problems(
    session: Session, kind: ReviewKind, answer: Answer
) -> tuple[list[Said], list[Aspect]]:
    """What is wrong with *answer* (one message each), and the offered aspects it ticked."""
    problems: list[Said] = []
    if not 1 <= answer.stars <= 5:
        return [f"stars must be between 1 and 5, not {answer.stars}"], []
    if answer.comment is not None and len(answer.comment) > MAX_COMMENT_CHARS:
        problems.append(
            Wording(
                "the comment has {comment_count} characters; at most {max_comment_chars} are "
                "allowed",
                comment_count=len(answer.comment),
                max_comment_chars=MAX_COMMENT_CHARS,
            )
        )
    problems += recommend_problems(kind, answer.recommend)
    offered = {a.id: a for a in aspect_catalogue.offered(session, kind, answer.stars)}
    chosen = []
    for aspect_id in dict.fromkeys(answer.aspect_ids):
        if aspect_id in offered:
            chosen.append(offered[aspect_id])
        else:
            problems.append(
                Wording(
                    "aspect {aspect_id} is not offered for {stars} stars",
                    aspect_id=aspect_id,
                    stars=answer.stars,
                )
            )
    allowed = offered_polarities(answer.stars)
    for own in answer.own_aspects:
        if not own.label.strip():
            problems.append(Wording("an aspect added in the client's own words cannot be empty"))
        elif own.polarity not in allowed:
            problems.append(
                Wording(
                    "{label!r} cannot be added as {polarity} for {stars} stars",
                    label=own.label,
                    polarity=own.polarity.value,
                    stars=answer.stars,
                )
            )
    return problems, chosen


def own_aspect(
    session: Session, settings: Settings, kind: ReviewKind, own: OwnAspect, *, at: datetime
) -> Aspect:
    """The client's own aspect: an existing one of that list when the words match, else new.

    A new one waits for a manager's approval before later clients see it, unless
    ``aspects.auto_approve`` is on; the client's vote counts either way.
    """
    for existing in aspect_catalogue.find_by_label(session, kind, own.label):
        if existing.polarity is own.polarity:
            return existing
    return aspect_catalogue.add_client_aspect(
        session,
        kind=kind,
        polarity=own.polarity,
        label=own.label,
        at=at,
        auto_approve=settings.flag("aspects.auto_approve"),
    )


def answer_prompt(
    session: Session,
    settings: Settings,
    prompt_id: int,
    answer: Answer,
    *,
    at: datetime,
    channel: Channel,
) -> Review:
    """Record the answer: the review (through record_review) and the prompt's outcome."""
    prompt = _open_prompt(session, prompt_id)
    problems, chosen = answer_problems(session, prompt.kind, answer)
    if problems:
        raise UserInputError(problems)
    added = [own_aspect(session, settings, prompt.kind, own, at=at) for own in answer.own_aspects]
    client = session.get_one(Client, prompt.client_id)
    class_session = (
        session.get_one(ClassSession, prompt.session_id) if prompt.session_id is not None else None
    )
    review = record_review(
        session,
        settings,
        NewReview(
            client=client,
            kind=prompt.kind,
            stars=answer.stars,
            created_at=at,
            channel=channel,
            session=class_session,
            comment=answer.comment,
            aspects=[*chosen, *added],
            prompt=prompt,
            recommend=answer.recommend,
        ),
    )
    prompt.outcome = PromptOutcome.ANSWERED
    prompt.outcome_at = at
    return review


def aspects_by_labels(
    session: Session, kind: ReviewKind, stars: int, labels: Sequence[str]
) -> tuple[list[int], list[Said]]:
    """Offered aspect ids for typed labels (French or English, case and accents ignored).

    Returns the ids, and one problem per label that names no aspect, names one of the other
    polarity, or names one not offered (awaiting approval or hidden).
    """
    ids: list[int] = []
    problems: list[Said] = []
    if not 1 <= stars <= 5:
        return ids, problems
    offered_ids = {a.id for a in aspect_catalogue.offered(session, kind, stars)}
    allowed = offered_polarities(stars)
    for label in labels:
        matches = aspect_catalogue.find_by_label(session, kind, label)
        if not matches:
            problems.append(
                Wording(
                    "no {kind} review aspect is called {label!r}",
                    kind=kind_word(kind),
                    label=label,
                )
            )
            continue
        fitting = [a for a in matches if a.polarity in allowed]
        if not fitting:
            problems.append(
                Wording(
                    "the aspect {label!r} is {polarity}: it does not fit a {stars}-star rating",
                    label=label,
                    polarity=_polarity_words(matches[0].polarity),
                    stars=stars,
                )
            )
            continue
        usable = [a.id for a in fitting if a.id in offered_ids]
        if not usable:
            problems.append(
                Wording(
                    "the aspect {label!r} is not offered (awaiting approval or hidden)",
                    label=label,
                )
            )
            continue
        ids.append(usable[0])
    return list(dict.fromkeys(ids)), problems


def _polarity_words(polarity: Polarity) -> Wording:
    if polarity is Polarity.TO_IMPROVE:
        return Wording("a 'to improve' aspect")
    return Wording("a 'you excel' aspect")
