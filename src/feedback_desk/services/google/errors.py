"""Google failures a studio manager can act on, each with one clear sentence."""

from __future__ import annotations

from feedback_desk.errors import FeedbackDeskError, Said, UserInputError
from feedback_desk.wording import Wording


class GoogleError(FeedbackDeskError):
    """Google refused or failed; nothing in the local archive was changed by the failed call."""


class GoogleNotConnected(GoogleError):
    def __init__(self) -> None:
        super().__init__(
            Wording(
                "Google Business Profile is not connected: connect in Settings → Google "
                "(or `feedback-desk google connect`)"
            )
        )


class GoogleSignInRefused(GoogleError):
    """``invalid_grant``: the refresh token was revoked, expired (7 days in "Testing") or reset."""

    def __init__(self, detail: Said = "") -> None:
        if detail:
            super().__init__(
                Wording(
                    "Google refused the saved sign-in; reconnect in Settings → Google "
                    "(or `feedback-desk google connect`) ({detail})",
                    detail=detail,
                )
            )
        else:
            super().__init__(
                Wording(
                    "Google refused the saved sign-in; reconnect in Settings → Google "
                    "(or `feedback-desk google connect`)"
                )
            )


class GoogleOffline(GoogleError):
    def __init__(self, detail: str = "") -> None:
        if detail:
            super().__init__(
                Wording(
                    "Google could not be reached; the archive is unchanged ({detail})",
                    detail=detail,
                )
            )
        else:
            super().__init__(Wording("Google could not be reached; the archive is unchanged"))


class GoogleApiDisabled(GoogleError):
    def __init__(self, google_message: str) -> None:
        super().__init__(
            Wording(
                "Google refused: an API this studio's Google Cloud project needs is disabled. "
                "Enable the “Google My Business API”, the “My Business Account Management API” "
                "and the “My Business Business Information API” in the Google Cloud console, "
                "then retry. Google said: {google_message}",
                google_message=google_message,
            )
        )


class GoogleQuotaExhausted(GoogleError):
    def __init__(self, google_message: str, *, zero_quota: bool) -> None:
        if zero_quota:
            said = Wording(
                "Google allows this project 0 requests: access to the Business Profile APIs has "
                "not been granted yet. Submit Google's “Application for Basic API Access” "
                "(https://support.google.com/business/contact/api_default) rather than asking "
                "for more quota; approval can take up to 14 days. Google said: {google_message}",
                google_message=google_message,
            )
        else:
            said = Wording(
                "Google's request quota is used up for now; the next sync will try again. "
                "Google said: {google_message}",
                google_message=google_message,
            )
        super().__init__(said)


class GoogleRefused(GoogleError):
    """Any other error answer, with Google's own message."""

    def __init__(self, status: int, google_status: str, google_message: Said) -> None:
        self.status = status
        self.google_status = google_status
        super().__init__(
            Wording(
                "Google refused ({status} {google_status}): {google_message}",
                status=status,
                google_status=google_status,
                google_message=google_message,
            )
        )


class GoogleNotFound(GoogleRefused):
    pass


class ReplyTooLong(UserInputError):
    def __init__(self, size: int, limit: int) -> None:
        super().__init__(
            Wording(
                "the reply is {size} bytes long in UTF-8; Google accepts at most {limit}: "
                "shorten it (nothing was sent)",
                size=size,
                limit=limit,
            )
        )
