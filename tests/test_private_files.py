"""What Feedback Desk creates is private to the user, whatever the umask: the store and its WAL
and SHM files, its folders, exports, the demo and the log."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from feedback_desk.domain.kinds import Channel
from feedback_desk.store.database import open_store
from tests.email.factory import T0, add_client, add_review


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The usual umask, which leaves new files readable by everyone."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_store_its_wal_and_shm_and_its_new_folders_are_private(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "studio.sqlite"
    store = open_store(path)
    try:
        with store.write() as session:
            add_client(session, "C1")
        wal, shm = path.with_name("studio.sqlite-wal"), path.with_name("studio.sqlite-shm")
        assert wal.exists()
        assert shm.exists()
        assert {p.name: mode(p) for p in (path, wal, shm)} == {
            "studio.sqlite": 0o600,
            "studio.sqlite-wal": 0o600,
            "studio.sqlite-shm": 0o600,
        }
        assert mode(tmp_path / "new") == 0o700
        assert mode(tmp_path / "new" / "folder") == 0o700
    finally:
        store.close()


@pytest.mark.parametrize("name", ["reviews.csv", "reviews.xlsx"])
def test_exports_are_private(cli, store, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    with store.write() as session:
        client = add_client(session, "C1")
        add_review(session, client, 2, T0, channel=Channel.STAFF, comment="Trop chaud")
    out = tmp_path / name
    result = cli("export", "--from", "2026-01-01", "--to", "2026-01-31", str(out))
    assert result.code == 0, result.err
    assert mode(out) == 0o600


def test_the_demo_store_and_the_log_are_private(cli, tmp_path: Path, isolated_data_dir) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "demo.sqlite"
    result = cli(
        "demo",
        str(target),
        "--clients",
        "40",
        "--months",
        "3",
        "--until",
        "2026-03-10",
        store=False,
    )
    assert result.code == 0, result.err
    assert mode(target) == 0o600
    log = isolated_data_dir / "logs" / "feedback-desk.log"
    assert log.exists()
    assert mode(log) == 0o600
    assert mode(log.parent) == 0o700
    assert mode(isolated_data_dir) == 0o700
