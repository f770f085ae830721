"""What `feedback-desk config` and the Settings screen do with a key: list, show, change."""

from __future__ import annotations

from feedback_desk.clock import Clock
from feedback_desk.domain.settings_schema import SETTINGS, Kind, definition
from feedback_desk.errors import UserInputError
from feedback_desk.services import audit, secrets
from feedback_desk.services.audit import default_actor
from feedback_desk.services.liveness import known_identity, live_store_id
from feedback_desk.services.settings import Settings, load_settings, set_setting, shown_value
from feedback_desk.store.database import Store
from feedback_desk.wording import Wording


def _secret_state(store: Store, key: str) -> str:
    # Only read: listing the settings works on a read-only store or a copy.
    store_id = known_identity(store)
    present = store_id is not None and secrets.get_secret(store_id, key) is not None
    return "(set, in the system keyring)" if present else "(not set)"


def _shown(store: Store, settings: Settings, key: str) -> str:
    if definition(key).is_secret:
        return _secret_state(store, key)
    return shown_value(settings, key)


def listing(store: Store) -> list[str]:
    with store.read() as session:
        settings = load_settings(session)
    return [f"{key} = {_shown(store, settings, key)}" for key in SETTINGS]


def show(store: Store, key: str) -> str:
    with store.read() as session:
        settings = load_settings(session)
    return _shown(store, settings, key)


def change_secret(store: Store, key: str, value: str, *, clock: Clock) -> str:
    """Put a secret in the keyring (an empty value removes it); the store only audits the change.
    Refused on a copy of the store, whose change would land on the live studio's secret."""
    store_id = live_store_id(store)
    if value:
        secrets.set_secret(store_id, key, value)
    else:
        secrets.delete_secret(store_id, key)
    with store.write() as session:
        audit.record(
            session,
            at=clock.now(),
            actor=default_actor(),
            action="secret.changed",
            entity_type="setting",
            entity_id=key,
            new="(set)" if value else "(removed)",
        )
    return f"{key} = (set, in the system keyring)" if value else f"{key} = (not set)"


def change(store: Store, key: str, value: str, *, clock: Clock) -> str:
    """Set *key*; returns the line to show the user. UserInputError when the value is wrong."""
    defn = definition(key)
    if defn.kind is Kind.SECRET:
        return change_secret(store, key, value, clock=clock)
    try:
        with store.write() as session:
            stored = set_setting(session, key, value, at=clock.now(), actor=default_actor())
    except ValueError as exc:
        message = str(exc)
        raise UserInputError(
            message
            if key in message
            else Wording(
                "{key}: {message}",
                key=key,
                message=message,
            )
        ) from None
    if defn.kind is Kind.HASHED:
        return f"{key} = (set)" if stored else f"{key} = (not set)"
    return f"{key} = {stored}"
