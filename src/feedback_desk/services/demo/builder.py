"""Making the demo studio in memory, deterministically from its options."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from feedback_desk.domain.kinds import Channel
from feedback_desk.domain.localtime import zone
from feedback_desk.domain.settings_schema import definition
from feedback_desk.services.demo import aftercare, ratings
from feedback_desk.services.demo.google_story import google_reviews
from feedback_desk.services.demo.invitation_story import (
    EMAIL_FIX_DELAY,
    mistype,
    plan_invitations,
)
from feedback_desk.services.demo.records import (
    DemoAction,
    DemoAlert,
    DemoClient,
    DemoGoogleReview,
    DemoInvitation,
    DemoPrompt,
    DemoRequest,
    DemoReview,
)
from feedback_desk.services.demo.request_story import RequestTerms
from feedback_desk.services.demo.scenarios import Cast, Role, replay_histories
from feedback_desk.services.demo.studio_plan import (
    CLASSES,
    COACHES,
    DROPPING_COACH,
    STUDIO_NAME,
)
from feedback_desk.services.demo.studio_settings import final_settings
from feedback_desk.services.demo.testimonial_story import TestimonialStory, plan_testimonials
from feedback_desk.services.demo.timeframe import DemoCalendar
from feedback_desk.services.demo.world import (
    World,
    build_attendance,
    build_clients,
    build_sessions,
)
from feedback_desk.services.invitations import rules_from as invitation_rules
from feedback_desk.services.prompting.history import rules_from as prompt_rules
from feedback_desk.services.requests.content import token_of
from feedback_desk.services.requests.planning import rules_from as request_rules
from feedback_desk.services.review_recording import app_review_id
from feedback_desk.services.settings import Settings

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
    alerts: list[DemoAlert]
    invitations: list[DemoInvitation]
    google_reviews: list[DemoGoogleReview]
    requests: list[DemoRequest] = field(default_factory=list)
    unsubscribed: list[int] = field(default_factory=list)
    marked: list[int] = field(default_factory=list)
    bounced: list[int] = field(default_factory=list)
    testimonials: TestimonialStory = field(default_factory=TestimonialStory)

    @property
    def dropping_coach_id(self) -> int:
        return self.world.coach_ids[DROPPING_COACH]


Report = Callable[[str], None]


def _number(
    prompts: list[DemoPrompt], reviews: list[DemoReview], requests: list[DemoRequest], seed: int
) -> None:
    requests.sort(key=lambda r: (r.delivery.queued_at, r.client_id))
    tokens = random.Random(f"{seed}/tokens")
    for index, request in enumerate(requests, start=1):
        request.id = index
        # 128 random bits, as services.requests.content.new_token draws them (seeded here).
        request.token = token_of(tokens.getrandbits(128))
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
        if review.channel is Channel.EMAIL:
            # A reply gives stars and words, never ticked aspects (docs/rules.md#the-inbox).
            review.aspects = []
    ratings.add_client_aspects(ctx, reviews, words_rng)


def _unprompted(
    world: World, cast: Cast, reviews: list[DemoReview], rng: random.Random
) -> list[tuple[DemoClient, DemoReview]]:
    """Two regulars with an email who wrote on Google after a visit, unprompted: one unhappy
    (a kiosk review of 3 stars or fewer), one who gets no marketing email (no consent)."""
    cal = world.calendar
    clients = {c.id: c for c in world.clients}
    early = cal.integration + timedelta(days=2)
    late = cal.horizon - timedelta(days=3)
    usable = [
        r
        for r in reviews
        if r.channel is Channel.KIOSK
        and r.client_id not in cast.roles
        and clients[r.client_id].email
        and early <= r.created_at <= late
        and not r.edits
    ]
    chosen: list[tuple[DemoClient, DemoReview]] = []
    unhappy = [r for r in usable if r.stars <= 3]
    fans = [r for r in usable if r.stars == 5 and not clients[r.client_id].email_consent]
    for pool in (unhappy, fans):
        pool = [r for r in pool if all(r.client_id != c.id for c, _r in chosen)]
        if pool:
            review = rng.choice(pool)
            chosen.append((clients[review.client_id], review))
    return chosen


@dataclass
class GoogleStory:
    invitations: list[DemoInvitation]
    reviews: list[DemoGoogleReview]
    unsubscribed: list[int]
    marked: list[int]
    bounced: list[int]


def _last_emailed(requests: list[DemoRequest]) -> dict[int, datetime]:
    """When each client last got a request, or last answered one."""
    last: dict[int, datetime] = {}
    for request in requests:
        sent = request.delivery.sent_at or request.delivery.queued_at
        at = max(sent, request.prompt.outcome_at or sent)
        last[request.client_id] = max(at, last.get(request.client_id, at))
    return last


def _google(
    data_world: World,
    cast: Cast,
    reviews: list[DemoReview],
    requests: list[DemoRequest],
    settings: Settings,
    seed: int,
) -> GoogleStory:
    cal = data_world.calendar
    # A client who unsubscribed got no request after (the requests were decided first): an
    # unsubscribe falls after their last request, from its email's unsubscribe line.
    emailed = _last_emailed(requests)
    unsubscribed: list[int] = []

    def unsubscribe(client: DemoClient, at: datetime) -> None:
        last = emailed.get(client.id)
        if last is not None and at <= last:
            at = min(last + timedelta(minutes=37), cal.horizon)
        client.unsubscribed_at = at
        unsubscribed.append(client.id)

    rules = invitation_rules(settings)
    rng = random.Random(f"{seed}/google")
    clients = {c.id: c for c in data_world.clients}
    by_client: dict[int, list[DemoReview]] = {}
    for review in reviews:
        by_client.setdefault(review.client_id, []).append(review)
    protected = set(cast.roles)
    history = cal.horizon - timedelta(days=3) - cal.at(cal.first_day, cal.horizon.time())
    for client in data_world.clients:
        if client.invitable and client.id not in protected and rng.random() < 0.015:
            at = cal.at(cal.first_day, cal.horizon.time()) + timedelta(
                seconds=rng.randint(0, int(history.total_seconds()))
            )
            unsubscribe(client, at)
    first_pass = plan_invitations(data_world.clients, by_client, cal, rules, {})
    stop_at: dict[int, datetime] = {}
    for invitation in first_pass:
        client = clients[invitation.client_id]
        sent = invitation.delivery.sent_at or invitation.send_at
        if client.id in protected or client.unsubscribed_at is not None:
            continue
        if rng.random() < 0.05:
            unsubscribe(
                client, min(sent + timedelta(minutes=rng.randint(120, 3 * 24 * 60)), cal.horizon)
            )
    total = max(10, round(80 * len(data_world.clients) / 400))
    unprompted = _unprompted(data_world, cast, reviews, rng)
    found = google_reviews(first_pass, clients, cal, total, rng, unprompted)
    for google_review in found:
        if google_review.client_id is not None and google_review.linked_at is not None:
            stop_at[google_review.client_id] = google_review.linked_at
    candidates = [
        i
        for i in first_pass
        if i.client_id not in stop_at
        and i.client_id not in protected
        and clients[i.client_id].unsubscribed_at is None
    ]
    marked: list[int] = []
    if candidates:
        chosen = candidates[len(candidates) // 3]
        client = clients[chosen.client_id]
        client.google_marked_at = min(
            (chosen.delivery.sent_at or chosen.send_at) + timedelta(days=2), cal.horizon
        )
        stop_at[client.id] = client.google_marked_at
        marked.append(client.id)
    # One address was mistyped when the client joined: the first invitation bounces. Its client
    # got no request before the address was corrected (requests were decided with the right
    # address), so their first invitation came well before their first request.
    first_request: dict[int, datetime] = {}
    for request in requests:  # in time order (see _number)
        first_request.setdefault(request.client_id, request.delivery.queued_at)
    first_invitation: dict[int, datetime] = {}
    for invitation in first_pass:
        at = min(invitation.send_at, first_invitation.get(invitation.client_id, invitation.send_at))
        first_invitation[invitation.client_id] = at
    settled_before = {
        client_id
        for client_id, at in first_invitation.items()
        if at + EMAIL_FIX_DELAY + timedelta(days=1) < first_request.get(client_id, cal.horizon)
    }
    bounced: list[int] = []
    still = [
        i.client_id
        for i in candidates
        if i.client_id not in stop_at and i.client_id in settled_before
    ]
    if len(still) > 8:
        client = clients[still[len(still) // 2]]
        client.mistyped_email = mistype(client.email or "")
        bounced.append(client.id)
    invitations = plan_invitations(data_world.clients, by_client, cal, rules, stop_at)
    return GoogleStory(invitations, found, unsubscribed, marked, bounced)


def generate(options: DemoOptions, report: Report | None = None) -> DemoData:
    say = report or (lambda _message: None)
    tz = zone(definition("studio.timezone").default)
    cal = DemoCalendar(options.until, options.months, tz)
    settings = final_settings(cal)
    seed = options.seed
    say("Timetable, coaches and clients")
    coach_ids = {c.external_id: i for i, c in enumerate(COACHES, start=1)}
    class_ids = {c.name: i for i, c in enumerate(CLASSES, start=1)}
    sessions, slot_of = build_sessions(cal, coach_ids, class_ids, seed)
    clients = build_clients(options.clients, cal, seed)
    attendance = build_attendance(sessions, slot_of, clients, cal, seed)
    world = World(cal, coach_ids, class_ids, sessions, slot_of, clients, attendance)
    world.rebuild_visits()
    say("A year of visits, prompts, review requests and reviews")
    terms = RequestTerms(
        rules=request_rules(settings),
        start=cal.requests_start,
        horizon=cal.horizon,
        answer_days=settings.integer("requests.answer_days"),
        longest_minutes=max(s.duration_min for s in sessions),
    )
    cast = replay_histories(world, seed, prompt_rules(settings), terms)
    world.attendance.sort(key=lambda r: (r.session_id, r.client_id))
    prompts = [p for ledger in cast.ledgers.values() for p in ledger.prompts]
    reviews = [r for ledger in cast.ledgers.values() for r in ledger.reviews]
    requests = [r for ledger in cast.ledgers.values() for r in ledger.requests]
    _number(prompts, reviews, requests, seed)
    _rate_everything(world, cast, reviews, seed)
    say("Edits, actions and alerts")
    care_rng = random.Random(f"{seed}/care")
    aftercare.edit_some(reviews, cal, set(cast.roles), options.clients / 400, care_rng)
    actions = aftercare.open_actions(reviews, cal, care_rng)
    alerts = aftercare.alerts(reviews, cal)
    say("Google reviews and invitations")
    google = _google(world, cast, reviews, requests, settings, seed)
    say("Testimonials")
    # Clients with a story of their own, or whose address the outbox history changes, are left
    # out of the invitations to recommend.
    kept_out = set(cast.roles) | set(google.unsubscribed) | set(google.bounced)
    testimonials = plan_testimonials(world, reviews, kept_out, seed)
    return DemoData(
        options=options,
        calendar=cal,
        world=world,
        cast=cast,
        prompts=prompts,
        reviews=reviews,
        actions=actions,
        alerts=alerts,
        invitations=google.invitations,
        google_reviews=google.reviews,
        requests=requests,
        unsubscribed=google.unsubscribed,
        marked=google.marked,
        bounced=google.bounced,
        testimonials=testimonials,
    )
