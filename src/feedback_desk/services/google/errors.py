"""Google failures a studio manager can act on, each with one clear sentence."""

from __future__ import annotations

from feedback_desk.errors import FeedbackDeskError, UserInputError

RECONNECT = "reconnect in Settings → Google (or `feedback-desk google connect`)"


class GoogleError(FeedbackDeskError):
    """Google refused or failed; nothing in the local archive was changed by the failed call."""


class GoogleNotConnected(GoogleError):
    def __init__(self) -> None:
        super().__init__(
            "Google Business Profile is not connected: connect in Settings → Google "
            "(or `feedback-desk google connect`)"
        )


class GoogleSignInRefused(GoogleError):
    """``invalid_grant``: the refresh token was revoked, expired (7 days in "Testing") or reset."""

    def __init__(self, detail: str = "") -> None:
        suffix = f" ({detail})" if detail else ""
        super().__init__(f"Google refused the saved sign-in; {RECONNECT}{suffix}")


class GoogleOffline(GoogleError):
    def __init__(self, detail: str = "") -> None:
        suffix = f" ({detail})" if detail else ""
        super().__init__(f"Google could not be reached; the archive is unchanged{suffix}")


class GoogleApiDisabled(GoogleError):
    def __init__(self, google_message: str) -> None:
        super().__init__(
            "Google refused: an API this studio's Google Cloud project needs is disabled. Enable "
            "the “Google My Business API”, the “My Business Account Management API” and the "
            "“My Business Business Information API” in the Google Cloud console, then retry. "
            f"Google said: {google_message}"
        )


class GoogleQuotaExhausted(GoogleError):
    def __init__(self, google_message: str, *, zero_quota: bool) -> None:
        if zero_quota:
            text = (
                "Google allows this project 0 requests: access to the Business Profile APIs has "
                "not been granted yet. Submit Google's “Application for Basic API Access” "
                "(https://support.google.com/business/contact/api_default) rather than asking "
                "for more quota; approval can take up to 14 days. "
            )
        else:
            text = "Google's request quota is used up for now; the next sync will try again. "
        super().__init__(f"{text}Google said: {google_message}")


class GoogleRefused(GoogleError):
    """Any other error answer, with Google's own message."""

    def __init__(self, status: int, google_status: str, google_message: str) -> None:
        self.status = status
        self.google_status = google_status
        super().__init__(f"Google refused ({status} {google_status}): {google_message}")


class GoogleNotFound(GoogleRefused):
    pass


class ReplyTooLong(UserInputError):
    def __init__(self, size: int, limit: int) -> None:
        super().__init__(
            f"the reply is {size} bytes long in UTF-8; Google accepts at most {limit}: "
            "shorten it (nothing was sent)"
        )
