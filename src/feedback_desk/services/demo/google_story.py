"""The studio's Google reviews, as a sync of its Business Profile stored them.

Before the connection Google reviews trickled in (grey on the growth chart); after it, invited
clients answered (blue) and reviews came faster. Staff linked most invited reviewers to their
client, and a couple of regulars who wrote on Google unprompted (one of them unhappy: a reply by
email is the way to answer). A few reviewers are anonymous, some left stars only, and one wrote
in French and is shown as Google translated it (the translation in ``comment``, the reviewer's
words in ``comment_original``, as the sync splits them).
"""

from __future__ import annotations

import random
import string
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta

from feedback_desk.domain.google_reviews import split_translation
from feedback_desk.services.demo import names, texts
from feedback_desk.services.demo.records import (
    DemoClient,
    DemoGoogleReview,
    DemoInvitation,
    DemoReview,
)
from feedback_desk.services.demo.timeframe import DemoCalendar

ANONYMOUS_NAME = "A Google User"


def _review_id(rng: random.Random) -> str:
    alphabet = string.ascii_letters + string.digits + "-_"
    return "AbFvOq" + "".join(rng.choice(alphabet) for _ in range(28))


class _Voices:
    """Reviewer names and review texts, never the same twice."""

    def __init__(self, rng: random.Random, client_names: set[str]) -> None:
        self.rng = rng
        self.names_used = set(client_names)
        self.texts_used: set[str] = set()
        self.pool = list(texts.GOOGLE_OTHER_REVIEWERS)

    def name(self) -> str:
        rng = self.rng
        while True:
            if self.pool:
                name = self.pool.pop(rng.randrange(len(self.pool)))
            else:
                french = rng.random() < 0.65
                first = rng.choice(names.FRENCH_FIRST if french else names.ENGLISH_FIRST)
                last = rng.choice(names.FRENCH_LAST if french else names.ENGLISH_LAST)
                name = f"{first} {last[0]}." if rng.random() < 0.6 else f"{first} {last}"
            if name not in self.names_used:
                self.names_used.add(name)
                return name

    def _compose(self, language: str) -> str:
        rng = self.rng
        parts = [
            rng.choice(texts.GOOGLE_OPENERS[language]),
            rng.choice(texts.GOOGLE_DETAILS[language]),
            rng.choice(texts.GOOGLE_CLOSERS[language]),
        ]
        return " ".join(p for p in parts if p)

    def text(self, stars: int, language: str) -> str:
        rng = self.rng
        candidate = ""
        for _ in range(40):
            if stars >= 5 or (stars == 4 and rng.random() < 0.5):
                candidate = self._compose(language)
            elif stars == 4:
                candidate = rng.choice(texts.GOOGLE_MIXED[language])
            else:
                candidate = rng.choice(texts.GOOGLE_NEGATIVE[language])
            if candidate not in self.texts_used:
                break
        self.texts_used.add(candidate)
        return candidate


def _short_name(client: DemoClient, rng: random.Random) -> str:
    if rng.random() < 0.6:
        return client.full_name
    return f"{client.first_name} {client.last_name[:1]}."


def _reply(review: DemoGoogleReview, cal: DemoCalendar, rng: random.Random, fast: bool) -> None:
    delay = timedelta(hours=rng.randint(3, 48)) if fast else timedelta(days=rng.randint(1, 6))
    at = review.created_at + delay
    if at >= cal.horizon:
        return
    if review.anonymous:
        text = texts.GOOGLE_REPLY_GENERIC[review.language]
    else:
        critical = review.stars <= 3
        bank = texts.GOOGLE_REPLIES_CRITICAL if critical else texts.GOOGLE_REPLIES
        text = rng.choice(bank[review.language]).format(name=review.reviewer_name.split()[0])
    review.reply_comment = text
    review.reply_at = at
    review.reply_state = "APPROVED"


def _stars(rng: random.Random, weights: tuple[float, ...]) -> int:
    return rng.choices((1, 2, 3, 4, 5), weights=weights)[0]


def _other_review(
    voices: _Voices, created: datetime, weights: tuple[float, ...]
) -> DemoGoogleReview:
    rng = voices.rng
    language = "fr" if rng.random() < 0.65 else "en"
    stars = _stars(rng, weights)
    comment = None if rng.random() < 0.15 else voices.text(stars, language)
    return DemoGoogleReview(
        review_id=_review_id(rng),
        reviewer_name=voices.name(),
        anonymous=False,
        stars=stars,
        comment=comment,
        created_at=created,
        language=language,
    )


def google_reviews(
    invitations: Sequence[DemoInvitation],
    clients: Mapping[int, DemoClient],
    cal: DemoCalendar,
    total: int,
    rng: random.Random,
    unprompted: Sequence[tuple[DemoClient, DemoReview]] = (),
) -> list[DemoGoogleReview]:
    """*unprompted*: regulars who wrote on Google after a visit, each with their review of it
    (its stars and language are theirs on Google too); staff recognised and linked them."""
    integration = cal.integration
    last_sync = cal.horizon - timedelta(minutes=30)
    voices = _Voices(rng, {c.full_name for c in clients.values()})
    before = round(total * 0.36)
    reviews: list[DemoGoogleReview] = []
    earliest = integration - timedelta(days=730)
    for _ in range(before):
        created = earliest + timedelta(seconds=rng.randint(0, 729 * 86400))
        reviews.append(_other_review(voices, created, (6.0, 4.0, 5.0, 20.0, 65.0)))
    # Clients who answered their invitation on Google (most were then linked by staff).
    writing_anyway = {client.id for client, _review in unprompted}
    answered = [
        i
        for i in invitations
        if i.delivery.sent_at is not None and i.client_id not in writing_anyway
    ]
    answered = rng.sample(answered, min(len(answered), max(1, total // 10)))
    for index, invitation in enumerate(sorted(answered, key=lambda i: i.send_at)):
        client = clients[invitation.client_id]
        sent = invitation.delivery.sent_at or invitation.send_at
        created = sent + timedelta(minutes=rng.randint(90, 5 * 24 * 60))
        if created >= last_sync:
            continue
        stars = 5 if rng.random() < 0.9 else 4
        review = DemoGoogleReview(
            review_id=_review_id(rng),
            reviewer_name=_short_name(client, rng),
            anonymous=False,
            stars=stars,
            comment=None if rng.random() < 0.2 else voices.text(stars, client.language),
            created_at=created,
            language=client.language,
        )
        if index % 4 != 3:  # one in four left for staff to link (suggestions)
            review.client_id = client.id
        reviews.append(review)
    for client, studio_review in unprompted:
        created = studio_review.created_at + timedelta(minutes=rng.randint(3 * 60, 30 * 60))
        if created >= last_sync - timedelta(hours=6):
            continue
        reviews.append(
            DemoGoogleReview(
                review_id=_review_id(rng),
                reviewer_name=client.full_name,
                anonymous=False,
                stars=studio_review.stars,
                comment=voices.text(studio_review.stars, client.language),
                created_at=created,
                language=client.language,
                client_id=client.id,
            )
        )
    span = int((last_sync - integration).total_seconds()) - 86400
    while len(reviews) < total:
        created = integration + timedelta(seconds=86400 + rng.randint(0, max(span, 1)))
        reviews.append(_other_review(voices, created, (2.0, 1.0, 2.0, 10.0, 85.0)))
    reviews.sort(key=lambda r: r.created_at)
    _dress(reviews, cal, rng, last_sync)
    return reviews


def _dress(
    reviews: list[DemoGoogleReview], cal: DemoCalendar, rng: random.Random, last_sync: datetime
) -> None:
    """Anonymous reviewers, the translated review, replies and their states, sync times."""
    integration = cal.integration
    others = [r for r in reviews if r.client_id is None]
    for review in rng.sample(others, min(3, len(others))):
        review.anonymous = True
        review.reviewer_name = ANONYMOUS_NAME
    after = [r for r in others if r.created_at > integration and not r.anonymous and r.stars == 5]
    if after:
        translated = rng.choice(after)
        # Google sends both in one string; the sync keeps its translation and the original apart.
        translated.comment, translated.comment_original = split_translation(texts.GOOGLE_TRANSLATED)
        translated.language = "fr"
    for review in reviews:
        fast = review.created_at > integration
        chance = 0.75 if fast else 0.55
        if review.comment is None:
            chance = 0.3
        # An unhappy client staff know is answered by email, not in public.
        known_critic = review.client_id is not None and review.stars <= 3
        if rng.random() < chance and not known_critic:
            _reply(review, cal, rng, fast)
        review.first_seen_at = (
            integration + timedelta(minutes=5)
            if review.created_at <= integration
            else min(review.created_at + timedelta(minutes=rng.randint(1, 30)), last_sync)
        )
        review.last_seen_at = last_sync
        if review.client_id is not None:
            review.linked_at = min(
                review.first_seen_at + timedelta(hours=rng.randint(4, 72)),
                cal.horizon - timedelta(minutes=10),
            )
            review.linked_by = rng.choice(names.STAFF)
    replied = [r for r in reviews if r.reply_at is not None and r.created_at > integration]
    if replied:
        latest = max(replied, key=lambda r: r.reply_at or r.created_at)
        latest.reply_state = "PENDING"
        if len(replied) > 3:
            rejected = replied[len(replied) // 2]
            rejected.reply_comment = texts.GOOGLE_REJECTED_REPLY
            rejected.reply_state = "REJECTED"
            rejected.reply_policy_violation = "ADVERTISING_AND_SOLICITATION"
    older = [r for r in reviews if r.created_at <= integration and r.reply_at is None]
    if older:
        removed = older[0]
        removed.removed_at = integration + timedelta(days=20)
        removed.last_seen_at = removed.removed_at - timedelta(minutes=30)
    changed = [r for r in reviews if r.created_at > integration and r.stars == 4]
    if changed:
        changed[0].updated_at = min(changed[0].created_at + timedelta(days=9), last_sync)


def google_time(instant: datetime) -> str:
    """Google's RFC 3339 form: UTC, 'Z', milliseconds."""
    utc = instant.astimezone(UTC)
    millis = utc.microsecond // 1000
    return utc.strftime("%Y-%m-%dT%H:%M:%S") + f".{millis:03d}Z"
