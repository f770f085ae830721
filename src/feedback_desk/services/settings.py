"""Reading and writing studio settings (secrets excepted: see services/secrets.py)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk.domain import pin
from feedback_desk.domain.localtime import zone
from feedback_desk.domain.settings_schema import SETTINGS, Kind, definition, normalize
from feedback_desk.domain.values import parse_bool
from feedback_desk.services import audit
from feedback_desk.store.models import Setting
from feedback_desk.store.queries.local_days import recompute_local_days


class Settings:
    """A snapshot of every setting, read in one query; typed getters with the defaults applied."""

    def __init__(self, stored: Mapping[str, str]) -> None:
        self._stored = dict(stored)

    def raw(self, key: str) -> str:
        defn = definition(key)
        return self._stored.get(key, defn.default)

    def is_set(self, key: str) -> bool:
        return key in self._stored

    def text(self, key: str) -> str:
        return self.raw(key)

    def integer(self, key: str) -> int:
        return int(self.raw(key))

    def number(self, key: str) -> float:
        return float(self.raw(key))

    def flag(self, key: str) -> bool:
        return parse_bool(self.raw(key))

    def emails(self, key: str) -> list[str]:
        return [p.strip() for p in self.raw(key).split(",") if p.strip()]

    @property
    def timezone(self) -> ZoneInfo:
        return zone(self.raw("studio.timezone"))

    @property
    def studio_name(self) -> str:
        return self.raw("studio.name")

    @property
    def language(self) -> str:
        return self.raw("studio.language")

    def with_values(self, values: Mapping[str, str]) -> Settings:
        """A copy with some values replaced (tests and previews of unsaved settings)."""
        return Settings({**self._stored, **values})


def load_settings(session: Session) -> Settings:
    rows = session.execute(select(Setting.key, Setting.value)).all()
    return Settings({row[0]: row[1] for row in rows})


def set_setting(session: Session, key: str, text: str, *, at: datetime, actor: str) -> str:
    """Check, store and audit one setting; returns the canonical value stored.

    Changing the studio's time zone re-dates every review and prompt to its new local day, so that
    every figure stays true to "a review belongs to the local day of its own date".
    """
    defn = definition(key)
    canonical = normalize(key, text)
    if defn.kind is Kind.HASHED and canonical:
        canonical = pin.hash_pin(canonical)
    existing = session.get(Setting, key)
    old = existing.value if existing is not None else None
    if existing is None:
        session.add(Setting(key=key, value=canonical))
    else:
        existing.value = canonical
    logged_old, logged_new = (
        ("(hidden)", "(hidden)") if defn.kind is Kind.HASHED else (old, canonical)
    )
    audit.record(
        session,
        at=at,
        actor=actor,
        action="setting.changed",
        entity_type="setting",
        entity_id=key,
        old=logged_old,
        new=logged_new,
    )
    if key == "studio.timezone" and old != canonical:
        session.flush()
        recompute_local_days(session, zone(canonical))
    return canonical


def shown_value(settings: Settings, key: str) -> str:
    """How `config` and the Settings screen show a value: hashed ones only as set or not."""
    defn = SETTINGS[key]
    if defn.kind is Kind.HASHED:
        return "(set)" if settings.raw(key) else "(not set)"
    return settings.raw(key)
