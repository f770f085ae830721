"""Syncing reviews: every page, edits, removals, returns, translations, and every failure
leaving the archive as it was."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from feedback_desk.clock import ManualClock
from feedback_desk.services.google.errors import (
    GoogleApiDisabled,
    GoogleOffline,
    GoogleQuotaExhausted,
    GoogleSignInRefused,
)
from feedback_desk.services.google.sync import sync_reviews
from feedback_desk.services.progress import Cancelled
from feedback_desk.store.database import Store
from feedback_desk.store.models import GoogleLocation, GoogleReview
from tests.google.conftest import RecordingSleeper
from tests.support.fake_google import FakeGoogle, FakeLocation


def _stamp(day: int, minute: int = 0) -> str:
    moment = datetime(2026, 1, 1, 12, 0, tzinfo=UTC) + timedelta(days=day, minutes=minute)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _add_many(google: FakeGoogle, location: FakeLocation, count: int) -> None:
    for index in range(count):
        google.add_review(
            location,
            f"R{index:04d}",
            reviewer=f"Client {index}",
            stars=index % 5 + 1,
            comment=f"comment {index}" if index % 3 else None,
            create_time=_stamp(index % 120, index),
        )


def _rows(store: Store) -> dict[str, GoogleReview]:
    with store.read() as session:
        return {r.review_id: r for r in session.scalars(select(GoogleReview))}


def _sync(store: Store, clock: ManualClock, sleeper: RecordingSleeper, **options):  # type: ignore[no-untyped-def]
    return sync_reviews(
        store, clock=clock, actor="tester", sleeper=sleeper, random_source=lambda: 0.5, **options
    )


def test_every_page_is_fetched_fifty_at_a_time(
    connected_store: Store,
    google: FakeGoogle,
    studio_location: FakeLocation,
    clock: ManualClock,
    sleeper: RecordingSleeper,
) -> None:
    _add_many(google, studio_location, 120)
    result = _sync(connected_store, clock, sleeper)
    assert (result.fetched, result.new, result.updated, result.removed) == (120, 120, 0, 0)
    pages = google.api_requests("GET", "/reviews")
    assert len(pages) == 3
    parent = "/v4/accounts/222222222222222222222/locations/4444444444444444444/reviews"
    assert {p.path for p in pages} == {parent}
    assert all(
        p.query["pageSize"] == "50" and p.query["orderBy"] == "updateTime desc" for p in pages
    )
    assert "pageToken" not in pages[0].query
    assert pages[1].query["pageToken"]
    rows = _rows(connected_store)
    assert len(rows) == 120
    with connected_store.read() as session:
        location = session.scalars(select(GoogleLocation)).one()
        assert location.last_sync_at == clock.now()


def test_review_fields_are_kept_as_google_gave_them(
    connected_store: Store,
    google: FakeGoogle,
    studio_location: FakeLocation,
    clock: ManualClock,
    sleeper: RecordingSleeper,
) -> None:
    google.add_review(
        studio_location,
        "AbFv",
        reviewer="Ihor K",
        stars=5,
        comment="Great trainers, spotless studio!",
        create_time="2026-03-02T10:47:32.807Z",
        reply={
            "comment": "Thanks, Ihor!",
            "updateTime": "2026-03-02T11:03:45.142Z",
            "reviewReplyState": "APPROVED",
        },
    )
    google.add_review(
        studio_location,
        "QrSt",
        reviewer="A Google User",
        anonymous=True,
        stars=2,
        comment="(Translated by Google) Too crowded in the evening.\n\n(Original)\nAbends zu voll.",
        create_time="2026-02-20T09:11:00-05:00",
    )
    google.add_review(
        studio_location,
        "Rate",
        reviewer="Zoë",
        stars=None,
        create_time="2026-04-01T00:00:00.123456789Z",
    )
    _sync(connected_store, clock, sleeper)
    rows = _rows(connected_store)
    first = rows["AbFv"]
    assert (first.reviewer_name, first.anonymous, first.stars) == ("Ihor K", False, 5)
    assert first.create_time == "2026-03-02T10:47:32.807Z"
    assert first.created_at == datetime(2026, 3, 2, 10, 47, 32, 807000, tzinfo=UTC)
    assert (first.reply_comment, first.reply_state) == ("Thanks, Ihor!", "APPROVED")
    assert first.reply_update_time == "2026-03-02T11:03:45.142Z"
    translated = rows["QrSt"]
    assert translated.anonymous
    assert translated.comment == "Too crowded in the evening."
    assert translated.comment_original == "Abends zu voll."
    assert translated.created_at == datetime(2026, 2, 20, 14, 11, tzinfo=UTC)
    unrated = rows["Rate"]
    assert unrated.stars is None
    assert unrated.comment is None
    assert unrated.created_at == datetime(2026, 4, 1, 0, 0, 0, 123456, tzinfo=UTC)


def test_next_sync_updates_edits_marks_removals_adds_new_without_duplicates(
    connected_store: Store,
    google: FakeGoogle,
    studio_location: FakeLocation,
    clock: ManualClock,
    sleeper: RecordingSleeper,
) -> None:
    _add_many(google, studio_location, 60)
    _sync(connected_store, clock, sleeper)
    google.edit_review(
        studio_location,
        "R0001",
        stars=1,
        comment="Changed my mind",
        update_time="2026-05-10T10:00:00Z",
        reply={
            "comment": "Sorry to hear",
            "updateTime": "2026-05-11T10:00:00Z",
            "reviewReplyState": "REJECTED",
            "policyViolation": "OFF_TOPIC",
        },
    )
    google.remove_review(studio_location, "R0002")
    google.add_review(
        studio_location, "NEW1", reviewer="Marie-Ève Tremblay", create_time="2026-05-12T10:00:00Z"
    )
    clock.advance(timedelta(hours=1))
    result = _sync(connected_store, clock, sleeper)
    assert (result.new, result.updated, result.removed, result.restored) == (1, 1, 1, 0)
    rows = _rows(connected_store)
    assert len(rows) == 61
    edited = rows["R0001"]
    assert (edited.stars, edited.comment, edited.update_time) == (
        1,
        "Changed my mind",
        "2026-05-10T10:00:00Z",
    )
    assert (edited.reply_state, edited.reply_policy_violation) == ("REJECTED", "OFF_TOPIC")
    assert rows["R0002"].removed_at == clock.now()
    assert rows["R0002"].comment == "comment 2"  # kept, never deleted

    # It comes back: restored, not duplicated.
    google.add_review(
        studio_location,
        "R0002",
        reviewer="Client 2",
        stars=3,
        comment="comment 2",
        create_time=_stamp(2, 2),
    )
    clock.advance(timedelta(hours=1))
    result = _sync(connected_store, clock, sleeper)
    assert (result.new, result.removed, result.restored) == (0, 0, 1)
    with connected_store.read() as session:
        assert session.scalar(select(func.count()).select_from(GoogleReview)) == 61
    assert _rows(connected_store)["R0002"].removed_at is None


def test_token_expiring_mid_sync_is_refreshed(
    connected_store: Store,
    google: FakeGoogle,
    studio_location: FakeLocation,
    clock: ManualClock,
    sleeper: RecordingSleeper,
) -> None:
    _add_many(google, studio_location, 120)
    google.expire_tokens_after_api_calls = 2  # the third page meets an expired token
    before = len(google.token_requests())
    result = _sync(connected_store, clock, sleeper)
    assert result.fetched == 120
    refreshes = google.token_requests()[before:]
    assert len(refreshes) == 2  # the sync's first token, then the refresh after the 401
    assert all(r.form()["grant_type"] == "refresh_token" for r in refreshes)
    page_requests = google.api_requests("GET", "/reviews")
    assert len(page_requests) == 4  # page 3 sent twice: 401, then again with the new token
    assert page_requests[2].query == page_requests[3].query
    assert page_requests[2].headers["authorization"] != page_requests[3].headers["authorization"]


def test_429_waits_as_long_as_retry_after_says(
    connected_store: Store,
    google: FakeGoogle,
    studio_location: FakeLocation,
    clock: ManualClock,
    sleeper: RecordingSleeper,
) -> None:
    _add_many(google, studio_location, 70)
    google.fail(429, "/reviews", retry_after="7")
    result = _sync(connected_store, clock, sleeper)
    assert result.fetched == 70
    assert sleeper.delays == [7.0]


def test_429_without_retry_after_backs_off_with_jitter_then_gives_up(
    connected_store: Store,
    google: FakeGoogle,
    studio_location: FakeLocation,
    clock: ManualClock,
    sleeper: RecordingSleeper,
) -> None:
    _add_many(google, studio_location, 10)
    google.fail(429, "/reviews", times=10)
    with pytest.raises(GoogleQuotaExhausted, match="quota is used up"):
        _sync(connected_store, clock, sleeper)
    # Five attempts, four waits: 1, 2, 4, 8 s steps with "equal jitter" at random()=0.5.
    assert sleeper.delays == [0.75, 1.5, 3.0, 6.0]
    assert len(google.api_requests("GET", "/reviews")) == 5
    assert _rows(connected_store) == {}


def test_a_5xx_then_success(
    connected_store: Store,
    google: FakeGoogle,
    studio_location: FakeLocation,
    clock: ManualClock,
    sleeper: RecordingSleeper,
) -> None:
    _add_many(google, studio_location, 80)
    google.fail(503, "/reviews")
    assert _sync(connected_store, clock, sleeper).fetched == 80
    assert len(sleeper.delays) == 1


def test_invalid_grant_during_sync_tells_to_reconnect_and_changes_nothing(
    connected_store: Store,
    google: FakeGoogle,
    studio_location: FakeLocation,
    clock: ManualClock,
    sleeper: RecordingSleeper,
    cli,  # type: ignore[no-untyped-def]
) -> None:
    _add_many(google, studio_location, 5)
    _sync(connected_store, clock, sleeper)
    google.revoke_refresh_tokens()
    google.remove_review(studio_location, "R0001")
    with pytest.raises(GoogleSignInRefused):
        _sync(connected_store, clock, sleeper)
    result = cli("google", "sync")
    assert result.code == 1
    assert result.err.startswith(
        "error: Google refused the saved sign-in; reconnect in "
        "Settings → Google (or `feedback-desk google connect`)"
    )
    assert all(r.removed_at is None for r in _rows(connected_store).values())


def test_offline_leaves_the_archive_as_it_was(
    connected_store: Store,
    google: FakeGoogle,
    studio_location: FakeLocation,
    clock: ManualClock,
    sleeper: RecordingSleeper,
    cli,  # type: ignore[no-untyped-def]
) -> None:
    _add_many(google, studio_location, 30)
    _sync(connected_store, clock, sleeper)
    before = {k: (v.stars, v.removed_at, v.last_seen_at) for k, v in _rows(connected_store).items()}
    google.remove_review(studio_location, "R0003")
    google.offline = True
    clock.advance(timedelta(hours=2))
    with pytest.raises(GoogleOffline, match="the archive is unchanged"):
        _sync(connected_store, clock, sleeper)
    result = cli("google", "sync")
    assert (result.code, result.err.splitlines()[0][:60]) == (
        1,
        "error: Google could not be reached; the archive is unchanged",
    )
    after = {k: (v.stars, v.removed_at, v.last_seen_at) for k, v in _rows(connected_store).items()}
    assert after == before


def test_connection_refused_is_offline(
    connected_store: Store,
    google: FakeGoogle,
    clock: ManualClock,
    sleeper: RecordingSleeper,
) -> None:
    google.stop()  # nothing listens on the port any more
    with pytest.raises(GoogleOffline):
        _sync(connected_store, clock, sleeper)


def test_a_sync_failing_on_a_later_page_marks_nothing_removed(
    connected_store: Store,
    google: FakeGoogle,
    studio_location: FakeLocation,
    clock: ManualClock,
    sleeper: RecordingSleeper,
) -> None:
    _add_many(google, studio_location, 120)
    _sync(connected_store, clock, sleeper)
    google.edit_review(studio_location, "R0000", stars=2, update_time="2026-05-13T00:00:00Z")
    google.fail(403, "/reviews", after=1)  # the first page goes through, the second fails
    with pytest.raises(GoogleApiDisabled, match="Google My Business API"):
        _sync(connected_store, clock, sleeper)
    rows = _rows(connected_store)
    assert all(r.removed_at is None for r in rows.values())
    assert rows["R0000"].stars == 1  # the edit on the first page was not half-applied


def test_cancel_between_pages_writes_nothing(
    connected_store: Store,
    google: FakeGoogle,
    studio_location: FakeLocation,
    clock: ManualClock,
    sleeper: RecordingSleeper,
) -> None:
    _add_many(google, studio_location, 120)

    class CancelAfterFirstPage:
        reports: list[tuple[int, int | None, str]] = []

        def report(self, done: int, total: int | None, message: str) -> None:
            self.reports.append((done, total, message))

        @property
        def cancelled(self) -> bool:
            return any(done >= 50 for done, _t, _m in self.reports)

    progress = CancelAfterFirstPage()
    with pytest.raises(Cancelled):
        _sync(connected_store, clock, sleeper, progress=progress)
    assert progress.reports[1] == (50, 120, "Fetching Google reviews")
    assert _rows(connected_store) == {}


def test_quota_zero_is_explained_and_not_retried(
    connected_store: Store,
    google: FakeGoogle,
    clock: ManualClock,
    sleeper: RecordingSleeper,
) -> None:
    google.fail(
        429,
        "/reviews",
        body={
            "error": {
                "code": 429,
                "status": "RESOURCE_EXHAUSTED",
                "message": "Quota exceeded for quota metric 'Requests' and limit "
                "'Requests per minute' "
                "of service 'mybusiness.googleapis.com' for consumer 'project_number:1'.",
                "details": [
                    {
                        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                        "reason": "RATE_LIMIT_EXCEEDED",
                        "metadata": {"quota_limit_value": "0"},
                    }
                ],
            }
        },
    )
    with pytest.raises(GoogleQuotaExhausted, match="Application for Basic API Access"):
        _sync(connected_store, clock, sleeper)
    assert sleeper.delays == []


def test_sync_lists_new_reviews_with_a_strong_suggestion(
    connected_store: Store,
    google: FakeGoogle,
    studio_location: FakeLocation,
    cli,  # type: ignore[no-untyped-def]
) -> None:
    from tests.google.builders import add_attendance, add_client, add_sent_invitation

    written = datetime(2026, 5, 1, 15, 0, tzinfo=UTC)
    with connected_store.write() as session:
        ihor = add_client(session, "C17", "Ihor", "Kovalenko", "ihor@example.com")
        add_sent_invitation(session, ihor, written - timedelta(days=5))
        add_attendance(session, ihor, written - timedelta(days=2))
        add_client(session, "C18", "Anna", "Lee")
    google.add_review(
        studio_location, "AbFv", reviewer="Ihor K", create_time="2026-05-01T15:00:00Z"
    )
    google.add_review(
        studio_location, "Other", reviewer="Zed Q", create_time="2026-05-02T15:00:00Z"
    )
    result = cli("google", "sync")
    assert result.code == 0, result.err
    assert "Pulse Fitness Studio: 2 reviews on Google: 2 new, 0 updated, 0 removed" in result.out
    assert "AbFv by Ihor K → C17 Ihor Kovalenko (score 0.97)" in result.out
    assert "Other" not in result.out
