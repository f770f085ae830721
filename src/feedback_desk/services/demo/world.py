"""Coaches, classes, sessions on the weekly timetable, clients and who came to what."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from feedback_desk.domain.localtime import iter_days
from feedback_desk.services.demo import names
from feedback_desk.services.demo.records import (
    DemoAttendance,
    DemoClient,
    DemoSession,
    Habits,
)
from feedback_desk.services.demo.studio_plan import CLASSES, COACHES, SLOTS
from feedback_desk.services.demo.timeframe import DemoCalendar

# How much each class is wanted (drives which slots clients pick).
_POPULARITY = {
    "Spin 45": 1.6,
    "Yoga flow": 1.5,
    "HIIT express 30": 1.1,
    "Pilates": 1.3,
    "Yoga chaud": 1.2,
    "Boxe": 1.0,
    "Barre": 1.0,
    "Yin": 0.9,
    "HIIT": 1.0,
    "Spin endurance 60": 0.8,
    "Hatha doux": 0.7,
    "Core & mobilité": 0.7,
    "TRX": 0.6,
    "Danse cardio": 0.8,
    "Pilates intermédiaire": 0.6,
}

_TEMPERAMENTS = (("enthusiast", 0.45), ("satisfied", 0.35), ("lukewarm", 0.15), ("critic", 0.05))


@dataclass
class World:
    calendar: DemoCalendar
    coach_ids: dict[str, int]  # external id -> internal id
    class_ids: dict[str, int]  # name -> internal id
    sessions: list[DemoSession]
    session_slot: dict[int, int]  # session id -> timetable slot index
    clients: list[DemoClient]
    attendance: list[DemoAttendance]
    # Sessions each client attended (present), in start order.
    visits: dict[int, list[DemoSession]] = field(default_factory=dict)

    def rebuild_visits(self) -> None:
        visits: dict[int, list[DemoSession]] = {c.id: [] for c in self.clients}
        for row in self.attendance:
            if row.present:
                visits[row.client_id].append(self.sessions[row.session_id - 1])
        for sessions in visits.values():
            sessions.sort(key=lambda s: (s.starts_at, s.id))
        self.visits = visits


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(ch for ch in decomposed if ch.isascii() and (ch.isalnum() or ch in "-"))
    return kept.lower()


def _weighted(rng: random.Random, pairs: Sequence[tuple[str, float]]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def build_sessions(
    calendar: DemoCalendar, coach_ids: dict[str, int], class_ids: dict[str, int], seed: int
) -> tuple[list[DemoSession], dict[int, int]]:
    rng = random.Random(f"{seed}/sessions")
    capacity = {c.name: c.capacity for c in CLASSES}
    duration = {c.name: c.duration_min for c in CLASSES}
    room = {c.name: c.room for c in CLASSES}
    teachers: dict[str, list[str]] = {}
    for slot in SLOTS:
        teachers.setdefault(slot.class_name, [])
        if slot.coach not in teachers[slot.class_name]:
            teachers[slot.class_name].append(slot.coach)
    all_coaches = [c.external_id for c in COACHES]
    sessions: list[DemoSession] = []
    slot_of: dict[int, int] = {}
    horizon = calendar.horizon
    for day in iter_days(calendar.first_day, calendar.until):
        if not calendar.is_open(day):
            continue
        todays = sorted(
            (i for i, s in enumerate(SLOTS) if s.weekday == day.weekday()),
            key=lambda i: (SLOTS[i].start, SLOTS[i].class_name),
        )
        for index in todays:
            slot = SLOTS[index]
            starts = calendar.at(day, slot.start)
            minutes = duration[slot.class_name]
            if starts + timedelta(minutes=minutes) > horizon:
                continue
            coach = slot.coach
            if rng.random() < 0.04:  # a replacement coach
                others = [c for c in teachers[slot.class_name] if c != coach] or [
                    c for c in all_coaches if c != coach
                ]
                coach = rng.choice(others)
            session = DemoSession(
                id=len(sessions) + 1,
                external_id=f"S{10001 + len(sessions)}",
                class_id=class_ids[slot.class_name],
                coach_id=coach_ids[coach],
                starts_at=starts,
                duration_min=minutes,
                location=room[slot.class_name],
                capacity=capacity[slot.class_name],
            )
            sessions.append(session)
            slot_of[session.id] = index
    return sessions, slot_of


def _join_day(rng: random.Random, calendar: DemoCalendar) -> date:
    if rng.random() < 0.62:
        return calendar.first_day - timedelta(days=rng.randint(20, 2200))
    span = (calendar.until - timedelta(days=10) - calendar.first_day).days
    # New members come in waves: September and January.
    while True:
        day = calendar.first_day + timedelta(days=rng.randint(0, max(span, 1)))
        boost = 2.2 if day.month in (1, 9) else 1.0
        if rng.random() < boost / 2.2:
            return day


def _habits(rng: random.Random, calendar: DemoCalendar, joined: date) -> Habits:
    temperament = _weighted(rng, _TEMPERAMENTS)
    count = rng.choices((1, 2, 3, 4), weights=(25, 40, 25, 10))[0]
    weights = [_POPULARITY[s.class_name] for s in SLOTS]
    slots: list[int] = []
    while len(slots) < count:
        pick = rng.choices(range(len(SLOTS)), weights=weights)[0]
        if pick not in slots:
            slots.append(pick)
    active_from = max(joined, calendar.first_day)
    active_until: date | None = None
    if rng.random() < 0.14:
        latest = calendar.until - timedelta(days=20)
        earliest = active_from + timedelta(days=30)
        if earliest < latest:
            active_until = earliest + timedelta(days=rng.randint(0, (latest - earliest).days))
    never_answers = rng.random() < 0.04
    return Habits(
        temperament=temperament,
        slots=slots,
        attend_rate=rng.uniform(0.45, 0.9),
        kiosk_rate=rng.uniform(0.35, 0.85),
        answer_rate=0.0 if never_answers else rng.uniform(0.35, 0.9),
        ignore_rate=rng.uniform(0.3, 0.7),
        app_rate=rng.uniform(0.05, 0.2) if rng.random() < 0.3 else 0.0,
        active_from=active_from,
        active_until=active_until,
    )


def build_clients(count: int, calendar: DemoCalendar, seed: int) -> list[DemoClient]:
    rng = random.Random(f"{seed}/clients")
    taken: set[tuple[str, str]] = set()
    emails: set[str] = set()
    clients: list[DemoClient] = []
    for index in range(count):
        language = "fr" if rng.random() < 0.76 else "en"
        french_name = rng.random() < (0.9 if language == "fr" else 0.15)
        firsts = names.FRENCH_FIRST if french_name else names.ENGLISH_FIRST
        lasts = names.FRENCH_LAST if french_name else names.ENGLISH_LAST
        while True:
            first, last = rng.choice(firsts), rng.choice(lasts)
            if (first, last) not in taken or len(taken) > len(firsts) * len(lasts) // 2:
                break
        taken.add((first, last))
        email: str | None = None
        if rng.random() < 0.9:
            local = f"{_ascii(first)}.{_ascii(last)}"
            domain = rng.choice(names.EMAIL_DOMAINS)
            email = f"{local}@{domain}"
            serial = 2
            while email in emails:
                email = f"{local}{serial}@{domain}"
                serial += 1
            emails.add(email)
        phone = None
        if rng.random() < 0.85:
            phone = f"{rng.choice(names.AREA_CODES)}-555-01{rng.randint(0, 99):02d}"
        joined = _join_day(rng, calendar)
        clients.append(
            DemoClient(
                id=index + 1,
                external_id=f"C{1001 + index}",
                first_name=first,
                last_name=last,
                email=email,
                phone=phone,
                language=language,
                email_consent=email is not None and rng.random() < 0.85,
                joined_on=joined,
                created_at=calendar.at(max(joined, calendar.first_day), time(8, 0)),
                habits=_habits(rng, calendar, joined),
            )
        )
    return clients


def build_attendance(
    sessions: Sequence[DemoSession],
    slot_of: dict[int, int],
    clients: Sequence[DemoClient],
    calendar: DemoCalendar,
    seed: int,
) -> list[DemoAttendance]:
    rng = random.Random(f"{seed}/attendance")
    regulars: dict[int, list[DemoClient]] = {}
    for client in clients:
        for slot in client.habits.slots:
            regulars.setdefault(slot, []).append(client)
    booked: dict[int, list[int]] = {s.id: [] for s in sessions}
    rows: list[DemoAttendance] = []

    def active(client: DemoClient, day: date) -> bool:
        habits = client.habits
        return habits.active_from <= day and (
            habits.active_until is None or day <= habits.active_until
        )

    def book(session: DemoSession, client: DemoClient) -> None:
        if len(booked[session.id]) >= session.capacity or client.id in booked[session.id]:
            return
        booked[session.id].append(client.id)
        no_show = 0.05 if client.habits.temperament != "critic" else 0.12
        rows.append(DemoAttendance(session.id, client.id, rng.random() >= no_show))

    by_day: dict[date, list[DemoSession]] = {}
    for session in sessions:
        day = session.starts_at.astimezone(calendar.tz).date()
        by_day.setdefault(day, []).append(session)
    for day, todays in by_day.items():
        for session in todays:
            for client in regulars.get(slot_of[session.id], []):
                if active(client, day) and rng.random() < client.habits.attend_rate:
                    book(session, client)
        # Drop-ins: now and then a member tries another class.
        for client in clients:
            if active(client, day) and rng.random() < 0.02:
                book(rng.choice(todays), client)
    rows.sort(key=lambda r: (r.session_id, r.client_id))
    return rows


def add_visit(world: World, session: DemoSession, client_id: int) -> None:
    """Scenario helper: the client came to *session* (booked and present)."""
    for row in world.attendance:
        if row.session_id == session.id and row.client_id == client_id:
            row.present = True
            break
    else:
        world.attendance.append(DemoAttendance(session.id, client_id, True))
