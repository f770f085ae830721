"""Testimonials: Studio Lotus with two members, Audrey (French, agreed to email) and Zoe
(English, no consent), and the CLI on the same store."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from feedback_desk.clock import ManualClock
from feedback_desk.store.database import Store
from tests.support.studio_builder import StudioBuilder


@dataclass
class Lotus:
    builder: StudioBuilder
    audrey: int
    zoe: int


def lotus_studio(store: Store) -> Lotus:
    builder = StudioBuilder(store)
    builder.setting("studio.name", "Studio Lotus")
    builder.setting("smtp.sender", "bonjour@lotus.example")
    builder.setting("studio.manager_emails", "gerante@lotus.example")
    audrey = builder.client(
        "C1", "Audrey", "Bélanger", language="fr", email="audrey@members.example", consent=True
    )
    zoe = builder.client("C2", "Zoe", "Smith", language="en", email="zoe@members.example")
    return Lotus(builder, audrey, zoe)


@pytest.fixture
def lotus(store: Store) -> Lotus:
    return lotus_studio(store)


@pytest.fixture
def may_first() -> ManualClock:
    return ManualClock(StudioBuilder.at_static("2026-05-01T10:00"))
