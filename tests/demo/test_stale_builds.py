"""A demo killed half-way leaves a hidden `.building` file; the next run removes it (and only
the ones whose builder is gone)."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

from feedback_desk.services.processes import start_time
from tests.conftest import PYTHON, subprocess_env

SMALL = ["--clients", "60", "--months", "4", "--until", "2026-03-10"]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".building" in p.name)


def test_the_next_demo_removes_what_a_killed_one_left_behind(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "demo.sqlite"
    builder = subprocess.Popen(
        [PYTHON, "-m", "feedback_desk", "demo", str(target), *SMALL],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=subprocess_env(),
    )
    deadline = time.monotonic() + 60
    while not leftovers(tmp_path) and builder.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    builder.send_signal(signal.SIGKILL)
    builder.wait(timeout=30)
    assert leftovers(tmp_path), "the killed build left its file behind"

    # A build whose process still runs (another builder) is not touched.
    other = subprocess.Popen(["sleep", "60"])
    try:
        started = start_time(other.pid)
        running = tmp_path / f".demo.sqlite.{other.pid}.{started}.building"
        running.write_bytes(b"")
        result = cli("demo", str(target), *SMALL, store=False)
    finally:
        other.kill()
        other.wait()

    assert result.code == 0, result.err
    assert leftovers(tmp_path) == [running.name]
    assert target.exists()
