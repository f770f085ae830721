"""Sessions (classes, coaches, local times) and attendance (matched by session and client)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import delete, event, select

from feedback_desk.services.importing import ImportRejected, ImportReport
from feedback_desk.store.database import Store
from feedback_desk.store.models import Attendance, ClassSession, ClassType
from tests.importing.conftest import WriteCsv, snapshot

Importer = Callable[..., ImportReport]

PEOPLE = {
    "clients": "id,first_name,last_name\nC1,Ann,Lee\nC2,Bob,Roy\nC3,Cy,Doe\n",
    "coaches": "id,first_name,last_name\nE1,Julie,Tremblay\nE2,Max,Roy\n",
}


@pytest.fixture
def people(studio: Store, write_csv: WriteCsv, do_import: Importer) -> Store:
    for kind, content in PEOPLE.items():
        do_import(kind, write_csv(f"{kind}.csv", content))
    return studio


def problems(importer: Importer, kind: str, path: object) -> list[str]:
    with pytest.raises(ImportRejected) as caught:
        importer(kind, path)
    return caught.value.problems


def sessions(store: Store) -> dict[str, ClassSession]:
    with store.read() as session:
        return {s.external_id: s for s in session.scalars(select(ClassSession))}


def test_local_times_offsets_and_daylight_saving_edges(
    people: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv(
        "sessions.csv",
        "id,class_name,coach_id,starts_at,duration_min,location\n"
        "S1,Spin 45,E1,2026-01-15T18:00,45,Studio A\n"  # EST, UTC-5
        "S2,Spin 45,E1,2026-07-15 18:00,,\n"  # EDT, UTC-4
        "S3,Yoga,E2,2026-07-15T18:00:00+02:00,75,\n"  # an offset wins over the studio's zone
        "S4,Yoga,E2,2026-03-08T02:30,60,\n"  # skipped hour: moved forward by the gap
        "S5,Yoga,E2,2026-11-01T01:30,60,\n"  # repeated hour: the first occurrence (EDT)
        "S6,Yoga,E2,2026-07-15T22:00Z,60,\n",
    )
    do_import("sessions", path)
    found = sessions(people)
    assert found["S1"].starts_at == datetime(2026, 1, 15, 23, 0, tzinfo=UTC)
    assert found["S2"].starts_at == datetime(2026, 7, 15, 22, 0, tzinfo=UTC)
    assert found["S3"].starts_at == datetime(2026, 7, 15, 16, 0, tzinfo=UTC)
    assert found["S4"].starts_at == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)  # 03:30 EDT
    assert found["S5"].starts_at == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)  # 01:30 EDT
    assert found["S6"].starts_at == datetime(2026, 7, 15, 22, 0, tzinfo=UTC)
    assert (found["S1"].duration_min, found["S1"].location) == (45, "Studio A")
    assert (found["S2"].duration_min, found["S2"].location) == (60, None)  # default duration


def test_class_names_create_or_find_classes_ignoring_case_and_accents(
    people: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    with people.write() as session:
        session.add(ClassType(name="Méditation"))
    path = write_csv(
        "sessions.csv",
        "id,class_name,coach_id,starts_at\n"
        "S1,Spin 45,E1,2026-05-01T18:00\n"
        "S2,spin  45,E1,2026-05-02T18:00\n"
        "S3,MEDITATION,E2,2026-05-03T18:00\n",
    )
    report = do_import("sessions", path)
    assert report.files[0].new_classes == ("Spin 45",)
    with people.read() as session:
        assert sorted(session.scalars(select(ClassType.name))) == ["Méditation", "Spin 45"]
    found = sessions(people)
    assert found["S1"].class_id == found["S2"].class_id
    assert found["S3"].class_type.name == "Méditation"


def test_bad_session_rows(people: Store, write_csv: WriteCsv, do_import: Importer) -> None:
    path = write_csv(
        "sessions.csv",
        "id,class_name,coach_id,starts_at,duration_min\n"
        "S1,Spin,E9,2026-05-01T18:00,45\n"
        "S2,Spin,E1,2026-05-01,45\n"
        "S3,Spin,E1,le 1er mai,45\n"
        "S4,Spin,E1,2026-05-01T18:00,0\n"
        "S5,Spin,E1,2026-05-01T18:00,1h\n"
        "S6,,E1,2026-05-01T18:00,45\n",
    )
    assert problems(do_import, "sessions", path) == [
        'sessions.csv:2: coach_id: unknown coach "E9" (no coach with this id in the store or '
        "in this import)",
        'sessions.csv:3: starts_at: "2026-05-01" has no time of day (e.g. 2026-03-14T18:00)',
        'sessions.csv:4: starts_at: "le 1er mai" is not a date and time '
        "(e.g. 2026-03-14T18:00 or 14/03/2026 18:00)",
        'sessions.csv:5: duration_min: "0" is not a whole number of at least 1',
        'sessions.csv:6: duration_min: "1h" is not a whole number of at least 1',
        "sessions.csv:7: class_name is empty; it is required",
    ]
    assert sessions(people) == {}


def test_sessions_are_updated_by_id_and_partial_files_keep_the_rest(
    people: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    full = write_csv(
        "sessions.csv",
        "id,class_name,coach_id,starts_at,duration_min,location\n"
        "S1,Spin,E1,2026-05-01T18:00,45,Studio A\n"
        "S2,Yoga,E2,2026-05-02T09:00,75,Studio B\n",
    )
    do_import("sessions", full)
    before = snapshot(people)
    assert do_import("sessions", full).summaries() == [
        "sessions.csv: 0 created, 0 updated, 2 unchanged"
    ]
    assert snapshot(people) == before

    moved = write_csv(
        "moved.csv",
        "id,class_name,coach_id,starts_at\nS1,Spin,E2,2026-05-01T19:00\nS2,Yoga,E2,2026-05-02T09:00\n",
    )
    assert do_import("sessions", moved).summaries() == [
        "moved.csv: 0 created, 1 updated, 1 unchanged"
    ]
    s1 = sessions(people)["S1"]
    assert s1.coach.external_id == "E2"
    assert s1.starts_at == datetime(2026, 5, 1, 23, 0, tzinfo=UTC)
    assert (s1.duration_min, s1.location) == (45, "Studio A")  # columns absent: kept


ATTENDANCE = "session_id,client_id,present\nS1,C1,yes\nS1,C2,non\nS2,C1,1\nS2,C3,oui\n"


@pytest.fixture
def timetable(people: Store, write_csv: WriteCsv, do_import: Importer) -> Store:
    do_import(
        "sessions",
        write_csv(
            "sessions.csv",
            "id,class_name,coach_id,starts_at\nS1,Spin,E1,2026-05-01T18:00\n"
            "S2,Yoga,E2,2026-05-02T09:00\n",
        ),
    )
    return people


def attendance(store: Store) -> dict[tuple[str, str], bool]:
    with store.read() as session:
        rows = session.scalars(select(Attendance)).all()
        return {(a.session.external_id, a.client.external_id): a.present for a in rows}


def test_attendance_is_matched_by_session_and_client(
    timetable: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv("attendance.csv", ATTENDANCE)
    assert do_import("attendance", path).summaries() == [
        "attendance.csv: 4 created, 0 updated, 0 unchanged"
    ]
    assert attendance(timetable) == {
        ("S1", "C1"): True,
        ("S1", "C2"): False,
        ("S2", "C1"): True,
        ("S2", "C3"): True,
    }
    before = snapshot(timetable)
    assert do_import("attendance", path).summaries() == [
        "attendance.csv: 0 created, 0 updated, 4 unchanged"
    ]
    assert snapshot(timetable) == before

    corrected = write_csv("late.csv", "session_id;client_id;present\nS1;C2;oui\nS1;C3;no\n")
    assert do_import("attendance", corrected).summaries() == [
        "late.csv: 1 created, 1 updated, 0 unchanged"
    ]
    assert attendance(timetable)[("S1", "C2")] is True
    assert attendance(timetable)[("S1", "C3")] is False
    assert len(attendance(timetable)) == 5


def test_bad_attendance_rows(timetable: Store, write_csv: WriteCsv, do_import: Importer) -> None:
    path = write_csv(
        "attendance.csv",
        "session_id,client_id,present\n"
        "S1,C1,yes\n"
        "S9,C1,yes\n"
        "S1,C9,yes\n"
        "S2,C2,maybe\n"
        "S2,C3,\n"
        "S1,C1,no\n",
    )
    assert problems(do_import, "attendance", path) == [
        'attendance.csv:3: session_id: unknown session "S9" (no session with this id in the '
        "store or in this import)",
        'attendance.csv:4: client_id: unknown client "C9" (no client with this id in the store '
        "or in this import)",
        'attendance.csv:5: present: "maybe" is neither yes/no nor a status word (signed in, '
        "attended, présent; no-show, absent, late cancel, cancelled, annulé); say what it means "
        'in a mapping file (--map): "values": {"present": {"maybe": "yes"}}',
        "attendance.csv:6: present is empty; it is required (yes/no, oui/non, true/false or 1/0)",
        'attendance.csv:7: client "C1" in session "S1" appears twice: already on line 2',
    ]
    assert attendance(timetable) == {}


def test_attendance_looks_ids_up_in_bulk_not_row_by_row(
    timetable: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    """The number of queries does not grow with the number of rows (no N+1)."""

    def statements_for(rows: int) -> int:
        with timetable.write() as session:
            session.execute(delete(Attendance))
            session.add_all(
                ClassSession(
                    external_id=f"X{rows}-{i}",
                    class_id=1,
                    coach_id=1,
                    starts_at=datetime(2026, 5, 3, tzinfo=UTC),
                )
                for i in range(rows)
            )
        lines = "".join(f"X{rows}-{i},C{1 + i % 3},yes\n" for i in range(rows))
        path = write_csv(f"att{rows}.csv", "session_id,client_id,present\n" + lines)
        seen: list[str] = []

        def count(*args: object) -> None:
            seen.append(str(args[2]))

        event.listen(timetable.engine, "before_cursor_execute", count)
        try:
            do_import("attendance", path)
        finally:
            event.remove(timetable.engine, "before_cursor_execute", count)
        return len(seen)

    small, large = statements_for(30), statements_for(1200)
    # Bigger files only add chunked IN queries (500 ids each) and batched inserts.
    assert large <= small + 12
