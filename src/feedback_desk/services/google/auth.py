"""Signing in to Google and keeping the sign-in in the system keyring (never in the store).

Two ways in, as the contract says: the desktop browser flow of google-auth-oauthlib with the
studio's own OAuth client file, or an authorized-user JSON. Either way the result is one
:class:`SavedSignIn` (client id and secret, refresh token, token URI), stored as a single
keyring secret. Credentials are built with the ``Credentials`` constructor so the file's
``token_uri`` is honoured (``Credentials.from_authorized_user_info`` silently replaces it).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import requests
from google.oauth2.credentials import Credentials

from feedback_desk.errors import UserInputError
from feedback_desk.services import secrets
from feedback_desk.services.google.api import SCOPE
from feedback_desk.services.google.errors import GoogleError, GoogleOffline
from feedback_desk.wording import Wording

GOOGLE_TOKEN_URI = "https://oauth2.googleapis.com/token"
SECRET_NAME = "google.sign_in"
BROWSER_TIMEOUT_SECONDS = 300

BROWSER_PROMPT = (
    "Your browser opens Google's sign-in page. If it does not, open this address:\n{url}"
)
BROWSER_DONE = (
    "Feedback Desk is now connected to Google. You can close this tab and go back to Feedback Desk."
)


@dataclass(frozen=True)
class SavedSignIn:
    client_id: str
    client_secret: str
    refresh_token: str
    token_uri: str = GOOGLE_TOKEN_URI

    def credentials(self) -> Credentials:
        """Fresh credentials: the first request fetches an access token from ``token_uri``."""
        return Credentials(  # type: ignore[no-untyped-call]
            token=None,
            refresh_token=self.refresh_token,
            token_uri=self.token_uri,
            client_id=self.client_id,
            client_secret=self.client_secret,
            scopes=[SCOPE],
        )

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, source: str) -> SavedSignIn:
        missing = [
            key
            for key in ("client_id", "client_secret", "refresh_token")
            if not isinstance(data.get(key), str) or not data.get(key)
        ]
        if missing:
            raise UserInputError(
                Wording(
                    "{source}: missing {missing}",
                    source=source,
                    missing=", ".join(missing),
                )
            )
        token_uri = data.get("token_uri") or GOOGLE_TOKEN_URI
        if not isinstance(token_uri, str) or not token_uri.startswith(("https://", "http://")):
            raise UserInputError(
                Wording(
                    "{source}: token_uri must be an http(s) URL",
                    source=source,
                )
            )
        return cls(
            client_id=str(data["client_id"]),
            client_secret=str(data["client_secret"]),
            refresh_token=str(data["refresh_token"]),
            token_uri=token_uri,
        )


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise UserInputError(
            Wording(
                "{path}: no such file",
                path=path,
            )
        ) from None
    except OSError as exc:
        raise UserInputError(
            Wording(
                "{path}: cannot be read ({error})",
                path=path,
                error=exc.strerror or exc,
            )
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserInputError(
            Wording(
                "{path}: not a JSON file ({error})",
                path=path,
                error=exc,
            )
        ) from None


def read_authorized_user_file(path: str | Path) -> SavedSignIn:
    """An authorized-user JSON (``client_id``, ``client_secret``, ``refresh_token``,
    optional ``token_uri``), checked."""
    file = Path(path)
    data = _read_json(file)
    if not isinstance(data, dict):
        raise UserInputError(
            Wording(
                "{file}: expected a JSON object",
                file=file,
            )
        )
    if "installed" in data or "web" in data:
        raise UserInputError(
            Wording(
                "{file}: this is an OAuth client file; use --client-secrets for it (the "
                "browser sign-in)",
                file=file,
            )
        )
    kind = data.get("type")
    if kind is not None and kind != "authorized_user":
        raise UserInputError(
            Wording(
                "{file}: type is {kind!r}, expected 'authorized_user'",
                file=file,
                kind=kind,
            )
        )
    return SavedSignIn.from_mapping(data, source=str(file))


def sign_in_with_browser(
    client_secrets: str | Path,
    *,
    open_browser: bool = True,
    browser: str | None = None,
    timeout_seconds: int = BROWSER_TIMEOUT_SECONDS,
    prompt_message: str | None = BROWSER_PROMPT,
) -> SavedSignIn:
    """The desktop flow: the browser opens Google's consent page, which redirects to a one-shot
    server on 127.0.0.1; the code is exchanged (with PKCE) for a refresh token."""
    from google_auth_oauthlib.flow import InstalledAppFlow, WSGITimeoutError
    from oauthlib.oauth2.rfc6749.errors import OAuth2Error

    file = Path(client_secrets)
    data = _read_json(file)
    if not isinstance(data, dict) or not ({"installed", "web"} & data.keys()):
        raise UserInputError(
            Wording(
                "{file}: not an OAuth client file (expected an “installed” desktop client "
                "from the Google Cloud console); an authorized-user JSON goes with "
                "--credentials",
                file=file,
            )
        )
    try:
        flow = InstalledAppFlow.from_client_secrets_file(str(file), scopes=[SCOPE])
    except (ValueError, KeyError) as exc:
        raise UserInputError(
            Wording(
                "{file}: {error}",
                file=file,
                error=exc,
            )
        ) from None
    try:
        credentials = flow.run_local_server(
            host="127.0.0.1",
            port=0,
            open_browser=open_browser,
            browser=browser,
            timeout_seconds=timeout_seconds,
            authorization_prompt_message=prompt_message or "",
            success_message=BROWSER_DONE,
            # A refresh token comes only with offline access, and again only with consent.
            access_type="offline",
            prompt="consent",
        )
    except WSGITimeoutError as exc:
        raise GoogleError(
            Wording(
                "no answer from the browser sign-in within {timeout_seconds} seconds; try again",
                timeout_seconds=timeout_seconds,
            )
        ) from exc
    except OAuth2Error as exc:
        detail = exc.description or exc.error
        raise GoogleError(
            Wording(
                "Google's sign-in did not complete: {detail}",
                detail=detail,
            )
        ) from exc
    except (requests.ConnectionError, requests.Timeout) as exc:
        raise GoogleOffline(str(exc).splitlines()[0][:200]) from exc
    if not credentials.refresh_token:
        raise GoogleError(
            Wording(
                "Google gave no refresh token; remove Feedback Desk's access in your Google "
                "account's security settings and connect again",
            )
        )
    return SavedSignIn(
        client_id=str(credentials.client_id),
        client_secret=str(credentials.client_secret),
        refresh_token=str(credentials.refresh_token),
        token_uri=str(credentials.token_uri or GOOGLE_TOKEN_URI),
    )


def save_sign_in(store_id: str, sign_in: SavedSignIn) -> None:
    secrets.set_secret(store_id, SECRET_NAME, sign_in.to_json())


def load_sign_in(store_id: str) -> SavedSignIn | None:
    raw = secrets.get_secret(store_id, SECRET_NAME)
    if raw is None:
        return None
    try:
        return SavedSignIn.from_mapping(json.loads(raw), source="the saved sign-in")
    except (ValueError, UserInputError):
        return None


def forget_sign_in(store_id: str) -> None:
    secrets.delete_secret(store_id, SECRET_NAME)
