"""The demo's testimonials, planned: whom the manager invited to recommend the studio, when, and
what each client answered (docs/rules.md, "Testimonials").

Every few weeks over the last four months the manager invites a handful of promoters (a 5-star
review in the last three months) who may get the email, from Clients → Invite to recommend….
Most accept, on their page a day or so later or at the kiosk on their next visit; the manager
approves each testimonial a day or two later (one is hidden), and one client withdraws theirs
weeks after it was published. Two clients add a quality in their own words, which the manager
words in the other language and approves, so later clients vote for it. Of the last two batches,
two clients decline (after the managers' address was set, so the managers are told), two
answers wait for approval and a few invitations are still open; one old invitation expired.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from feedback_desk.domain.localtime import months_before
from feedback_desk.domain.testimonials import Approval, ConsentPart, Place, RefusalReason
from feedback_desk.services.demo import testimonial_texts as words
from feedback_desk.services.demo.records import DemoClient, DemoReview
from feedback_desk.services.demo.timeframe import DemoCalendar
from feedback_desk.services.demo.world import World
from feedback_desk.services.testimonials.bulk import PROMOTER_MONTHS

# Days before the last day on which the manager invited a batch (the last two are "recent").
BATCH_DAYS = (112, 91, 70, 49, 35, 21, 8)
RECENT_DAYS = 25  # the last two batches, whatever day of the week they fell back to
INVITE_TIME = time(11, 15)
REVIEW_TIME = time(11, 40)
# The qualities clients choose most, by aspect code (the studio's "where you excel" list).
QUALITY_WEIGHTS = {
    "business.excel.coaches": 3.0,
    "business.excel.welcome": 2.5,
    "business.excel.community": 2.0,
    "business.excel.cleanliness": 1.5,
    "business.excel.schedule": 1.2,
    "business.excel.easy_booking": 0.8,
    "business.excel.value": 0.6,
}


@dataclass(slots=True)
class DemoYes:
    codes: tuple[str, ...]  # qualities of the catalogue, by aspect code
    added: tuple[str, ...] = ()  # qualities other clients added, chosen from the list
    own_words: tuple[str, ...] = ()  # a quality in the client's own words
    text_1: str | None = None
    text_2: str | None = None
    job_title: str | None = None
    full_name: bool = False
    consents: frozenset[ConsentPart] = frozenset()


@dataclass(slots=True)
class DemoTestimonial:
    client_id: int
    language: str
    invited_at: datetime
    answered_at: datetime | None = None
    place: Place | None = None
    yes: DemoYes | None = None
    refusal: tuple[RefusalReason, str] | None = None
    reviewed_at: datetime | None = None
    approval: Approval | None = None
    withdrawn_at: datetime | None = None


@dataclass(frozen=True)
class DemoOwnQuality:
    label: str  # the client's words
    label_fr: str
    label_en: str
    approved_at: datetime


@dataclass
class TestimonialStory:
    batches: list[tuple[datetime, list[int]]] = field(default_factory=list)
    testimonials: list[DemoTestimonial] = field(default_factory=list)
    own_qualities: list[DemoOwnQuality] = field(default_factory=list)


def _working_day_before(day: date, cal: DemoCalendar) -> date:
    while day.weekday() >= 5 or not cal.is_open(day):
        day -= timedelta(days=1)
    return day


def _promoters(
    reviews: list[DemoReview], clients: dict[int, DemoClient], at: datetime, cal: DemoCalendar
) -> list[int]:
    """Clients the invite list shows with "only promoters" and "only clients who can receive
    the email" ticked, at *at*."""
    since = months_before(at, PROMOTER_MONTHS, cal.tz)
    return sorted(
        {
            r.client_id
            for r in reviews
            if r.stars == 5 and since <= r.created_at <= at and clients[r.client_id].invitable
        }
    )


def _evening(cal: DemoCalendar, day: date, rng: random.Random) -> datetime:
    return cal.at(day, time(rng.randint(12, 21), rng.randint(0, 59)))


def _answer_time(
    t: DemoTestimonial, world: World, cal: DemoCalendar, rng: random.Random
) -> tuple[datetime, Place]:
    """At the kiosk after the client's next class within ten days (some clients), else on their
    page within a few days of the email."""
    later = [s for s in world.visits[t.client_id] if s.starts_at > t.invited_at]
    if later and rng.random() < 0.35:
        ends = later[0].starts_at + timedelta(minutes=later[0].duration_min + 6)
        if ends < min(t.invited_at + timedelta(days=10), cal.horizon - timedelta(days=3)):
            return ends, Place.KIOSK
    day = t.invited_at.astimezone(cal.tz).date() + timedelta(days=rng.randint(0, 3))
    return _evening(cal, day, rng), Place.CLIENT_PAGE


def _yes(language: str, rng: random.Random) -> DemoYes:
    codes = list(QUALITY_WEIGHTS)
    chosen = dict.fromkeys(
        rng.choices(codes, weights=list(QUALITY_WEIGHTS.values()), k=rng.randint(1, 3))
    )
    title = rng.choice(words.JOB_TITLES[language]) if rng.random() < 0.4 else None
    consents = {ConsentPart.NAME} if rng.random() < 0.85 else set()
    if title is not None and rng.random() < 0.75:
        consents.add(ConsentPart.JOB_TITLE)
    return DemoYes(
        codes=tuple(chosen),
        text_1=rng.choice(words.WHAT_BROUGHT_YOU[language]),
        text_2=rng.choice(words.WHAT_CHANGED[language]) if rng.random() < 0.85 else None,
        job_title=title,
        full_name=ConsentPart.NAME in consents and rng.random() < 0.2,
        consents=frozenset(consents),
    )


def _show_every_consent(accepted: list[DemoTestimonial]) -> None:
    """The first answers show each way a client shares: full name and job title; no name; a job
    title typed but not shown."""
    shapes: tuple[tuple[set[ConsentPart], bool], ...] = (
        ({ConsentPart.NAME, ConsentPart.JOB_TITLE}, True),
        (set(), False),
        ({ConsentPart.NAME}, False),
    )
    for t, (consents, full_name) in zip(accepted, shapes, strict=False):
        assert t.yes is not None
        t.yes.job_title = t.yes.job_title or words.JOB_TITLES[t.language][0]
        t.yes.consents = frozenset(consents)
        t.yes.full_name = full_name


def _own_qualities(
    accepted: list[DemoTestimonial], cal: DemoCalendar, rng: random.Random
) -> list[DemoOwnQuality]:
    """Two clients add a quality in their own words; the manager approves it the next morning
    and later clients vote for it."""
    found: list[DemoOwnQuality] = []
    for language, label, other in words.OWN_QUALITIES:
        adder = next(
            (t for t in accepted if t.language == language and t.yes and not t.yes.own_words),
            None,
        )
        if adder is None or adder.yes is None or adder.answered_at is None:
            continue
        adder.yes.own_words = (label,)
        day = adder.answered_at.astimezone(cal.tz).date() + timedelta(days=1)
        approved = cal.at(day, time(9, 30))
        if approved >= cal.horizon:
            continue
        label_fr, label_en = (label, other) if language == "fr" else (other, label)
        found.append(DemoOwnQuality(label, label_fr, label_en, approved))
        for t in accepted:
            if t.yes and t.answered_at and t.answered_at > approved and rng.random() < 0.3:
                t.yes.added = (*t.yes.added, label)
    return found


def _review(t: DemoTestimonial, approval: Approval, cal: DemoCalendar, rng: random.Random) -> None:
    assert t.answered_at is not None
    day = t.answered_at.astimezone(cal.tz).date() + timedelta(days=rng.randint(1, 2))
    t.reviewed_at = max(cal.at(day, REVIEW_TIME), t.answered_at + timedelta(hours=1))
    t.approval = approval


def _recent_roles(
    recent: list[DemoTestimonial], world: World, rng: random.Random
) -> list[DemoTestimonial]:
    """The last two batches: a decline and an answer waiting for approval from each (answered in
    the last days), the rest of the older batch accepted and approved, the rest still open.
    Returns the accepted ones."""
    cal = world.calendar
    older = [t for t in recent if t.invited_at == recent[0].invited_at]
    newer = [t for t in recent if t.invited_at != recent[0].invited_at]
    accepted: list[DemoTestimonial] = []
    for batch, (declined_day, pending_day) in ((older, (4, 2)), (newer, (3, 1))):
        if len(batch) < 2:
            continue
        decliner, waiting = batch[0], batch[1]
        reason, text = words.REFUSALS[len(accepted) % len(words.REFUSALS)]
        decliner.refusal = (reason, text[decliner.language])
        decliner.answered_at = _evening(cal, cal.until - timedelta(days=declined_day), rng)
        decliner.place = Place.CLIENT_PAGE
        waiting.yes = _yes(waiting.language, rng)
        waiting.answered_at = _evening(cal, cal.until - timedelta(days=pending_day), rng)
        waiting.place = Place.CLIENT_PAGE
        accepted.append(waiting)
    for t in older[2:-1]:
        t.answered_at, t.place = _answer_time(t, world, cal, rng)
        t.yes = _yes(t.language, rng)
        _review(t, Approval.APPROVED, cal, rng)
        accepted.append(t)
    return accepted


def plan_testimonials(
    world: World, reviews: list[DemoReview], excluded: set[int], seed: int
) -> TestimonialStory:
    """*excluded*: clients the demo keeps out (its cast, unsubscribed, mistyped addresses)."""
    cal = world.calendar
    rng = random.Random(f"{seed}/testimonials")
    clients = {c.id: c for c in world.clients}
    story = TestimonialStory()
    invited: set[int] = set()
    days = [d for d in BATCH_DAYS if cal.until - timedelta(days=d) > cal.first_day + timedelta(30)]
    for index, days_before in enumerate(days):
        at = cal.at(_working_day_before(cal.until - timedelta(days=days_before), cal), INVITE_TIME)
        pool = [c for c in _promoters(reviews, clients, at, cal) if c not in excluded | invited]
        size = 5 if index >= len(days) - 2 else rng.randint(4, 6)
        chosen = sorted(rng.sample(pool, min(size, len(pool))))
        if not chosen:  # a small or short demo may have no promoter left to ask that day
            continue
        invited.update(chosen)
        story.batches.append((at, chosen))
        story.testimonials += [DemoTestimonial(c, clients[c].language, at) for c in chosen]
    if not story.batches:
        return story
    # The batches of the last RECENT_DAYS (21 and 8 days before, unless a small demo had no one
    # left to ask): their answers come in the last days, well before they expire.
    recent_from = cal.at(cal.until - timedelta(days=RECENT_DAYS), INVITE_TIME)
    recent_start = next((at for at, _ in story.batches if at >= recent_from), cal.horizon)
    old = [t for t in story.testimonials if t.invited_at < recent_start]
    recent = [t for t in story.testimonials if t.invited_at >= recent_start]
    # One invitation of the second batch was never answered: it expired.
    second_batch_at = story.batches[min(1, len(story.batches) - 1)][0]
    expired = [t for t in old if t.invited_at == second_batch_at][-1:]
    accepted: list[DemoTestimonial] = []
    for t in old:
        if t in expired:
            continue
        t.answered_at, t.place = _answer_time(t, world, cal, rng)
        t.yes = _yes(t.language, rng)
        accepted.append(t)
    for number, t in enumerate(accepted):
        _review(t, Approval.HIDDEN if number == 5 else Approval.APPROVED, cal, rng)
    accepted += _recent_roles(recent, world, rng)
    accepted.sort(key=lambda t: (t.answered_at or cal.horizon, t.client_id))
    _show_every_consent(accepted)
    story.own_qualities = _own_qualities(accepted, cal, rng)
    # A client whose testimonial was published changes their mind five weeks later, by the link
    # in their confirmation email.
    published = [
        t
        for t in accepted
        if t.approval is Approval.APPROVED
        and t.reviewed_at is not None
        and t.reviewed_at + timedelta(days=36) < cal.horizon
    ]
    if len(published) > 3:
        changed = published[3]
        assert changed.reviewed_at is not None
        day = changed.reviewed_at.astimezone(cal.tz).date() + timedelta(days=35)
        changed.withdrawn_at = _evening(cal, day, rng)
    return story
