"""The watch folder while the window is open: a dropped file is imported once it has settled
and moves to imported/, a refused one moves to failed/ and the status bar says where its
problems are, a pass can be cancelled from the status bar, and Settings → Import sets it all."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import func, select

from feedback_desk.services.settings import set_setting
from feedback_desk.store.database import open_store
from feedback_desk.store.models import Client
from feedback_desk.ui.main_window import MainWindow
from feedback_desk.ui.settings.dialog import SettingsDialog
from feedback_desk.ui.settings.import_page import ImportSettingsPage
from feedback_desk.ui.window_features.watch_folder import FolderWatcher

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def configure(path: Path, **values: str) -> None:
    store = open_store(path)
    try:
        with store.write() as session:
            for key, value in values.items():
                set_setting(session, key, value, at=datetime(2026, 3, 1, tzinfo=UTC), actor="test")
    finally:
        store.close()


def clients_named(path: Path, last_name: str) -> int:
    store = open_store(path)
    try:
        with store.read() as session:
            query = select(func.count()).where(Client.last_name == last_name)
            return int(session.scalar(query) or 0)
    finally:
        store.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "exports"
    made.mkdir()
    return made


def watching(qtbot, open_window, demo_path: Path, folder: Path, settle: str = "0") -> MainWindow:  # type: ignore[no-untyped-def]
    configure(demo_path, **{"import.watch_folder": str(folder), "import.settle_seconds": settle})
    window: MainWindow = open_window(demo_path)
    qtbot.waitUntil(lambda: watcher_of(window).folder == folder, timeout=10_000)
    watcher_of(window).relook_floor_ms = 0  # no real wait between two looks
    return window


def watcher_of(window: MainWindow) -> FolderWatcher:
    watcher = window.features[-1].watcher  # type: ignore[attr-defined]
    assert isinstance(watcher, FolderWatcher)
    return watcher


def test_a_dropped_file_is_imported_moved_and_the_tabs_refresh(
    qtbot, open_window, demo_path: Path, folder: Path
) -> None:  # type: ignore[no-untyped-def]
    window = watching(qtbot, open_window, demo_path, folder)

    with qtbot.waitSignal(window.context.settings_changed, timeout=20_000):  # the refresh
        (folder / "clients-2026-03-19.csv").write_text(
            "id,first_name,last_name\nWF1,Zoé,Dropped\nWF2,Luc,Dropped\n", encoding="utf-8"
        )
        qtbot.waitUntil(
            lambda: (folder / "imported" / "clients-2026-03-19.csv").exists(), timeout=20_000
        )

    assert not (folder / "clients-2026-03-19.csv").exists()
    assert clients_named(demo_path, "Dropped") == 2
    log = (folder / "imported" / "clients-2026-03-19.log").read_text(encoding="utf-8")
    assert "clients-2026-03-19.csv: 2 created, 0 updated, 0 unchanged" in log
    assert window.status.currentMessage() == (
        "Watch folder: imported clients-2026-03-19.csv (2 created, 0 updated, 0 unchanged)."
    )


def test_a_refused_file_goes_to_failed_and_the_status_bar_points_at_its_problems(
    qtbot, open_window, demo_path: Path, folder: Path
) -> None:  # type: ignore[no-untyped-def]
    window = watching(qtbot, open_window, demo_path, folder)

    (folder / "visits-today.csv").write_text(
        "client_id,class_name,starts_at,coach_name\nNOBODY,Spin,2026-03-18T18:00,Julie Roy\n",
        encoding="utf-8",
    )
    qtbot.waitUntil(lambda: (folder / "failed" / "visits-today.csv").exists(), timeout=20_000)

    errors = (folder / "failed" / "visits-today.errors.txt").read_text(encoding="utf-8")
    assert 'unknown client "NOBODY"' in errors
    qtbot.waitUntil(lambda: window.status.currentMessage() != "", timeout=10_000)
    assert window.status.currentMessage() == (
        f"Watch folder: visits-today.csv could not be imported; see "
        f"{Path('failed') / 'visits-today.errors.txt'}."
    )


def test_a_file_is_imported_only_once_it_has_settled(
    qtbot, open_window, demo_path: Path, folder: Path
) -> None:  # type: ignore[no-untyped-def]
    window = watching(qtbot, open_window, demo_path, folder, settle="60")
    watcher = watcher_of(window)
    now = [1000.0]
    watcher.look_time = lambda: now[0]
    path = folder / "clients.csv"
    path.write_text("id,first_name,last_name\nWF1,Zoé,Settled\n", encoding="utf-8")

    def one_look() -> None:
        qtbot.waitUntil(lambda: not watcher.busy, timeout=10_000)
        watcher.look()
        qtbot.waitUntil(lambda: not watcher.busy, timeout=10_000)

    one_look()  # seen for the first time
    now[0] += 59
    one_look()  # unchanged, but not for 60 seconds yet
    assert path.exists()
    with path.open("a", encoding="utf-8") as more:  # still being written
        more.write("WF2,Luc,Settled\n")
    os.utime(path, ns=(0, path.stat().st_mtime_ns + 1_000_000))
    now[0] += 1
    one_look()
    assert path.exists()
    now[0] += 60
    one_look()

    assert not path.exists()
    assert clients_named(demo_path, "Settled") == 2


def test_a_pass_cancelled_from_the_status_bar_writes_nothing_and_its_file_waits(
    qtbot, open_window, demo_path: Path, folder: Path
) -> None:  # type: ignore[no-untyped-def]
    window = watching(qtbot, open_window, demo_path, folder)
    path = folder / "clients.csv"
    rows = "".join(f"WF{i},Ann,Waiting\n" for i in range(2500))  # progress after 2,000 rows
    # Another program holds the store's write lock: the import cannot finish before Cancel.
    other = sqlite3.connect(demo_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        path.write_text("id,first_name,last_name\n" + rows, encoding="utf-8")
        status = window.status
        qtbot.waitUntil(status.cancel_button.isVisible, timeout=20_000)
        assert status.task_label.text().startswith("Watch folder: importing")
        status.cancel_button.click()
    finally:
        other.execute("ROLLBACK")
        other.close()
    watcher = watcher_of(window)
    qtbot.waitUntil(lambda: not watcher.busy, timeout=20_000)
    assert window.status.currentMessage().startswith("Watch folder: import cancelled")
    assert clients_named(demo_path, "Waiting") == 0

    watcher.look()  # not started over at once
    qtbot.waitUntil(lambda: not watcher.busy, timeout=10_000)
    assert path.exists()
    assert clients_named(demo_path, "Waiting") == 0

    with path.open("a", encoding="utf-8") as more:  # changed: imported again
        more.write("WF9999,Ann,Waiting\n")
    os.utime(path, ns=(0, path.stat().st_mtime_ns + 1_000_000))
    watcher.look()
    qtbot.waitUntil(lambda: not path.exists(), timeout=20_000)
    assert clients_named(demo_path, "Waiting") == 2501


def test_settings_import_page_chooses_the_folder_without_blocking(
    qtbot, open_window, demo_path: Path, folder: Path
) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = open_window(demo_path)
    assert watcher_of(window).folder is None
    dialog = window.open_settings("import")
    assert isinstance(dialog, SettingsDialog)
    page = dialog.page("import")
    assert isinstance(page, ImportSettingsPage)
    assert page.values() == {
        "import.watch_folder": "",
        "import.date_order": "dmy",
        "import.settle_seconds": "5",
    }

    page.choose_button.click()
    chooser = page.chooser
    assert isinstance(chooser, QFileDialog)
    assert chooser.isVisible()  # shown with open(): the window's event loop keeps running
    chooser.selectFile(str(folder))
    chooser.accept()
    assert page.folder.text() == str(folder)
    page.settle.setValue(30)
    page.date_order.setCurrentIndex(page.date_order.findData("mdy"))

    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: watcher_of(window).folder == folder, timeout=10_000)
    assert watcher_of(window).settle == 30
    assert window.context.settings.raw("import.date_order") == "mdy"


def test_a_missing_watch_folder_is_said_once(
    qtbot, open_window, demo_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "not-yet"
    configure(demo_path, **{"import.watch_folder": str(missing), "import.settle_seconds": "0"})
    window: MainWindow = open_window(demo_path)
    qtbot.waitUntil(lambda: "not-yet" in window.status.currentMessage(), timeout=10_000)
    assert window.status.currentMessage() == (
        f"Watch folder: {missing} does not exist (or is not a folder); nothing is imported until "
        "it does."
    )
    # Once it exists, the next look (the slow poll, here by hand) watches it.
    missing.mkdir()
    watcher = watcher_of(window)
    watcher.look()
    qtbot.waitUntil(lambda: not watcher.busy, timeout=10_000)
    (missing / "coaches.csv").write_text("id,first_name,last_name\nWFC,Léa,Nouvelle\n")
    watcher.relook_floor_ms = 0
    qtbot.waitUntil(lambda: (missing / "imported" / "coaches.csv").exists(), timeout=20_000)
