"""One sync of the connected location's reviews into the local archive.

Every page is fetched first; only a complete pass is written, in one transaction: new reviews
are added, edited ones updated, reviews Google no longer returns are kept and marked removed,
and any that come back are restored. A sync that fails or is cancelled part-way writes nothing,
so the archive is never half-synced and nothing is marked removed on a partial list.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk.clock import Clock
from feedback_desk.domain.google_reviews import ReviewData
from feedback_desk.services import audit
from feedback_desk.services.google.api import GoogleApi, RandomSource, Sleeper
from feedback_desk.services.google.connection import open_api
from feedback_desk.services.google.errors import GoogleError
from feedback_desk.services.google.linking import ClientSuggestion, strong_suggestions
from feedback_desk.services.progress import NullProgress, Progress, check_cancelled
from feedback_desk.services.settings import load_settings
from feedback_desk.store.database import Store
from feedback_desk.store.models import GoogleLocation, GoogleReview
from feedback_desk.wording import Wording


@dataclass(frozen=True)
class NewReviewSuggestion:
    review_id: str
    reviewer: str | None
    stars: int | None
    suggestion: ClientSuggestion


@dataclass(frozen=True)
class SyncResult:
    location_title: str
    fetched: int
    new: int
    updated: int
    removed: int
    restored: int
    synced_at: datetime
    suggestions: list[NewReviewSuggestion] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.fetched} reviews on Google: {self.new} new, {self.updated} updated, "
            f"{self.removed} removed, {self.restored} back"
        )


def cancellable_sleeper(progress: Progress, step: float = 0.2) -> Sleeper:
    """Waits in short steps so that a cancel during a backoff wait stops the sync at once."""

    def sleep(seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            check_cancelled(progress)
            time.sleep(min(step, left))
        check_cancelled(progress)

    return sleep


def fetch_all(api: GoogleApi, reviews_parent: str, progress: Progress) -> dict[str, ReviewData]:
    fetched: dict[str, ReviewData] = {}
    total: int | None = None
    progress.report(0, None, "Fetching Google reviews")
    for page in api.review_pages(reviews_parent):
        check_cancelled(progress)
        for raw in page.get("reviews", []):
            try:
                review = ReviewData.from_api(raw)
            except ValueError as exc:
                raise GoogleError(
                    Wording(
                        "Google sent a review Feedback Desk cannot read: {error}",
                        error=exc,
                    )
                ) from exc
            fetched[review.review_id] = review
        reported_total = page.get("totalReviewCount")
        if isinstance(reported_total, int):
            total = max(reported_total, len(fetched))
        progress.report(len(fetched), total, "Fetching Google reviews")
    return fetched


def _apply(row: GoogleReview, data: ReviewData) -> bool:
    """Copy Google's current state onto the local row; True when anything changed."""
    reply = data.reply
    values = {
        "resource_name": data.resource_name or row.resource_name,
        "reviewer_name": data.reviewer_name,
        "reviewer_photo_url": data.reviewer_photo_url,
        "anonymous": data.anonymous,
        "stars": data.stars,
        "comment": data.comment,
        "comment_original": data.comment_original,
        "create_time": data.create_time,
        "update_time": data.update_time,
        "created_at": data.created_at,
        "updated_at": data.updated_at,
        "reply_comment": reply.comment if reply else None,
        "reply_update_time": reply.update_time if reply else None,
        "reply_state": reply.state if reply else None,
        "reply_policy_violation": reply.policy_violation if reply else None,
    }
    changed = False
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


def store_pass(
    session: Session, location: GoogleLocation, fetched: dict[str, ReviewData], now: datetime
) -> tuple[int, int, int, int, list[int]]:
    """Write one complete pass; returns (new, updated, removed, restored, new row ids)."""
    # Every row, whichever location: a review id is unique across the archive.
    rows = {row.review_id: row for row in session.scalars(select(GoogleReview))}
    new_rows: list[GoogleReview] = []
    updated = restored = removed = 0
    for review_id, data in fetched.items():
        row = rows.get(review_id)
        if row is None:
            row = GoogleReview(
                location_id=location.id,
                review_id=review_id,
                first_seen_at=now,
                last_seen_at=now,
            )
            _apply(row, data)
            session.add(row)
            new_rows.append(row)
            continue
        row.location_id = location.id
        if _apply(row, data):
            updated += 1
        if row.removed_at is not None:
            row.removed_at = None
            restored += 1
        row.last_seen_at = now
    for review_id, row in rows.items():
        if review_id not in fetched and row.location_id == location.id and row.removed_at is None:
            row.removed_at = now
            removed += 1
    location.last_sync_at = now
    session.flush()
    return len(new_rows), updated, removed, restored, [row.id for row in new_rows]


def sync_reviews(
    store: Store,
    *,
    clock: Clock,
    actor: str,
    progress: Progress | None = None,
    sleeper: Sleeper | None = None,
    random_source: RandomSource | None = None,
) -> SyncResult:
    progress = progress or NullProgress()
    api, location_id = open_api(
        store,
        sleeper=sleeper or cancellable_sleeper(progress),
        random_source=random_source,
    )
    with store.read() as session:
        location = session.get(GoogleLocation, location_id)
        assert location is not None
        parent = location.reviews_parent
    with api:
        fetched = fetch_all(api, parent, progress)
    check_cancelled(progress)
    progress.report(len(fetched), len(fetched), "Saving Google reviews")
    now = clock.now()
    with store.write() as session:
        location = session.get(GoogleLocation, location_id)
        assert location is not None
        new, updated, removed, restored, new_ids = store_pass(session, location, fetched, now)
        audit.record(
            session,
            at=now,
            actor=actor,
            action="google.synced",
            entity_type="google_location",
            entity_id=location.location_name,
            fetched=len(fetched),
            new=new,
            updated=updated,
            removed=removed,
            restored=restored,
        )
        title = location.title
    with store.read() as session:
        tz = load_settings(session).timezone
        suggestions = [
            NewReviewSuggestion(review.review_id, review.reviewer_name, review.stars, best)
            for review, best in strong_suggestions(session, tz, new_ids)
        ]
    return SyncResult(
        location_title=title,
        fetched=len(fetched),
        new=new,
        updated=updated,
        removed=removed,
        restored=restored,
        synced_at=now,
        suggestions=suggestions,
    )
