"""`feedback-desk demo PATH`: writes the studio, replaces an old file, refuses bad options."""

from __future__ import annotations

from pathlib import Path

from feedback_desk.services.settings import load_settings
from feedback_desk.store.database import open_store


def test_demo_writes_a_studio_and_names_its_story(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "out" / "demo.sqlite"
    path.parent.mkdir()
    path.write_bytes(b"not a database at all")
    result = cli(
        "demo", str(path), "--clients", "60", "--months", "4", "--until", "2026-03-10", store=False
    )
    assert result.code == 0, result.err
    assert "Studio Élan" in result.out
    assert "E2" in result.out
    store = open_store(path)
    try:
        with store.read() as session:
            assert load_settings(session).studio_name == "Studio Élan"
    finally:
        store.close()
    assert sorted(
        p.name for p in path.parent.iterdir() if not p.name.endswith(("-wal", "-shm"))
    ) == ["demo.sqlite"]


def test_bad_options_are_refused_one_line_each(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli(
        "demo", str(tmp_path / "d.sqlite"), "--clients", "3", "--months", "200", store=False
    )
    assert result.code == 2
    assert result.err.splitlines() == [
        "--clients must be between 40 and 20000",
        "--months must be between 3 and 60",
    ]
    assert not (tmp_path / "d.sqlite").exists()
    bad_day = cli("demo", str(tmp_path / "d.sqlite"), "--until", "2026-02-30", store=False)
    assert bad_day.code == 2
    assert "--until" in bad_day.err


def test_the_default_last_day_is_today_on_the_clock(tmp_path: Path) -> None:
    import io
    from datetime import UTC, date, datetime

    from sqlalchemy import func, select

    from feedback_desk.cli import main
    from feedback_desk.clock import FixedClock
    from feedback_desk.store.models import Review

    path = tmp_path / "today.sqlite"
    clock = FixedClock(datetime(2026, 7, 1, 3, 0, tzinfo=UTC))  # still June 30 in Toronto
    code = main(
        ["demo", str(path), "--clients", "60", "--months", "4"],
        stdout=io.StringIO(),
        stderr=io.StringIO(),
        clock=clock,
    )
    assert code == 0
    store = open_store(path)
    try:
        with store.read() as session:
            assert session.scalar(select(func.max(Review.local_day))) == date(2026, 6, 30)
    finally:
        store.close()


def test_the_demo_command_never_loads_qt_or_matplotlib(tmp_path: Path) -> None:
    import json
    import subprocess

    from tests.conftest import PYTHON, subprocess_env

    probe = """
import io, json, sys
from feedback_desk.cli import main
code = main(sys.argv[1:], stdout=io.StringIO(), stderr=io.StringIO())
heavy = sorted({m.split('.')[0] for m in sys.modules} & {'PySide6', 'matplotlib', 'shiboken6'})
print(json.dumps({"code": code, "heavy": heavy}))
"""
    args = ["demo", str(tmp_path / "d.sqlite"), "--clients", "40", "--months", "3"]
    result = subprocess.run(
        [PYTHON, "-c", probe, *args],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=120,
        check=False,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"code": 0, "heavy": []}


def test_a_path_that_cannot_be_replaced_is_reported_in_one_line(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, isolated_data_dir: Path
) -> None:
    folder = tmp_path / "taken.sqlite"
    (folder / "inside").mkdir(parents=True)
    result = cli("demo", str(folder), "--clients", "40", "--months", "3", store=False)
    assert result.code == 1
    assert result.err.startswith("error: cannot replace")
    assert len(result.err.strip().splitlines()) == 1
    # Nothing left beside it (the data folder holds the run's log).
    assert [p.name for p in tmp_path.iterdir() if p != isolated_data_dir] == ["taken.sqlite"]
