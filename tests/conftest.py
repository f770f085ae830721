"""Every test runs on its own temp data folder, QSettings folder and keyring; Qt runs offscreen."""

from __future__ import annotations

import io
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

# Before anything imports Qt or requests: offscreen Qt, no proxy for loopback servers, no real
# keyring, and no user folders touched even by code that runs before the fixtures.
_SESSION_HOME = Path(tempfile.mkdtemp(prefix="feedback-desk-tests-"))
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["NO_PROXY"] = "127.0.0.1,localhost"
os.environ["no_proxy"] = "127.0.0.1,localhost"
os.environ["PYTHON_KEYRING_BACKEND"] = "tests.support.keyring_backend.TestKeyring"
os.environ["FEEDBACK_DESK_TEST_KEYRING"] = str(_SESSION_HOME / "keyring.json")
os.environ["XDG_CONFIG_HOME"] = str(_SESSION_HOME / "config")
os.environ["XDG_DATA_HOME"] = str(_SESSION_HOME / "data")
os.environ["XDG_CACHE_HOME"] = str(_SESSION_HOME / "cache")
os.environ["MPLCONFIGDIR"] = str(_SESSION_HOME / "mpl")
os.environ["FEEDBACK_DESK_DATA_DIR"] = str(_SESSION_HOME / "feedback-desk")
os.environ["FEEDBACK_DESK_STAFF"] = "tester"
# The window's language follows the system's; tests read English whatever the machine speaks.
os.environ["FEEDBACK_DESK_LANG"] = "en"

from feedback_desk.cli import main  # noqa: E402
from feedback_desk.clock import ManualClock  # noqa: E402
from feedback_desk.store.database import Store, open_store  # noqa: E402
from tests.support.gui_thread_guard import GuiThreadGuard  # noqa: E402

SRC_DIR = Path(__file__).resolve().parents[1] / "src"


CPU_LOAD_ENV = "FEEDBACK_DESK_TEST_CPU_LOAD"
CPU_LOAD_LIMIT_SECONDS = 1800  # a hog never outlives this, even if the session is killed
_HOG = (
    "import sys, time\n"
    "end = time.monotonic() + float(sys.argv[1])\n"
    "while time.monotonic() < end:\n"
    "    pass\n"
)


@pytest.fixture(scope="session", autouse=True)
def cpu_load() -> Iterator[int]:
    """``FEEDBACK_DESK_TEST_CPU_LOAD=N``: N busy processes for the whole session, so the suite
    proves it needs no idle machine (no timing assumption, no race that only a loaded machine
    shows). Each stops on its own after half an hour at the latest."""
    import subprocess

    count = int(os.environ.get(CPU_LOAD_ENV, "0") or 0)
    hogs = [
        subprocess.Popen([sys.executable, "-c", _HOG, str(CPU_LOAD_LIMIT_SECONDS)])
        for _ in range(count)
    ]
    yield count
    for hog in hogs:
        hog.terminate()
    for hog in hogs:
        hog.wait(timeout=10)


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data-dir"
    monkeypatch.setenv("FEEDBACK_DESK_DATA_DIR", str(data))
    return data


@pytest.fixture(autouse=True)
def keyring_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets an empty test keyring (a file, so CLI subprocesses share it)."""
    path = tmp_path / "keyring.json"
    monkeypatch.setenv("FEEDBACK_DESK_TEST_KEYRING", str(path))
    return path


@pytest.fixture(autouse=True)
def garbage_collected_on_the_gui_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """Qt tests run with the window's collector (ui/gc_tuning.py): a Python-owned widget is
    never destroyed by a collection that happens to run on a worker thread.

    After the test, the widgets pytest-qt closed with deleteLater() are deleted at once, by Qt,
    while their Python side is whole. Left for the next test's event loop, the collector could
    reach their Python garbage first: it empties the closures' cells before deleting the widget,
    whose destruction then calls a Python override (a model's headerData) that finds `self`
    gone."""
    qt = "qtbot" in request.fixturenames or "qapp" in request.fixturenames
    if qt:
        from feedback_desk.ui.gc_tuning import collect_on_gui_thread

        collect_on_gui_thread(request.getfixturevalue("qapp"))
    yield
    if qt:
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def gui_thread_guard() -> Iterator[GuiThreadGuard]:
    """Every test fails if window code touched the store or the keyring on the GUI thread."""
    guard = GuiThreadGuard()
    guard.install()
    yield guard
    guard.uninstall()
    if guard.violations:
        unique = list(dict.fromkeys(guard.violations))
        pytest.fail(
            "the window touched the store or the keyring on the GUI thread:\n  "
            + "\n  ".join(unique[:20]),
            pytrace=False,
        )


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "studio.sqlite"


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    opened = open_store(store_path)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def postgres_server_url() -> Iterator[str | None]:
    from tests.support.postgres import postgres_server

    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same test on a SQLite file and on a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "studio.sqlite")
    server = request.getfixturevalue("postgres_server_url")
    if server is None:
        pytest.skip("PostgreSQL is not installed here (CI installs it)")
    from tests.support.postgres import create_database

    return create_database(
        server,
        f"fd_{request.node.name[:40].lower()}".replace("[", "_").replace("]", "").replace("-", "_"),
    )


@pytest.fixture
def any_store(any_store_location: str) -> Iterator[Store]:
    opened = open_store(any_store_location)
    yield opened
    opened.close()


@pytest.fixture
def clock() -> ManualClock:
    """A Thursday evening in Toronto, well clear of month ends and DST changes."""
    return ManualClock(datetime(2026, 5, 14, 22, 0, tzinfo=UTC))


@pytest.fixture
def window_context(qtbot, store: Store, clock: ManualClock):  # type: ignore[no-untyped-def]
    """The window's shared context (store, clock, background tasks, settings) on the test store,
    closed after the test as the window closes it."""
    from tests.support.window_context import window_context as open_context

    with open_context(qtbot, store, clock) as context:
        yield context


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(store_path: Path):  # type: ignore[no-untyped-def]
    """Run `feedback-desk ARGS --store <the test store>` in this process."""

    def run(*args: str, store: bool = True) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        argv = [*args, "--store", str(store_path)] if store else list(args)
        code = main(argv, stdout=out, stderr=err)
        return CliResult(code, out.getvalue(), err.getvalue())

    return run


def subprocess_env() -> dict[str, str]:
    """The environment for running `python -m feedback_desk` from this checkout."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC_DIR), env.get("PYTHONPATH", "")]).rstrip(
        os.pathsep
    )
    return env


PYTHON = sys.executable
