"""A small client of the three Business Profile APIs, over google-auth's ``AuthorizedSession``.

``AuthorizedSession`` refreshes the access token when it expires or when Google answers 401, but
it does not retry 429 or 5xx: this client does, with exponential backoff and jitter, honouring
``Retry-After``, a bounded number of times, through an injected sleeper (tests never sleep).
Every failure becomes one of the errors of :mod:`.errors`.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

import requests
from google.auth.exceptions import RefreshError, TransportError
from google.auth.transport.requests import AuthorizedSession
from google.oauth2.credentials import Credentials

from feedback_desk.services.google.errors import (
    GoogleApiDisabled,
    GoogleError,
    GoogleNotFound,
    GoogleOffline,
    GoogleQuotaExhausted,
    GoogleRefused,
    GoogleSignInRefused,
)
from feedback_desk.wording import Wording

SCOPE = "https://www.googleapis.com/auth/business.manage"
LOCATION_READ_MASK = "name,title,storeCode,metadata"
ACCOUNTS_PAGE = 20  # "The default and maximum is 20."
LOCATIONS_PAGE = 100
REVIEWS_PAGE = 50  # "The maximum pageSize is 50."

Sleeper = Callable[[float], None]
RandomSource = Callable[[], float]
JsonObject = dict[str, Any]


@dataclass(frozen=True)
class ApiBases:
    """Where each API lives; one ``google.api_base_url`` replaces the three hosts."""

    accounts: str = "https://mybusinessaccountmanagement.googleapis.com/v1"
    information: str = "https://mybusinessbusinessinformation.googleapis.com/v1"
    reviews: str = "https://mybusiness.googleapis.com/v4"

    @classmethod
    def from_setting(cls, base_url: str) -> ApiBases:
        base = base_url.strip().rstrip("/")
        if not base:
            return cls()
        return cls(accounts=f"{base}/v1", information=f"{base}/v1", reviews=f"{base}/v4")


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 5
    base_delay: float = 1.0
    max_delay: float = 32.0
    # A Retry-After longer than this is not waited for: the sync fails and the next one retries.
    max_retry_after: float = 120.0


class GoogleApi:
    def __init__(
        self,
        credentials: Credentials,
        *,
        bases: ApiBases | None = None,
        sleeper: Sleeper = time.sleep,
        random_source: RandomSource = random.random,
        policy: RetryPolicy | None = None,
        timeout: float = 60.0,
    ) -> None:
        self.credentials = credentials
        self.bases = bases or ApiBases()
        self._session = AuthorizedSession(credentials)  # type: ignore[no-untyped-call]
        self._sleep = sleeper
        self._random = random_source
        self._policy = policy or RetryPolicy()
        self._timeout = timeout

    def close(self) -> None:
        self._session.close()  # type: ignore[no-untyped-call]

    def __enter__(self) -> GoogleApi:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ endpoints

    def list_accounts(self) -> list[JsonObject]:
        url = f"{self.bases.accounts}/accounts"
        return [
            account
            for page in self.pages(url, {"pageSize": ACCOUNTS_PAGE})
            for account in page.get("accounts", [])
        ]

    def list_locations(self, account_name: str) -> list[JsonObject]:
        url = f"{self.bases.information}/{account_name}/locations"
        params = {"readMask": LOCATION_READ_MASK, "pageSize": LOCATIONS_PAGE}
        return [loc for page in self.pages(url, params) for loc in page.get("locations", [])]

    def review_pages(self, reviews_parent: str) -> Iterator[JsonObject]:
        """Pages of ``reviews.list``, newest update first, each with its ``reviews``."""
        url = f"{self.bases.reviews}/{reviews_parent}/reviews"
        return self.pages(url, {"pageSize": REVIEWS_PAGE, "orderBy": "updateTime desc"})

    def get_review(self, review_resource: str) -> JsonObject:
        return self.request("GET", f"{self.bases.reviews}/{review_resource}")

    def put_reply(self, review_resource: str, comment: str) -> JsonObject:
        url = f"{self.bases.reviews}/{review_resource}/reply"
        return self.request("PUT", url, json={"comment": comment})

    def delete_reply(self, review_resource: str) -> None:
        self.request("DELETE", f"{self.bases.reviews}/{review_resource}/reply")

    # ------------------------------------------------------------------ plumbing

    def pages(self, url: str, params: Mapping[str, Any]) -> Iterator[JsonObject]:
        seen_tokens: set[str] = set()
        token: str | None = None
        while True:
            query = dict(params)
            if token:
                query["pageToken"] = token
            page = self.request("GET", url, params=query)
            yield page
            token = page.get("nextPageToken") or None
            if token is None:
                return
            if token in seen_tokens:
                raise GoogleError(
                    Wording(
                        "Google returned the same page twice for {url}; try again later",
                        url=url,
                    )
                )
            seen_tokens.add(token)

    def request(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: JsonObject | None = None,
    ) -> JsonObject:
        policy = self._policy
        for attempt in range(1, policy.max_attempts + 1):
            response = self._send(method, url, params, json)
            status = response.status_code
            if status < 300:
                return _json_body(response)
            error = error_for(response)
            retryable = status == 429 or status >= 500
            # A quota of 0 means "no access granted yet": waiting will not help.
            if not retryable or (isinstance(error, GoogleQuotaExhausted) and _zero_quota(response)):
                raise error
            delay = self._delay(attempt, response)
            if attempt == policy.max_attempts or delay is None:
                raise error
            self._sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    def _send(
        self,
        method: str,
        url: str,
        params: Mapping[str, Any] | None,
        body: JsonObject | None,
    ) -> requests.Response:
        try:
            response: requests.Response = self._session.request(  # type: ignore[no-untyped-call]
                method, url, params=params, json=body, timeout=self._timeout
            )
            return response
        except RefreshError as exc:
            raise refresh_error(exc) from exc
        except TransportError as exc:
            raise GoogleOffline(_short(exc)) from exc
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise GoogleOffline(_short(exc)) from exc

    def _delay(self, attempt: int, response: requests.Response) -> float | None:
        policy = self._policy
        retry_after = _retry_after(response)
        if retry_after is not None:
            return retry_after if retry_after <= policy.max_retry_after else None
        ceiling = float(min(policy.max_delay, policy.base_delay * 2 ** (attempt - 1)))
        # "Equal jitter": never less than half the step, so retries do not bunch up at zero.
        return ceiling / 2 + float(self._random()) * ceiling / 2


def refresh_error(exc: RefreshError) -> GoogleError:
    text = str(exc)
    details = exc.args[1] if len(exc.args) > 1 and isinstance(exc.args[1], Mapping) else {}
    if details.get("error") == "invalid_grant" or "invalid_grant" in text:
        return GoogleSignInRefused(str(details.get("error_description", "")))
    if details.get("error") in ("invalid_client", "unauthorized_client"):
        return GoogleSignInRefused(
            Wording("the OAuth client was refused: {error}", error=str(details.get("error")))
        )
    cause = exc.__cause__ or exc.__context__
    if isinstance(cause, TransportError | requests.ConnectionError | requests.Timeout):
        return GoogleOffline(_short(cause))
    if "necessary fields" in text:
        return GoogleSignInRefused(Wording("the saved sign-in is incomplete"))
    return GoogleError(
        Wording(
            "Google's sign-in failed: {error}",
            error=_short(exc),
        )
    )


def _json_body(response: requests.Response) -> JsonObject:
    if not response.content:
        return {}
    try:
        data = response.json()
    except ValueError as exc:
        status = response.status_code
        raise GoogleError(
            Wording(
                "Google sent an answer that is not JSON ({status})",
                status=status,
            )
        ) from exc
    if not isinstance(data, dict):
        raise GoogleError(Wording("Google sent an unexpected answer (not a JSON object)"))
    return data


def _error_parts(response: requests.Response) -> tuple[str, str, list[Any]]:
    try:
        payload = response.json()
    except ValueError:
        return "", response.text.strip()[:300] or response.reason or "", []
    error = payload.get("error") if isinstance(payload, dict) else None
    if isinstance(error, dict):
        details = error.get("details")
        return (
            str(error.get("status", "")),
            str(error.get("message", "")),
            details if isinstance(details, list) else [],
        )
    if isinstance(error, str):
        return error, str(payload.get("error_description", error)), []
    return "", response.text.strip()[:300], []


def _zero_quota(response: requests.Response) -> bool:
    _status, message, details = _error_parts(response)
    for detail in details:
        metadata = detail.get("metadata") if isinstance(detail, dict) else None
        if isinstance(metadata, dict) and str(metadata.get("quota_limit_value")) == "0":
            return True
    return bool(re.search(r"\b(of|is) 0\b|\b0 (QPM|requests)", message))


def error_for(response: requests.Response) -> GoogleError:
    status = response.status_code
    google_status, message, details = _error_parts(response)
    reasons = {str(d.get("reason", "")) for d in details if isinstance(d, dict)}
    if status == 429:
        return GoogleQuotaExhausted(message, zero_quota=_zero_quota(response))
    if status == 403 and (
        "SERVICE_DISABLED" in reasons
        or "accessNotConfigured" in reasons
        or "has not been used in project" in message
        or "it is disabled" in message
    ):
        return GoogleApiDisabled(message)
    if status == 403 and "insufficient authentication scopes" in message:
        return GoogleRefused(
            status,
            google_status,
            Wording(
                "{google_message} The sign-in lacks the business.manage permission: "
                "reconnect in Settings → Google",
                google_message=message,
            ),
        )
    if status == 401:
        return GoogleSignInRefused(message)
    if status == 404:
        return GoogleNotFound(status, google_status or "NOT_FOUND", message)
    return GoogleRefused(status, google_status or response.reason or "", message)


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
        sent = parsedate_to_datetime(response.headers["Date"])
    except (TypeError, ValueError, KeyError, IndexError):
        return None
    return max(0.0, float((when - sent).total_seconds()))


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:200]
