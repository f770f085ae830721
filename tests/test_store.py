"""Store creation, engine settings and the migrations' agreement with the models."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import select, text

from feedback_desk.errors import StoreError
from feedback_desk.store.database import Store, open_store
from feedback_desk.store.migrate import HEAD_REVISION, KNOWN_REVISIONS, MIGRATIONS_DIR
from feedback_desk.store.models import Base, Client


def test_a_new_store_is_created_at_the_latest_schema(any_store: Store) -> None:
    with any_store.engine.connect() as connection:
        assert (
            connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
            == HEAD_REVISION
        )
        diff = compare_metadata(
            MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata
        )
    assert diff == [], "the models and the migrations disagree: add a migration"


def test_head_revision_constant_matches_the_migration_scripts() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    scripts = ScriptDirectory.from_config(config)
    assert scripts.get_current_head() == HEAD_REVISION
    assert [rev.revision for rev in reversed(list(scripts.walk_revisions()))] == list(
        KNOWN_REVISIONS
    )


def test_sqlite_store_uses_wal_and_enforces_foreign_keys(store: Store) -> None:
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_instants_come_back_as_utc_whatever_offset_went_in(any_store: Store) -> None:
    store = any_store
    toronto_evening = datetime.fromisoformat("2026-03-14T18:00:00-04:00")
    with store.write() as session:
        session.add(
            Client(
                external_id="C1",
                first_name="Élodie",
                last_name="Gagné",
                created_at=toronto_evening,
                updated_at=toronto_evening,
                joined_on=date(2026, 1, 5),
            )
        )
    with store.read() as session:
        client = session.scalars(select(Client)).one()
    assert client.created_at == datetime(2026, 3, 14, 22, 0, tzinfo=UTC)
    assert client.created_at.tzinfo is UTC


def test_naive_instants_are_refused_rather_than_guessed(any_store: Store) -> None:
    store = any_store
    with pytest.raises(Exception, match="timezone-aware"), store.write() as session:
        session.add(
            Client(
                external_id="C1",
                first_name="A",
                last_name="B",
                created_at=datetime(2026, 3, 14, 18),
                updated_at=datetime(2026, 3, 14, 18),
            )
        )
        session.flush()


def test_a_failed_write_leaves_the_store_as_it_was(any_store: Store) -> None:
    store = any_store
    now = datetime(2026, 3, 14, tzinfo=UTC)
    with pytest.raises(RuntimeError), store.write() as session:
        session.add(
            Client(external_id="C1", first_name="A", last_name="B", created_at=now, updated_at=now)
        )
        session.flush()
        raise RuntimeError("crash mid-write")
    with store.read() as session:
        assert session.scalars(select(Client)).all() == []


def test_a_store_from_a_newer_version_is_refused_with_a_clear_message(store_path: Path) -> None:
    open_store(store_path).close()
    with sqlite3.connect(store_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError, match="newer version of Feedback Desk"):
        open_store(store_path)


def test_a_folder_that_cannot_hold_a_store_gives_a_one_line_reason(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot open"):
        open_store(blocker / "store.sqlite")
