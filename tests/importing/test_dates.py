"""Dates and times as exports write them, read by stated rules, never by a guess."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from feedback_desk.services.importing import (
    DateDetection,
    ImportReport,
    detect_date_order,
)
from feedback_desk.services.settings import set_setting
from feedback_desk.store.database import Store
from feedback_desk.store.models import ClassSession, Review
from tests.importing.conftest import WriteCsv, add_people, refused, snapshot

Importer = Callable[..., ImportReport]


@pytest.fixture
def people(studio: Store) -> Store:
    add_people(studio, clients={"C1": ("Ann", "Lee")}, coaches={"E1": ("Julie", "Roy")})
    return studio


def set_date_order(store: Store, order: str) -> None:
    with store.write() as session:
        set_setting(session, "import.date_order", order, at=datetime.now(UTC), actor="test")


def starts(store: Store) -> dict[str, datetime]:
    with store.read() as session:
        return {s.external_id: s.starts_at for s in session.scalars(select(ClassSession))}


def test_every_accepted_way_of_writing_a_start(
    people: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv(
        "sessions.csv",
        "id,class_name,coach_id,starts_at\n"
        "S1,Spin,E1,2026-03-14T18:00\n"
        "S2,Spin,E1,14/03/2026 18:00\n"
        "S3,Spin,E1,14-03-2026 6:00 PM\n"
        "S4,Spin,E1,14.03.2026 18 h 00\n"
        "S5,Spin,E1,2026/03/14 6 p.m.\n"
        "S6,Spin,E1,2026-03-14T22:00:00Z\n"
        "S7,Spin,E1,2026-03-14 17:00-05:00\n",
    )
    do_import("sessions", path)
    # 18:00 in Toronto on March 14, 2026 (daylight time) is 22:00 UTC, however it is written.
    assert set(starts(people).values()) == {datetime(2026, 3, 14, 22, 0, tzinfo=UTC)}


def test_the_setting_decides_day_and_month_and_a_contradicting_date_says_which_setting(
    people: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv(
        "sessions.csv", "id,class_name,coach_id,starts_at\nS1,Spin,E1,03/04/2026 18:00\n"
    )
    do_import("sessions", path)
    assert starts(people)["S1"].date() == date(2026, 4, 3)  # dmy by default

    set_date_order(people, "mdy")
    do_import("sessions", path)
    assert starts(people)["S1"].date() == date(2026, 3, 4)

    us_file = write_csv(
        "us.csv", "id,class_name,coach_id,starts_at\nS2,Spin,E1,03/14/2026 6:00 PM\n"
    )
    do_import("sessions", us_file)
    set_date_order(people, "dmy")
    assert refused(do_import, "sessions", us_file) == [
        'us.csv:2: starts_at: "03/14/2026 6:00 PM" is not a valid day/month/year date, but it is '
        "one read as month/day/year: if the file writes month/day/year dates, set "
        "import.date_order to mdy (feedback-desk config import.date_order mdy) or give a "
        '"date_format" in a mapping file (--map)'
    ]


def test_a_year_26_review_is_a_bad_row_not_a_review_in_year_26(
    people: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    before = snapshot(people, skip=())
    path = write_csv(
        "reviews.csv",
        "id,client_id,kind,stars,created_at\n"
        "R1,C1,business,5,2026-05-14T10:00\n"
        "R2,C1,business,4,0026-05-15\n"
        "R3,C1,business,4,1899-12-31\n"
        "R4,C1,business,4,15/05/2027\n"
        "R5,C1,business,4,14/05/2027\n"
        "R6,C1,business,4,15/05/26\n",
    )
    # The test clock's today is 2026-05-14 in Toronto: a year after is 2027-05-14.
    assert refused(do_import, "reviews", path) == [
        'reviews.csv:3: created_at: "0026-05-15" is before 1900 (a typo in the year?)',
        'reviews.csv:4: created_at: "1899-12-31" is before 1900 (a typo in the year?)',
        'reviews.csv:5: created_at: "15/05/2027" is more than a year after today (2026-05-14)',
        'reviews.csv:7: created_at: "15/05/26" has a two-digit year; write the year with four '
        'digits or give a "date_format" in a mapping file (--map)',
    ]
    assert snapshot(people, skip=()) == before
    with people.read() as session:
        assert session.scalars(select(Review)).all() == []


def test_date_and_time_columns_are_combined(
    people: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv(
        "sessions.csv",
        "ID;Cours;Coach ID;Date;Heure;Durée\n"
        "S1;Spin;E1;14/03/2026;18:00;45,0\n"
        "S2;Yoga;E1;14/03/2026;7:30 AM;60\n",
    )
    do_import("sessions", path)
    assert starts(people) == {
        "S1": datetime(2026, 3, 14, 22, 0, tzinfo=UTC),
        "S2": datetime(2026, 3, 14, 11, 30, tzinfo=UTC),
    }
    with people.read() as session:
        durations = {s.external_id: s.duration_min for s in session.scalars(select(ClassSession))}
    assert durations == {"S1": 45, "S2": 60}


def test_bad_date_time_and_number_cells(
    people: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv(
        "sessions.csv",
        "id,class_name,coach_id,date,time,duration_min\n"
        "S1,Spin,E1,31/02/2026,18:00,45\n"
        "S2,Spin,E1,14/03/2026,25:00,45\n"
        "S3,Spin,E1,14/03/2026,,45\n"
        "S4,Spin,E1,14/03/2026,18:00,45,5\n"
        'S5,Spin,E1,14/03/2026,18:00,"45,5"\n',
    )
    assert refused(do_import, "sessions", path) == [
        'sessions.csv:2: date: "31/02/2026" is not a date (e.g. 2026-03-14 or 14/03/2026)',
        'sessions.csv:3: time: "25:00" is not a time of day (e.g. 18:00 or 6:00 PM)',
        "sessions.csv:4: time is empty; it is required",
        'sessions.csv:5: this line has 7 values but the header has 6 columns (a value holding ","'
        " must be between double quotes)",
        'sessions.csv:6: duration_min: "45,5" is not a whole number of at least 1',
    ]


def test_a_date_column_without_a_time_column_is_refused_for_sessions(
    people: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv("sessions.csv", "id,class_name,coach_id,date\nS1,Spin,E1,14/03/2026\n")
    assert refused(do_import, "sessions", path) == [
        'sessions.csv:1: missing required column "time"'
    ]


@pytest.mark.parametrize(
    ("samples", "expected"),
    [
        (["2026-03-14", "2026-04-01T10:00"], DateDetection("iso")),
        (["03/04/2026", "13/04/2026"], DateDetection("dmy", "13/04/2026")),
        (["03/04/2026", "04/13/2026 6:00 PM"], DateDetection("mdy", "04/13/2026 6:00 PM")),
        (["03/04/2026", "05.06.2026"], DateDetection("setting")),
        (["13/04/2026", "04/13/2026"], DateDetection("mixed", "13/04/2026 / 04/13/2026")),
        (["mardi", ""], DateDetection("unknown")),
    ],
)
def test_the_date_order_a_column_shows(samples: list[str], expected: DateDetection) -> None:
    assert detect_date_order(samples) == expected
