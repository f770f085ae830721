"""Replying on Google: published and kept locally; too long refused with nothing sent."""

from __future__ import annotations

from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.services.google.sync import sync_reviews
from feedback_desk.store.database import Store
from feedback_desk.store.models import GoogleReview
from tests.support.fake_google import FakeGoogle, FakeLocation


def _synced(store: Store, google: FakeGoogle, location: FakeLocation, clock: ManualClock) -> None:
    google.add_review(location, "AbFv", reviewer="Ihor K", comment="Great trainers!")
    sync_reviews(store, clock=clock, actor="tester")


def _row(store: Store) -> GoogleReview:
    with store.read() as session:
        return session.scalars(select(GoogleReview)).one()


def test_reply_is_published_and_kept_locally(
    connected_store: Store,
    google: FakeGoogle,
    studio_location: FakeLocation,
    clock: ManualClock,
    cli,  # type: ignore[no-untyped-def]
) -> None:
    _synced(connected_store, google, studio_location, clock)
    result = cli("google", "reply", "AbFv", "Merci Ihor ! À bientôt 💪")
    assert result.code == 0, result.err
    assert "reply published on Google (PENDING)" in result.out
    put = google.api_requests("PUT")
    assert len(put) == 1
    assert put[0].path == (
        "/v4/accounts/222222222222222222222/locations/4444444444444444444/reviews/AbFv/reply"
    )
    assert put[0].json() == {"comment": "Merci Ihor ! À bientôt 💪"}
    row = _row(connected_store)
    assert (row.reply_comment, row.reply_state) == ("Merci Ihor ! À bientôt 💪", "PENDING")
    assert row.reply_update_time is not None
    assert studio_location.reviews["AbFv"]["reviewReply"]["comment"] == row.reply_comment

    reviews = cli("google", "reviews", "--json")
    import json

    shown = json.loads(reviews.out)[0]
    assert shown["reply"] == {
        "comment": "Merci Ihor ! À bientôt 💪",
        "updated_at": row.reply_update_time,
        "state": "PENDING",
    }


def test_a_reply_over_4096_utf8_bytes_is_refused_before_sending(
    connected_store: Store,
    google: FakeGoogle,
    studio_location: FakeLocation,
    clock: ManualClock,
    cli,  # type: ignore[no-untyped-def]
) -> None:
    _synced(connected_store, google, studio_location, clock)
    # 2,049 characters but 4,098 bytes: characters are not what Google counts.
    too_long = "é" * 2049
    result = cli("google", "reply", "AbFv", too_long)
    assert result.code == 2
    assert "4098 bytes" in result.err
    assert "at most 4096" in result.err
    assert google.api_requests("PUT") == []
    assert _row(connected_store).reply_comment is None

    exactly = "é" * 2048
    assert cli("google", "reply", "AbFv", exactly).code == 0
    assert len(google.api_requests("PUT")) == 1


def test_reply_to_an_unknown_review_is_bad_input(
    connected_store: Store,
    cli,  # type: ignore[no-untyped-def]
) -> None:
    result = cli("google", "reply", "nope", "Thanks")
    assert result.code == 2
    assert "unknown Google review 'nope'" in result.err


def test_deleting_a_reply(
    connected_store: Store,
    google: FakeGoogle,
    studio_location: FakeLocation,
    clock: ManualClock,
    cli,  # type: ignore[no-untyped-def]
) -> None:
    _synced(connected_store, google, studio_location, clock)
    assert cli("google", "reply", "AbFv", "Thanks!").code == 0
    result = cli("google", "reply", "AbFv", "", "--delete")
    assert result.code == 0, result.err
    assert google.api_requests("DELETE")[0].path.endswith("/reviews/AbFv/reply")
    assert "reviewReply" not in studio_location.reviews["AbFv"]
    assert _row(connected_store).reply_comment is None
