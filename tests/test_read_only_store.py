"""A store the user can only read (a read-only file, or a file in a read-only folder): every
read command works and leaves it byte for byte as it was; a write command says so in one
sentence."""

from __future__ import annotations

import hashlib
import json
import stat
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from feedback_desk.domain.kinds import Channel
from feedback_desk.store.database import open_store
from tests.conftest import PYTHON, subprocess_env
from tests.email.factory import add_client, add_review
from tests.support.unprivileged import bound_by_file_permissions

READS = [
    ["stats", "--from", "2026-04-01", "--to", "2026-05-31", "--json"],
    ["stats", "--from", "2026-04-01", "--to", "2026-05-31"],
    ["prompt", "C1", "--at", "2026-05-14T18:00", "--json"],
    ["trends", "--at", "2026-05-14T18:00", "--json"],
    ["actions"],
    ["actions", "--json"],
    ["invitations", "--at", "2026-05-14T18:00", "--json"],
    ["google", "reviews", "--json"],
    ["outbox", "list"],
    ["config"],
    ["config", "studio.name"],
    ["store", "status"],
]
WRITES = [
    ["config", "studio.name", "Studio Zen"],
    ["answer", "C1", "--at", "2026-05-14T18:00", "--ignore"],
]

# Runs every command in one process (one interpreter start) and reports each result.
RUNNER = """
import io, json, sys
from feedback_desk.cli import main
store, commands = sys.argv[1], json.loads(sys.argv[2])
results = []
for argv in commands:
    out, err = io.StringIO(), io.StringIO()
    code = main([*argv, "--store", store], stdout=out, stderr=err)
    results.append({"argv": argv, "code": code, "out": out.getvalue(), "err": err.getvalue()})
print(json.dumps(results))
"""


def run_bound(store: Path, commands: list[list[str]]) -> list[dict[str, object]]:
    result = subprocess.run(
        bound_by_file_permissions([PYTHON, "-c", RUNNER, str(store), json.dumps(commands)]),
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return list(json.loads(result.stdout.strip().splitlines()[-1]))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(params=["read-only file", "read-only folder"])
def read_only_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "backup"
    folder.mkdir()
    path = folder / "studio.sqlite"
    store = open_store(path)
    with store.write() as session:
        client = add_client(session, "C1")
        add_review(session, client, 2, datetime(2026, 5, 1, 15, tzinfo=UTC), channel=Channel.STAFF)
    store.close()
    if request.param == "read-only file":
        path.chmod(0o444)
    else:
        folder.chmod(0o555)
    yield path
    folder.chmod(0o755)
    path.chmod(0o644)


def test_read_commands_work_on_a_read_only_store_and_change_nothing(
    read_only_store: Path,
) -> None:
    before = digest(read_only_store)
    results = run_bound(read_only_store, READS)
    for result in results:
        assert result["code"] == 0, result
        assert result["err"] == "", result
    assert "studio.name = My studio" in str(results[READS.index(["config"])]["out"])
    assert digest(read_only_store) == before
    assert stat.S_IMODE(read_only_store.stat().st_mode) in (0o444, 0o600)


def test_a_write_command_on_a_read_only_store_says_so_in_one_sentence(
    read_only_store: Path,
) -> None:
    before = digest(read_only_store)
    for result in run_bound(read_only_store, WRITES):
        assert result["code"] == 1, result
        err = str(result["err"])
        assert f"the store {read_only_store} is read-only for you" in err
        assert len(err.strip().splitlines()) == 1
        assert "Traceback" not in err
    assert digest(read_only_store) == before


def test_an_export_from_a_read_only_store_works(read_only_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "reviews.csv"
    export = ["export", "--from", "2026-04-01", "--to", "2026-05-31", str(out)]
    [result] = run_bound(read_only_store, [export])
    assert result["code"] == 0, result
    _header, row = out.read_text(encoding="utf-8-sig").splitlines()
    assert "C1" in row
