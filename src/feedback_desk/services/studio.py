"""Opening a studio's store ready for work: migrated, with the shipped aspect catalogue."""

from __future__ import annotations

from pathlib import Path

from feedback_desk.clock import Clock, SystemClock
from feedback_desk.services.aspects import catalogue_is_complete, ensure_catalogue
from feedback_desk.store.database import Store, open_store


def open_studio(location: str | Path | None = None, *, clock: Clock | None = None) -> Store:
    store = open_store(location)
    with store.read() as session:
        complete = catalogue_is_complete(session)
    if not complete:
        with store.write() as session:
            ensure_catalogue(session, at=(clock or SystemClock()).now())
    return store
