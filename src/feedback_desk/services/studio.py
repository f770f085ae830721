"""Opening a studio's store ready for work: migrated, with the shipped aspect catalogue."""

from __future__ import annotations

from pathlib import Path

from feedback_desk.clock import Clock, SystemClock
from feedback_desk.services.aspects import catalogue_is_complete, ensure_catalogue
from feedback_desk.services.liveness import claim_if_unclaimed
from feedback_desk.store.database import Store, create_store, open_store


def _ready(store: Store, clock: Clock | None) -> Store:
    """*store* with its catalogue, claimed as live if it may be; closed if that fails."""
    try:
        with store.read() as session:
            complete = catalogue_is_complete(session)
        # A read-only store is read as it is (its figures need no catalogue row it lacks).
        if not complete and not store.read_only:
            # Two programs opening a new store at once: the second finds the catalogue there.
            with store.write(serialized=True) as session:
                ensure_catalogue(session, at=(clock or SystemClock()).now())
        claim_if_unclaimed(store)
    except BaseException:
        store.close()
        raise
    return store


def open_studio(location: str | Path | None = None, *, clock: Clock | None = None) -> Store:
    return _ready(open_store(location), clock)


def new_studio(path: str | Path, *, clock: Clock | None = None) -> Store:
    """File → New store…: a new store at *path*, refused when a non-empty file is there."""
    return _ready(create_store(path), clock)
