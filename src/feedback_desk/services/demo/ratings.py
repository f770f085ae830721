"""Stars, aspects and comments for the demo's reviews.

Most clients are happy (fives and fours), a few are hard to please; coaches shift their class
reviews a little; January is crowded and July is hot; in the last four weeks one coach slips and a
few regulars sour. Client text is written in the client's language.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.domain.segments import offered_polarities
from feedback_desk.services.aspects import predefined_aspects
from feedback_desk.services.demo import texts
from feedback_desk.services.demo.records import DemoClient, DemoReview, DemoSession
from feedback_desk.services.demo.scenarios import Cast, Role
from feedback_desk.services.demo.timeframe import DemoCalendar

STAR_WEIGHTS = {
    "enthusiast": (0.5, 0.5, 2.0, 15.0, 82.0),
    "satisfied": (1.0, 2.0, 6.0, 41.0, 50.0),
    "lukewarm": (3.0, 6.0, 18.0, 43.0, 30.0),
    "critic": (12.0, 15.0, 28.0, 30.0, 15.0),
}
SLIPPING_COACH_WEIGHTS = (15.0, 22.0, 30.0, 20.0, 13.0)
SOURING_CLIENT_WEIGHTS = (20.0, 40.0, 35.0, 5.0, 0.0)

_ASPECT_WEIGHTS = {
    "class.excel.coach_energy": 3.0,
    "class.excel.great_workout": 3.0,
    "class.excel.motivation": 2.0,
    "class.excel.atmosphere": 2.0,
    "class.excel.clear_instructions": 1.5,
    "class.excel.music": 1.5,
    "class.excel.form_corrections": 1.2,
    "class.improve.too_crowded": 2.0,
    "class.improve.music_volume": 1.5,
    "class.improve.started_late": 0.6,
    "class.improve.too_slow": 0.5,
    "class.improve.attention": 0.8,
    "class.improve.unclear_instructions": 0.7,
    "business.excel.welcome": 3.0,
    "business.excel.coaches": 3.0,
    "business.excel.cleanliness": 2.0,
    "business.excel.community": 2.0,
    "business.excel.schedule": 1.5,
    "business.excel.easy_booking": 1.5,
    "business.excel.value": 0.7,
    "business.improve.parking": 3.0,
    "business.improve.waitlists": 2.5,
    "business.improve.changing_rooms": 2.0,
    "business.improve.price": 2.0,
    "business.improve.not_clean": 0.6,
    "business.improve.front_desk": 0.5,
}
_SLIPPING_BOOST = {
    "class.improve.started_late": 10.0,
    "class.improve.music_volume": 7.0,
    "class.improve.unclear_instructions": 4.0,
    "class.improve.attention": 4.0,
}


@dataclass(frozen=True)
class RatingContext:
    calendar: DemoCalendar
    clients: Mapping[int, DemoClient]
    sessions: Mapping[int, DemoSession]
    class_names: Mapping[int, str]
    coach_first_names: Mapping[int, str]
    coach_quality: Mapping[int, float]
    slipping_coach_id: int
    studio_name: str
    cast: Cast


def _stars_from(rng: random.Random, weights: tuple[float, ...]) -> int:
    return rng.choices((1, 2, 3, 4, 5), weights=weights)[0]


def _is_slipping(ctx: RatingContext, review: DemoReview) -> bool:
    if review.kind is not ReviewKind.CLASS or review.session_id is None:
        return False
    session = ctx.sessions[review.session_id]
    return (
        session.coach_id == ctx.slipping_coach_id and session.starts_at >= ctx.calendar.drop_start
    )


def _season(ctx: RatingContext, review: DemoReview) -> str | None:
    month = review.created_at.astimezone(ctx.calendar.tz).month
    if review.kind is ReviewKind.CLASS and month == 1:
        return "crowded"
    if review.kind is ReviewKind.CLASS and month in (7, 8):
        return "hot"
    return None


def rate(ctx: RatingContext, review: DemoReview, rng: random.Random) -> None:
    client = ctx.clients[review.client_id]
    role = ctx.cast.roles.get(client.id)
    if role is Role.DROPPING and review.created_at >= ctx.calendar.drop_start:
        review.stars = _stars_from(rng, SOURING_CLIENT_WEIGHTS)
        return
    if _is_slipping(ctx, review):
        review.stars = _stars_from(rng, SLIPPING_COACH_WEIGHTS)
        return
    stars = _stars_from(rng, STAR_WEIGHTS[client.habits.temperament])
    if review.kind is ReviewKind.CLASS and review.session_id is not None:
        quality = ctx.coach_quality[ctx.sessions[review.session_id].coach_id]
        if quality > 0 and stars < 5 and rng.random() < quality:
            stars += 1
        elif quality < 0 and stars > 1 and rng.random() < -quality:
            stars -= 1
    if _season(ctx, review) is not None and stars > 1 and rng.random() < 0.08:
        stars -= 1
    review.stars = stars


def finish_invitation_cast(ctx: RatingContext, reviews: list[DemoReview]) -> None:
    """Clients invited at 10:00 on the last day: fours all along, then two fives in a row."""
    ordered = sorted(reviews, key=lambda r: r.created_at)
    for review in ordered[:-2]:
        review.stars = 4
    for review in ordered[-2:]:
        review.stars = 5


def _aspect_pool(ctx: RatingContext, review: DemoReview) -> tuple[list[str], list[float]]:
    polarities = {p.value for p in offered_polarities(review.stars)}
    season = _season(ctx, review)
    slipping = _is_slipping(ctx, review)
    codes: list[str] = []
    weights: list[float] = []
    for aspect in predefined_aspects():
        if aspect.kind is not review.kind or aspect.polarity.value not in polarities:
            continue
        weight = _ASPECT_WEIGHTS.get(aspect.code, 1.0)
        if slipping:
            weight *= _SLIPPING_BOOST.get(aspect.code, 1.0)
        if season == "crowded" and aspect.code == "class.improve.too_crowded":
            weight *= 5
        if season == "hot" and aspect.code == "class.improve.temperature":
            weight *= 6
        codes.append(aspect.code)
        weights.append(weight)
    return codes, weights


def _pick_aspects(ctx: RatingContext, review: DemoReview, rng: random.Random) -> list[str]:
    count = rng.choices((0, 1, 2, 3), weights=(30, 40, 22, 8))[0]
    codes, weights = _aspect_pool(ctx, review)
    chosen: list[str] = []
    while len(chosen) < min(count, len(codes)):
        pick = rng.choices(codes, weights=weights)[0]
        if pick not in chosen:
            chosen.append(pick)
    return chosen


def _bank(ctx: RatingContext, review: DemoReview, rng: random.Random) -> texts.Bank:
    if _is_slipping(ctx, review) and review.stars <= 3:
        return texts.DROPPING_COACH_COMMENTS
    is_class = review.kind is ReviewKind.CLASS
    positive = texts.CLASS_POSITIVE if is_class else texts.BUSINESS_POSITIVE
    mixed = texts.CLASS_MIXED if is_class else texts.BUSINESS_MIXED
    negative = texts.CLASS_NEGATIVE if is_class else texts.BUSINESS_NEGATIVE
    if review.stars == 5:
        return positive
    if review.stars == 4:
        return positive if rng.random() < 0.55 else mixed
    if review.stars == 3:
        return mixed if rng.random() < 0.5 else negative
    return negative


_COMMENT_CHANCE = {5: 0.25, 4: 0.35, 3: 0.55, 2: 0.7, 1: 0.7}


def describe(ctx: RatingContext, review: DemoReview, rng: random.Random) -> None:
    """Aspects and (sometimes) a comment that fit the stars."""
    review.aspects = _pick_aspects(ctx, review, rng)
    if rng.random() >= _COMMENT_CHANCE[review.stars]:
        review.comment = None
        return
    language = ctx.clients[review.client_id].language
    template = rng.choice(_bank(ctx, review, rng)[language])
    coach = class_name = ""
    if review.session_id is not None:
        session = ctx.sessions[review.session_id]
        coach = ctx.coach_first_names[session.coach_id]
        class_name = ctx.class_names[session.class_id]
    review.comment = template.format(coach=coach, **{"class": class_name}, studio=ctx.studio_name)


def add_client_aspects(ctx: RatingContext, reviews: list[DemoReview], rng: random.Random) -> None:
    """Two aspects clients typed themselves in the last weeks, waiting for approval."""
    recent_from = ctx.calendar.horizon - timedelta(days=40)
    for kind, polarity, label in texts.CLIENT_ASPECTS:
        wanted_kind = ReviewKind(kind)
        fits = [
            r
            for r in reviews
            if r.kind is wanted_kind
            and r.created_at >= recent_from
            and (r.stars >= 4 if polarity == "excel" else r.stars <= 3)
        ]
        for review in rng.sample(fits, min(2, len(fits))):
            review.aspects.append(f"client:{label}")
