"""Which copy of a store is the studio's live one: a backup or a test copy never acts as the
studio (sends email, syncs Google, uses or changes the studio's passwords).

A store's secrets are keyed in the system keyring by a random id kept inside the store
(``internal.store_id``), so every copy of the file carries the same id. Where that id is live is
therefore recorded outside the store, per user, in the data folder (``live-stores/<id>``, private
to the user), holding the store's location: the real path of a SQLite file, or a database's
server, port and name. The keyring and the data folder are both per user and per computer, so the
record covers exactly the places where the secrets could be used.

- A store that gets its id (the first time a secret is stored, or on ``make_live``) is live
  where it is.
- A store with an id and no record yet (made before this rule) becomes live where it is next
  opened for writing.
- The same id opened anywhere else is a copy: work that would act as the studio refuses with one
  sentence saying how to confirm, until staff confirm that this is now the live store
  (``feedback-desk store make-live``, or the window): the record then moves here, and the former
  place becomes the copy.
"""

from __future__ import annotations

import logging
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from feedback_desk import paths
from feedback_desk.errors import FeedbackDeskError
from feedback_desk.files import PRIVATE_FILE_MODE, make_private_dirs
from feedback_desk.store.database import LOCATION_KEY_INFO, Store
from feedback_desk.store.models import Setting
from feedback_desk.wording import Wording

STORE_ID_KEY = "internal.store_id"
REGISTRY_FOLDER = "live-stores"

log = logging.getLogger(__name__)


class StoreIsACopy(FeedbackDeskError):
    """This store carries the live store's id but is somewhere else: it must not act as it."""

    def __init__(self, here: str, live_at: str) -> None:
        self.here = here
        self.live_at = live_at
        super().__init__(
            Wording(
                "this store ({here}) is a copy of the studio's live store ({live_at}), so it "
                "sends no email, does not sync Google and does not use the studio's "
                "passwords; if it is now the studio's real store (moved, or restored from a "
                "backup), confirm it with `feedback-desk store make-live` (with --store "
                "naming this store)",
                here=here,
                live_at=live_at,
            )
        )


@dataclass(frozen=True)
class Liveness:
    """Whether a store may act as the studio; *live_at* names the live one when it is a copy."""

    live: bool
    live_at: str | None = None


def _registry() -> Path:
    return paths.data_dir() / REGISTRY_FOLDER


def _record_path(store_id: str) -> Path:
    # The id is ours (uuid hex), but a store is a file anyone can edit: keep only safe characters.
    safe = "".join(ch for ch in store_id if ch.isalnum())
    return _registry() / (safe or "unnamed")


def recorded_location(store_id: str) -> str | None:
    try:
        return _record_path(store_id).read_text(encoding="utf-8").strip() or None
    except FileNotFoundError:
        return None


class LivenessNotRecorded(FeedbackDeskError):
    """The data folder cannot be written: which store is live cannot be recorded."""


def _record(store_id: str, key: str) -> None:
    """Write the record atomically (a new private file renamed over the old one)."""
    target = _record_path(store_id)
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}")
    try:
        make_private_dirs(target.parent)
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(key + "\n")
        os.replace(temporary, target)
    except OSError as exc:
        raise LivenessNotRecorded(
            Wording(
                "cannot record which store is the studio's live one in {parent} ({error}): "
                "the data folder must be writable",
                parent=target.parent,
                error=exc.strerror or exc,
            )
        ) from exc
    finally:
        temporary.unlink(missing_ok=True)


def _stored_id(session: Session) -> str | None:
    row = session.get(Setting, STORE_ID_KEY)
    return row.value if row is not None else None


def live_identity(session: Session) -> str:
    """The store's id for its secrets, once it is known to be the live store; StoreIsACopy
    otherwise. A store without an id gets one (in this write session) and is live here."""
    here = str(session.info[LOCATION_KEY_INFO])
    store_id = _stored_id(session)
    if store_id is None:
        store_id = uuid.uuid4().hex
        session.add(Setting(key=STORE_ID_KEY, value=store_id))
        session.flush()
        _record(store_id, here)
        return store_id
    live_at = recorded_location(store_id)
    if live_at is None:
        _record(store_id, here)
    elif live_at != here:
        raise StoreIsACopy(here, live_at)
    return store_id


def live_store_id(store: Store) -> str:
    """:func:`live_identity` for a whole store: only a store without an id yet is written to."""
    with store.read() as session:
        if _stored_id(session) is not None:
            return live_identity(session)
    with store.write() as session:
        return live_identity(session)


def known_identity(store: Store) -> str | None:
    """The store's id if it has one, read without writing or judging liveness (to show whether
    a secret is set)."""
    with store.read() as session:
        return _stored_id(session)


def liveness(store: Store) -> Liveness:
    """Whether *store* may act as the studio (the window's banner asks this)."""
    store_id = known_identity(store)
    live_at = recorded_location(store_id) if store_id is not None else None
    if live_at is None or live_at == store.key:
        return Liveness(live=True)
    return Liveness(live=False, live_at=live_at)


def is_live(store: Store) -> bool:
    return liveness(store).live


def require_live(store: Store) -> None:
    """StoreIsACopy unless *store* may act as the studio."""
    state = liveness(store)
    if state.live_at is not None:
        raise StoreIsACopy(store.key, state.live_at)


def make_live(store: Store) -> Liveness:
    """Staff confirm that *store* is the studio's live store: its id's record moves here (the
    former place becomes a copy). Gives the state before the change."""
    before = liveness(store)
    store_id = known_identity(store)
    if store_id is None:
        with store.write() as session:
            live_identity(session)
        return before
    _record(store_id, store.key)
    return before


def claim_if_unclaimed(store: Store) -> None:
    """On open: a store whose id has no record yet (made before records existed) is live where
    it is opened for writing. A read-only store (often a backup) claims nothing."""
    if store.read_only:
        return
    store_id = known_identity(store)
    if store_id is None or recorded_location(store_id) is not None:
        return
    try:
        _record(store_id, store.key)
    except LivenessNotRecorded:
        # The data folder cannot be written: the store still works; it is claimed when it
        # first needs its secrets (and says so then if the folder still cannot be written).
        log.warning("could not record %s as the live store", store.key, exc_info=True)
