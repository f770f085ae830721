"""What a studio manager reads anywhere in the demo agrees with the rest: ids and days, edits and
their audit, aspects and their votes, Google and the settings, and nothing after the last day."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import Date, func, select

from feedback_desk.domain.kinds import AspectOrigin, AspectStatus, Channel
from feedback_desk.domain.localtime import day_start, local_day
from feedback_desk.domain.segments import offered_polarities
from feedback_desk.services.aspects import list_with_votes
from feedback_desk.services.review_recording import app_review_id
from feedback_desk.services.settings import load_settings
from feedback_desk.store.base import Base, UTCDateTime
from feedback_desk.store.database import Store
from feedback_desk.store.models import (
    Aspect,
    AuditEntry,
    Client,
    GoogleLink,
    GoogleLocation,
    GoogleReview,
    Invitation,
    OutboxMessage,
    Prompt,
    Review,
    ReviewAspect,
    ReviewEdit,
)
from tests.demo.conftest import TZ, UNTIL


def test_reviews_prompts_and_ids_are_consistent(demo_store: Store) -> None:
    with demo_store.read() as session:
        reviews = session.execute(
            select(
                Review.id,
                Review.external_id,
                Review.channel,
                Review.created_at,
                Review.local_day,
                Review.prompt_id,
            )
        ).all()
        prompts = session.execute(select(Prompt.shown_at, Prompt.local_day)).all()
        answered_prompts = set(
            session.scalars(select(Prompt.id).where(Prompt.outcome == "answered"))
        )
    channels = {r.channel for r in reviews}
    assert channels >= {Channel.KIOSK, Channel.STAFF, Channel.IMPORT}
    for ident, external, channel, created, day, prompt_id in reviews:
        assert day == local_day(created, TZ)
        if channel is Channel.IMPORT:
            assert not external.startswith("FD-")
            assert prompt_id is None
        else:
            assert external == app_review_id(ident)
        if channel is Channel.KIOSK:
            assert prompt_id in answered_prompts
    assert all(day == local_day(shown, TZ) for shown, day in prompts)


def test_manual_edits_are_audited_and_keep_what_the_client_ticked(demo_store: Store) -> None:
    with demo_store.read() as session:
        edits = session.execute(
            select(ReviewEdit, Review.external_id, Review.stars).join(Review)
        ).all()
        audited = {
            (e.entity_id, e.at): e.details
            for e in session.scalars(
                select(AuditEntry).where(AuditEntry.action == "review.stars_edited")
            )
        }
        flagged = set(session.scalars(select(Review.id).where(Review.edited_manually.is_(True))))
    assert edits
    assert {edit.review_id for edit, _ext, _stars in edits} == flagged
    for edit, external, stars in edits:
        assert stars == edit.new_stars
        details = audited[(external, edit.edited_at)]
        assert f'"new": {edit.new_stars}' in details
        assert f'"old": {edit.old_stars}' in details
    assert len(audited) == len(edits)


def test_aspects_fit_the_stars_and_client_added_ones_wait_for_approval(demo_store: Store) -> None:
    with demo_store.read() as session:
        ticked = session.execute(
            select(Aspect.kind, Aspect.polarity, Review.kind, Review.id, Review.stars)
            .join(ReviewAspect, ReviewAspect.aspect_id == Aspect.id)
            .join(Review, Review.id == ReviewAspect.review_id)
        ).all()
        first_stars = dict(
            session.execute(
                select(ReviewEdit.review_id, ReviewEdit.old_stars).order_by(
                    ReviewEdit.edited_at.desc()
                )
            ).all()
        )
        rows = list_with_votes(session)
        pending = session.scalars(select(Aspect).where(Aspect.status == AspectStatus.PENDING)).all()
        pending_voters = session.execute(
            select(ReviewAspect.aspect_id, Review.channel, Review.created_at)
            .join(Review)
            .where(ReviewAspect.aspect_id.in_([a.id for a in pending]))
        ).all()
    for aspect_kind, polarity, review_kind, review_id, stars in ticked:
        assert aspect_kind is review_kind
        # Offered by the stars the client gave (before any manual edit).
        assert polarity in offered_polarities(first_stars.get(review_id, stars))
    votes = {row.id: row.votes for row in rows}
    assert sum(votes.values()) == len(ticked)
    assert len(pending) == 2
    assert all(a.origin is AspectOrigin.CLIENT for a in pending)
    for aspect in pending:
        voters = [
            (channel, at) for aspect_id, channel, at in pending_voters if aspect_id == aspect.id
        ]
        assert votes[aspect.id] == len(voters) >= 1
        assert {channel for channel, _at in voters} == {Channel.KIOSK}
        assert aspect.created_at == min(at for _channel, at in voters)
    assert max(votes.values()) > 100


def test_names_and_comments_in_both_languages(demo_store: Store) -> None:
    with demo_store.read() as session:
        comments = session.scalars(select(Review.comment).where(Review.comment.is_not(None))).all()
        names = session.scalars(select(Client.last_name)).all()
    assert any("cours" in c for c in comments)
    assert any("class" in c for c in comments)
    assert any(re.search("[éèêàç]", n) for n in names)
    assert any("'" in n for n in names)


def test_google_reviews_before_and_after_the_integration(demo_store: Store) -> None:
    with demo_store.read() as session:
        location = session.scalars(select(GoogleLocation)).one()
        reviews = session.scalars(select(GoogleReview)).all()
        links = session.scalars(select(GoogleLink)).all()
        settings = load_settings(session)
        sent = session.scalar(
            select(func.count())
            .select_from(Invitation)
            .join(OutboxMessage, Invitation.outbox_message_id == OutboxMessage.id)
            .where(OutboxMessage.state == "sent")
        )
        audited_links = session.scalar(
            select(func.count()).where(AuditEntry.action == "google.linked")
        )
    assert 70 <= len(reviews) <= 90
    before = [r for r in reviews if r.created_at < location.integrated_at]
    after = [r for r in reviews if r.created_at >= location.integrated_at]
    months_after = (UNTIL - local_day(location.integrated_at, TZ)).days / 30.4
    assert 4 <= months_after <= 6
    # Faster after the integration than before: the point of the growth chart.
    assert len(after) / months_after > 2 * len(before) / 24
    assert any(r.anonymous for r in reviews)
    assert any(r.comment is None for r in reviews)
    assert any(r.removed_at is not None for r in reviews)
    assert {r.reply_state for r in reviews if r.reply_comment} >= {"APPROVED", "PENDING"}
    assert 4 <= len(links) <= 12
    assert audited_links == len(links)
    assert all(link.linked_at >= location.integrated_at for link in links)
    assert sent
    assert sent > 20
    assert settings.studio_name == "Studio Élan"
    assert settings.text("google.review_link") == location.new_review_uri
    assert settings.emails("studio.manager_emails")


def test_nothing_is_dated_after_the_last_morning(demo_store: Store) -> None:
    # The manager opens the demo at 09:00 on the last day: nothing happened after that.
    end = day_start(UNTIL, TZ) + timedelta(hours=9, seconds=1)
    with demo_store.read() as session:
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                if isinstance(column.type, UTCDateTime):
                    latest = session.scalar(select(func.max(column)))
                    assert latest is None or latest < end, f"{table.name}.{column.name}"
                if isinstance(column.type, Date):
                    latest = session.scalar(select(func.max(column)))
                    assert latest is None or latest <= UNTIL, f"{table.name}.{column.name}"
        assert session.scalar(select(func.max(Review.local_day))) == UNTIL
