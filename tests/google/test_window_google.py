"""Google in the main window, against the fake Google on loopback: a connected studio syncs on
opening and then every ``google.sync_minutes``; the status bar follows; connecting from
Settings → Google starts the first sync; an unconnected store never reaches the network."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from feedback_desk.clock import ManualClock
from feedback_desk.services.google import connection
from feedback_desk.store.database import Store
from feedback_desk.ui.main_window import MainWindow
from feedback_desk.ui.tabs.google_tab import GoogleReviewsTab
from feedback_desk.ui.window_features.google import GoogleFeature
from tests.support.fake_google import FakeGoogle, FakeLocation


@pytest.fixture
def open_window(qtbot, clock: ManualClock) -> Iterator:  # type: ignore[no-untyped-def, type-arg]
    opened: list[MainWindow] = []

    def open_on(store: Store) -> MainWindow:
        window = MainWindow(store, clock, remember_state=False)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.context.settings_loaded, timeout=20_000)
        opened.append(window)
        return window

    yield open_on
    for window in opened:
        window.close()


def google_of(window: MainWindow) -> GoogleFeature:
    [feature] = [f for f in window.features if isinstance(f, GoogleFeature)]
    return feature


def test_a_connected_studio_syncs_on_opening_and_on_its_interval(
    qtbot,
    open_window,
    connected_store: Store,
    google: FakeGoogle,
    studio_location: FakeLocation,
) -> None:  # type: ignore[no-untyped-def]
    google.add_review(
        studio_location,
        "AbFv",
        reviewer="Ihor K",
        comment="Great!",
        create_time="2026-05-01T10:00:00Z",
    )
    window = open_window(connected_store)
    feature = google_of(window)
    worker = window.context.google_sync
    assert worker is not None
    qtbot.waitUntil(lambda: worker.last_sync_at is not None and not worker.busy, timeout=20_000)
    assert worker.timer.isActive()
    assert worker.timer.interval() == 30 * 60_000
    assert feature.status_widget is not None
    assert feature.status_widget.label.text().startswith("Google: synced ")
    tab = window.page("google")
    assert isinstance(tab, GoogleReviewsTab)
    qtbot.waitUntil(lambda: tab.tab.model.rowCount() == 1, timeout=10_000)
    assert tab.tab.connected
    qtbot.waitUntil(window.is_idle, timeout=20_000)


def test_connecting_in_settings_starts_the_first_sync(
    qtbot,
    open_window,
    pointed_store: Store,
    google: FakeGoogle,
    studio_location: FakeLocation,
    authorized_user_file: Path,
) -> None:  # type: ignore[no-untyped-def]
    google.add_review(studio_location, "R1", reviewer="Ana", create_time="2026-05-01T10:00:00Z")
    window = open_window(pointed_store)
    worker = window.context.google_sync
    assert worker is not None
    assert not worker.timer.isActive(), "not connected: no sync, no network"
    assert google.requests == []
    tab = window.page("google")
    tab.tab.connect_button.click()
    dialog = window.settings_dialog
    page = dialog.page("google")
    page.choose_file = lambda _title: str(authorized_user_file)
    page.sign_in_with_file()
    qtbot.waitUntil(lambda: page.locations.count() == 1, timeout=10_000)
    with qtbot.waitSignal(worker.synced, timeout=20_000):
        page.keep_location()
    assert connection.status(pointed_store).connected
    assert worker.timer.isActive()
    qtbot.waitUntil(lambda: tab.tab.model.rowCount() == 1, timeout=10_000)
    dialog.reject()
    qtbot.waitUntil(window.is_idle, timeout=20_000)
