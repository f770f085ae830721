"""A small demo studio built once per session, copied for each test; QSettings in a temp folder."""

from __future__ import annotations

import shutil
from datetime import date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from feedback_desk.clock import FixedClock
from feedback_desk.domain.localtime import local_to_utc, zone
from feedback_desk.services.demo import DemoOptions, DemoSummary, write_demo
from feedback_desk.services.studio import open_studio
from feedback_desk.store.database import Store

UNTIL = date(2026, 3, 19)
TZ = zone("America/Toronto")


@pytest.fixture(scope="session")
def small_demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoSummary]:
    path = tmp_path_factory.mktemp("ui-demo") / "demo.sqlite"
    summary = write_demo(path, DemoOptions(until=UNTIL, clients=80, months=4, seed=2))
    return path, summary


@pytest.fixture(autouse=True)
def isolated_qsettings(tmp_path: Path) -> Path:
    folder = tmp_path / "qsettings"
    folder.mkdir()
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture
def demo_path(small_demo: tuple[Path, DemoSummary], tmp_path: Path) -> Path:
    copy = tmp_path / "studio.sqlite"
    shutil.copyfile(small_demo[0], copy)
    return copy


@pytest.fixture
def window_clock() -> FixedClock:
    return FixedClock(local_to_utc(datetime.combine(UNTIL, time(9, 30)), TZ))


@pytest.fixture
def open_window(qtbot, window_clock: FixedClock):  # type: ignore[no-untyped-def]
    """Open a MainWindow on a store path and wait until its data has loaded."""
    from feedback_desk.ui.main_window import MainWindow

    opened: list[MainWindow] = []

    def open_on(path: Path, **options: object) -> MainWindow:
        store: Store = open_studio(path, clock=window_clock)
        window = MainWindow(store, window_clock, **options)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        window.show()
        wait_loaded(qtbot, window)
        opened.append(window)
        return window

    yield open_on
    for window in opened:
        window.close()


def wait_loaded(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """The tab in front has drawn its data, and what starts after it (the outbox, the Google
    connection check) has run."""
    qtbot.waitUntil(
        lambda: window.context.settings_loaded and window.first_screen_done and window.is_idle(),
        timeout=20_000,
    )


def wait_model(qtbot, model) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not model.loading and model.count is not None, timeout=20_000)
