"""The kiosk tests' studio, shared by the window's kiosk and the browser kiosk: Studio Lotus on
Sunday 17 May 2026, and two members who took Friday's Spin with Julie."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.domain.kinds import Channel
from feedback_desk.store.database import Store
from feedback_desk.store.models import Prompt, Review
from tests.support.studio_builder import StudioBuilder


def studio_lotus(store: Store) -> StudioBuilder:
    builder = StudioBuilder(store)
    builder.setting("studio.name", "Studio Lotus")
    return builder


def sunday_morning() -> ManualClock:
    """Sunday 17 May 2026, 10:00 in Toronto: two days after Friday's class."""
    return ManualClock(StudioBuilder.at_static("2026-05-17T10:00"))


@dataclass
class Members:
    audrey: int  # French
    zoe: int  # English
    friday: int


def friday_spin_members(studio: StudioBuilder) -> Members:
    """Audrey (fr) and Zoe (en) both took Friday's Spin with Julie; both reviewed the studio."""
    julie = studio.coach("E1", "Julie", "Tremblay")
    audrey = studio.client("C1", "Audrey", "Bélanger", language="fr")
    zoe = studio.client("C2", "Zoe", "Smith", language="en")
    friday = studio.session("S4", "Spin", julie, "2026-05-15T18:00")
    for client in (audrey, zoe):
        studio.attend(friday, client)
        studio.review(client, "2026-04-20T12:00", stars=5)
    return Members(audrey, zoe, friday)


def review_and_prompts(
    store: Store, client_id: int, channel: Channel
) -> tuple[Review | None, list[Prompt]]:
    """The client's review given on *channel* (aspects loaded) and all their prompts."""
    with store.read() as session:
        review = session.scalars(
            select(Review).where(Review.client_id == client_id, Review.channel == channel)
        ).one_or_none()
        if review is not None:
            _ = [(a.label_en, a.status) for a in review.aspects]
        prompts = list(session.scalars(select(Prompt).where(Prompt.client_id == client_id)))
    return review, prompts
