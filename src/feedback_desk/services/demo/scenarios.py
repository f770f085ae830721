"""The cast of the last day: the clients whose history makes each of the demo's stories true.

On the demo's last day the studio must show, by the rules: clients whose satisfaction drops,
Google invitations due at 10:00, non-respondents and clients with a prompt due (the coach who
slips is handled in ratings.py). Candidates are tried in a seeded order; a candidate whose
replayed history does not tell the story is replayed as an ordinary client and the next is tried.

The cast gets email review requests (request_story.py) like every client: a candidate is kept only
when its history, requests and their answers included, still tells its story.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from enum import StrEnum

from feedback_desk.domain.localtime import day_start, local_day
from feedback_desk.domain.prompts import PromptRules
from feedback_desk.services.demo.history import (
    Behaviour,
    Override,
    simulate_client,
    usual_behaviour,
    with_floor,
)
from feedback_desk.services.demo.prompting import ClientLedger
from feedback_desk.services.demo.records import DemoClient, DemoSession
from feedback_desk.services.demo.request_story import RequestTerms
from feedback_desk.services.demo.world import World, add_visit

SILENT = Behaviour(kiosk=0.0, answer=0.0, ignore=0.0, app=0.0, staff=0.0)
EAGER = Behaviour(kiosk=1.0, answer=1.0, ignore=0.0, app=0.0, staff=0.0)
AVOIDANT = Behaviour(kiosk=1.0, answer=0.0, ignore=0.5, app=0.0, staff=0.0)


class Role(StrEnum):
    INVITATION_DUE = "invitation_due"
    PROMPT_DUE = "prompt_due"
    DROPPING = "dropping"
    NON_RESPONDENT = "non_respondent"


ROLE_COUNTS = {
    Role.INVITATION_DUE: 2,
    Role.PROMPT_DUE: 3,
    Role.DROPPING: 4,
    Role.NON_RESPONDENT: 4,
}


@dataclass
class Cast:
    roles: dict[int, Role] = field(default_factory=dict)
    ledgers: dict[int, ClientLedger] = field(default_factory=dict)

    def with_role(self, role: Role) -> list[int]:
        return [client_id for client_id, r in self.roles.items() if r is role]


@dataclass(frozen=True)
class _Plan:
    extra_visits: list[DemoSession]
    overrides: list[Override]
    check: Callable[[ClientLedger], bool]


def _history_rng(seed: int, client_id: int, attempt: int) -> random.Random:
    return random.Random(f"{seed}/history/{client_id}/{attempt}")


class _Director:
    def __init__(self, world: World, seed: int) -> None:
        self.world = world
        self.seed = seed
        cal = world.calendar
        self.cal = cal
        self.end = cal.horizon + timedelta(seconds=1)
        self.by_day: dict[object, list[DemoSession]] = {}
        for session in world.sessions:
            self.by_day.setdefault(local_day(session.starts_at, cal.tz), []).append(session)

    def day_start_before(self, days: int) -> datetime:
        return day_start(self.cal.until - timedelta(days=days), self.cal.tz)

    def _pairs_between(self, visits: Sequence[DemoSession], start: datetime) -> set[int]:
        return {s.class_id * 1000 + s.coach_id for s in visits if s.starts_at >= start}

    def _fresh_session(
        self, days_before: int, avoid: set[int], latest_end: time, rng: random.Random
    ) -> DemoSession | None:
        day = self.cal.until - timedelta(days=days_before)
        limit = self.cal.at(day, latest_end)
        options = [
            s
            for s in self.by_day.get(day, [])
            if s.ends_at <= limit and s.class_id * 1000 + s.coach_id not in avoid
        ]
        return rng.choice(options) if options else None

    # One plan per role ------------------------------------------------------------------
    def plan(self, role: Role, client: DemoClient, rng: random.Random) -> _Plan | None:
        visits = self.world.visits[client.id]
        cal = self.cal
        if role is Role.INVITATION_DUE:
            avoid = self._pairs_between(visits, self.day_start_before(13))
            earlier = self._fresh_session(5, avoid, time(21, 0), rng)
            if earlier is None:
                return None
            avoid.add(earlier.class_id * 1000 + earlier.coach_id)
            last = self._fresh_session(1, avoid, time(20, 30), rng)
            if last is None:
                return None
            overrides = [
                Override(self.day_start_before(12), cal.until_start, EAGER),
                Override(cal.until_start, self.end, SILENT),
            ]
            previous_day = cal.until - timedelta(days=1)

            def invitation_check(ledger: ClientLedger) -> bool:
                reviews = sorted(ledger.reviews, key=lambda r: r.created_at)
                return (
                    len(reviews) >= 3
                    and local_day(reviews[-1].created_at, cal.tz) == previous_day
                    and local_day(reviews[-2].created_at, cal.tz) < previous_day
                )

            return _Plan([earlier, last], overrides, invitation_check)
        if role is Role.PROMPT_DUE:
            extra = [
                s
                for s in (
                    self._fresh_session(1, set(), time(21, 0), rng),
                    self._fresh_session(0, set(), time(8, 15), rng),
                )
                if s is not None
            ]
            if not extra:
                return None
            overrides = [Override(self.day_start_before(8), self.end, SILENT)]
            moments = (
                cal.until_start,
                cal.horizon,
                cal.at(cal.until, time(10, 0)),
                cal.at(cal.until, time(23, 59)),
            )

            def prompt_check(ledger: ClientLedger) -> bool:
                today = [p for p in ledger.prompts if p.shown_at >= cal.until_start]
                return not today and all(ledger.due(t) is not None for t in moments)

            return _Plan(extra, overrides, prompt_check)
        if role is Role.DROPPING:
            floor = with_floor(usual_behaviour(client), kiosk=0.75, answer=0.85)
            overrides = [
                Override(cal.drop_start, self.end, EAGER),
                Override(day_start(cal.first_day, cal.tz), cal.drop_start, floor),
            ]
            usual_before = self.day_start_before(31)

            def dropping_check(ledger: ClientLedger) -> bool:
                before = sum(1 for r in ledger.reviews if r.created_at < usual_before)
                recent = sum(1 for r in ledger.reviews if r.created_at >= cal.drop_start)
                return before >= 3 and recent >= 2

            return _Plan([], overrides, dropping_check)
        window_start = self.day_start_before(95)
        counted_from = self.day_start_before(88)
        overrides = [Override(window_start, self.end, AVOIDANT)]

        def silent_check(ledger: ClientLedger) -> bool:
            shown = [p for p in ledger.prompts if counted_from <= p.shown_at < cal.until_start]
            return len(shown) >= 2

        return _Plan([], overrides, silent_check)


def _candidates(world: World, seed: int) -> list[DemoClient]:
    cal = world.calendar
    settled = max(cal.until - timedelta(days=150), cal.first_day + timedelta(days=14))
    drop_start = cal.drop_start
    chosen = []
    for client in world.clients:
        habits = client.habits
        if habits.active_until is not None or habits.active_from > settled:
            continue
        visits = world.visits[client.id]
        recent = sum(1 for s in visits if s.starts_at >= drop_start)
        if len(visits) - recent >= 10 and recent >= 5:
            chosen.append(client)
    random.Random(f"{seed}/cast").shuffle(chosen)
    return chosen


def _suits(role: Role, client: DemoClient) -> bool:
    if role is Role.INVITATION_DUE:
        return client.invitable
    if role is Role.DROPPING:
        return client.habits.temperament in ("enthusiast", "satisfied")
    return True


def replay_histories(
    world: World, seed: int, rules: PromptRules, requests: RequestTerms | None = None
) -> Cast:
    """Every client's history, the cast's made to tell their stories."""
    cal = world.calendar
    director = _Director(world, seed)
    cast = Cast()
    candidates = _candidates(world, seed)
    for role, wanted in ROLE_COUNTS.items():
        found = 0
        for client in candidates:
            if found >= wanted:
                break
            if client.id in cast.roles or not _suits(role, client):
                continue
            rng = random.Random(f"{seed}/cast/{role}/{client.id}")
            plan = director.plan(role, client, rng)
            if plan is None:
                continue
            visits = sorted(
                {s.id: s for s in [*world.visits[client.id], *plan.extra_visits]}.values(),
                key=lambda s: (s.starts_at, s.id),
            )
            ledger = simulate_client(
                client,
                visits,
                tz=cal.tz,
                horizon=cal.horizon,
                rng=_history_rng(seed, client.id, 1),
                rules=rules,
                overrides=plan.overrides,
                requests=requests,
                request_rng=random.Random(f"{seed}/requests/{client.id}/cast"),
            )
            if not plan.check(ledger):
                continue
            for session in plan.extra_visits:
                add_visit(world, session, client.id)
            world.visits[client.id] = visits
            cast.roles[client.id] = role
            cast.ledgers[client.id] = ledger
            found += 1
    for client in world.clients:
        if client.id in cast.ledgers:
            continue
        cast.ledgers[client.id] = simulate_client(
            client,
            world.visits[client.id],
            tz=cal.tz,
            horizon=cal.horizon,
            rng=_history_rng(seed, client.id, 0),
            rules=rules,
            requests=requests,
            request_rng=random.Random(f"{seed}/requests/{client.id}"),
        )
    return cast
