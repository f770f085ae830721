"""The service behind a request's answer page: what it shows, what it records, and that every
unusable token looks the same from outside."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from feedback_desk.domain.kinds import Channel, Polarity, PromptOutcome, RequestState, ReviewKind
from feedback_desk.errors import UserInputError
from feedback_desk.services.aspects import offered
from feedback_desk.services.prompting.recording import OwnAspect
from feedback_desk.services.requests.answering import (
    NOT_ANSWERABLE,
    answer_request,
    answerable_request,
)
from feedback_desk.services.settings import load_settings
from feedback_desk.store.models import Prompt, Review, ReviewRequest
from tests.inbox.conftest import Studio, reply_to
from tests.inbox.test_fetch_answers import AUDREY, request_sent


def token_of(studio: Studio) -> str:
    with studio.store.read() as session:
        return session.scalars(select(ReviewRequest.token)).one()


def business_request_sent(studio: Studio) -> None:
    b = studio.builder
    julie = b.coach("E1", "Julie", "Roy")
    audrey = b.client("C17", "Audrey", "Tremblay", language="fr", email=AUDREY)
    session_id = b.session("S1", "Yoga", julie, "2026-05-15T10:00")
    b.attend(session_id, audrey)
    b.setting("nps.enabled", "yes")
    studio.send_outbox("2026-05-16T09:00")


def test_the_page_shows_the_question_in_the_clients_language(studio: Studio) -> None:
    business_request_sent(studio)
    with studio.store.read() as session:
        shown = answerable_request(
            session, load_settings(session), token_of(studio), at=studio.at("2026-05-16T10:00")
        )
    assert shown is not None
    assert (shown.kind, shown.language, shown.first_name) == (ReviewKind.BUSINESS, "fr", "Audrey")
    assert shown.question == "Comment évaluez-vous votre expérience avec Studio Zen ?"
    assert shown.asks_recommend is True


def test_an_answer_on_the_page_is_a_web_review_of_an_email_prompt(studio: Studio, cli) -> None:  # type: ignore[no-untyped-def]
    business_request_sent(studio)
    at = studio.at("2026-05-16T10:00")
    with studio.store.write() as session:
        settings = load_settings(session)
        excel = [a.id for a in offered(session, ReviewKind.BUSINESS, 5)][:2]
        review_id = answer_request(
            session,
            settings,
            token_of(studio),
            stars=5,
            aspects=excel,
            added_aspects=[OwnAspect(Polarity.EXCEL, "La tisane après le cours")],
            comment="Merci !",
            recommend=10,
            at=at,
        )
    with studio.store.read() as session:
        review = session.scalars(select(Review).where(Review.external_id == review_id)).one()
        prompt = session.get_one(Prompt, review.prompt_id)
        request = session.scalars(select(ReviewRequest)).one()
        aspects = len(review.aspects)
    assert (review.channel, review.stars, review.recommend, review.comment) == (
        Channel.WEB,
        5,
        10,
        "Merci !",
    )
    assert aspects == 3
    assert (prompt.channel, prompt.outcome) == (Channel.EMAIL, PromptOutcome.ANSWERED)
    assert (request.state, request.review_id, request.answered_at) == (
        RequestState.ANSWERED,
        review.id,
        at,
    )
    stats = json.loads(cli("stats", "--from", "2026-05-01", "--to", "2026-05-31", "--json").out)
    assert stats["by_channel"] == [
        {"channel": "email", "prompts_shown": 1, "prompts_answered": 1, "response_rate": 1.0}
    ]


def test_ignore_for_now_retires_the_request(studio: Studio) -> None:
    business_request_sent(studio)
    with studio.store.write() as session:
        result = answer_request(
            session,
            load_settings(session),
            token_of(studio),
            ignore=True,
            at=studio.at("2026-05-16T10:00"),
        )
    assert result is None
    with studio.store.read() as session:
        request = session.scalars(select(ReviewRequest)).one()
        prompt = session.get_one(Prompt, request.prompt_id)
    assert (request.state, prompt.outcome) == (RequestState.IGNORED, PromptOutcome.IGNORED)


@pytest.mark.parametrize("why", ["unknown", "answered", "expired", "cancelled"])
def test_every_unusable_token_looks_the_same(studio: Studio, why: str) -> None:
    business_request_sent(studio)
    token = token_of(studio)
    at = studio.at("2026-05-16T10:00")
    if why == "unknown":
        token = "0" * 22
    elif why == "answered":
        with studio.store.write() as session:
            answer_request(session, load_settings(session), token, stars=4, at=at)
    elif why == "expired":
        at = studio.at("2026-05-30T09:01")
    else:
        with studio.store.write() as session:
            session.scalars(select(ReviewRequest)).one().state = RequestState.CANCELLED
    with studio.store.read() as session:
        assert answerable_request(session, load_settings(session), token, at=at) is None
    with studio.store.write() as session, pytest.raises(UserInputError) as refused:
        answer_request(session, load_settings(session), token, stars=5, at=at)
    assert refused.value.problems == [str(NOT_ANSWERABLE)]


def test_a_bad_answer_writes_nothing(studio: Studio) -> None:
    business_request_sent(studio)
    with studio.store.write() as session, pytest.raises(UserInputError, match="0 to 10"):
        answer_request(
            session,
            load_settings(session),
            token_of(studio),
            stars=5,
            recommend=12,
            at=studio.at("2026-05-16T10:00"),
        )
    with studio.store.read() as session:
        assert session.scalars(select(ReviewRequest.state)).one() is RequestState.SENT


def test_after_a_page_answer_an_emailed_answer_is_kept_for_staff(studio: Studio) -> None:
    email = request_sent(studio)
    with studio.store.write() as session:
        answer_request(
            session,
            load_settings(session),
            token_of(studio),
            stars=4,
            at=studio.at("2026-05-15T21:00"),
        )
    studio.deliver(reply_to(email, "5", sender=AUDREY, date=studio.at("2026-05-15T21:05")))
    summary = studio.fetch("2026-05-16T08:00")
    assert (summary.reviews, summary.inbound) == (0, 1)
