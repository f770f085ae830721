"""One bad row and nothing is written; one transaction per import; one audit entry per file."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.services.importing import (
    ImportKind,
    ImportRejected,
    ImportReport,
    ImportSource,
    import_files,
)
from feedback_desk.services.progress import Cancelled
from feedback_desk.store.database import Store
from feedback_desk.store.models import AuditEntry
from tests.importing.conftest import WriteCsv, snapshot

Importer = Callable[..., ImportReport]


def test_one_bad_row_and_nothing_is_written(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    do_import("clients", write_csv("first.csv", "id,first_name,last_name\nC1,Ann,Lee\n"))
    before = snapshot(studio, skip=())
    rows = "".join(f"C{i},Name{i},Last{i}\n" for i in range(2, 300))
    # C1 renamed (an update) and 298 new clients, but C150 has no first name.
    path = write_csv(
        "clients.csv",
        "id,first_name,last_name\nC1,Anne,Lee\n" + rows.replace("C150,Name150,", "C150,,"),
    )
    with pytest.raises(ImportRejected) as caught:
        do_import("clients", path)
    assert caught.value.problems == ["clients.csv:151: first_name is empty; it is required"]
    assert snapshot(studio, skip=()) == before  # audit log included: not even an entry


def test_every_bad_row_is_reported_not_just_the_first(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    rows = "".join(
        f"C{i},Name{i},Last{i},{'bad' if i % 100 == 0 else ''}\n" for i in range(1, 1001)
    )
    path = write_csv("clients.csv", "id,first_name,last_name,email\n" + rows)
    with pytest.raises(ImportRejected) as caught:
        do_import("clients", path)
    assert len(caught.value.problems) == 10
    assert caught.value.problems[0] == 'clients.csv:101: email: "bad" is not an email address'
    assert caught.value.problems[-1].startswith("clients.csv:1001: ")
    assert snapshot(studio)["clients"] == []


def test_a_batch_of_files_refers_to_its_own_ids_and_is_written_together(
    studio: Store, write_csv: WriteCsv, clock: ManualClock
) -> None:
    files = {
        ImportKind.REVIEWS: write_csv(
            "reviews.csv",
            "id,client_id,kind,session_id,stars,created_at\nR1,C1,class,S1,2,2026-03-14T20:00\n",
        ),
        ImportKind.ATTENDANCE: write_csv(
            "attendance.csv", "session_id,client_id,present\nS1,C1,yes\n"
        ),
        ImportKind.SESSIONS: write_csv(
            "sessions.csv", "id,class_name,coach_id,starts_at\nS1,Spin,E1,2026-03-14T18:00\n"
        ),
        ImportKind.COACHES: write_csv("coaches.csv", "id,first_name,last_name\nE1,Julie,Roy\n"),
        ImportKind.CLIENTS: write_csv("clients.csv", "id,first_name,last_name\nC1,Ann,Lee\n"),
    }
    sources = [ImportSource(kind, path, path.name) for kind, path in files.items()]

    report = import_files(studio, sources, clock=clock)

    # Reported in the order given, written in dependency order.
    assert report.summaries() == [
        f"{name}: 1 created, 0 updated, 0 unchanged"
        for name in ("reviews.csv", "attendance.csv", "sessions.csv", "coaches.csv", "clients.csv")
    ]
    tables = snapshot(studio)
    assert [
        len(tables[t]) for t in ("clients", "coaches", "sessions", "attendance", "reviews")
    ] == [
        1,
        1,
        1,
        1,
        1,
    ]


def test_a_bad_row_in_one_file_of_a_batch_writes_none_of_them(
    studio: Store, write_csv: WriteCsv, clock: ManualClock
) -> None:
    clients = write_csv("clients.csv", "id,first_name,last_name\nC1,Ann,Lee\nC2,,Roy\n")
    attendance = write_csv("attendance.csv", "session_id,client_id,present\nS1,C2,yes\n")
    coaches = write_csv("coaches.csv", "id,first_name,last_name\nE1,Julie,Roy\n")
    before = snapshot(studio, skip=())
    with pytest.raises(ImportRejected) as caught:
        import_files(
            studio,
            [
                ImportSource(ImportKind.CLIENTS, clients, "clients.csv"),
                ImportSource(ImportKind.COACHES, coaches, "coaches.csv"),
                ImportSource(ImportKind.ATTENDANCE, attendance, "attendance.csv"),
            ],
            clock=clock,
        )
    # C2 is defined by the batch (on a bad row): only its own problem and the unknown session.
    assert caught.value.problems == [
        "clients.csv:3: first_name is empty; it is required",
        'attendance.csv:2: session_id: unknown session "S1" (no session with this id in the '
        "store or in this import)",
    ]
    assert snapshot(studio, skip=()) == before


class StopAfter:
    """A progress that asks to stop once the import has started writing."""

    def __init__(self, reports: int) -> None:
        self.left = reports

    def report(self, done: int, total: int | None, message: str) -> None:
        if "writing" in message:
            self.left -= 1

    @property
    def cancelled(self) -> bool:
        return self.left <= 0


def test_stopping_in_the_middle_of_the_writes_leaves_the_store_as_it_was(
    studio: Store, write_csv: WriteCsv, clock: ManualClock
) -> None:
    clients = write_csv(
        "clients.csv",
        "id,first_name,last_name\n" + "".join(f"C{i},A,B\n" for i in range(3000)),
    )
    coaches = write_csv("coaches.csv", "id,first_name,last_name\nE1,Julie,Roy\n")
    before = snapshot(studio, skip=())
    with pytest.raises(Cancelled):
        import_files(
            studio,
            [
                ImportSource(ImportKind.COACHES, coaches),
                ImportSource(ImportKind.CLIENTS, clients),
            ],
            clock=clock,
            progress=StopAfter(2),  # after 2,000 of the clients, the coach already flushed
        )
    assert snapshot(studio, skip=()) == before


def test_each_file_imported_leaves_one_audit_entry(
    studio: Store, write_csv: WriteCsv, do_import: Importer, clock: ManualClock
) -> None:
    path = write_csv("clients.csv", "id,first_name,last_name\nC1,Ann,Lee\nC2,Bob,Roy\n")
    do_import("clients", path, actor="Julie")
    do_import("clients", path, actor="Julie")
    with studio.read() as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert [(e.action, e.entity_id, e.actor, e.at) for e in entries] == [
        ("import_csv", "clients.csv", "Julie", clock.now()),
        ("import_csv", "clients.csv", "Julie", clock.now()),
    ]
    details = [json.loads(e.details) for e in entries]
    assert [(d["kind"], d["created"], d["updated"], d["unchanged"]) for d in details] == [
        ("clients", 2, 0, 0),
        ("clients", 0, 0, 2),
    ]


def test_two_files_of_the_same_kind_in_one_batch_are_refused(
    studio: Store, tmp_path: Path, clock: ManualClock
) -> None:
    with pytest.raises(ImportRejected) as caught:
        import_files(
            studio,
            [
                ImportSource(ImportKind.CLIENTS, tmp_path / "a.csv", "a.csv"),
                ImportSource(ImportKind.CLIENTS, tmp_path / "b.csv", "b.csv"),
            ],
            clock=clock,
        )
    assert caught.value.problems == ["b.csv: a second clients file in the same import"]
