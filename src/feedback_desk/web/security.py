"""Headers every page carries, the strict reading of posted forms, and the kiosk device cookie.

- A strict Content-Security-Policy: only this server's own style sheet and script, no inline
  code, no frames, forms posted only here.
- Forms must be URL-encoded UTF-8 (what browsers send): another encoding, broken UTF-8 or a body
  over MAX_BODY_BYTES gets the polite "could not be read" page before any view runs. A view
  marked with :func:`accepts_upload` (a testimonial's photo) also takes ``multipart/form-data``,
  up to UPLOAD_BODY_BYTES; the view itself checks the file.
- The device cookie carries a random token (its SHA-256 is in the store); HttpOnly and
  SameSite=Strict like the session cookie.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar
from urllib.parse import parse_qsl

from flask import Flask, Response, current_app, request
from werkzeug.wrappers import Response as BaseResponse

from feedback_desk.web.problems import PageProblem, Problem

MAX_BODY_BYTES = 64 * 1024
# A photo form: its file (refused by the view over its own limit, with a clear message) and
# its fields.
UPLOAD_BODY_BYTES = 16 * 1024 * 1024
MULTIPART_TYPE = "multipart/form-data"
DEVICE_COOKIE = "fd_device"
# Browsers keep a cookie at most 400 days; a paired tablet renews it on every visit.
DEVICE_COOKIE_SECONDS = 400 * 24 * 3600
FORM_TYPE = "application/x-www-form-urlencoded"

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)


def _add_headers(response: Response) -> Response:
    headers = response.headers
    headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    headers["X-Content-Type-Options"] = "nosniff"
    headers["X-Frame-Options"] = "DENY"
    # Same-origin: the CSRF check may compare the Referer on HTTPS (behind a tunnel).
    headers["Referrer-Policy"] = "same-origin"
    if not request.path.startswith("/static/"):
        # Client names and answers never stay in a browser's cache or history snapshots.
        headers["Cache-Control"] = "no-store"
    return response


View = TypeVar("View", bound=Callable[..., object])


def accepts_upload(view: View) -> View:
    """Let *view*'s form carry a file (``multipart/form-data``, at most UPLOAD_BODY_BYTES)."""
    view.accepts_upload = True  # type: ignore[attr-defined]
    return view


def _check_form() -> None:
    """Refuse what a browser's form would never send, before the CSRF check reads the form."""
    if request.method != "POST":
        return
    view = current_app.view_functions.get(request.endpoint or "")
    if request.mimetype == MULTIPART_TYPE and getattr(view, "accepts_upload", False):
        request.max_content_length = UPLOAD_BODY_BYTES
        return
    if request.mimetype != FORM_TYPE:
        raise PageProblem(Problem.BAD_FORM)
    body = request.get_data(cache=True)  # raises 413 past MAX_CONTENT_LENGTH
    try:
        parse_qsl(body.decode("ascii"), keep_blank_values=True, errors="strict")
    except (UnicodeDecodeError, ValueError):
        raise PageProblem(Problem.BAD_FORM) from None


def install(app: Flask) -> None:
    """Before CSRFProtect is installed, so that a broken body never reaches its form parsing."""
    app.config.update(
        MAX_CONTENT_LENGTH=MAX_BODY_BYTES,
        SESSION_COOKIE_NAME="fd_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
    )
    app.before_request(_check_form)
    app.after_request(_add_headers)


def device_token() -> str:
    return request.cookies.get(DEVICE_COOKIE, "")


def set_device_cookie(response: BaseResponse, token: str) -> None:
    response.set_cookie(
        DEVICE_COOKIE,
        token,
        max_age=DEVICE_COOKIE_SECONDS,
        httponly=True,
        samesite="Strict",
        secure=request.is_secure,
    )
