"""The fake Google is as strict as Google where the client could get it wrong."""

from __future__ import annotations

import requests

from tests.support.fake_google import FakeGoogle, FakeLocation


def _token(google: FakeGoogle) -> str:
    user = google.authorized_user()
    answer = requests.post(
        google.token_uri,
        data={
            "grant_type": "refresh_token",
            "client_id": user["client_id"],
            "client_secret": user["client_secret"],
            "refresh_token": user["refresh_token"],
        },
        timeout=10,
    )
    assert answer.status_code == 200
    body = answer.json()
    assert body["scope"] == "https://www.googleapis.com/auth/business.manage"
    return str(body["access_token"])


def test_bearer_is_required_whatever_the_header_case(
    google: FakeGoogle, studio_location: FakeLocation
) -> None:
    anonymous = requests.get(f"{google.url}/v1/accounts", timeout=10)
    assert anonymous.status_code == 401
    assert anonymous.json()["error"]["status"] == "UNAUTHENTICATED"
    token = _token(google)
    lower = requests.get(
        f"{google.url}/v1/accounts", headers={"authorization": f"Bearer {token}"}, timeout=10
    )
    assert lower.status_code == 200
    assert "nextPageToken" not in lower.json()


def test_strict_answers(google: FakeGoogle, studio_location: FakeLocation) -> None:
    headers = {"Authorization": f"Bearer {_token(google)}"}
    account = "accounts/222222222222222222222"
    no_mask = requests.get(f"{google.url}/v1/{account}/locations", headers=headers, timeout=10)
    assert no_mask.status_code == 400
    violation = no_mask.json()["error"]["details"][0]["fieldViolations"][0]
    assert violation == {"field": "read_mask", "description": "Field is required"}
    parent = f"{google.url}/v4/{account}/{studio_location.name}/reviews"
    bad_order = requests.get(parent, params={"orderBy": "updateTime"}, headers=headers, timeout=10)
    assert bad_order.status_code == 400
    google.add_review(studio_location, "R1", comment=None)
    listed = requests.get(parent, headers=headers, timeout=10).json()
    review = listed["reviews"][0]
    assert "comment" not in review
    assert "reviewReply" not in review
    assert None not in review.values()
    missing = requests.get(f"{parent}/nope", headers=headers, timeout=10)
    assert missing.status_code == 404
    assert missing.json()["error"]["status"] == "NOT_FOUND"
    too_long = requests.put(
        f"{parent}/R1/reply", json={"comment": "é" * 2049}, headers=headers, timeout=10
    )
    assert too_long.status_code == 400
    assert too_long.json()["error"]["status"] == "INVALID_ARGUMENT"
    assert requests.delete(f"{parent}/R1/reply", headers=headers, timeout=10).json() == {}
