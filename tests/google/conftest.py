"""Fixtures of the Google tests: the fake Google on loopback, a studio connected to it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from feedback_desk.clock import ManualClock
from feedback_desk.services.google import auth, connection
from feedback_desk.services.settings import set_setting
from feedback_desk.store.database import Store
from feedback_desk.store.models import GoogleLocation
from tests.email.factory import configure, smtp_settings
from tests.support.fake_google import FakeGoogle, FakeLocation
from tests.support.smtp_server import SmtpServer

PLACE_ID = "ChIJN1t_tDeuEmsRUsoyG83frY4"
REVIEW_LINK = f"https://search.google.com/local/writereview?placeid={PLACE_ID}"


class RecordingSleeper:
    """Stands in for time.sleep: remembers each requested delay, never waits."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


@pytest.fixture
def google() -> Iterator[FakeGoogle]:
    fake = FakeGoogle().start()
    yield fake
    fake.stop()


@pytest.fixture
def studio_location(google: FakeGoogle) -> FakeLocation:
    google.add_account("111111111111111111111", "Jane Owner", kind="PERSONAL")
    account = google.add_account("222222222222222222222", "Pulse Fitness Studio")
    return google.add_location(
        account,
        "4444444444444444444",
        "Pulse Fitness Studio",
        store_code="PULSE-01",
        place_id=PLACE_ID,
        new_review_uri=REVIEW_LINK,
    )


@pytest.fixture
def pointed_store(store: Store, google: FakeGoogle, clock: ManualClock) -> Store:
    """The test store with google.api_base_url set to the fake."""
    with store.write() as session:
        set_setting(session, "google.api_base_url", google.url, at=clock.now(), actor="tester")
    return store


@pytest.fixture
def authorized_user_file(tmp_path: Path, google: FakeGoogle) -> Path:
    path = tmp_path / "authorized_user.json"
    path.write_text(json.dumps(google.authorized_user()))
    return path


@pytest.fixture
def sleeper() -> RecordingSleeper:
    return RecordingSleeper()


@pytest.fixture
def connected_store(
    pointed_store: Store,
    studio_location: FakeLocation,
    authorized_user_file: Path,
    clock: ManualClock,
) -> Store:
    sign_in = auth.read_authorized_user_file(authorized_user_file)
    location = connection.connect(
        pointed_store, sign_in, wanted_location=None, clock=clock, actor="tester"
    )
    assert isinstance(location, GoogleLocation)
    return pointed_store


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer().start()
    yield server
    server.stop()


@pytest.fixture
def mail_store(store: Store, smtp_server: SmtpServer) -> Store:
    """The test store, sending through the loopback SMTP server (studio "Studio Zen")."""
    configure(store, **smtp_settings(smtp_server))
    return store
