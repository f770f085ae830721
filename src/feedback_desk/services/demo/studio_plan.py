"""The demo studio's fixed shape: its coaches, its classes and its weekly timetable.

Everything here is hand-written so that the story reads well: Marc-André Bérubé (Spin, HIIT) is
the coach whose classes have slipped in the last weeks; the rest of the team is steady.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from typing import Final

STUDIO_NAME: Final = "Studio Élan"
STUDIO_ADDRESS: Final = "4820, boulevard Saint-Laurent, Montréal (Québec) H2T 1R5"
MANAGER_EMAIL: Final = "direction@studio-elan.example"
SENDER_EMAIL: Final = "bonjour@studio-elan.example"
PLACE_ID: Final = "ChIJdemoStudioElan-Mtl0001"
REVIEW_LINK: Final = f"https://search.google.com/local/writereview?placeid={PLACE_ID}"
MAPS_LINK: Final = "https://maps.google.com/maps?cid=4820100012345678901"
# Where the studio publishes its client pages (a reserved name: nothing answers there).
PAGES_BASE_URL: Final = "https://avis.studio-elan.example"


@dataclass(frozen=True)
class CoachPlan:
    external_id: str
    first_name: str
    last_name: str
    # Shifts the stars of this coach's class reviews: >0 upgrades some, <0 downgrades some.
    quality: float


@dataclass(frozen=True)
class ClassPlan:
    name: str
    duration_min: int
    capacity: int
    room: str


@dataclass(frozen=True)
class SlotPlan:
    weekday: int  # Monday = 0
    start: time
    class_name: str
    coach: str  # external id


COACHES: Final = (
    CoachPlan("E1", "Julie", "Tremblay", 0.15),
    CoachPlan("E2", "Marc-André", "Bérubé", 0.05),
    CoachPlan("E3", "Sophie", "Gagnon", 0.10),
    CoachPlan("E4", "Kevin", "O'Neill", 0.0),
    CoachPlan("E5", "Émilie", "Côté", 0.20),
    CoachPlan("E6", "Jean-François", "Roy", -0.05),
    CoachPlan("E7", "Amélie", "Fortin", 0.10),
    CoachPlan("E8", "Daniel", "Nguyen", 0.0),
    CoachPlan("E9", "Chloé", "Lavoie", 0.05),
    CoachPlan("E10", "Mathieu", "Pelletier", -0.10),
)

# The coach whose satisfaction drops in the last weeks of the demo.
DROPPING_COACH: Final = "E2"

CLASSES: Final = (
    ClassPlan("Spin 45", 45, 20, "Salle vélo"),
    ClassPlan("Spin endurance 60", 60, 20, "Salle vélo"),
    ClassPlan("Yoga flow", 60, 18, "Studio A"),
    ClassPlan("Yin", 75, 16, "Studio A"),
    ClassPlan("Hatha doux", 60, 16, "Studio A"),
    ClassPlan("Yoga chaud", 60, 18, "Studio chaud"),
    ClassPlan("Pilates", 55, 14, "Studio B"),
    ClassPlan("Pilates intermédiaire", 55, 14, "Studio B"),
    ClassPlan("HIIT", 45, 18, "Studio B"),
    ClassPlan("HIIT express 30", 30, 18, "Studio B"),
    ClassPlan("Boxe", 60, 16, "Studio B"),
    ClassPlan("Barre", 50, 16, "Studio A"),
    ClassPlan("Core & mobilité", 45, 16, "Studio A"),
    ClassPlan("TRX", 45, 12, "Studio B"),
    ClassPlan("Danse cardio", 55, 20, "Studio A"),
)


def _slots() -> tuple[SlotPlan, ...]:
    t = time
    rows: list[tuple[tuple[int, ...], time, str, str]] = [
        # weekdays, start, class, coach
        ((0, 2, 4), t(6, 0), "Spin 45", "E2"),
        ((1, 3), t(6, 0), "HIIT express 30", "E8"),
        ((0, 2), t(7, 0), "Yoga flow", "E1"),
        ((1, 3), t(7, 0), "Pilates", "E9"),
        ((4,), t(7, 0), "Core & mobilité", "E6"),
        ((0, 2, 4), t(12, 0), "HIIT express 30", "E4"),
        ((1, 3), t(12, 0), "Yoga flow", "E5"),
        ((0,), t(17, 30), "Spin 45", "E6"),
        ((1,), t(17, 30), "Barre", "E7"),
        ((2,), t(17, 30), "Spin 45", "E2"),
        ((3,), t(17, 30), "TRX", "E8"),
        ((0,), t(18, 30), "Yoga chaud", "E1"),
        ((1,), t(18, 30), "HIIT", "E2"),
        ((2,), t(18, 30), "Pilates", "E3"),
        ((3,), t(18, 30), "Boxe", "E4"),
        ((4,), t(17, 30), "Danse cardio", "E7"),
        ((0,), t(19, 30), "Pilates intermédiaire", "E3"),
        ((1,), t(19, 30), "Yin", "E5"),
        ((2,), t(19, 30), "Boxe", "E4"),
        ((3,), t(19, 30), "Spin endurance 60", "E10"),
        ((4,), t(18, 30), "Yoga chaud", "E10"),
        ((0,), t(20, 0), "Hatha doux", "E5"),
        ((5,), t(8, 30), "Spin endurance 60", "E2"),
        ((5,), t(9, 0), "Yoga flow", "E1"),
        ((5,), t(9, 45), "HIIT", "E8"),
        ((5,), t(10, 15), "Barre", "E7"),
        ((5,), t(11, 0), "Pilates", "E9"),
        ((6,), t(9, 0), "Spin 45", "E10"),
        ((6,), t(9, 30), "Yin", "E5"),
        ((6,), t(10, 30), "Core & mobilité", "E9"),
        ((6,), t(11, 0), "Boxe", "E6"),
        ((6,), t(16, 0), "Hatha doux", "E1"),
    ]
    return tuple(
        SlotPlan(weekday, start, class_name, coach)
        for weekdays, start, class_name, coach in rows
        for weekday in weekdays
    )


SLOTS: Final = _slots()
