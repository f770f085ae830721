"""The demo's Google reviews are what a sync of its Business Profile would have stored, and the
demo store never reaches for the network: it has a location but no sign-in."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from feedback_desk.clock import FixedClock
from feedback_desk.domain.google_reviews import parse_google_time
from feedback_desk.services.demo import DemoSummary
from feedback_desk.services.demo.studio_plan import PLACE_ID, REVIEW_LINK, STUDIO_NAME
from feedback_desk.services.demo.writer import ACCOUNT_NAME, LOCATION_NAME
from feedback_desk.services.google import connection
from feedback_desk.services.google.email_reply import draft_email_reply
from feedback_desk.services.settings import load_settings, set_setting
from feedback_desk.store.database import Store, open_store
from feedback_desk.store.models import Client, GoogleLink, GoogleLocation, GoogleReview
from tests.demo.conftest import Command, run_on
from tests.support.fake_google import FakeGoogle

_STAR_NAMES = {1: "ONE", 2: "TWO", 3: "THREE", 4: "FOUR", 5: "FIVE"}


def as_google_sends_it(row: GoogleReview) -> dict[str, Any]:
    """The review as the Business Profile API returns it (reviews.list)."""
    reviewer: dict[str, Any] = {}
    if row.reviewer_name:
        reviewer["displayName"] = row.reviewer_name
    if row.reviewer_photo_url:
        reviewer["profilePhotoUrl"] = row.reviewer_photo_url
    if row.anonymous:
        reviewer["isAnonymous"] = True
    raw: dict[str, Any] = {
        "name": row.resource_name,
        "reviewId": row.review_id,
        "reviewer": reviewer,
        "starRating": _STAR_NAMES[row.stars] if row.stars else "STAR_RATING_UNSPECIFIED",
        "createTime": row.create_time,
        "updateTime": row.update_time,
    }
    if row.comment_original is not None:
        raw["comment"] = (
            f"(Translated by Google) {row.comment}\n\n(Original)\n{row.comment_original}"
        )
    elif row.comment is not None:
        raw["comment"] = row.comment
    if row.reply_comment is not None:
        reply = {"comment": row.reply_comment, "updateTime": row.reply_update_time}
        if row.reply_state:
            reply["reviewReplyState"] = row.reply_state
        if row.reply_policy_violation:
            reply["policyViolation"] = row.reply_policy_violation
        raw["reviewReply"] = reply
    return raw


@pytest.fixture
def google() -> Any:
    fake = FakeGoogle().start()
    yield fake
    fake.stop()


def _point_at(path: Path, google: FakeGoogle) -> None:
    store = open_store(path)
    try:
        with store.write() as session:
            at = parse_google_time("2026-04-16T13:00:00Z")
            set_setting(session, "google.api_base_url", google.url, at=at, actor="tester")
    finally:
        store.close()


def test_the_translated_review_is_split_as_the_sync_splits_it(
    demo_store: Store, demo_cli: Command
) -> None:
    with demo_store.read() as session:
        translated = session.scalars(
            select(GoogleReview).where(GoogleReview.comment_original.is_not(None))
        ).all()
    assert len(translated) == 1
    review = translated[0]
    assert review.comment is not None
    assert review.comment.startswith("Great studio")
    assert review.comment_original is not None
    assert review.comment_original.startswith("Super studio")
    assert "(Translated by Google)" not in review.comment + review.comment_original
    listed = {r["review"]: r for r in demo_cli("google", "reviews", "--json").json()}
    assert listed[review.review_id]["comment"] == review.comment


def test_google_times_are_googles_and_parse_to_the_stored_instants(demo_store: Store) -> None:
    with demo_store.read() as session:
        rows = session.scalars(select(GoogleReview)).all()
    for row in rows:
        assert row.create_time.endswith("Z")
        assert parse_google_time(row.create_time) == row.created_at
        assert row.update_time is not None
        assert parse_google_time(row.update_time) == row.updated_at


def test_linked_reviewers_with_an_email_can_be_answered_by_email(demo_store: Store) -> None:
    with demo_store.read() as session:
        settings = load_settings(session)
        linked = session.execute(
            select(GoogleReview, Client)
            .join(GoogleLink, GoogleLink.google_review_id == GoogleReview.id)
            .join(Client, Client.id == GoogleLink.client_id)
        ).all()
        with_email = [(g, c) for g, c in linked if c.email]
        critics = [(g, c) for g, c in with_email if g.stars is not None and g.stars <= 3]
        assert len(with_email) >= 4
        assert critics
        review, client = critics[0]
        # Unanswered in public: the manager's reply goes by email.
        assert review.reply_comment is None
        draft = draft_email_reply(session, settings, review.review_id, at=review.created_at)
        assert draft.to == client.email
        assert draft.language == client.language
        # A regular without marketing consent wrote too: a reply is not marketing.
        assert any(not c.email_consent for _g, c in with_email)


def test_the_demo_store_never_reaches_for_google(
    default_demo: tuple[Path, DemoSummary], demo_copy: Path, google: FakeGoogle
) -> None:
    _point_at(demo_copy, google)
    store = open_store(demo_copy)
    try:
        status = connection.status(store)
        with store.read() as session:
            location = connection.selected_location(session)
            assert location is not None
            assert location.last_sync_at is not None
            assert location.title == STUDIO_NAME
    finally:
        store.close()
    assert not status.connected
    assert status.archived_reviews == default_demo[1].google_reviews
    synced = run_on(demo_copy)("google", "sync")
    assert synced.code == 1
    assert "not connected" in synced.err
    assert google.requests == []


def test_a_scheduled_sync_of_the_demo_stays_quiet_and_offline(  # type: ignore[no-untyped-def]
    qtbot, demo_copy: Path, google: FakeGoogle
) -> None:
    from PySide6.QtCore import QObject

    from feedback_desk.workers.google_sync import GoogleSyncWorker
    from feedback_desk.workers.tasks import TaskRunner

    _point_at(demo_copy, google)
    store = open_store(demo_copy)
    owner = QObject()
    runner = TaskRunner(owner)
    try:
        clock = FixedClock(parse_google_time("2026-04-16T14:00:00Z"))
        worker = GoogleSyncWorker(store, clock, runner, parent=owner)
        failures: list[BaseException] = []
        worker.failed.connect(failures.append)
        # What the window asks when it opens a store: connected? last synced when?
        with qtbot.waitSignal(worker.connection_checked) as checked:
            worker.check_connection(30)
        assert checked.args == [False]
        assert worker.last_sync_at is not None
        assert worker.every == 0
        assert not worker.busy
        with qtbot.waitSignal(worker.busy_changed, check_params_cb=lambda busy: not busy):
            worker.start_sync(scheduled=True)
        worker.shutdown()
    finally:
        runner.shutdown()  # as the window's context does before it closes the store
        store.close()
    assert failures == []
    assert google.requests == []


def test_a_first_real_sync_finds_the_archive_up_to_date(
    default_demo: tuple[Path, DemoSummary], demo_copy: Path, google: FakeGoogle, tmp_path: Path
) -> None:
    store = open_store(demo_copy)
    try:
        with store.read() as session:
            rows = session.scalars(select(GoogleReview)).all()
            integrated = session.scalars(select(GoogleLocation.integrated_at)).one()
    finally:
        store.close()
    account = google.add_account(ACCOUNT_NAME.split("/")[1], STUDIO_NAME)
    location = google.add_location(
        account,
        LOCATION_NAME.split("/")[1],
        STUDIO_NAME,
        place_id=PLACE_ID,
        new_review_uri=REVIEW_LINK,
    )
    for row in rows:
        if row.removed_at is None:
            location.reviews[row.review_id] = as_google_sends_it(row)
    _point_at(demo_copy, google)
    run = run_on(demo_copy)
    before = run("google", "reviews", "--json").json()
    credentials = tmp_path / "authorized_user.json"
    credentials.write_text(json.dumps(google.authorized_user()))
    connected = run("google", "connect", "--credentials", str(credentials))
    assert connected.code == 0, connected.err
    synced = run("google", "sync")
    assert synced.code == 0, synced.err
    kept = len(location.reviews)
    assert f"{kept} reviews on Google: 0 new, 0 updated, 0 removed, 0 back" in synced.out
    assert run("google", "reviews", "--json").json() == before
    store = open_store(demo_copy)
    try:
        with store.read() as session:
            assert session.scalars(select(GoogleLocation.integrated_at)).one() == integrated
    finally:
        store.close()
