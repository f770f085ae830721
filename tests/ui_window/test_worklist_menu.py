"""Clients → Actions to take… opens the worklist beside the main window (demo store)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from feedback_desk.services.actions import count_open_actions
from feedback_desk.services.studio import open_studio
from feedback_desk.store.database import open_store
from feedback_desk.ui.dialogs.opener import opener_for
from feedback_desk.ui.window_features.clients import ClientsFeature
from feedback_desk.ui.worklist.dialog import ActionWorklistDialog
from tests.ui_window.conftest import wait_loaded


def test_the_clients_menu_opens_the_worklist_without_blocking_the_window(
    qtbot, open_window, demo_path: Path
) -> None:  # type: ignore[no-untyped-def]
    store = open_store(demo_path)
    with store.read() as session:
        open_actions = count_open_actions(session)
    store.close()
    assert open_actions > 1
    window = open_window(demo_path)
    action = window.feature(ClientsFeature).worklist_action
    clients = next(m for m in window.menuBar().actions() if m.text() == "&Clients").menu()
    assert action in clients.actions()
    assert action.text() == "A&ctions to take…"
    shortcut = QKeySequence("Ctrl+Shift+A")
    assert action.shortcut() == shortcut
    assert [a for a in window.findChildren(QAction) if a.shortcut() == shortcut] == [action]

    action.trigger()
    [worklist] = [
        d for d in opener_for(window.context).open_dialogs if isinstance(d, ActionWorklistDialog)
    ]
    qtbot.waitUntil(lambda: not worklist.busy and worklist.model.count is not None, timeout=20_000)
    assert worklist.isVisible()
    assert not worklist.isModal()
    assert QApplication.activeModalWidget() is None  # the main window stays usable
    assert worklist.count_label.text() == f"{open_actions} open actions"
    assert worklist.model.rowCount() > 0
    worklist.close()


def test_the_worklist_closes_when_another_store_is_opened(
    qtbot, open_window, demo_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    worklist = window.feature(ClientsFeature).show_worklist()
    assert isinstance(worklist, ActionWorklistDialog)
    qtbot.waitUntil(lambda: not worklist.busy, timeout=20_000)
    other = tmp_path / "other.sqlite"
    open_studio(other).close()
    # Its actions were the other store's: it goes with that store.
    with qtbot.waitSignals([window.store_switched, worklist.finished], timeout=20_000):
        window.open_store(str(other))
    wait_loaded(qtbot, window)
