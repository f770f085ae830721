"""Connecting: an authorized-user file (token_uri honoured), the browser flow, the location
choice, the review link, the keyring, and disconnecting."""

from __future__ import annotations

import json
import threading
import webbrowser
from pathlib import Path

import pytest
import requests
from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.errors import UserInputError
from feedback_desk.services.google import auth, connection
from feedback_desk.services.google.errors import GoogleSignInRefused
from feedback_desk.services.secrets import store_identity
from feedback_desk.services.settings import load_settings
from feedback_desk.store.database import Store
from feedback_desk.store.models import GoogleLocation
from tests.google.conftest import REVIEW_LINK
from tests.support.fake_google import SCOPE, FakeGoogle, FakeLocation


def _only_location(store: Store) -> GoogleLocation:
    with store.read() as session:
        return session.scalars(select(GoogleLocation)).one()


def test_authorized_user_file_connects_through_its_own_token_uri(
    connected_store: Store, google: FakeGoogle, clock: ManualClock
) -> None:
    # The only token endpoint that knows this refresh token is the fake's: had the file's
    # token_uri been replaced by Google's (as from_authorized_user_info does), no token request
    # would have reached the fake and listing the accounts would have failed.
    refreshes = google.token_requests()
    assert refreshes, "the file's token_uri was not used"
    form = refreshes[0].form()
    assert form["grant_type"] == "refresh_token"
    assert form["client_id"] == "cid.apps.googleusercontent.com"
    assert "authorization" not in refreshes[0].headers
    accounts = google.api_requests("GET", "/v1/accounts")[0]
    assert accounts.path == "/v1/accounts"
    assert accounts.query["pageSize"] == "20"
    locations = google.api_requests("GET", "/locations")
    assert {r.query["readMask"] for r in locations} == {"name,title,storeCode,metadata"}
    location = _only_location(connected_store)
    assert location.location_name == "locations/4444444444444444444"
    assert location.account_name == "accounts/222222222222222222222"
    assert location.reviews_parent == (
        "accounts/222222222222222222222/locations/4444444444444444444"
    )
    assert location.integrated_at == clock.now()
    with connected_store.read() as session:
        assert load_settings(session).text("google.review_link") == REVIEW_LINK
    assert connection.status(connected_store).connected


def test_token_uri_of_the_file_is_what_credentials_use(authorized_user_file: Path) -> None:
    sign_in = auth.read_authorized_user_file(authorized_user_file)
    data = json.loads(authorized_user_file.read_text())
    assert sign_in.credentials().token_uri == data["token_uri"]
    assert sign_in.credentials().token_uri != auth.GOOGLE_TOKEN_URI


def test_secrets_are_in_the_keyring_never_in_the_store_file(
    connected_store: Store, authorized_user_file: Path, store_path: Path, keyring_file: Path
) -> None:
    data = json.loads(authorized_user_file.read_text())
    connected_store.close()
    stored = b"".join(
        p.read_bytes() for p in store_path.parent.iterdir() if p.name.startswith(store_path.name)
    )
    for secret in (data["refresh_token"], data["client_secret"]):
        assert secret.encode() not in stored
        assert secret in keyring_file.read_text()


def test_reconnecting_keeps_the_first_integration_date(
    connected_store: Store, authorized_user_file: Path, clock: ManualClock
) -> None:
    first = _only_location(connected_store).integrated_at
    clock.advance(__import__("datetime").timedelta(days=40))
    sign_in = auth.read_authorized_user_file(authorized_user_file)
    connection.connect(connected_store, sign_in, wanted_location=None, clock=clock, actor="t")
    assert _only_location(connected_store).integrated_at == first


def test_several_locations_need_a_choice_and_nothing_is_kept_meanwhile(
    pointed_store: Store,
    google: FakeGoogle,
    studio_location: FakeLocation,
    authorized_user_file: Path,
    cli,  # type: ignore[no-untyped-def]
) -> None:
    other = google.add_account("333333333333333333333", "Pulse Downtown")
    google.add_location(other, "5555", "Pulse Downtown", place_id="ChIJdowntown")
    result = cli("google", "connect", "--credentials", str(authorized_user_file))
    assert result.code == 2
    assert "choose one with --location" in result.err
    assert "locations/4444444444444444444: Pulse Fitness Studio [PULSE-01]" in result.err
    assert "locations/5555: Pulse Downtown" in result.err
    assert not connection.status(pointed_store).connected

    result = cli(
        "google",
        "connect",
        "--credentials",
        str(authorized_user_file),
        "--location",
        "pulse DOWNTOWN",
    )
    assert result.code == 0, result.err
    assert "connected to Pulse Downtown" in result.out
    location = _only_location(pointed_store)
    assert location.location_name == "locations/5555"
    # No newReviewUri: the writereview link is built from the place id.
    assert (
        "google.review_link = https://search.google.com/local/writereview?placeid=ChIJdowntown"
        in result.out
    )


def test_unknown_location_lists_them(
    pointed_store: Store,
    studio_location: FakeLocation,
    authorized_user_file: Path,
    cli,  # type: ignore[no-untyped-def]
) -> None:
    result = cli(
        "google", "connect", "--credentials", str(authorized_user_file), "--location", "Gym"
    )
    assert result.code == 2
    assert "no location called 'Gym'" in result.err
    assert "Pulse Fitness Studio" in result.err


def test_accounts_and_locations_of_every_page_are_listed(
    pointed_store: Store, google: FakeGoogle, authorized_user_file: Path
) -> None:
    for index in range(25):
        google.add_account(f"9{index:03d}", f"Account {index}")
    last = google.accounts[-1]["name"]
    for index in range(130):
        google.add_location(last, f"77{index:04d}", f"Studio {index}")
    sign_in = auth.read_authorized_user_file(authorized_user_file)
    with connection.make_api(sign_in, connection.ApiBases.from_setting(google.url)) as api:
        choices = connection.list_locations(api)
    assert len(choices) == 130
    account_pages = [r for r in google.api_requests("GET") if r.path == "/v1/accounts"]
    assert len(account_pages) == 2
    assert account_pages[1].query["pageToken"]
    assert len(google.api_requests("GET", f"/v1/{last}/locations")) == 2


def test_invalid_grant_says_to_reconnect(
    pointed_store: Store,
    studio_location: FakeLocation,
    google: FakeGoogle,
    authorized_user_file: Path,
    cli,  # type: ignore[no-untyped-def]
) -> None:
    google.revoke_refresh_tokens()
    result = cli("google", "connect", "--credentials", str(authorized_user_file))
    assert result.code == 1
    assert result.err.startswith(
        "error: Google refused the saved sign-in; reconnect in Settings → Google "
        "(or `feedback-desk google connect`)"
    )
    assert "Traceback" not in result.err


def test_a_bad_credentials_file_is_bad_input(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "creds.json"
    path.write_text(json.dumps({"client_id": "x", "refresh_token": "y"}))
    result = cli("google", "connect", "--credentials", str(path))
    assert result.code == 2
    assert result.err.strip() == f"{path}: missing client_secret"


def test_disconnect_forgets_the_sign_in_and_keeps_the_archive(
    connected_store: Store,
    cli,
    keyring_file: Path,  # type: ignore[no-untyped-def]
) -> None:
    result = cli("google", "disconnect")
    assert result.code == 0
    assert "the archive stays: 0 Google reviews" in result.out
    assert "refresh_token" not in keyring_file.read_text()
    status = connection.status(connected_store)
    assert not status.connected
    assert status.location_title == "Pulse Fitness Studio"
    result = cli("google", "sync")
    assert result.code == 1
    assert "not connected" in result.err


class _FakeBrowser(webbrowser.BaseBrowser):
    """The user's browser: opens Google's consent page, which redirects to the local server."""

    def __init__(self) -> None:
        super().__init__("fake")
        self.opened: list[str] = []
        self.landed: list[requests.Response] = []

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.opened.append(url)

        def visit() -> None:
            self.landed.append(requests.get(url, timeout=10))

        threading.Thread(target=visit, daemon=True).start()
        return True


def test_browser_sign_in_against_the_fake(
    pointed_store: Store,
    google: FakeGoogle,
    studio_location: FakeLocation,
    tmp_path: Path,
    clock: ManualClock,
    monkeypatch: pytest.MonkeyPatch,
    keyring_file: Path,
) -> None:
    # oauthlib insists on https for the token exchange; the fake is plain http on loopback.
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")
    client_file = tmp_path / "client_secret.json"
    client_file.write_text(json.dumps(google.client_secrets()))
    browser = _FakeBrowser()
    webbrowser.register("feedback-desk-fake", None, browser)

    sign_in = auth.sign_in_with_browser(
        client_file, browser="feedback-desk-fake", timeout_seconds=20, prompt_message=None
    )

    auth_url = browser.opened[0]
    query = dict(part.split("=", 1) for part in auth_url.split("?", 1)[1].split("&"))
    assert query["access_type"] == "offline"
    assert query["prompt"] == "consent"
    assert query["code_challenge_method"] == "S256"
    assert requests.utils.unquote(query["scope"]) == SCOPE
    exchange = google.token_requests()[0]
    assert exchange.form()["grant_type"] == "authorization_code"
    assert exchange.headers["authorization"].startswith("Basic ")
    assert "client_secret" not in exchange.form()
    assert browser.landed[0].status_code == 200

    location = connection.connect(
        pointed_store, sign_in, wanted_location=None, clock=clock, actor="tester"
    )
    assert location.title == "Pulse Fitness Studio"
    assert sign_in.refresh_token in google.refresh_tokens
    with pointed_store.write() as session:
        store_id = store_identity(session)
    saved = auth.load_sign_in(store_id)
    assert saved == sign_in
    assert sign_in.client_secret in keyring_file.read_text()


def test_client_secrets_given_as_credentials_is_explained(
    tmp_path: Path, google: FakeGoogle
) -> None:
    path = tmp_path / "client_secret.json"
    path.write_text(json.dumps(google.client_secrets()))
    with pytest.raises(UserInputError, match="use --client-secrets"):
        auth.read_authorized_user_file(path)


def test_refused_sign_in_is_a_google_error(
    pointed_store: Store,
    studio_location: FakeLocation,
    google: FakeGoogle,
    authorized_user_file: Path,
    clock: ManualClock,
) -> None:
    sign_in = auth.read_authorized_user_file(authorized_user_file)
    google.revoke_refresh_tokens()
    with pytest.raises(GoogleSignInRefused):
        connection.connect(pointed_store, sign_in, wanted_location=None, clock=clock, actor="t")
