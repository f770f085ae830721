"""What every page needs: the store, the clock and the throttles, kept on the application."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from flask import current_app

from feedback_desk.clock import Clock
from feedback_desk.domain.throttle import Throttle
from feedback_desk.services.settings import Settings, load_settings
from feedback_desk.store.database import Store

EXTENSION = "feedback_desk"

# Wrong pairing codes: a few per address, and a cap for all addresses together, so that trying
# the million codes from many machines stays hopeless within a code's 10 minutes.
PAIRING_FAILURES_PER_ADDRESS = 5
PAIRING_FAILURES_IN_ALL = 20
PAIRING_WINDOW = timedelta(minutes=10)
# Searches of a paired kiosk: a person typing finds someone within a few tries; a device going
# through the alphabet is slowed down.
SEARCH_FAILURES = 20
SEARCH_FAILURE_WINDOW = timedelta(minutes=5)
SEARCHES = 60
SEARCH_WINDOW = timedelta(minutes=1)
EVERYONE = "*"


@dataclass
class Throttles:
    pairing_by_address: Throttle = field(
        default_factory=lambda: Throttle(limit=PAIRING_FAILURES_PER_ADDRESS, window=PAIRING_WINDOW)
    )
    pairing_in_all: Throttle = field(
        default_factory=lambda: Throttle(limit=PAIRING_FAILURES_IN_ALL, window=PAIRING_WINDOW)
    )
    failed_searches: Throttle = field(
        default_factory=lambda: Throttle(limit=SEARCH_FAILURES, window=SEARCH_FAILURE_WINDOW)
    )
    searches: Throttle = field(
        default_factory=lambda: Throttle(limit=SEARCHES, window=SEARCH_WINDOW)
    )


@dataclass
class PagesContext:
    store: Store
    clock: Clock
    throttles: Throttles = field(default_factory=Throttles)


def pages() -> PagesContext:
    """The context of the application answering the current request."""
    context = current_app.extensions[EXTENSION]
    assert isinstance(context, PagesContext)
    return context


def studio_settings() -> Settings:
    with pages().store.read() as session:
        return load_settings(session)
