"""A year of visits replayed for one client: kiosk prompts, answers, app and staff reviews, and
in the last weeks the email review requests (request_story.py) in time order with them.

Stars, aspects and comments come later (ratings.py): the rules that decide what is asked never
look at stars, so the timing of the history is settled first and its content after.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from feedback_desk.domain.kinds import Channel, PromptOutcome, ReviewKind
from feedback_desk.domain.prompts import PromptRules
from feedback_desk.services.demo.prompting import ClientLedger
from feedback_desk.services.demo.records import DemoClient, DemoPrompt, DemoReview, DemoSession
from feedback_desk.services.demo.request_story import RequestMail, RequestTerms


@dataclass(frozen=True)
class Behaviour:
    kiosk: float  # stops at the kiosk after a class
    answer: float  # answers a prompt once shown
    ignore: float  # taps "Ignore for now" when not answering (else walks away)
    app: float  # rates the class in the member app instead (arrives by import)
    staff: float  # tells the front desk how the studio is doing (staff entry)


@dataclass(frozen=True)
class Override:
    """Scenario behaviour between two instants (start inclusive, end exclusive)."""

    start: datetime
    end: datetime
    behaviour: Behaviour


def usual_behaviour(client: DemoClient) -> Behaviour:
    habits = client.habits
    return Behaviour(
        kiosk=habits.kiosk_rate,
        answer=habits.answer_rate,
        ignore=habits.ignore_rate,
        app=habits.app_rate,
        staff=0.012,
    )


def behaviour_at(usual: Behaviour, overrides: Sequence[Override], at: datetime) -> Behaviour:
    for override in overrides:
        if override.start <= at < override.end:
            return override.behaviour
    return usual


def with_floor(usual: Behaviour, *, kiosk: float, answer: float) -> Behaviour:
    return replace(usual, kiosk=max(usual.kiosk, kiosk), answer=max(usual.answer, answer))


def simulate_client(
    client: DemoClient,
    visits: list[DemoSession],
    *,
    tz: ZoneInfo,
    horizon: datetime,
    rng: random.Random,
    rules: PromptRules,
    overrides: Sequence[Override] = (),
    usual: Behaviour | None = None,
    requests: RequestTerms | None = None,
    request_rng: random.Random | None = None,
) -> ClientLedger:
    """The client's history; with *requests*, the email requests the rules sent them too (their
    answers drawn from *request_rng*, so the kiosk's draws stay those of a studio without)."""
    ledger = ClientLedger(tz=tz, visits=visits, rules=rules)
    mail = (
        RequestMail(client, ledger, requests, request_rng or random.Random(client.id))
        if requests is not None and client.email
        else None
    )

    def outbox_until(at: datetime) -> None:
        if mail is not None:
            mail.catch_up(at)

    base = usual or usual_behaviour(client)
    for session in visits:
        ended = session.ends_at
        if mail is not None:
            mail.after_visit(session)
        now = behaviour_at(base, overrides, ended)
        roll = rng.random()
        if roll < now.app:
            at = ended + timedelta(minutes=rng.randint(20, 80))
            outbox_until(at)
            if (
                at <= horizon
                and not ledger.asked_enough_today(at)
                and ledger.class_due(at) is session
            ):
                review = DemoReview(client.id, ReviewKind.CLASS, session.id, at, Channel.IMPORT)
                ledger.add_review(review, session)
            continue
        if roll < now.app + now.staff:
            at = ended + timedelta(minutes=rng.randint(4, 15))
            outbox_until(at)
            if at <= horizon and not ledger.asked_enough_today(at) and ledger.business_due(at):
                ledger.add_review(
                    DemoReview(client.id, ReviewKind.BUSINESS, None, at, Channel.STAFF), None
                )
            continue
        if rng.random() >= now.kiosk:
            continue
        shown = ended + timedelta(seconds=rng.randint(60, 720))
        if shown > horizon:
            continue
        outbox_until(shown)
        due = ledger.due(shown)
        if due is None:
            continue
        session_id = due.session.id if due.session is not None else None
        if rng.random() < now.answer:
            answered = shown + timedelta(seconds=rng.randint(20, 110))
            prompt = DemoPrompt(
                client.id, due.kind, session_id, shown, PromptOutcome.ANSWERED, answered
            )
            ledger.add_prompt(prompt)
            review = DemoReview(
                client.id, due.kind, session_id, answered, Channel.KIOSK, prompt=prompt
            )
            ledger.add_review(review, due.session)
        elif rng.random() < now.ignore:
            ignored = shown + timedelta(seconds=rng.randint(3, 15))
            ledger.add_prompt(
                DemoPrompt(client.id, due.kind, session_id, shown, PromptOutcome.IGNORED, ignored)
            )
        else:
            ledger.add_prompt(
                DemoPrompt(client.id, due.kind, session_id, shown, PromptOutcome.ABANDONED, None)
            )
    outbox_until(horizon)
    return ledger
