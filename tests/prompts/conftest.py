"""A small studio for the prompting tests: Audrey's week of the seed, on a real store."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from feedback_desk.store.database import Store
from tests.support.studio_builder import StudioBuilder


@pytest.fixture
def studio(store: Store) -> StudioBuilder:
    return StudioBuilder(store)


@dataclass
class AudreyWeek:
    client: int
    monday: int
    wednesday: int
    thursday: int
    friday: int


def build_audrey_week(studio: StudioBuilder, *, thursday_like_friday: bool) -> AudreyWeek:
    """Monday 11, Wednesday 13, Thursday 14 and Friday 15 May 2026, all attended, at 18:00.

    Audrey reviewed the studio a month earlier, so only class prompts are due this week.
    """
    julie = studio.coach("E1", "Julie", "Tremblay")
    marc = studio.coach("E2", "Marc", "Roy")
    audrey = studio.client("C1", "Audrey", "Bélanger", language="fr")
    monday = studio.session("S1", "HIIT", marc, "2026-05-11T18:00")
    wednesday = studio.session("S2", "Yoga", julie, "2026-05-13T18:00")
    thursday = studio.session(
        "S3", "Spin" if thursday_like_friday else "Yoga", julie, "2026-05-14T18:00"
    )
    friday = studio.session("S4", "Spin", julie, "2026-05-15T18:00")
    for session_id in (monday, wednesday, thursday, friday):
        studio.attend(session_id, audrey)
    studio.review(audrey, "2026-04-20T12:00", stars=5)
    return AudreyWeek(audrey, monday, wednesday, thursday, friday)
