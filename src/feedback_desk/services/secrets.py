"""Secrets (the SMTP password, the Google refresh token) live only in the system keyring.

Whatever backend ``keyring`` is configured with is used (``PYTHON_KEYRING_BACKEND`` or keyring's
own config file), as long as it really keeps secrets: the "fail" and "null" backends and any
plain-text file backend are refused with a message saying how to get a real one. Nothing is ever
written anywhere else. Secrets are namespaced by the store's identity, so the demo studio and the
real one never share a password; a copy of the store (a backup, a test copy) carries the same
identity and is refused its secrets until staff confirm it is the live store (services/liveness.py).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from feedback_desk.errors import FeedbackDeskError, Said
from feedback_desk.services.liveness import live_identity
from feedback_desk.wording import Wording

SERVICE_NAME = "Feedback Desk"

HOW_TO_GET_ONE = Wording(
    "install and unlock a system keyring (Windows Credential Manager and the macOS Keychain work "
    "as they are; on Linux, GNOME Keyring or KWallet through the Secret Service), or point "
    "`keyring` at a backend with PYTHON_KEYRING_BACKEND (see `python -m keyring --list-backends`)"
)

# Backends that would lose the secret or keep it in plain text.
_REFUSED_BACKENDS = ("fail.Keyring", "null.Keyring", "PlaintextKeyring", "Plaintext")


class SecretStoreUnavailable(FeedbackDeskError):
    """No usable system keyring: the secret was not stored (and nothing was written elsewhere).

    Its text is the command line's English sentence; :attr:`detail` is the keyring's own words
    (the refused backend's name, the library's error), for the window to quote in its language."""

    def __init__(self, message: Said, *, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail


def store_identity(session: Session) -> str:
    """The id naming the store's secrets in the keyring (given on first use, in this write
    session); StoreIsACopy when this store is a copy of the live one."""
    return live_identity(session)


def _backend() -> object:
    import keyring
    from keyring.errors import KeyringError

    try:
        backend = keyring.get_keyring()
    except (KeyringError, RuntimeError, ValueError) as exc:
        raise SecretStoreUnavailable(
            Wording(
                "the system keyring cannot be used ({error}): {how_to_get_one}",
                error=exc,
                how_to_get_one=HOW_TO_GET_ONE,
            ),
            detail=str(exc),
        ) from exc
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    priority = getattr(backend, "priority", 0)
    if any(refused in name for refused in _REFUSED_BACKENDS) or priority <= 0:
        raise SecretStoreUnavailable(
            Wording(
                "no usable system keyring was found ({name}): {how_to_get_one}",
                name=name,
                how_to_get_one=HOW_TO_GET_ONE,
            ),
            detail=name,
        )
    return backend


def check_keyring() -> None:
    """SecretStoreUnavailable (saying how to get one) unless a usable keyring is configured:
    lets a form refuse a secret before it saves anything else."""
    _backend()


def _username(store_id: str, name: str) -> str:
    return f"{store_id}/{name}"


def set_secret(store_id: str, name: str, value: str) -> None:
    from keyring.errors import KeyringError

    backend = _backend()
    try:
        backend.set_password(SERVICE_NAME, _username(store_id, name), value)  # type: ignore[attr-defined]
    except KeyringError as exc:
        raise SecretStoreUnavailable(
            Wording(
                "the system keyring refused to store {name}: {error}",
                name=name,
                error=exc,
            )
        ) from exc


def get_secret(store_id: str, name: str) -> str | None:
    from keyring.errors import KeyringError

    try:
        backend = _backend()
        value = backend.get_password(SERVICE_NAME, _username(store_id, name))  # type: ignore[attr-defined]
    except (SecretStoreUnavailable, KeyringError):
        return None
    return value if isinstance(value, str) else None


def read_secret(store_id: str, name: str) -> str | None:
    """Like :func:`get_secret`, but SecretStoreUnavailable when there is no usable keyring, so
    "no keyring" and "no password stored" read differently to the user."""
    from keyring.errors import KeyringError

    backend = _backend()
    try:
        value = backend.get_password(SERVICE_NAME, _username(store_id, name))  # type: ignore[attr-defined]
    except KeyringError as exc:
        raise SecretStoreUnavailable(
            Wording(
                "the system keyring refused to read {name}: {error}",
                name=name,
                error=exc,
            )
        ) from exc
    return value if isinstance(value, str) else None


def delete_secret(store_id: str, name: str) -> None:
    from keyring.errors import KeyringError, PasswordDeleteError

    backend = _backend()
    try:
        backend.delete_password(SERVICE_NAME, _username(store_id, name))  # type: ignore[attr-defined]
    except PasswordDeleteError:
        return
    except KeyringError as exc:
        raise SecretStoreUnavailable(
            Wording(
                "the system keyring refused to delete {name}: {error}",
                name=name,
                error=exc,
            )
        ) from exc
