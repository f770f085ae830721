"""Several programs at once: the first use of a new store by many processes, and a write that
waits its turn behind another program's long write."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from feedback_desk.clock import ManualClock
from feedback_desk.errors import StoreBusy
from feedback_desk.services.aspects import predefined_aspects
from feedback_desk.store.database import open_store
from feedback_desk.store.migrate import HEAD_REVISION
from feedback_desk.store.models import Aspect, Setting
from tests.conftest import PYTHON, subprocess_env
from tests.support.sqlite_lock import write_lock_held

PROCESSES = 6

# Imports first, then "ready", then all open the store the moment the go-file appears.
OPENER = """
import json, os, sys, time
from feedback_desk.services.studio import open_studio
location, go = sys.argv[1], sys.argv[2]
print("ready", flush=True)
while not os.path.exists(go):
    time.sleep(0.002)
try:
    open_studio(location).close()
    print(json.dumps({"ok": True}))
except BaseException as exc:
    print(json.dumps({"ok": False, "error": f"{type(exc).__name__}: {exc}"}))
"""


def open_all_at_once(location: str, tmp_path: Path) -> list[dict[str, object]]:
    go = tmp_path / "go"
    openers = [
        subprocess.Popen(
            [PYTHON, "-c", OPENER, location, str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=subprocess_env(),
        )
        for _ in range(PROCESSES)
    ]
    for opener in openers:
        assert opener.stdout is not None
        assert opener.stdout.readline().strip() == "ready"
    go.touch()
    results = []
    for opener in openers:
        out, err = opener.communicate(timeout=120)
        assert opener.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def test_many_programs_opening_a_new_store_at_once_all_succeed(
    any_store_location: str, tmp_path: Path
) -> None:
    results = open_all_at_once(any_store_location, tmp_path)
    assert results == [{"ok": True}] * PROCESSES
    store = open_store(any_store_location)
    with store.read() as session:
        version = session.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        aspects = session.scalar(select(func.count()).select_from(Aspect))
    store.close()
    assert version == [HEAD_REVISION]
    assert aspects == len(predefined_aspects()), "the catalogue was added once"


def test_a_write_waits_for_another_programs_long_write_then_goes_ahead(
    store_path: Path, clock: ManualClock
) -> None:
    open_store(store_path).close()
    # SQLite's own wait is cut to 0.1 s: the store must keep trying beyond it.
    store = open_store(store_path, busy_seconds=0.1, lock_wait=30)
    with write_lock_held(store_path, release_after=1.0), store.write() as session:
        session.add(Setting(key="studio.name", value="Studio Zen"))
    with store.read() as session:
        assert session.get(Setting, "studio.name") is not None
    store.close()


def test_a_write_gives_up_in_one_sentence_when_the_lock_never_comes(store_path: Path) -> None:
    open_store(store_path).close()
    store = open_store(store_path, busy_seconds=0.1, lock_wait=0.5)
    with (
        write_lock_held(store_path),
        pytest.raises(StoreBusy, match="stayed busy: another program kept writing"),
        store.write() as session,
    ):
        session.add(Setting(key="studio.name", value="Studio Zen"))
    with store.read() as session:
        assert session.get(Setting, "studio.name") is None
    store.close()


def test_a_new_store_another_program_is_already_writing_to_opens_once_it_is_done(
    tmp_path: Path,
) -> None:
    # The other program took the write lock before the store was switched to WAL: SQLite
    # refuses the switch at once rather than wait (a wait there could deadlock).
    location = tmp_path / "studio.sqlite"
    location.touch()
    with write_lock_held(location, release_after=0.5):
        store = open_store(location)
    with store.read() as session:
        version = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    store.close()
    assert version == HEAD_REVISION
