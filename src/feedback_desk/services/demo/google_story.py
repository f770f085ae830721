"""Google: invitations sent since the studio connected its profile, and its Google reviews.

Before the connection Google reviews trickled in (grey on the growth chart); after it, happy
clients got an invitation the morning after their second five-star review in a row, and reviews
came faster (blue). Some reviewers were linked to clients by staff, a few were anonymous, some
left stars only, and one review was written in French and shown translated by Google.
"""

from __future__ import annotations

import random
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from feedback_desk.domain.kinds import MessageKind, OutboxState
from feedback_desk.domain.localtime import months_after, next_day_at
from feedback_desk.services.demo import names, texts
from feedback_desk.services.demo.records import (
    DemoClient,
    DemoGoogleReview,
    DemoInvitation,
    DemoMessage,
    DemoReview,
)
from feedback_desk.services.demo.studio_plan import (
    REVIEW_LINK,
    SENDER_EMAIL,
    STUDIO_ADDRESS,
    STUDIO_NAME,
)
from feedback_desk.services.demo.timeframe import DemoCalendar

INVITATION_HOUR = 10
REINVITE_MONTHS = 4
ANONYMOUS_NAME = "A Google User"


@dataclass
class GoogleStory:
    invitations: list[DemoInvitation] = field(default_factory=list)
    reviews: list[DemoGoogleReview] = field(default_factory=list)


def _invitation_text(client: DemoClient) -> tuple[str, str]:
    if client.language == "en":
        subject = f"Thanks, {client.first_name}! Would you share a word on Google?"
        body = (
            f"Hi {client.first_name},\n\nThank you for your kind words about your classes at "
            f"{STUDIO_NAME}! If you have a minute, a review on Google would mean a lot to our "
            f"small team:\n{REVIEW_LINK}\n\nSee you soon,\nThe {STUDIO_NAME} team\n\n--\n"
            f'Don\'t want these emails? Reply "unsubscribe" or write to {SENDER_EMAIL}.\n'
            f"{STUDIO_ADDRESS}"
        )
    else:
        subject = f"Merci, {client.first_name} ! Un petit mot sur Google ?"
        body = (
            f"Bonjour {client.first_name},\n\nMerci pour vos beaux commentaires sur vos cours au "
            f"{STUDIO_NAME} ! Si vous avez une minute, un avis sur Google aiderait beaucoup "
            f"notre petite équipe :\n{REVIEW_LINK}\n\nÀ bientôt au studio,\n"
            f"L'équipe {STUDIO_NAME}\n\n--\nVous ne voulez plus de ces courriels ? Répondez "
            f"« désabonnement » ou écrivez à {SENDER_EMAIL}.\n{STUDIO_ADDRESS}"
        )
    return subject, body


def _triggers(
    client: DemoClient,
    reviews: Sequence[DemoReview],
    cal: DemoCalendar,
    stop_at: datetime | None,
) -> list[tuple[DemoReview, datetime]]:
    """The five-star pairs that led to an invitation sent before the last day (the rule of
    feedback-rules.md, with the outbox running every morning at 10:00)."""
    sent: list[tuple[DemoReview, datetime]] = []
    last_sent: datetime | None = None
    for index in range(1, len(reviews)):
        trigger, before = reviews[index], reviews[index - 1]
        if trigger.stars != 5 or before.stars != 5 or trigger.created_at < cal.integration:
            continue
        if stop_at is not None and trigger.created_at >= stop_at:
            break
        if last_sent is not None and not (
            before.created_at > last_sent
            and trigger.created_at >= months_after(last_sent, REINVITE_MONTHS, cal.tz)
        ):
            continue
        send_at = next_day_at(trigger.created_at, INVITATION_HOUR, cal.tz)
        following = reviews[index + 1] if index + 1 < len(reviews) else None
        if following is not None and following.created_at < send_at and following.stars == 5:
            continue  # replaced by the later trigger before it was queued
        if send_at >= cal.until_start:
            break  # due on the last day (or later): not sent in the demo
        sent.append((trigger, send_at))
        last_sent = send_at
    return sent


def _message(client: DemoClient, trigger: DemoReview, send_at: datetime) -> DemoMessage:
    subject, body = _invitation_text(client)
    return DemoMessage(
        kind=MessageKind.INVITATION.value,
        recipients=client.email or "",
        subject=subject,
        body_text=body,
        client_id=client.id,
        review=trigger,
        dedup_key=f"invitation:{client.id}:{trigger.id}",
        state=OutboxState.SENT.value,
        scheduled_at=send_at,
        created_at=send_at,
        sent_at=send_at,
        list_unsubscribe=f"<mailto:{SENDER_EMAIL}?subject=unsubscribe>",
    )


def plan_invitations(
    clients: Sequence[DemoClient],
    reviews_by_client: Mapping[int, list[DemoReview]],
    cal: DemoCalendar,
    stop_at: Mapping[int, datetime],
) -> list[DemoInvitation]:
    invitations = []
    for client in clients:
        if not client.invitable:
            continue
        stops = [t for t in (stop_at.get(client.id), client.unsubscribed_at) if t is not None]
        for trigger, send_at in _triggers(
            client, reviews_by_client.get(client.id, []), cal, min(stops, default=None)
        ):
            invitations.append(
                DemoInvitation(client.id, trigger, send_at, _message(client, trigger, send_at))
            )
    invitations.sort(key=lambda i: (i.send_at, i.client_id))
    # The outbox sends about one message every two seconds.
    previous: datetime | None = None
    offset = 0
    for invitation in invitations:
        offset = offset + 2 if invitation.send_at == previous else 1
        previous = invitation.send_at
        invitation.message.sent_at = invitation.send_at + timedelta(seconds=offset)
    return invitations


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
) -> list[DemoGoogleReview]:
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
    answered = [i for i in invitations if i.message.sent_at is not None]
    answered = rng.sample(answered, min(len(answered), max(1, total // 10)))
    for index, invitation in enumerate(sorted(answered, key=lambda i: i.send_at)):
        client = clients[invitation.client_id]
        sent = invitation.message.sent_at or invitation.send_at
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
        translated.comment = texts.GOOGLE_TRANSLATED
        translated.comment_original = texts.GOOGLE_TRANSLATED_ORIGINAL
        translated.language = "fr"
    for review in reviews:
        fast = review.created_at > integration
        chance = 0.75 if fast else 0.55
        if review.comment is None:
            chance = 0.3
        if rng.random() < chance:
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
