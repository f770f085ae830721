"""One window per store: a second launch on a store that a window has open brings that window
forward and exits, so that two outboxes and two Google syncs never run on one store."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from feedback_desk import paths
from feedback_desk.services.studio import open_studio
from tests.conftest import PYTHON, subprocess_env


@contextmanager
def _window(store: Path) -> Iterator[subprocess.Popen[str]]:
    """`feedback-desk --store STORE` in its own process, closed (if still open) at the end."""
    env = subprocess_env()
    env["QT_QPA_PLATFORM"] = "offscreen"
    with subprocess.Popen(
        [PYTHON, "-m", "feedback_desk", "--store", str(store)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            yield process
        finally:
            if process.poll() is None:
                process.terminate()
            process.communicate(timeout=30)


def _lock_holders() -> set[int]:
    """The processes named in the store locks (QLockFile writes its holder's pid first)."""
    holders = set()
    for lock in (paths.data_dir() / "instances").glob("*.lock"):
        first_line = lock.read_text().splitlines()[:1]
        if first_line and first_line[0].strip().isdigit():
            holders.add(int(first_line[0]))
    return holders


def _wait_for(condition, seconds: float = 60) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)  # another process is starting: nothing of ours to drive meanwhile


def test_a_second_launch_on_the_same_store_brings_the_first_window_forward(
    tmp_path: Path,
) -> None:
    store = tmp_path / "studio.sqlite"
    open_studio(store).close()
    log = paths.data_dir() / "logs" / "feedback-desk.log"
    other = tmp_path / "other.sqlite"
    open_studio(other).close()
    with _window(store) as first:
        # The first window is up once it holds the store's lock.
        _wait_for(lambda: _lock_holders() == {first.pid})
        with _window(store) as second:
            _out, err = second.communicate(timeout=60)
        assert second.returncode == 0
        assert "already open on this store" in err
        _wait_for(lambda: log.is_file() and "bringing the window forward" in log.read_text())
        assert first.poll() is None  # the first window is still open
        with _window(other) as third:  # another store gets its own window
            _wait_for(lambda: _lock_holders() == {first.pid, third.pid} or third.poll() is not None)
            assert third.poll() is None


def test_the_lock_of_a_window_that_died_is_taken_over(tmp_path: Path) -> None:
    store = tmp_path / "studio.sqlite"
    open_studio(store).close()
    with _window(store) as first:
        _wait_for(lambda: _lock_holders() == {first.pid})
        first.kill()  # no clean exit: the lock file stays behind
        first.wait(timeout=30)
    assert _lock_holders() == {first.pid}
    with _window(store) as second:
        _wait_for(lambda: _lock_holders() == {second.pid} or second.poll() is not None)
        assert second.poll() is None
