"""The watch folder: files import themselves once they stop changing, then move aside."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.errors import UserInputError
from feedback_desk.services.importing.folder import (
    LOCK_NAME,
    FolderLooks,
    FolderPass,
    import_folder_once,
    kind_of,
)
from feedback_desk.store.database import Store
from feedback_desk.store.models import AuditEntry, Client
from tests.conftest import CliResult
from tests.importing.conftest import add_people, snapshot
from tests.test_cli_basics import headless_probe

Cli = Callable[..., CliResult]
CLIENTS = "id,first_name,last_name\nC1,Ann,Lee\nC2,Bob,Roy\n"
VISITS = (
    "Client ID;Cours;Date;Heure;Entraîneur;Statut\n"
    "C1;Spin;14/03/2026;18:00;Julie Roy;Présent\n"
    "C3;Spin;14/03/2026;18:00;Julie Roy;Absent\n"
)


class LookTime:
    """The looks' clock, moved by hand: no test waits for a file to settle."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "exports"
    made.mkdir()
    return made


@pytest.fixture
def watch(studio: Store, folder: Path, clock: ManualClock) -> Callable[[float], FolderPass]:
    """Look at the folder *after* seconds after the previous look (settling takes 5)."""
    looks, look_time = FolderLooks(), LookTime()

    def look(after: float = 10) -> FolderPass:
        look_time.now += after
        return import_folder_once(studio, folder, clock, looks=looks, look_time=look_time, settle=5)

    return look


def names(store: Store) -> list[str]:
    with store.read() as session:
        return sorted(c.external_id for c in session.scalars(select(Client)))


def test_a_file_is_imported_once_it_stops_changing_then_moves_with_its_log(
    studio: Store, folder: Path, watch: Callable[[float], FolderPass]
) -> None:
    (folder / "clients-2026-03-14.csv").write_text(CLIENTS, encoding="utf-8")

    first = watch(0)
    assert (first.files, first.waiting) == ((), ("clients-2026-03-14.csv",))
    assert names(studio) == []

    done = watch(10)

    assert [f.name for f in done.imported] == ["clients-2026-03-14.csv"]
    assert names(studio) == ["C1", "C2"]
    assert not (folder / "clients-2026-03-14.csv").exists()
    assert (folder / "imported" / "clients-2026-03-14.csv").read_text() == CLIENTS
    log = (folder / "imported" / "clients-2026-03-14.log").read_text().splitlines()
    assert log == [
        "2026-05-14T18:00:00-04:00 clients-2026-03-14.csv: 2 created, 0 updated, 0 unchanged"
    ]
    assert done.status() == "Watch folder: Imported 1 file"
    with studio.read() as session:
        entries = session.scalars(select(AuditEntry)).all()
    assert [(e.action, e.entity_id) for e in entries] == [("import_csv", "clients-2026-03-14.csv")]
    assert watch(10) == FolderPass(folder)  # nothing left to do


def test_a_file_still_being_written_is_not_imported_yet(
    studio: Store, folder: Path, watch: Callable[[float], FolderPass]
) -> None:
    path = folder / "clients.csv"
    path.write_text("id,first_name,last_name\nC1,Ann,Lee\n", encoding="utf-8")
    watch(0)
    with path.open("a", encoding="utf-8") as more:  # the export is not finished
        more.write("C2,Bob,Roy\n")
    assert watch(10).waiting == ("clients.csv",)
    assert watch(3).waiting == ("clients.csv",)  # unchanged, but not for 5 seconds yet
    assert names(studio) == []

    assert [f.name for f in watch(3).imported] == ["clients.csv"]
    assert names(studio) == ["C1", "C2"]


def test_a_bad_file_moves_to_failed_with_every_problem_and_writes_nothing(
    studio: Store, folder: Path, watch: Callable[[float], FolderPass]
) -> None:
    add_people(studio, clients={"C1": ("Ann", "Lee")})
    before = snapshot(studio, skip=())
    (folder / "visits.csv").write_text(VISITS.replace("14/03/2026", "0026-03-14"), "utf-8")
    watch(0)

    result = watch(10)

    [failed] = result.failed
    problems = (folder / "failed" / "visits.errors.txt").read_text().splitlines()
    assert problems == [
        'visits.csv:2: date: "0026-03-14" is before 1900 (a typo in the year?)',
        'visits.csv:3: date: "0026-03-14" is before 1900 (a typo in the year?)',
        'visits.csv:3: client_id: unknown client "C3" (no client with this id in the store or '
        "in this import)",
    ]
    assert failed.problems == tuple(problems)
    assert (folder / "failed" / "visits.csv").exists()
    assert result.status() == "Watch folder: 1 failed (see failed/): visits.csv"
    assert snapshot(studio, skip=()) == before


def test_mapping_files_beside_a_file_or_for_its_kind(
    studio: Store, folder: Path, watch: Callable[[float], FolderPass]
) -> None:
    export = "Numéro,Prénom,Nom\nC1,Ann,Lee\n"
    (folder / "clients-a.csv").write_text(export, encoding="utf-8")
    (folder / "clients-a.map.json").write_text(json.dumps({"columns": {"Numéro": "id"}}))
    (folder / "coaches-b.csv").write_text(export.replace("C1", "E1"), encoding="utf-8")
    (folder / "coaches.map.json").write_text(json.dumps({"columns": {"Numéro": "id"}}))
    watch(0)

    result = watch(10)

    assert [f.name for f in result.imported] == ["clients-a.csv", "coaches-b.csv"]
    assert (folder / "imported" / "clients-a.map.json").exists()  # its own: moved with it
    assert (folder / "coaches.map.json").exists()  # the kind's: stays for the next files


def test_a_name_that_says_no_kind_and_other_files(
    studio: Store, folder: Path, watch: Callable[[float], FolderPass]
) -> None:
    (folder / "export.csv").write_text(CLIENTS, encoding="utf-8")
    (folder / "notes.txt").write_text("not a CSV file")
    (folder / "clients.xlsx").write_bytes(b"PK\x03\x04")
    watch(0)
    [failed] = watch(10).failed
    assert failed.problems == (
        "export.csv: the file's name does not say what it holds: it must start with one of "
        "clients, coaches, entraineurs, sessions, seances, visits, visites, attendance, "
        "presences, reviews, avis",
    )
    assert sorted(p.name for p in folder.iterdir()) == ["clients.xlsx", "failed", "notes.txt"]


def test_files_go_oldest_first_after_the_files_they_refer_to(
    studio: Store, folder: Path, watch: Callable[[float], FolderPass]
) -> None:
    files = {
        "visits-1.csv": VISITS.replace("C3", "C2"),
        "clients.csv": CLIENTS,
        "visits-0.csv": VISITS.replace("C3", "C2").replace("Absent", "Présent"),
    }
    for age, (name, content) in enumerate(files.items()):
        (folder / name).write_text(content, encoding="utf-8")
        os.utime(folder / name, ns=(10**18 + age * 10**9, 10**18 + age * 10**9))
    watch(0)

    result = watch(10)

    # visits-1 is the oldest, but it needs the clients of clients.csv, which go first.
    assert [f.name for f in result.imported] == ["clients.csv", "visits-1.csv", "visits-0.csv"]
    assert result.failed == ()


def test_a_name_already_in_imported_is_not_overwritten(
    studio: Store, folder: Path, watch: Callable[[float], FolderPass]
) -> None:
    for _night in range(2):
        (folder / "clients.csv").write_text(CLIENTS, encoding="utf-8")
        watch(10)
        assert watch(10).imported
    assert sorted(p.name for p in (folder / "imported").iterdir()) == [
        "clients (2).csv",
        "clients (2).log",
        "clients.csv",
        "clients.log",
    ]


def test_a_folder_held_by_a_live_pass_is_left_alone_and_a_dead_one_s_lock_is_taken(
    studio: Store, folder: Path, watch: Callable[[float], FolderPass]
) -> None:
    from feedback_desk.services.outbox.claims import ClaimMaker

    (folder / "clients.csv").write_text(CLIENTS, encoding="utf-8")
    lock = folder / LOCK_NAME
    lock.write_text(ClaimMaker().token(__import__("time").time()))  # this live process
    watch(0)
    assert watch(10).busy
    assert names(studio) == []

    lock.write_text("0a1b2c3d.999999999.1.1.dead")  # a process long gone
    assert [f.name for f in watch(10).imported] == ["clients.csv"]
    assert not lock.exists()


def test_a_folder_that_is_gone_is_said(studio: Store, tmp_path: Path, clock: ManualClock) -> None:
    with pytest.raises(UserInputError, match="does not exist"):
        import_folder_once(studio, tmp_path / "gone", clock)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Clients_2026-03-14.csv", "clients"),
        ("visites du jour.csv", "visits"),
        ("Séances.csv", "sessions"),
        ("reviews.CSV", "reviews"),
        ("export.csv", None),
    ],
)
def test_the_kind_is_the_start_of_the_name(name: str, kind: str | None) -> None:
    assert kind_of(name) == kind


def test_the_command_does_one_pass(studio: Store, folder: Path, cli: Cli, tmp_path: Path) -> None:
    assert cli("config", "import.settle_seconds", "0").code == 0
    nowhere = cli("import-folder")
    assert (nowhere.code, nowhere.err) == (
        2,
        "import-folder: no folder (give --folder DIR, or set one with `feedback-desk config "
        "import.watch_folder DIR`)\n",
    )
    assert cli("import-folder", "--folder", str(tmp_path / "missing")).code == 2
    assert cli("config", "import.watch_folder", str(folder)).code == 0
    assert cli("import-folder").out == f"{folder}: nothing to import\n"

    (folder / "clients.csv").write_text(CLIENTS, encoding="utf-8")
    (folder / "visits.csv").write_text(VISITS, encoding="utf-8")
    result = cli("import-folder", "--at", "2026-03-15T02:00")

    assert result.code == 2
    assert result.out == (
        "2026-03-15T02:00:00-04:00 clients.csv: 2 created, 0 updated, 0 unchanged\n"
    )
    assert result.err == (
        'visits.csv:3: client_id: unknown client "C3" (no client with this id in the store or '
        "in this import)\n"
    )
    assert names(studio) == ["C1", "C2"]


def test_the_command_loads_neither_qt_nor_matplotlib(
    folder: Path, store_path: Path, cli: Cli
) -> None:
    assert cli("config", "import.settle_seconds", "0").code == 0  # no real waiting
    (folder / "clients.csv").write_text(CLIENTS, encoding="utf-8")
    argv = ["import-folder", "--folder", str(folder), "--store", str(store_path)]
    assert headless_probe(argv) == {"code": 0, "heavy": []}
