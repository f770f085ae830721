"""`prompt` and `answer` on the command line: ask what is due, or answer it as the kiosk would."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import Channel, PromptOutcome, ReviewKind
from feedback_desk.domain.localtime import format_local
from feedback_desk.domain.prompts import DuePrompt
from feedback_desk.errors import Said, UserInputError
from feedback_desk.services.prompting.describe import SessionSummary, find_client, summarize_session
from feedback_desk.services.prompting.history import due_for
from feedback_desk.services.prompting.recording import (
    Answer,
    answer_prompt,
    aspects_by_labels,
    ignore_prompt,
    show_prompt,
)
from feedback_desk.services.review_recording import MAX_COMMENT_CHARS
from feedback_desk.services.settings import Settings
from feedback_desk.store.models import Client
from feedback_desk.wording import Wording


@dataclass(frozen=True)
class PromptCheck:
    client: str
    at: datetime
    due: DuePrompt | None
    session: SessionSummary | None


def check_prompt(session: Session, settings: Settings, client_id: str, at: datetime) -> PromptCheck:
    """What the kiosk would ask the client at *at*; records nothing."""
    client = find_client(session, client_id)
    due = due_for(session, settings, client.id, at)
    summary = (
        summarize_session(session, due.session_id)
        if due is not None and due.session_id is not None
        else None
    )
    return PromptCheck(client=client.external_id, at=at, due=due, session=summary)


@dataclass(frozen=True)
class AnswerRequest:
    stars: int | None = None
    ignore: bool = False
    aspect_labels: Sequence[str] = ()
    comment: str | None = None
    recommend: int | None = None


@dataclass(frozen=True)
class AnswerResult:
    client: str
    kind: ReviewKind
    session: SessionSummary | None
    outcome: PromptOutcome
    review_id: str | None
    stars: int | None


def _request_problems(request: AnswerRequest) -> list[Said]:
    problems: list[Said] = []
    if request.ignore and (request.aspect_labels or request.comment):
        problems.append(Wording("--aspects and --comment go with --stars, not with --ignore"))
    if request.ignore and request.recommend is not None:
        problems.append(Wording("--recommend goes with --stars, not with --ignore"))
    if request.recommend is not None and not 0 <= request.recommend <= 10:
        problems.append(
            Wording(
                "--recommend must be between 0 and 10, not {recommend}",
                recommend=request.recommend,
            )
        )
    if not request.ignore and request.stars is None:
        problems.append(Wording("give --stars N (1 to 5) or --ignore"))
    if request.stars is not None and not 1 <= request.stars <= 5:
        problems.append(
            Wording(
                "--stars must be between 1 and 5, not {stars}",
                stars=request.stars,
            )
        )
    if request.comment is not None and len(request.comment) > MAX_COMMENT_CHARS:
        problems.append(
            Wording(
                "--comment has {comment_count} characters; at most {max_comment_chars} are allowed",
                comment_count=len(request.comment),
                max_comment_chars=MAX_COMMENT_CHARS,
            )
        )
    return problems


def answer_due(
    session: Session,
    settings: Settings,
    client_id: str,
    at: datetime,
    request: AnswerRequest,
    *,
    channel: Channel = Channel.CLI,
) -> AnswerResult:
    """Record the prompt due at *at* as shown, then answered or ignored, all dated *at*.

    Every problem is reported at once (UserInputError, one line each) and nothing is written.
    """
    problems = _request_problems(request)
    client: Client | None = None
    try:
        client = find_client(session, client_id)
    except UserInputError as exc:
        problems.extend(exc.wordings)
    due = due_for(session, settings, client.id, at) if client is not None else None
    if client is not None and due is None:
        problems.append(
            Wording(
                "nothing is due for client {external_id} at {at}",
                external_id=client.external_id,
                at=format_local(at, settings.timezone),
            )
        )
    if due is not None and due.kind is ReviewKind.CLASS and request.recommend is not None:
        problems.append(
            Wording(
                "--recommend answers the 0-10 question of a business prompt; the prompt due "
                "is a class review",
            )
        )
    aspect_ids: list[int] = []
    if due is not None and request.stars is not None and request.aspect_labels:
        aspect_ids, aspect_problems = aspects_by_labels(
            session, due.kind, request.stars, request.aspect_labels
        )
        problems.extend(aspect_problems)
    if problems:
        raise UserInputError(problems)
    assert client is not None
    assert due is not None
    prompt = show_prompt(session, settings, client, due, at=at, channel=channel)
    summary = summarize_session(session, due.session_id) if due.session_id is not None else None
    if request.ignore:
        ignore_prompt(session, prompt.id, at=at)
        return AnswerResult(
            client.external_id, due.kind, summary, PromptOutcome.IGNORED, None, None
        )
    assert request.stars is not None
    review = answer_prompt(
        session,
        settings,
        prompt.id,
        Answer(
            stars=request.stars,
            aspect_ids=aspect_ids,
            comment=request.comment,
            recommend=request.recommend,
        ),
        at=at,
        channel=channel,
    )
    return AnswerResult(
        client.external_id,
        due.kind,
        summary,
        PromptOutcome.ANSWERED,
        review.external_id,
        review.stars,
    )
