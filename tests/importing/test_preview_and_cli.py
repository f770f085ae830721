"""The preview the window shows before importing, and `feedback-desk import KIND FILE`."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.services.importing import ImportReport, PreviewRow, preview_import
from feedback_desk.store.database import Store
from feedback_desk.store.models import AuditEntry, Client
from tests.conftest import PYTHON, CliResult, subprocess_env
from tests.importing.conftest import WriteCsv, snapshot
from tests.importing.test_reviews import edit_by_hand

Importer = Callable[..., ImportReport]
Cli = Callable[..., CliResult]


def test_preview_shows_first_rows_delimiter_problems_and_counts_without_writing(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    do_import("clients", write_csv("old.csv", "id,first_name,last_name\nC1,Ann,Lee\nC2,Bob,Roy\n"))
    before = snapshot(studio, skip=())
    good = write_csv(
        "clients.csv",
        "id;first_name;last_name;notes\nC1;Ann;Lee;\nC2;Bobby;Roy;vip\n"
        + "".join(f"C{i};N{i};L{i};\n" for i in range(3, 40)),
    )

    preview = preview_import(studio, "clients", good, name="clients.csv", max_rows=3)

    assert preview.delimiter == ";"
    assert preview.header == ("id", "first_name", "last_name", "notes")
    assert preview.rows == (
        PreviewRow(2, ("C1", "Ann", "Lee", "")),
        PreviewRow(3, ("C2", "Bobby", "Roy", "vip")),
        PreviewRow(4, ("C3", "N3", "L3", "")),
    )
    assert preview.row_count == 39
    assert preview.ignored_columns == ("notes",)
    assert preview.problems == ()
    assert preview.can_import
    assert (preview.would_create, preview.would_update, preview.unchanged) == (37, 1, 1)
    assert snapshot(studio, skip=()) == before

    report = do_import("clients", good)
    assert (report.files[0].created, report.files[0].updated, report.files[0].unchanged) == (
        37,
        1,
        1,
    )


def test_preview_lists_every_problem(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv("attendance.csv", "session_id,client_id,present\nS1,C1,yes\nS1,C1,peut-être\n")
    preview = preview_import(studio, "attendance", path, name="attendance.csv")
    assert preview.problems == (
        'attendance.csv:2: session_id: unknown session "S1" (no session with this id in the '
        "store or in this import)",
        'attendance.csv:2: client_id: unknown client "C1" (no client with this id in the store '
        "or in this import)",
        'attendance.csv:3: client "C1" in session "S1" appears twice: already on line 2',
        'attendance.csv:3: present: "peut-être" is neither yes/no nor a status word (signed in, '
        "attended, présent; no-show, absent, late cancel, cancelled, annulé); say what it means "
        'in a mapping file (--map): "values": {"present": {"peut-être": "yes"}}',
        'attendance.csv:3: session_id: unknown session "S1" (no session with this id in the '
        "store or in this import)",
        'attendance.csv:3: client_id: unknown client "C1" (no client with this id in the store '
        "or in this import)",
    )
    assert not preview.can_import
    assert [row.cells for row in preview.rows] == [("S1", "C1", "yes"), ("S1", "C1", "peut-être")]


def test_preview_of_a_file_that_is_not_csv(studio: Store, write_csv: WriteCsv) -> None:
    preview = preview_import(studio, "clients", write_csv("book.xlsx", b"PK\x03\x04rest"))
    assert preview.delimiter is None
    assert preview.rows == ()
    assert len(preview.problems) == 1
    assert "Excel workbook" in preview.problems[0]
    assert not preview.can_import


def test_cli_prints_a_summary_and_exits_0(studio: Store, write_csv: WriteCsv, cli: Cli) -> None:
    path = write_csv("clients.csv", "id,first_name,last_name\nC1,Ann,Lee\nC2,Bob,Roy\n")
    first = cli("import", "clients", str(path))
    assert (first.code, first.err) == (0, "")
    assert first.out == f"{path}: 2 created, 0 updated, 0 unchanged\n"
    again = cli("import", "clients", str(path))
    assert again.out == f"{path}: 0 created, 0 updated, 2 unchanged\n"


def test_cli_imports_several_files_in_one_transaction(
    studio: Store, write_csv: WriteCsv, cli: Cli
) -> None:
    coaches = write_csv("coaches.csv", "id,first_name,last_name\nE1,Julie,Roy\n")
    sessions = write_csv(
        "sessions.csv", "id,class_name,coach_id,starts_at\nS1,Spin,E1,2026-03-01T10:00\n"
    )
    bad = write_csv("attendance.csv", "session_id,client_id,present\nS1,C1,yes\n")
    before = snapshot(studio, skip=())
    refused = cli(
        "import", "sessions", str(sessions), "coaches", str(coaches), "attendance", str(bad)
    )
    assert refused.code == 2
    assert refused.err.splitlines() == [
        f'{bad}:2: client_id: unknown client "C1" (no client with this id in the store or in '
        "this import)"
    ]
    assert snapshot(studio, skip=()) == before

    done = cli("import", "sessions", str(sessions), "coaches", str(coaches))
    assert done.out.splitlines() == [
        f"{sessions}: 1 created, 0 updated, 0 unchanged",
        "new classes: Spin",
        f"{coaches}: 1 created, 0 updated, 0 unchanged",
    ]
    odd = cli("import", "sessions", str(sessions), "coaches")
    assert (odd.code, odd.err) == (
        2,
        "import: 'coaches' has no FILE after it (give KIND FILE pairs)\n",
    )
    wrong = cli("import", "sessions", str(sessions), "teachers", str(coaches))
    assert wrong.code == 2
    assert "unknown KIND 'teachers'" in wrong.err


def test_cli_at_dates_what_the_import_records(studio: Store, write_csv: WriteCsv, cli: Cli) -> None:
    path = write_csv("clients.csv", "id,first_name,last_name\nC1,Ann,Lee\n")
    assert cli("import", "clients", str(path), "--at", "2026-03-08T03:30").code == 0
    with studio.read() as session:
        ann = session.scalars(select(Client)).one()
        entry = session.scalars(select(AuditEntry)).one()
    assert ann.created_at == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)  # 03:30 EDT
    assert entry.at == ann.created_at


def test_cli_reports_every_bad_line_with_the_file_as_given_and_exits_2(
    studio: Store, write_csv: WriteCsv, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_csv("coaches.csv", "id,first_name,last_name,email\nE1,Ann,,\nE2,Bob,Roy,bob@\n")
    monkeypatch.chdir(tmp_path)
    before = snapshot(studio, skip=())
    result = cli("import", "coaches", "coaches.csv")
    assert result.code == 2
    assert result.out == ""
    assert result.err.splitlines() == [
        "coaches.csv:2: last_name is empty; it is required",
        'coaches.csv:3: email: "bob@" is not an email address',
    ]
    assert snapshot(studio, skip=()) == before


def test_cli_prints_warnings_to_stderr_and_still_exits_0(
    studio: Store, write_csv: WriteCsv, cli: Cli, clock: ManualClock
) -> None:
    clients = write_csv("clients.csv", "id,first_name,last_name\nC1,Ann,Lee\n")
    reviews = write_csv(
        "reviews.csv",
        "id,client_id,kind,stars,created_at,aspects\nR1,C1,business,1,2026-03-01T10:00,Parking\n",
    )
    assert cli("import", "clients", str(clients)).code == 0
    first = cli("import", "reviews", str(reviews))
    assert first.out.splitlines() == [f"{reviews}: 1 created, 0 updated, 0 unchanged"]
    edit_by_hand(studio, "R1", 5, clock.now())

    result = cli("import", "reviews", str(reviews))

    assert result.code == 0
    assert result.err.splitlines() == [
        f'{reviews}:2: warning: review "R1" was edited by hand: it keeps its 5 stars '
        "(the file says 1)"
    ]
    assert result.out.splitlines() == [f"{reviews}: 0 created, 0 updated, 1 unchanged"]


def test_cli_names_new_aspects_and_classes(studio: Store, write_csv: WriteCsv, cli: Cli) -> None:
    for kind, text in (
        ("clients", "id,first_name,last_name\nC1,Ann,Lee\n"),
        ("coaches", "id,first_name,last_name\nE1,Julie,Roy\n"),
    ):
        assert cli("import", kind, str(write_csv(f"{kind}.csv", text))).code == 0
    sessions = write_csv(
        "sessions.csv", "id,class_name,coach_id,starts_at\nS1,Zumba,E1,2026-03-01T10:00\n"
    )
    assert cli("import", "sessions", str(sessions)).out.splitlines()[1] == "new classes: Zumba"
    reviews = write_csv(
        "reviews.csv",
        "id,client_id,kind,session_id,stars,created_at,aspects\n"
        "R1,C1,class,S1,5,2026-03-01T11:00,Les bananes|Musique\n",
    )
    assert cli("import", "reviews", str(reviews)).out.splitlines()[1] == (
        "new aspects awaiting a manager's approval: Les bananes (class)"
    )


def test_cli_in_a_real_process_does_not_load_qt(
    studio: Store, write_csv: WriteCsv, store_path: Path
) -> None:
    path = write_csv("clients.csv", "id,first_name,last_name\nC1,Ann,Lee\n")
    probe = (
        "import sys; from feedback_desk.cli import main; code = main(sys.argv[1:]); "
        "heavy = {m.split('.')[0] for m in sys.modules} & {'PySide6', 'matplotlib'}; "
        "print(sorted(heavy)); sys.exit(code)"
    )
    result = subprocess.run(
        [PYTHON, "-c", probe, "import", "clients", str(path), "--store", str(store_path)],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=60,
        check=False,
        cwd=os.fspath(path.parent),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"{path}: 1 created, 0 updated, 0 unchanged", "[]"]
