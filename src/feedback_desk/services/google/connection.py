"""Connecting the studio's Business Profile location, and disconnecting it.

Connecting lists every account the sign-in can see and every location of each (all pages), keeps
the chosen one as the selected :class:`GoogleLocation` with its integration date (kept from the
first connection when the same location is connected again), sets ``google.review_link`` from
``metadata.newReviewUri`` (or the writereview link built from ``placeId``) and puts the sign-in in
the keyring. Disconnecting forgets the sign-in; the archive of reviews stays.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from feedback_desk.clock import Clock
from feedback_desk.domain.text import fold, without_nul
from feedback_desk.errors import UserInputError
from feedback_desk.services import audit
from feedback_desk.services.google.api import ApiBases, GoogleApi, RandomSource, Sleeper
from feedback_desk.services.google.auth import SavedSignIn, forget_sign_in, load_sign_in
from feedback_desk.services.google.auth import save_sign_in as keep_sign_in
from feedback_desk.services.google.errors import GoogleError, GoogleNotConnected
from feedback_desk.services.liveness import known_identity, live_store_id, require_live
from feedback_desk.services.settings import load_settings, set_setting
from feedback_desk.store.database import Store
from feedback_desk.store.models import GoogleLocation, GoogleReview
from feedback_desk.wording import Wording

WRITE_REVIEW_URL = "https://search.google.com/local/writereview?placeid={place_id}"


@dataclass(frozen=True)
class LocationChoice:
    account_name: str
    location_name: str
    title: str
    store_code: str | None = None
    place_id: str | None = None
    new_review_uri: str | None = None
    maps_uri: str | None = None

    @property
    def reviews_parent(self) -> str:
        return f"{self.account_name}/{self.location_name}"

    @property
    def review_link(self) -> str | None:
        if self.new_review_uri:
            return self.new_review_uri
        if self.place_id:
            return WRITE_REVIEW_URL.format(place_id=self.place_id)
        return None

    def describe(self) -> str:
        code = f" [{self.store_code}]" if self.store_code else ""
        return f"{self.location_name}: {self.title}{code} ({self.account_name})"

    @classmethod
    def from_api(cls, account_name: str, raw: dict[str, Any]) -> LocationChoice:
        metadata = raw.get("metadata") or {}

        def text(value: object) -> str | None:
            # Kept whole, without the NULs PostgreSQL cannot hold.
            return without_nul(str(value)) or None if value else None

        name = without_nul(str(raw["name"]))
        return cls(
            account_name=without_nul(account_name),
            location_name=name,
            title=text(raw.get("title")) or name,
            store_code=text(raw.get("storeCode")),
            place_id=text(metadata.get("placeId")),
            new_review_uri=text(metadata.get("newReviewUri")),
            maps_uri=text(metadata.get("mapsUri")),
        )


@dataclass(frozen=True)
class ConnectionStatus:
    connected: bool
    location_title: str | None
    location_name: str | None
    integrated_at: datetime | None
    last_sync_at: datetime | None
    archived_reviews: int


def api_bases(session: Session) -> ApiBases:
    return ApiBases.from_setting(load_settings(session).text("google.api_base_url"))


def make_api(
    sign_in: SavedSignIn,
    bases: ApiBases,
    *,
    sleeper: Sleeper | None = None,
    random_source: RandomSource | None = None,
) -> GoogleApi:
    options: dict[str, Any] = {}
    if sleeper is not None:
        options["sleeper"] = sleeper
    if random_source is not None:
        options["random_source"] = random_source
    return GoogleApi(sign_in.credentials(), bases=bases, **options)


def list_locations(api: GoogleApi) -> list[LocationChoice]:
    """Every location of every account the sign-in manages (a location shared by two accounts
    is listed once)."""
    choices: dict[str, LocationChoice] = {}
    for account in api.list_accounts():
        account_name = str(account["name"])
        for raw in api.list_locations(account_name):
            choice = LocationChoice.from_api(account_name, raw)
            choices.setdefault(choice.location_name, choice)
    return list(choices.values())


def choose_location(choices: Sequence[LocationChoice], wanted: str | None) -> LocationChoice:
    """``wanted`` by name (``locations/…`` or ``accounts/…/locations/…``) or title (case and
    accents ignored); without it, the only location. UserInputError listing them otherwise."""
    if not choices:
        raise GoogleError(
            Wording(
                "this Google sign-in manages no Business Profile location; sign in with an "
                "owner or manager of the studio's profile",
            )
        )
    if wanted:
        key = wanted.strip()
        found = [
            c
            for c in choices
            if key in (c.location_name, c.reviews_parent) or fold(c.title) == fold(key)
        ]
        if len(found) == 1:
            return found[0]
        problem = (
            f"several locations are called {wanted!r}; give its name (locations/…)"
            if found
            else f"no location called {wanted!r}; the locations are:"
        )
        raise UserInputError([problem, *(f"  {c.describe()}" for c in found or choices)])
    if len(choices) == 1:
        return choices[0]
    raise UserInputError(
        [
            Wording("this sign-in manages several locations; choose one with --location NAME:"),
            *(f"  {c.describe()}" for c in choices),
        ]
    )


def save_connection(
    store: Store, sign_in: SavedSignIn, choice: LocationChoice, *, clock: Clock, actor: str
) -> GoogleLocation:
    now = clock.now()
    store_id = live_store_id(store)
    # The keyring first: a store that says "connected" always has its sign-in.
    keep_sign_in(store_id, sign_in)
    with store.write() as session:
        location = session.scalar(
            select(GoogleLocation).where(GoogleLocation.location_name == choice.location_name)
        )
        session.execute(update(GoogleLocation).values(selected=False))
        if location is None:
            location = GoogleLocation(
                account_name=choice.account_name,
                location_name=choice.location_name,
                title=choice.title,
                integrated_at=now,
            )
            session.add(location)
        location.account_name = choice.account_name
        location.title = choice.title
        location.place_id = choice.place_id
        location.new_review_uri = choice.new_review_uri
        location.maps_uri = choice.maps_uri
        location.selected = True
        link = choice.review_link
        if link:
            set_setting(session, "google.review_link", link, at=now, actor=actor)
        audit.record(
            session,
            at=now,
            actor=actor,
            action="google.connected",
            entity_type="google_location",
            entity_id=choice.location_name,
            title=choice.title,
            account=choice.account_name,
            review_link=link,
        )
        session.flush()
        session.expunge(location)
    return location


def connect(
    store: Store,
    sign_in: SavedSignIn,
    *,
    wanted_location: str | None,
    clock: Clock,
    actor: str,
    sleeper: Sleeper | None = None,
    random_source: RandomSource | None = None,
) -> GoogleLocation:
    """List the sign-in's locations, keep the chosen one, store the sign-in. Nothing is kept
    when the choice fails (the message lists the locations), nor on a copy of the store."""
    require_live(store)
    with store.read() as session:
        bases = api_bases(session)
    with make_api(sign_in, bases, sleeper=sleeper, random_source=random_source) as api:
        choices = list_locations(api)
    choice = choose_location(choices, wanted_location)
    return save_connection(store, sign_in, choice, clock=clock, actor=actor)


def disconnect(store: Store, *, clock: Clock, actor: str) -> ConnectionStatus:
    forget_sign_in(live_store_id(store))
    with store.write() as session:
        location = selected_location(session)
        audit.record(
            session,
            at=clock.now(),
            actor=actor,
            action="google.disconnected",
            entity_type="google_location",
            entity_id=location.location_name if location else "-",
        )
    return status(store)


def selected_location(session: Session) -> GoogleLocation | None:
    return session.scalar(
        select(GoogleLocation)
        .where(GoogleLocation.selected.is_(True))
        .order_by(GoogleLocation.id.desc())
    )


def saved_sign_in(store: Store) -> SavedSignIn | None:
    """The sign-in in the keyring, to say whether the studio is connected (read only: a copy
    of the store reads it too, but cannot use it: see open_api)."""
    store_id = known_identity(store)
    return load_sign_in(store_id) if store_id is not None else None


def status(store: Store) -> ConnectionStatus:
    """Whether a location is connected (its sign-in in the keyring), and what the archive holds."""
    with store.read() as session:
        location = selected_location(session)
        archived = session.scalar(select(func.count()).select_from(GoogleReview)) or 0
        title = location.title if location else None
        name = location.location_name if location else None
        integrated = location.integrated_at if location else None
        last_sync = location.last_sync_at if location else None
    connected = location is not None and saved_sign_in(store) is not None
    return ConnectionStatus(connected, title, name, integrated, last_sync, archived)


def open_api(
    store: Store,
    *,
    sleeper: Sleeper | None = None,
    random_source: RandomSource | None = None,
) -> tuple[GoogleApi, int]:
    """The API on the saved sign-in and the selected location's id; GoogleNotConnected when
    either is missing."""
    with store.read() as session:
        location = selected_location(session)
        bases = api_bases(session)
        location_id = location.id if location else None
    if location_id is None:
        raise GoogleNotConnected()
    # Network work as the studio: refused on a copy of the store.
    sign_in = load_sign_in(live_store_id(store))
    if sign_in is None:
        raise GoogleNotConnected()
    return make_api(sign_in, bases, sleeper=sleeper, random_source=random_source), location_id
