"""A fake Google on loopback: OAuth, Account Management v1, Business Information v1, reviews v4.

A real HTTP server (``http.server`` in a thread) that speaks the wire protocol of Google's Business
Profile APIs (docs/architecture.md#the-google-client-and-its-fake) and is as strict as Google: the
token endpoint wants client credentials in HTTP Basic for a code exchange (with the PKCE verifier)
and in the form body for a refresh, and echoes the exact scope; every API call needs
``Authorization: Bearer``; accounts come 20 a page at most, locations 100 and refuse a missing
``readMask``, reviews 50 with ``orderBy`` checked; errors are Google's JSON; absent fields are
omitted, never null.

Tests script faults (429 with or without Retry-After, 5xx, tokens expiring mid-sync,
``invalid_grant``, dropped connections) and read :attr:`FakeGoogle.requests` to assert what was
sent.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

SCOPE = "https://www.googleapis.com/auth/business.manage"
LEGACY_SCOPE = "https://www.googleapis.com/auth/plus.business.manage"

_STAR_NAMES = {1: "ONE", 2: "TWO", 3: "THREE", 4: "FOUR", 5: "FIVE"}
_REVIEW_ORDERS = ("updateTime desc", "rating", "rating desc")


@dataclass
class RecordedRequest:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes

    def form(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(self.body.decode()).items()}

    def json(self) -> Any:
        return json.loads(self.body or b"null")


@dataclass
class Fault:
    """Answer the next matching request(s) with this status instead of the real answer."""

    status: int
    path_contains: str = ""
    method: str | None = None
    times: int = 1
    retry_after: str | None = None
    body: dict[str, Any] | None = None
    drop_connection: bool = False
    # Let this many matching requests through first (e.g. fail the second page, not the first).
    after: int = 0


@dataclass
class FakeLocation:
    account: str
    name: str  # locations/{id}
    title: str
    store_code: str | None = None
    place_id: str | None = None
    new_review_uri: str | None = None
    maps_uri: str | None = None
    reviews: dict[str, dict[str, Any]] = field(default_factory=dict)

    def as_json(self, mask: set[str]) -> dict[str, Any]:
        full: dict[str, Any] = {"name": self.name, "title": self.title}
        if self.store_code:
            full["storeCode"] = self.store_code
        metadata = {
            k: v
            for k, v in (
                ("placeId", self.place_id),
                ("mapsUri", self.maps_uri),
                ("newReviewUri", self.new_review_uri),
            )
            if v
        }
        metadata["hasVoiceOfMerchant"] = True
        full["metadata"] = metadata
        return {k: v for k, v in full.items() if k in mask}


def google_error(code: int, status: str, message: str, **extra: Any) -> dict[str, Any]:
    error: dict[str, Any] = {"code": code, "message": message, "status": status}
    error.update(extra)
    return {"error": error}


def _page_token(offset: int, order: str) -> str:
    raw = json.dumps({"o": offset, "b": order}).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _read_page_token(token: str) -> tuple[int, str]:
    padded = token + "=" * (-len(token) % 4)
    data = json.loads(base64.urlsafe_b64decode(padded))
    return int(data["o"]), str(data["b"])


class FakeGoogle:
    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.clients: dict[str, str] = {}
        self.accounts: list[dict[str, Any]] = []
        self.locations: list[FakeLocation] = []
        self.requests: list[RecordedRequest] = []
        self.faults: list[Fault] = []
        self.access_tokens: set[str] = set()
        self.refresh_tokens: dict[str, str] = {}  # refresh token -> client id
        self.codes: dict[str, dict[str, str]] = {}
        self.expires_in = 3599
        self.expire_tokens_after_api_calls: int | None = None
        self.offline = False
        self.now = datetime(2026, 5, 14, 22, 0, tzinfo=UTC)
        self.on_request: Callable[[RecordedRequest], None] | None = None
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ----------------------------------------------------------------- lifecycle

    def start(self) -> FakeGoogle:
        fake = self

        class Handler(_Handler):
            google = fake

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_port}"

    @property
    def token_uri(self) -> str:
        return f"{self.url}/token"

    # ----------------------------------------------------------------- data

    def add_client(
        self, client_id: str = "cid.apps.googleusercontent.com", secret: str = ""
    ) -> str:
        self.clients[client_id] = secret or "GOCSPX-" + secrets.token_urlsafe(12)
        return self.clients[client_id]

    def issue_refresh_token(self, client_id: str) -> str:
        token = "1//" + secrets.token_urlsafe(24)
        self.refresh_tokens[token] = client_id
        return token

    def authorized_user(self, client_id: str = "cid.apps.googleusercontent.com") -> dict[str, str]:
        """The JSON `gcloud auth application-default login` style tools write."""
        if client_id not in self.clients:
            self.add_client(client_id)
        return {
            "type": "authorized_user",
            "client_id": client_id,
            "client_secret": self.clients[client_id],
            "refresh_token": self.issue_refresh_token(client_id),
            "token_uri": self.token_uri,
        }

    def client_secrets(self, client_id: str = "cid.apps.googleusercontent.com") -> dict[str, Any]:
        if client_id not in self.clients:
            self.add_client(client_id)
        return {
            "installed": {
                "client_id": client_id,
                "project_id": "studio-desk",
                "auth_uri": f"{self.url}/o/oauth2/auth",
                "token_uri": self.token_uri,
                "client_secret": self.clients[client_id],
                "redirect_uris": ["http://localhost"],
            }
        }

    def add_account(self, account_id: str, name: str, kind: str = "LOCATION_GROUP") -> str:
        account = {
            "name": f"accounts/{account_id}",
            "accountName": name,
            "type": kind,
            "verificationState": "VERIFIED",
            "vettedState": "NOT_VETTED",
        }
        if kind != "PERSONAL":
            account["role"] = "PRIMARY_OWNER"
            account["permissionLevel"] = "OWNER_LEVEL"
        self.accounts.append(account)
        return str(account["name"])

    def add_location(
        self,
        account: str,
        location_id: str,
        title: str,
        *,
        store_code: str | None = None,
        place_id: str | None = None,
        new_review_uri: str | None = None,
    ) -> FakeLocation:
        location = FakeLocation(
            account=account,
            name=f"locations/{location_id}",
            title=title,
            store_code=store_code,
            place_id=place_id,
            new_review_uri=new_review_uri,
            maps_uri=f"https://maps.google.com/maps?cid={location_id}" if place_id else None,
        )
        self.locations.append(location)
        return location

    def add_review(
        self,
        location: FakeLocation,
        review_id: str,
        *,
        reviewer: str | None = "Ihor K",
        stars: int | None = 5,
        comment: str | None = None,
        create_time: str = "2026-03-02T10:47:32.807Z",
        update_time: str | None = None,
        anonymous: bool = False,
        reply: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        review: dict[str, Any] = {
            "name": f"{location.account}/{location.name}/reviews/{review_id}",
            "reviewId": review_id,
            "reviewer": {},
            "starRating": _STAR_NAMES[stars] if stars else "STAR_RATING_UNSPECIFIED",
            "createTime": create_time,
            "updateTime": update_time or create_time,
        }
        if reviewer:
            review["reviewer"]["displayName"] = reviewer
        if anonymous:
            review["reviewer"]["isAnonymous"] = True
        else:
            review["reviewer"]["profilePhotoUrl"] = (
                f"https://lh3.googleusercontent.com/a-/{review_id}"
            )
        if comment is not None:
            review["comment"] = comment
        if reply is not None:
            review["reviewReply"] = reply
        with self.lock:
            location.reviews[review_id] = review
        return review

    def edit_review(self, location: FakeLocation, review_id: str, **changes: Any) -> None:
        with self.lock:
            review = location.reviews[review_id]
            if "stars" in changes:
                review["starRating"] = _STAR_NAMES[changes.pop("stars")]
            if "comment" in changes:
                review["comment"] = changes.pop("comment")
            if "reply" in changes:
                reply = changes.pop("reply")
                if reply is None:
                    review.pop("reviewReply", None)
                else:
                    review["reviewReply"] = reply
            review["updateTime"] = changes.pop("update_time")
            assert not changes, changes

    def remove_review(self, location: FakeLocation, review_id: str) -> None:
        with self.lock:
            del location.reviews[review_id]

    # ----------------------------------------------------------------- faults

    def fail(self, status: int, path_contains: str = "", **options: Any) -> None:
        with self.lock:
            self.faults.append(Fault(status=status, path_contains=path_contains, **options))

    def revoke_refresh_tokens(self) -> None:
        with self.lock:
            self.refresh_tokens.clear()

    def expire_access_tokens(self) -> None:
        with self.lock:
            self.access_tokens.clear()

    def api_requests(self, method: str | None = None, contains: str = "") -> list[RecordedRequest]:
        with self.lock:
            return [
                r
                for r in self.requests
                if r.path != "/token"
                and not r.path.startswith("/o/oauth2")
                and (method is None or r.method == method)
                and contains in r.path
            ]

    def token_requests(self) -> list[RecordedRequest]:
        with self.lock:
            return [r for r in self.requests if r.path == "/token"]

    def _take_fault(self, method: str, path: str) -> Fault | None:
        with self.lock:
            for fault in self.faults:
                if fault.path_contains in path and fault.method in (None, method):
                    if fault.after > 0:
                        fault.after -= 1
                        return None
                    fault.times -= 1
                    if fault.times <= 0:
                        self.faults.remove(fault)
                    return fault
        return None


class _Handler(BaseHTTPRequestHandler):
    google: FakeGoogle
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        return None

    # ----------------------------------------------------------------- plumbing

    def _dispatch(self) -> None:
        split = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        query = {k: v[0] for k, v in parse_qs(split.query, keep_blank_values=True).items()}
        recorded = RecordedRequest(
            method=self.command,
            path=split.path,
            query=query,
            headers={k.lower(): v for k, v in self.headers.items()},
            body=body,
        )
        google = self.google
        with google.lock:
            google.requests.append(recorded)
        if google.on_request is not None:
            google.on_request(recorded)
        if google.offline:
            self._drop()
            return
        fault = google._take_fault(self.command, split.path)
        if fault is not None:
            if fault.drop_connection:
                self._drop()
                return
            headers = {"Retry-After": fault.retry_after} if fault.retry_after else {}
            self._send(fault.status, fault.body or _fault_body(fault.status), headers)
            return
        try:
            status, payload, headers = self._route(recorded)
        except _ApiError as error:
            status, payload, headers = error.status, error.payload, {}
        self._send(status, payload, headers)

    def _drop(self) -> None:
        self.close_connection = True
        self.connection.close()

    def _send(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def do_PUT(self) -> None:
        self._dispatch()

    def do_DELETE(self) -> None:
        self._dispatch()

    # ----------------------------------------------------------------- routing

    def _route(self, request: RecordedRequest) -> tuple[int, Any, dict[str, str]]:
        path = request.path
        if path == "/o/oauth2/auth" and request.method == "GET":
            return self._authorize(request)
        if path == "/token":
            if request.method != "POST":
                raise _ApiError(405, {"error": "invalid_request"})
            return self._token(request)
        self._check_bearer(request)
        parts = path.strip("/").split("/")
        method = request.method
        # /v1/accounts
        if parts == ["v1", "accounts"] and method == "GET":
            return 200, self._accounts(request), {}
        # /v1/accounts/{a}/locations
        is_locations = len(parts) == 4 and parts[:2] == ["v1", "accounts"]
        if is_locations and parts[3] == "locations" and method == "GET":
            return 200, self._locations(f"accounts/{parts[2]}", request), {}
        # /v4/accounts/{a}/locations/{l}/reviews[/{r}[/reply]]
        if (
            len(parts) >= 6
            and parts[0] == "v4"
            and parts[1] == "accounts"
            and parts[5] == "reviews"
        ):
            location = self._location(f"accounts/{parts[2]}", f"locations/{parts[4]}")
            if len(parts) == 6 and method == "GET":
                return 200, self._reviews(location, request), {}
            if len(parts) == 7 and method == "GET":
                return 200, self._review(location, parts[6]), {}
            if len(parts) == 8 and parts[7] == "reply" and method == "PUT":
                return 200, self._put_reply(location, parts[6], request), {}
            if len(parts) == 8 and parts[7] == "reply" and method == "DELETE":
                return 200, self._delete_reply(location, parts[6]), {}
        raise _ApiError(
            404,
            google_error(
                404,
                "NOT_FOUND",
                "Requested entity was not found.",
                errors=[
                    {
                        "message": "Requested entity was not found.",
                        "domain": "global",
                        "reason": "notFound",
                    }
                ],
            ),
        )

    # ----------------------------------------------------------------- OAuth

    def _authorize(self, request: RecordedRequest) -> tuple[int, Any, dict[str, str]]:
        q = request.query
        google = self.google
        if q.get("client_id") not in google.clients:
            raise _ApiError(
                400,
                {"error": "invalid_client", "error_description": "The OAuth client was not found."},
            )
        redirect = q.get("redirect_uri", "")
        if not redirect.startswith(("http://127.0.0.1:", "http://localhost:")):
            raise _ApiError(400, {"error": "redirect_uri_mismatch"})
        if q.get("response_type") != "code" or q.get("code_challenge_method") != "S256":
            raise _ApiError(400, {"error": "invalid_request"})
        scopes = q.get("scope", "").split()
        if SCOPE not in scopes and LEGACY_SCOPE not in scopes:
            raise _ApiError(400, {"error": "invalid_scope"})
        code = "4/" + secrets.token_urlsafe(16)
        with google.lock:
            google.codes[code] = {
                "client_id": q["client_id"],
                "redirect_uri": redirect,
                "challenge": q.get("code_challenge", ""),
                "scope": q.get("scope", ""),
                "offline": "yes" if q.get("access_type") == "offline" else "no",
            }
        target = (
            redirect
            + "?"
            + urlencode({"state": q.get("state", ""), "code": code, "scope": q["scope"]})
        )
        self.send_response(302)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()
        raise _AlreadySent()

    def _token(self, request: RecordedRequest) -> tuple[int, Any, dict[str, str]]:
        google = self.google
        if not request.headers.get("content-type", "").startswith(
            "application/x-www-form-urlencoded"
        ):
            raise _ApiError(400, {"error": "invalid_request", "error_description": "form expected"})
        form = request.form()
        grant = form.get("grant_type")
        if grant == "authorization_code":
            client_id, secret = self._basic_credentials(request)
            if google.clients.get(client_id) != secret:
                raise _ApiError(
                    401, {"error": "invalid_client", "error_description": "Unauthorized"}
                )
            with google.lock:
                issued = google.codes.pop(form.get("code", ""), None)
            if issued is None or issued["client_id"] != client_id:
                raise _ApiError(
                    400, {"error": "invalid_grant", "error_description": "Malformed auth code."}
                )
            if form.get("redirect_uri") != issued["redirect_uri"]:
                raise _ApiError(
                    400, {"error": "redirect_uri_mismatch", "error_description": "Bad Request"}
                )
            verifier = form.get("code_verifier", "")
            challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
            if challenge.decode().rstrip("=") != issued["challenge"]:
                raise _ApiError(
                    400, {"error": "invalid_grant", "error_description": "Invalid code verifier."}
                )
            answer = self._new_access(issued["scope"])
            if issued["offline"] == "yes":
                answer["refresh_token"] = google.issue_refresh_token(client_id)
            return 200, answer, {}
        if grant == "refresh_token":
            if "authorization" in request.headers:
                raise _ApiError(
                    400,
                    {
                        "error": "invalid_request",
                        "error_description": "credentials expected in the body",
                    },
                )
            client_id = form.get("client_id", "")
            if client_id not in google.clients or google.clients[client_id] != form.get(
                "client_secret"
            ):
                raise _ApiError(
                    401, {"error": "invalid_client", "error_description": "Unauthorized"}
                )
            with google.lock:
                owner = google.refresh_tokens.get(form.get("refresh_token", ""))
            if owner != client_id:
                raise _ApiError(
                    400,
                    {
                        "error": "invalid_grant",
                        "error_description": "Token has been expired or revoked.",
                    },
                )
            return 200, self._new_access(form.get("scope") or SCOPE), {}
        raise _ApiError(
            400,
            {
                "error": "unsupported_grant_type",
                "error_description": "Invalid grant_type: " + str(grant),
            },
        )

    def _basic_credentials(self, request: RecordedRequest) -> tuple[str, str]:
        header = request.headers.get("authorization", "")
        if not header.lower().startswith("basic "):
            raise _ApiError(
                401,
                {
                    "error": "invalid_client",
                    "error_description": "client authentication expected in HTTP Basic",
                },
            )
        decoded = base64.b64decode(header[6:]).decode()
        client_id, _, secret = decoded.partition(":")
        from urllib.parse import unquote_plus

        return unquote_plus(client_id), unquote_plus(secret)

    def _new_access(self, scope: str) -> dict[str, Any]:
        token = "ya29." + secrets.token_urlsafe(24)
        with self.google.lock:
            self.google.access_tokens.add(token)
        return {
            "access_token": token,
            "expires_in": self.google.expires_in,
            "scope": scope,
            "token_type": "Bearer",
        }

    def _check_bearer(self, request: RecordedRequest) -> None:
        google = self.google
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        with google.lock:
            if google.expire_tokens_after_api_calls is not None:
                if google.expire_tokens_after_api_calls <= 0:
                    google.access_tokens.clear()
                    google.expire_tokens_after_api_calls = None
                else:
                    google.expire_tokens_after_api_calls -= 1
            valid = scheme.lower() == "bearer" and token in google.access_tokens
        if not valid:
            raise _ApiError(
                401,
                google_error(
                    401,
                    "UNAUTHENTICATED",
                    "Request had invalid authentication credentials. Expected OAuth 2 access "
                    "token, login cookie or other valid authentication credential. See "
                    "https://developers.google.com/identity/sign-in/web/devconsole-project.",
                ),
            )

    # ----------------------------------------------------------------- APIs

    def _page(
        self,
        request: RecordedRequest,
        items: list[Any],
        *,
        default: int,
        maximum: int,
        order: str = "",
    ) -> tuple[list[Any], str | None]:
        size_text = request.query.get("pageSize")
        try:
            size = int(size_text) if size_text else default
        except ValueError:
            raise _ApiError(400, _invalid("page_size", "Invalid value")) from None
        if size < 0:
            raise _ApiError(400, _invalid("page_size", "must be positive"))
        size = min(size or default, maximum)
        offset = 0
        token = request.query.get("pageToken")
        if token:
            try:
                offset, token_order = _read_page_token(token)
            except (ValueError, KeyError, json.JSONDecodeError):
                raise _ApiError(400, _invalid("page_token", "Invalid page token")) from None
            if token_order != order:
                raise _ApiError(
                    400, _invalid("page_token", "page token does not match the request")
                )
        chunk = items[offset : offset + size]
        following = offset + size
        return chunk, _page_token(following, order) if following < len(items) else None

    def _accounts(self, request: RecordedRequest) -> dict[str, Any]:
        chunk, token = self._page(request, list(self.google.accounts), default=20, maximum=20)
        answer: dict[str, Any] = {"accounts": chunk} if chunk else {}
        if token:
            answer["nextPageToken"] = token
        return answer

    def _locations(self, account: str, request: RecordedRequest) -> dict[str, Any]:
        if account not in {a["name"] for a in self.google.accounts}:
            raise _ApiError(404, google_error(404, "NOT_FOUND", "Requested entity was not found."))
        mask_text = request.query.get("readMask", "")
        if not mask_text:
            raise _ApiError(400, _invalid("read_mask", "Field is required"))
        mask = {m.strip() for m in mask_text.split(",")}
        known = {"name", "title", "storeCode", "metadata", "languageCode", "websiteUri"}
        if not mask <= known:
            raise _ApiError(
                400, google_error(400, "INVALID_ARGUMENT", "Invalid field mask provided")
            )
        mine = [loc for loc in self.google.locations if loc.account == account]
        chunk, token = self._page(request, mine, default=10, maximum=100)
        answer: dict[str, Any] = {}
        if chunk:
            answer["locations"] = [loc.as_json(mask) for loc in chunk]
        if token:
            answer["nextPageToken"] = token
        return answer

    def _location(self, account: str, name: str) -> FakeLocation:
        for location in self.google.locations:
            if location.account == account and location.name == name:
                return location
        raise _ApiError(404, google_error(404, "NOT_FOUND", "Requested entity was not found."))

    def _reviews(self, location: FakeLocation, request: RecordedRequest) -> dict[str, Any]:
        order = request.query.get("orderBy", "updateTime desc")
        if order not in _REVIEW_ORDERS:
            raise _ApiError(400, _invalid("order_by", f"Unsupported orderBy: {order}"))
        with self.google.lock:
            reviews = [json.loads(json.dumps(r)) for r in location.reviews.values()]
        if order == "updateTime desc":
            reviews.sort(key=lambda r: r["updateTime"], reverse=True)
        else:
            stars = {v: k for k, v in _STAR_NAMES.items()}
            reviews.sort(
                key=lambda r: (stars.get(r["starRating"], 0), r["reviewId"]),
                reverse=order == "rating desc",
            )
        chunk, token = self._page(request, reviews, default=50, maximum=50, order=order)
        answer: dict[str, Any] = {}
        if chunk:
            answer["reviews"] = chunk
        if reviews:
            stars = {v: k for k, v in _STAR_NAMES.items()}
            rated = [stars[r["starRating"]] for r in reviews if r["starRating"] in stars]
            if rated:
                answer["averageRating"] = round(sum(rated) / len(rated), 1)
            answer["totalReviewCount"] = len(reviews)
        if token:
            answer["nextPageToken"] = token
        return answer

    def _review(self, location: FakeLocation, review_id: str) -> dict[str, Any]:
        with self.google.lock:
            review = location.reviews.get(review_id)
        if review is None:
            raise _ApiError(404, google_error(404, "NOT_FOUND", "Requested entity was not found."))
        return review

    def _put_reply(
        self, location: FakeLocation, review_id: str, request: RecordedRequest
    ) -> dict[str, Any]:
        review = self._review(location, review_id)
        try:
            body = request.json()
        except json.JSONDecodeError:
            raise _ApiError(
                400, google_error(400, "INVALID_ARGUMENT", "Invalid JSON payload received.")
            ) from None
        comment = body.get("comment") if isinstance(body, dict) else None
        if not isinstance(comment, str) or not comment.strip():
            raise _ApiError(400, _invalid("comment", "Field is required"))
        if len(comment.encode("utf-8")) > 4096:
            raise _ApiError(
                400,
                google_error(
                    400,
                    "INVALID_ARGUMENT",
                    "Request contains an invalid argument.",
                    details=[
                        {
                            "@type": "type.googleapis.com/google.rpc.BadRequest",
                            "fieldViolations": [
                                {
                                    "field": "comment",
                                    "description": "The maximum length is 4096 bytes.",
                                }
                            ],
                        }
                    ],
                ),
            )
        stamp = (self.google.now + timedelta(seconds=len(self.google.requests))).isoformat()
        reply = {
            "comment": comment,
            "updateTime": stamp.replace("+00:00", "Z"),
            "reviewReplyState": "PENDING",
        }
        with self.google.lock:
            review["reviewReply"] = reply
        return dict(reply)

    def _delete_reply(self, location: FakeLocation, review_id: str) -> dict[str, Any]:
        review = self._review(location, review_id)
        with self.google.lock:
            review.pop("reviewReply", None)
        return {}

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        except _AlreadySent:
            return
        except (ConnectionError, OSError):
            self.close_connection = True


class _ApiError(Exception):
    def __init__(self, status: int, payload: Any) -> None:
        super().__init__(status)
        self.status = status
        self.payload = payload


class _AlreadySent(Exception):
    pass


def _invalid(field_name: str, description: str) -> dict[str, Any]:
    return google_error(
        400,
        "INVALID_ARGUMENT",
        "Request contains an invalid argument.",
        details=[
            {
                "@type": "type.googleapis.com/google.rpc.BadRequest",
                "fieldViolations": [{"field": field_name, "description": description}],
            }
        ],
    )


def _fault_body(status: int) -> dict[str, Any]:
    if status == 429:
        return google_error(
            429,
            "RESOURCE_EXHAUSTED",
            "Quota exceeded for quota metric 'Requests' and limit 'Requests per minute' of service "
            "'mybusiness.googleapis.com' for consumer 'project_number:83172312488'.",
            details=[
                {
                    "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                    "reason": "RATE_LIMIT_EXCEEDED",
                }
            ],
        )
    if status == 403:
        return google_error(
            403,
            "PERMISSION_DENIED",
            "Google My Business API has not been used in project 83172312488 before or it is "
            "disabled. Enable it by visiting https://console.developers.google.com/apis/api/"
            "mybusiness.googleapis.com/overview?project=83172312488 then retry.",
            details=[
                {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "SERVICE_DISABLED"}
            ],
        )
    if status == 503:
        return google_error(503, "UNAVAILABLE", "The service is currently unavailable.")
    return google_error(status, "INTERNAL", "Internal error encountered.")
