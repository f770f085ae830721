"""Google's texts are stored as Google sends them, on SQLite and PostgreSQL alike: a NUL
character (which PostgreSQL cannot hold) is dropped, and nothing has an arbitrary length limit."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.services.google import auth, connection
from feedback_desk.services.google.sync import sync_reviews
from feedback_desk.services.settings import set_setting
from feedback_desk.store.database import Store
from feedback_desk.store.models import GoogleReview
from tests.google.conftest import RecordingSleeper
from tests.support.fake_google import FakeGoogle, FakeLocation


def test_a_nul_character_or_a_very_long_name_does_not_stop_the_sync(
    any_store: Store,
    google: FakeGoogle,
    studio_location: FakeLocation,
    authorized_user_file: Path,
    clock: ManualClock,
    sleeper: RecordingSleeper,
) -> None:
    with any_store.write() as session:
        set_setting(session, "google.api_base_url", google.url, at=clock.now(), actor="tester")
    sign_in = auth.read_authorized_user_file(authorized_user_file)
    connection.connect(any_store, sign_in, wanted_location=None, clock=clock, actor="tester")
    long_name = "Marie-Ève " + "de la Montagne-" * 30 + "Tremblay"
    assert len(long_name) > 200
    google.add_review(studio_location, "NUL1", reviewer="Jo\x00hn", comment="Super\x00 cours !")
    google.add_review(studio_location, "LONG1", reviewer=long_name, comment="Très bien")
    google.add_review(studio_location, "PLAIN1", reviewer="Ihor K", comment="Great")

    result = sync_reviews(
        any_store, clock=clock, actor="tester", sleeper=sleeper, random_source=lambda: 0.5
    )

    assert result.new == 3
    with any_store.read() as session:
        rows = {r.review_id: r for r in session.scalars(select(GoogleReview))}
    assert (rows["NUL1"].reviewer_name, rows["NUL1"].comment) == ("John", "Super cours !")
    assert rows["LONG1"].reviewer_name == long_name
    # A second sync finds nothing changed: what is stored is what Google sends, NULs aside.
    again = sync_reviews(
        any_store, clock=clock, actor="tester", sleeper=sleeper, random_source=lambda: 0.5
    )
    assert (again.new, again.updated) == (0, 0)
