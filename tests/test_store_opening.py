"""Opening only what is a store: another program's file is refused and left byte for byte as it
was; a damaged store is reported as damaged; File → New store… never adopts an existing file."""

from __future__ import annotations

import hashlib
import io
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from feedback_desk.cli import main
from feedback_desk.errors import NotAStore, UserInputError
from feedback_desk.services.studio import new_studio
from feedback_desk.store.database import open_store
from feedback_desk.store.sqlite_file import APPLICATION_ID
from tests.conftest import CliResult


def run(*args: str) -> CliResult:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return CliResult(code, out.getvalue(), err.getvalue())


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file of the folder and the hash of its bytes."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
    }


def another_programs_database(path: Path, *, wal: bool) -> None:
    with closing(sqlite3.connect(path)) as connection:
        if wal:
            connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, customer TEXT)")
        connection.execute("INSERT INTO invoices (customer) VALUES ('Acme')")
        connection.commit()


@pytest.mark.parametrize("wal", [False, True], ids=["rollback-journal", "wal"])
def test_another_programs_sqlite_file_is_refused_and_left_byte_for_byte(
    tmp_path: Path, wal: bool
) -> None:
    folder = tmp_path / "accounting"
    folder.mkdir()
    foreign = folder / "books.db"
    another_programs_database(foreign, wal=wal)
    before = fingerprint(folder)

    result = run("stats", "--from", "2026-01-01", "--to", "2026-01-31", "--store", str(foreign))
    assert result.code == 1
    assert f"{foreign} is not a Feedback Desk store" in result.err
    assert len(result.err.strip().splitlines()) == 1
    with pytest.raises(NotAStore, match="invoices"):
        open_store(foreign)
    assert fingerprint(folder) == before


def test_a_file_that_is_not_a_database_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    folder = tmp_path / "documents"
    folder.mkdir()
    notes = folder / "notes.txt"
    notes.write_text("Clients to call back: Élodie, Marc\n", encoding="utf-8")
    before = fingerprint(folder)
    result = run("config", "--store", str(notes))
    assert result.code == 1
    assert "is not a Feedback Desk store (it is not a SQLite database)" in result.err
    assert fingerprint(folder) == before


@pytest.mark.parametrize("content", ["nothing", "an empty database"])
def test_an_empty_file_or_an_empty_database_becomes_a_store(tmp_path: Path, content: str) -> None:
    path = tmp_path / "new.sqlite"
    if content == "nothing":
        path.touch()
    else:
        sqlite3.connect(path).close()
    assert run("config", "studio.name", "Studio Zen", "--store", str(path)).code == 0
    assert int.from_bytes(path.read_bytes()[68:72], "big") == APPLICATION_ID


def test_a_store_made_before_the_application_id_is_still_recognised(store_path: Path) -> None:
    open_store(store_path).close()
    with closing(sqlite3.connect(store_path)) as connection:
        connection.execute("PRAGMA application_id = 0")
        connection.commit()
    assert run("config", "studio.name", "Studio Zen", "--store", str(store_path)).code == 0


def test_a_postgresql_database_of_another_program_is_refused_untouched(
    postgres_server_url: str | None,
) -> None:
    if postgres_server_url is None:
        pytest.skip("PostgreSQL is not installed here (CI installs it)")
    from tests.support.postgres import create_database

    url = create_database(postgres_server_url, "fd_foreign_accounting")
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE invoices (id serial PRIMARY KEY, customer text)"))
    with pytest.raises(NotAStore, match="invoices"):
        open_store(url)
    with engine.connect() as connection:
        assert inspect(connection).get_table_names() == ["invoices"]
    engine.dispose()


def test_a_new_store_refuses_an_existing_file_and_creates_a_fresh_one(tmp_path: Path) -> None:
    folder = tmp_path / "stores"
    folder.mkdir()
    existing = folder / "studio.sqlite"
    new_studio(existing).close()
    other = folder / "letter.txt"
    other.write_text("x")
    before = fingerprint(folder)
    for taken in (existing, other):
        with pytest.raises(UserInputError, match="already exists"):
            new_studio(taken)
    assert fingerprint(folder) == before

    fresh = new_studio(tmp_path / "nested" / "second.sqlite")
    with fresh.read() as session:
        assert session.execute(text("SELECT count(*) FROM aspects")).scalar_one() > 0
    fresh.close()


def test_a_damaged_store_says_so_names_the_file_and_what_to_do(store_path: Path) -> None:
    assert run("config", "studio.name", "Studio Zen", "--store", str(store_path)).code == 0
    size = store_path.stat().st_size
    with store_path.open("r+b") as file:
        # Keep the header and the schema page; scramble every page after them.
        file.seek(4096)
        file.write(bytes(range(256)) * ((size - 4096) // 256))
    result = run("config", "--store", str(store_path))
    assert result.code == 1
    assert f"the store {store_path} is damaged" in result.err
    assert "replace that file with your latest backup" in result.err
    assert "unexpected" not in result.err
    assert "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1
