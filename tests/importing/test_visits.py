"""`import visits`: one visit history gives classes, coaches, sessions and attendance."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.services.importing import ImportKind, ImportReport, ImportSource, import_files
from feedback_desk.services.importing.visits import visit_session_id
from feedback_desk.store.database import Store
from feedback_desk.store.models import Attendance, ClassSession, ClassType, Client, Coach
from tests.conftest import CliResult
from tests.importing.conftest import WriteCsv, add_people, refused, snapshot

Importer = Callable[..., ImportReport]
Cli = Callable[..., CliResult]

# A visit history as French Excel saves it: Windows-1252, semicolons, day/month/year.
HISTORY = (
    "No de membre;Prénom;Nom;Cours;Date;Heure;Entraîneur;Durée;Salle;Statut\r\n"
    "M1;Élodie;Gagné;Spin 45;14/03/2026;18:00;Julie Tremblay;45,0;Studio A;Présent\r\n"
    "M2;Jean;Côté;Spin 45;14/03/2026;18:00;Julie Tremblay;45,0;Studio A;No-show\r\n"
    "M3;Zoé;Roy;spin 45;14/03/2026;18:00;Julie Tremblay;45;Studio A;Late cancel\r\n"
    "M1;Élodie;Gagné;Yoga doux;15/03/2026;9:30 AM;Marc-André Côté;60;Studio B;\r\n"
    "M2;Jean;Côté;Yoga doux;15/03/2026;9:30 AM;Marc-André Côté;60;Studio B;Annulé\r\n"
)
LATER = (  # the next night's export: overlaps the first (M2 came after all), adds a class
    "No de membre;Prénom;Nom;Cours;Date;Heure;Entraîneur;Durée;Salle;Statut\r\n"
    "M1;Élodie;Gagné;Yoga doux;15/03/2026;9:30 AM;Marc-André Côté;60;Studio B;Signed in\r\n"
    "M2;Jean;Côté;Yoga doux;15/03/2026;9:30 AM;Marc-André Côté;60;Studio B;Attended\r\n"
    "M3;Zoé;Roy;Yoga doux;16/03/2026;9:30 AM;Marc-André Côté;60;Studio B;Présent\r\n"
)


@pytest.fixture
def members(studio: Store) -> Store:
    people = {"M1": ("Élodie", "Gagné"), "M2": ("Jean", "Côté"), "M3": ("Zoé", "Roy")}
    add_people(studio, clients=people)
    return studio


def bookings(store: Store) -> dict[tuple[str, str, str], bool]:
    """(class, local start, client) → present."""
    with store.read() as session:
        rows = session.execute(
            select(ClassType.name, ClassSession.starts_at, Client.external_id, Attendance.present)
            .join(ClassSession, Attendance.session_id == ClassSession.id)
            .join(ClassType, ClassSession.class_id == ClassType.id)
            .join(Client, Attendance.client_id == Client.id)
        ).all()
    return {(c, f"{s:%Y-%m-%d %H:%M}", who): present for c, s, who, present in rows}


def test_a_french_excel_visit_history(
    members: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv("visites.csv", HISTORY, encoding="cp1252")

    [report] = do_import("visits", path).files

    assert report.summary() == (
        "visites.csv: 5 created, 0 updated, 0 unchanged (not UTF-8: read as Windows-1252)"
    )
    assert report.details() == [
        "new sessions: 2",
        "new coaches: Julie Tremblay, Marc-André Côté",
        "new classes: Spin 45, Yoga doux",
    ]
    assert bookings(members) == {  # UTC starts: 18:00 and 9:30 in Toronto (daylight time)
        ("Spin 45", "2026-03-14 22:00", "M1"): True,
        ("Spin 45", "2026-03-14 22:00", "M2"): False,
        ("Spin 45", "2026-03-14 22:00", "M3"): False,
        ("Yoga doux", "2026-03-15 13:30", "M1"): True,  # no status: present
        ("Yoga doux", "2026-03-15 13:30", "M2"): False,
    }
    with members.read() as session:
        coaches = {c.external_id: c.full_name for c in session.scalars(select(Coach))}
        found = {s.external_id: s for s in session.scalars(select(ClassSession))}
    assert coaches == {"julie-tremblay": "Julie Tremblay", "marc-andre-cote": "Marc-André Côté"}
    spin_id = visit_session_id(
        "spin 45", datetime(2026, 3, 14, 22, 0, tzinfo=UTC), "julie-tremblay"
    )
    assert spin_id.startswith("V202603142200-")
    assert (found[spin_id].duration_min, found[spin_id].location) == (45, "Studio A")


def test_re_importing_changes_nothing_and_a_later_export_adds_only_its_new_rows(
    members: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    first = write_csv("visites.csv", HISTORY, encoding="cp1252")
    do_import("visits", first)
    before = snapshot(members)

    again = do_import("visits", first)

    assert again.summaries() == [
        "visites.csv: 0 created, 0 updated, 5 unchanged (not UTF-8: read as Windows-1252)"
    ]
    assert again.files[0].details() == []
    assert snapshot(members) == before

    later = do_import("visits", write_csv("visites-2.csv", LATER, encoding="cp1252"))

    assert later.summaries() == [
        "visites-2.csv: 1 created, 1 updated, 1 unchanged (not UTF-8: read as Windows-1252)"
    ]
    assert later.files[0].details() == ["new sessions: 1"]
    assert bookings(members)[("Yoga doux", "2026-03-15 13:30", "M2")] is True
    assert ("Yoga doux", "2026-03-16 13:30", "M3") in bookings(members)
    assert len(bookings(members)) == 6


def test_a_coach_named_by_name_is_the_coach_of_that_name(
    members: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    with members.write() as session:
        session.add(Coach(external_id="E3", first_name="Julie", last_name="Tremblay"))
    path = write_csv(
        "visits.csv",
        "client_id,class_name,starts_at,coach_name\nM1,Spin,2026-03-14T18:00,julie TREMBLAY\n",
    )
    report = do_import("visits", path)
    assert report.files[0].new_coaches == ()
    with members.read() as session:
        [session_row] = session.scalars(select(ClassSession)).all()
        assert session_row.coach.external_id == "E3"
        assert (session_row.duration_min, session_row.location) == (60, None)  # the defaults


def test_coach_problems(members: Store, write_csv: WriteCsv, do_import: Importer) -> None:
    with members.write() as session:
        session.add(Coach(external_id="E3", first_name="Anne", last_name="Roy"))
        session.add(Coach(external_id="E4", first_name="Anne", last_name="Roy"))
    path = write_csv(
        "visits.csv",
        "client_id,class_name,starts_at,coach_id,coach_name\n"
        "M1,Spin,2026-03-14T18:00,,Anne Roy\n"
        "M1,Yoga,2026-03-14T19:00,E9,\n"
        "M1,Pilates,2026-03-14T20:00,,\n"
        "M2,Barre,2026-03-14T21:00,E10,Paul Roy\n",
    )
    assert refused(do_import, "visits", path) == [
        'visits.csv:2: coach_name "Anne Roy": several coaches have this name (E3, E4); give a '
        "coach_id column",
        'visits.csv:3: coach_id "E9": unknown coach (no coach with this id in the store or in '
        "this import); import coaches first, or add a coach_name column so that it is created",
        "visits.csv:4: coach_name is empty; it is required",
    ]


def test_clients_must_exist_or_come_in_the_same_command(
    studio: Store, write_csv: WriteCsv, cli: Cli
) -> None:
    visits = write_csv("visits.csv", HISTORY, encoding="cp1252")
    before = snapshot(studio, skip=())
    refused = cli("import", "visits", str(visits))
    assert refused.code == 2
    assert refused.err.splitlines()[0] == (
        f'{visits}:2: client_id: unknown client "M1" (no client with this id in the store or in '
        "this import)"
    )
    assert len(refused.err.splitlines()) == 5  # every row is reported
    assert snapshot(studio, skip=()) == before

    clients = write_csv(
        "clients.csv", "id,first_name,last_name\nM1,Élodie,Gagné\nM2,Jean,Côté\nM3,Zoé,Roy\n"
    )
    done = cli("import", "visits", str(visits), "clients", str(clients))
    assert done.code == 0, done.err
    assert len(bookings(studio)) == 5


def test_bad_visit_rows(members: Store, write_csv: WriteCsv, do_import: Importer) -> None:
    path = write_csv(
        "visits.csv",
        "client_id,class_name,date,time,coach_name,duration_min,present\n"
        "M1,Spin,14/03/2026,18:00,Julie Roy,45,Signed in\n"
        "M1,Spin,14/03/2026,18:00,Julie Roy,45,Attended\n"
        "M2,Spin,14/03/2026,18:00,Julie Roy,60,yes\n"
        "M3,Spin,14/03/2026,18:00,Julie Roy,45,peut-être\n",
    )
    assert refused(do_import, "visits", path) == [
        'visits.csv:3: client "M1" in "Spin" on 2026-03-14 18:00 with "julie-roy" appears '
        "twice: already on line 2",
        'visits.csv:4: duration_min: "60" differs from line 2 ("45") for the same class, start '
        "and coach",
        'visits.csv:5: present: "peut-être" is neither yes/no nor a status word (signed in, '
        "attended, présent; no-show, absent, late cancel, cancelled, annulé); say what it means "
        'in a mapping file (--map): "values": {"present": {"peut-être": "yes"}}',
    ]


def test_a_visits_file_needs_a_coach_column(
    members: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv("visits.csv", "client_id,class_name,starts_at\nM1,Spin,2026-03-14T18:00\n")
    assert refused(do_import, "visits", path) == [
        'visits.csv:1: missing required column "coach_id" or "coach_name"'
    ]


def test_visits_attendance_and_reviews_on_sqlite_and_postgresql(
    any_store: Store, write_csv: WriteCsv, clock: ManualClock
) -> None:
    """The bulk writes (Core inserts and updates in batches) on both databases."""
    clients = write_csv(
        "clients.csv", "id,first_name,last_name\nM1,Élodie,Gagné\nM2,Jean,Côté\nM3,Zoé,Roy\n"
    )
    visits = write_csv("visites.csv", HISTORY, encoding="cp1252")
    sources = [
        ImportSource(ImportKind.CLIENTS, clients, "clients.csv"),
        ImportSource(ImportKind.VISITS, visits, "visites.csv"),
    ]
    assert import_files(any_store, sources, clock=clock).files[1].created == 5
    later = write_csv("visites-2.csv", LATER, encoding="cp1252")
    report = import_files(any_store, [ImportSource(ImportKind.VISITS, later)], clock=clock)
    assert (report.files[0].created, report.files[0].updated) == (1, 1)
    assert bookings(any_store)[("Yoga doux", "2026-03-15 13:30", "M2")] is True
    with any_store.read() as session:
        first = session.scalars(
            select(ClassSession.external_id).order_by(ClassSession.starts_at)
        ).first()
    attendance = write_csv(
        "attendance.csv", f"session_id,client_id,present\n{first},M1,no\n{first},M2,no\n"
    )
    done = import_files(any_store, [ImportSource(ImportKind.ATTENDANCE, attendance)], clock=clock)
    assert (done.files[0].updated, done.files[0].unchanged) == (1, 1)
