"""Making the demo studio in memory, deterministically from its options."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from feedback_desk.domain.kinds import Channel
from feedback_desk.domain.localtime import zone
from feedback_desk.domain.settings_schema import definition
from feedback_desk.services.aspects import predefined_aspects
from feedback_desk.services.demo import aftercare, ratings
from feedback_desk.services.demo.google_story import google_reviews, plan_invitations
from feedback_desk.services.demo.records import (
    DemoAction,
    DemoGoogleReview,
    DemoInvitation,
    DemoMessage,
    DemoPrompt,
    DemoReview,
)
from feedback_desk.services.demo.scenarios import Cast, Role, replay_histories
from feedback_desk.services.demo.studio_plan import (
    CLASSES,
    COACHES,
    DROPPING_COACH,
    STUDIO_NAME,
)
from feedback_desk.services.demo.timeframe import DemoCalendar
from feedback_desk.services.demo.world import (
    World,
    build_attendance,
    build_clients,
    build_sessions,
)
from feedback_desk.services.review_recording import app_review_id

MIN_CLIENTS = 40
MAX_CLIENTS = 20_000
MIN_MONTHS = 3
MAX_MONTHS = 60


@dataclass(frozen=True)
class DemoOptions:
    until: date
    clients: int = 400
    months: int = 12
    seed: int = 1

    def problems(self) -> list[str]:
        found = []
        if not MIN_CLIENTS <= self.clients <= MAX_CLIENTS:
            found.append(f"--clients must be between {MIN_CLIENTS} and {MAX_CLIENTS}")
        if not MIN_MONTHS <= self.months <= MAX_MONTHS:
            found.append(f"--months must be between {MIN_MONTHS} and {MAX_MONTHS}")
        return found


@dataclass
class DemoData:
    options: DemoOptions
    calendar: DemoCalendar
    world: World
    cast: Cast
    prompts: list[DemoPrompt]
    reviews: list[DemoReview]
    actions: list[DemoAction]
    alerts: list[DemoMessage]
    invitations: list[DemoInvitation]
    google_reviews: list[DemoGoogleReview]
    unsubscribed: list[int] = field(default_factory=list)
    marked: list[int] = field(default_factory=list)

    @property
    def dropping_coach_id(self) -> int:
        return self.world.coach_ids[DROPPING_COACH]


Report = Callable[[str], None]


def _number(prompts: list[DemoPrompt], reviews: list[DemoReview]) -> None:
    prompts.sort(key=lambda p: (p.shown_at, p.client_id))
    for index, prompt in enumerate(prompts, start=1):
        prompt.id = index
    reviews.sort(key=lambda r: (r.created_at, r.client_id))
    imported = 0
    for index, review in enumerate(reviews, start=1):
        review.id = index
        if review.channel is Channel.IMPORT:
            imported += 1
            review.external_id = f"R{20000 + imported}"
        else:
            review.external_id = app_review_id(index)


def _rating_context(world: World, cast: Cast) -> ratings.RatingContext:
    by_ext = {c.external_id: c for c in COACHES}
    return ratings.RatingContext(
        calendar=world.calendar,
        clients={c.id: c for c in world.clients},
        sessions={s.id: s for s in world.sessions},
        class_names={v: k for k, v in world.class_ids.items()},
        coach_first_names={i: by_ext[e].first_name for e, i in world.coach_ids.items()},
        coach_quality={i: by_ext[e].quality for e, i in world.coach_ids.items()},
        slipping_coach_id=world.coach_ids[DROPPING_COACH],
        studio_name=STUDIO_NAME,
        cast=cast,
    )


def _rate_everything(world: World, cast: Cast, reviews: list[DemoReview], seed: int) -> None:
    ctx = _rating_context(world, cast)
    stars_rng = random.Random(f"{seed}/stars")
    for review in reviews:
        ratings.rate(ctx, review, stars_rng)
    for client_id in cast.with_role(Role.INVITATION_DUE):
        ratings.finish_invitation_cast(ctx, [r for r in reviews if r.client_id == client_id])
    words_rng = random.Random(f"{seed}/words")
    for review in reviews:
        ratings.describe(ctx, review, words_rng)
    ratings.add_client_aspects(ctx, reviews, words_rng)


def _google(
    data_world: World, cast: Cast, reviews: list[DemoReview], seed: int
) -> tuple[list[DemoInvitation], list[DemoGoogleReview], list[int], list[int]]:
    cal = data_world.calendar
    rng = random.Random(f"{seed}/google")
    clients = {c.id: c for c in data_world.clients}
    by_client: dict[int, list[DemoReview]] = {}
    for review in reviews:
        by_client.setdefault(review.client_id, []).append(review)
    protected = set(cast.roles)
    unsubscribed: list[int] = []
    history = cal.horizon - timedelta(days=3) - cal.at(cal.first_day, cal.horizon.time())
    for client in data_world.clients:
        if client.invitable and client.id not in protected and rng.random() < 0.015:
            at = cal.at(cal.first_day, cal.horizon.time()) + timedelta(
                seconds=rng.randint(0, int(history.total_seconds()))
            )
            client.unsubscribed_at = at
            unsubscribed.append(client.id)
    first_pass = plan_invitations(data_world.clients, by_client, cal, {})
    stop_at: dict[int, datetime] = {}
    for invitation in first_pass:
        client = clients[invitation.client_id]
        sent = invitation.message.sent_at or invitation.send_at
        if client.id in protected or client.unsubscribed_at is not None:
            continue
        if rng.random() < 0.05:
            client.unsubscribed_at = min(
                sent + timedelta(minutes=rng.randint(120, 3 * 24 * 60)), cal.horizon
            )
            unsubscribed.append(client.id)
    total = max(10, round(80 * len(data_world.clients) / 400))
    found = google_reviews(first_pass, clients, cal, total, rng)
    for google_review in found:
        if google_review.client_id is not None and google_review.linked_at is not None:
            stop_at[google_review.client_id] = google_review.linked_at
    marked: list[int] = []
    candidates = [
        i
        for i in first_pass
        if i.client_id not in stop_at
        and i.client_id not in protected
        and clients[i.client_id].unsubscribed_at is None
    ]
    if candidates:
        chosen = candidates[len(candidates) // 3]
        client = clients[chosen.client_id]
        client.google_marked_at = min(
            (chosen.message.sent_at or chosen.send_at) + timedelta(days=2), cal.horizon
        )
        stop_at[client.id] = client.google_marked_at
        marked.append(client.id)
    invitations = plan_invitations(data_world.clients, by_client, cal, stop_at)
    if len(invitations) > 8:
        bounced = invitations[len(invitations) // 2].message
        bounced.state = "failed"
        bounced.sent_at = None
        bounced.last_error = "550 5.1.1 Recipient address rejected: User unknown in mailbox"
    return invitations, found, unsubscribed, marked


def generate(options: DemoOptions, report: Report | None = None) -> DemoData:
    say = report or (lambda _message: None)
    tz = zone(definition("studio.timezone").default)
    cal = DemoCalendar(options.until, options.months, tz)
    seed = options.seed
    say("Timetable, coaches and clients")
    coach_ids = {c.external_id: i for i, c in enumerate(COACHES, start=1)}
    class_ids = {c.name: i for i, c in enumerate(CLASSES, start=1)}
    sessions, slot_of = build_sessions(cal, coach_ids, class_ids, seed)
    clients = build_clients(options.clients, cal, seed)
    attendance = build_attendance(sessions, slot_of, clients, cal, seed)
    world = World(cal, coach_ids, class_ids, sessions, slot_of, clients, attendance)
    world.rebuild_visits()
    say("A year of visits, prompts and reviews")
    cast = replay_histories(world, seed)
    world.attendance.sort(key=lambda r: (r.session_id, r.client_id))
    prompts = [p for ledger in cast.ledgers.values() for p in ledger.prompts]
    reviews = [r for ledger in cast.ledgers.values() for r in ledger.reviews]
    _number(prompts, reviews)
    _rate_everything(world, cast, reviews, seed)
    say("Edits, actions and alerts")
    care_rng = random.Random(f"{seed}/care")
    aftercare.edit_some(reviews, cal, set(cast.roles), options.clients / 400, care_rng)
    actions = aftercare.open_actions(reviews, cal, care_rng)
    labels = {a.code: a.label_fr for a in predefined_aspects()}
    coach_names = {i: f"{c.first_name} {c.last_name}" for i, c in enumerate(COACHES, start=1)}
    alerts = aftercare.alerts(
        reviews,
        cal,
        {c.id: c for c in clients},
        {s.id: s for s in sessions},
        {v: k for k, v in class_ids.items()},
        coach_names,
        labels,
    )
    say("Google reviews and invitations")
    invitations, found, unsubscribed, marked = _google(world, cast, reviews, seed)
    return DemoData(
        options=options,
        calendar=cal,
        world=world,
        cast=cast,
        prompts=prompts,
        reviews=reviews,
        actions=actions,
        alerts=alerts,
        invitations=invitations,
        google_reviews=found,
        unsubscribed=unsubscribed,
        marked=marked,
    )
