"""Fixtures of the rollup tests: a small studio on SQLite and PostgreSQL, and the check that its
rollups are exactly what a full recount of the reviews and prompts gives."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from feedback_desk.clock import ManualClock
from feedback_desk.services.reports import PeriodReport, ReportScope, period_report
from feedback_desk.services.rollups import check_rollups, mismatch_lines
from feedback_desk.services.studio import open_studio
from feedback_desk.store.database import Store
from tests.support.studio_builder import StudioBuilder


@pytest.fixture
def studio(any_store_location: str, clock: ManualClock) -> Iterator[Store]:
    opened = open_studio(any_store_location, clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def builder(studio: Store) -> StudioBuilder:
    return StudioBuilder(studio)


def assert_exact(store: Store) -> int:
    """The rollups agree with a recount; returns how many rollup rows there are."""
    with store.read() as session:
        checks = check_rollups(session)
    assert mismatch_lines(checks) == []
    return sum(check.rows for check in checks)


def report(store: Store, first: date, last: date, **scope: int | None) -> PeriodReport:
    with store.read() as session:
        return period_report(
            session, ReportScope(first, last, **scope), with_classes=True, with_recommend=True
        )
