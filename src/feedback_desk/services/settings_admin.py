"""What `feedback-desk config` and the Settings screen do with a key: list, show, change."""

from __future__ import annotations

from feedback_desk.clock import Clock
from feedback_desk.domain.settings_schema import SETTINGS, Kind, definition
from feedback_desk.errors import UserInputError
from feedback_desk.services.audit import default_actor
from feedback_desk.services.settings import Settings, load_settings, set_setting, shown_value
from feedback_desk.store.database import Store


def _shown(settings: Settings, key: str) -> str:
    if definition(key).is_secret:
        return "(kept in the system keyring; never shown)"
    return shown_value(settings, key)


def listing(store: Store) -> list[str]:
    with store.read() as session:
        settings = load_settings(session)
    return [f"{key} = {_shown(settings, key)}" for key in SETTINGS]


def show(store: Store, key: str) -> str:
    with store.read() as session:
        return _shown(load_settings(session), key)


def change(store: Store, key: str, value: str, *, clock: Clock) -> str:
    """Set *key*; returns the line to show the user. UserInputError when the value is wrong."""
    defn = definition(key)
    if defn.kind is Kind.SECRET:
        raise UserInputError(
            f"{key} is a secret and secrets are kept only in the system keyring, "
            "which this version cannot write to yet; nothing was stored"
        )
    try:
        with store.write() as session:
            stored = set_setting(session, key, value, at=clock.now(), actor=default_actor())
    except ValueError as exc:
        message = str(exc)
        raise UserInputError(message if key in message else f"{key}: {message}") from None
    if defn.kind is Kind.HASHED:
        return f"{key} = (set)" if stored else f"{key} = (not set)"
    return f"{key} = {stored}"
