"""The Google tab, its dialogs, its settings page and the sync worker never read the store or
the system keyring on the GUI thread: a slow keyring (a locked Secret Service) or a slow store
leaves the window responsive, and a load that answers after a newer one is dropped."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import keyring
import pytest
from PySide6.QtWidgets import QDialog, QWidget
from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.services.google import connection
from feedback_desk.services.google.linking import (
    considered_reviewed,
    link_review,
    unlink_review,
)
from feedback_desk.services.secrets import store_identity
from feedback_desk.store.database import Store
from feedback_desk.store.models import GoogleLink
from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.dialogs.link_client import LinkClientDialog, PickClientDialog
from feedback_desk.ui.google.status_widget import GoogleStatusWidget
from feedback_desk.ui.settings.google_page import GoogleSettingsPage
from feedback_desk.ui.tabs.google_tab import GoogleTab
from feedback_desk.workers.google_sync import GoogleSyncWorker
from tests.google.builders import add_client, add_google_review, location
from tests.google.gates import GatedKeyring, Heartbeat, StoreWatch
from tests.support.settings_dialog import settings_dialog

WRITTEN = datetime(2026, 4, 20, 15, 0, tzinfo=UTC)


@pytest.fixture
def gated_keyring() -> Iterator[GatedKeyring]:
    """The test keyring (same file), with reads that can be held."""
    previous = keyring.get_keyring()
    gated = GatedKeyring()
    keyring.set_keyring(gated)
    yield gated
    gated.release()
    keyring.set_keyring(previous)


@pytest.fixture
def watch(store: Store) -> Iterator[StoreWatch]:
    watching = StoreWatch(store)
    yield watching
    watching.release()
    watching.close()


def _archive(store: Store, count: int) -> None:
    with store.write() as session:
        location(session, integrated_at=datetime(2026, 3, 1, tzinfo=UTC))
        for index in range(count):
            add_google_review(
                session,
                f"R{index:03d}",
                reviewer=f"Reviewer {index}",
                stars=index % 5 + 1,
                created_at=WRITTEN - timedelta(hours=index),
            )


def _loaded(qtbot, tab: GoogleTab) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not (tab.loading or tab.model.fetching or tab.tasks.busy), timeout=5000)


def _open_tab(qtbot, context: WindowContext, opened: list[QDialog]) -> GoogleTab:  # type: ignore[no-untyped-def]
    tab = GoogleTab(context, open_dialog=opened.append)
    qtbot.addWidget(tab)
    tab.refresh()
    return tab


def _reviewers(tab: GoogleTab) -> list[str]:
    return [tab.model.index(row, 0).data() for row in range(tab.model.rowCount())]


def test_a_locked_keyring_never_freezes_the_tab(  # type: ignore[no-untyped-def]
    qtbot, window_context, connected_store: Store, clock: ManualClock, gated_keyring: GatedKeyring
) -> None:
    tab = _open_tab(qtbot, window_context, [])
    _loaded(qtbot, tab)
    assert tab.connected
    heartbeat = Heartbeat()
    heartbeat.start()
    qtbot.waitUntil(lambda: heartbeat.beats >= 3, timeout=2000)

    gated_keyring.hold()  # the unlock prompt is up, for as long as the test wants
    tab.refresh()
    qtbot.waitUntil(gated_keyring.entered.is_set, timeout=2000)
    # The keyring is stuck: a GUI thread waiting on it would not beat again. How long a beat
    # may take under load is for bench/stalls.py to measure, not for a test to time.
    beats = heartbeat.beats
    qtbot.waitUntil(lambda: heartbeat.beats >= beats + 10, timeout=5000)
    assert gated_keyring.entered.is_set()
    assert tab.count_label.text() == "Loading…"
    assert tab.loading
    gated_keyring.release()
    _loaded(qtbot, tab)
    heartbeat.stop()

    assert gated_keyring.reads_on_gui_thread == 0
    assert tab.connected
    assert tab.count_label.text() == "0 reviews"


def test_a_refresh_that_answers_after_a_newer_one_is_dropped(  # type: ignore[no-untyped-def]
    qtbot, window_context, connected_store: Store, clock: ManualClock, gated_keyring: GatedKeyring
) -> None:
    tab = _open_tab(qtbot, window_context, [])
    _loaded(qtbot, tab)
    assert tab.connected
    assert tab.banner.isHidden()

    gated_keyring.hold()
    tab.refresh()  # reads "connected", then waits in the keyring
    qtbot.waitUntil(gated_keyring.entered.is_set, timeout=2000)
    gated_keyring.let_new_reads_pass()
    connection.disconnect(connected_store, clock=clock, actor="tester")
    tab.refresh()
    qtbot.waitUntil(lambda: not tab.connected and not tab.banner.isHidden(), timeout=5000)
    gated_keyring.release()  # the older load answers now, saying "connected"
    _loaded(qtbot, tab)
    assert not tab.connected
    assert not tab.banner.isHidden()
    assert "Connect the studio's Google Business Profile" in tab.banner_label.text()


def test_a_filter_page_that_answers_late_is_dropped(  # type: ignore[no-untyped-def]
    qtbot, window_context, store: Store, clock: ManualClock, watch: StoreWatch
) -> None:
    _archive(store, 5)
    with store.write() as session:
        add_client(session, "C1", "Ihor", "Kovalenko")
        link_review(session, "R000", "C1", at=WRITTEN, actor="Julie")
    tab = _open_tab(qtbot, window_context, [])
    _loaded(qtbot, tab)
    assert tab.count_label.text() == "5 reviews"

    watch.hold()
    tab.only_unlinked.setChecked(True)  # its page waits in the store
    qtbot.waitUntil(watch.entered.is_set, timeout=2000)
    assert tab.count_label.text() == "Loading…"
    watch.let_new_reads_pass()
    tab.only_unlinked.setChecked(False)
    qtbot.waitUntil(lambda: tab.count_label.text() == "5 reviews", timeout=5000)
    watch.release()
    _loaded(qtbot, tab)
    assert tab.count_label.text() == "5 reviews"
    assert len(_reviewers(tab)) == 5


def test_nothing_reads_the_store_or_the_keyring_on_the_gui_thread(  # type: ignore[no-untyped-def]
    qtbot,
    window_context,
    store: Store,
    clock: ManualClock,
    gated_keyring: GatedKeyring,
    watch: StoreWatch,
) -> None:
    _archive(store, 150)
    with store.write() as session:
        add_client(session, "C9", "Élodie", "Gagné")
        # A store that has used its secrets: the connection check asks the keyring.
        store_identity(session)
    opened: list[QDialog] = []
    watch.watching = True

    tab = _open_tab(qtbot, window_context, opened)
    _loaded(qtbot, tab)
    assert tab.model.rowCount() == 100
    tab.model.fetchMore()
    _loaded(qtbot, tab)
    assert tab.model.rowCount() == 150
    tab.search.setText("reviewer 14")
    tab.apply_filter()
    _loaded(qtbot, tab)
    assert tab.count_label.text() == "12 reviews"  # 14, 114 and 140…149
    tab.search.clear()
    _loaded(qtbot, tab)

    tab.select_row(0)
    tab.link_selected()
    link = opened[-1]
    assert isinstance(link, LinkClientDialog)
    qtbot.waitUntil(lambda: "No likely client" in link.suggestions_label.text(), timeout=5000)
    link.picker.search.setText("elodie")
    link.picker.run_search()
    qtbot.waitUntil(lambda: link.picker.results.count() == 1, timeout=5000)
    link.picker.results.setCurrentRow(0)
    link.accept()
    _loaded(qtbot, tab)
    assert "linked to client C9" in tab.message.text()
    tab.select_row(0)
    tab.unlink_selected()
    _loaded(qtbot, tab)
    assert "unlinked from client C9" in tab.message.text()

    tab.mark_client()
    mark = opened[-1]
    assert isinstance(mark, PickClientDialog)
    mark.picker.search.setText("gagné")
    mark.picker.run_search()
    qtbot.waitUntil(lambda: mark.picker.results.count() == 1, timeout=5000)
    mark.picker.results.setCurrentRow(0)
    mark.accept()
    qtbot.waitUntil(lambda: "marked as reviewed" in tab.message.text(), timeout=5000)
    _loaded(qtbot, tab)

    owner = QWidget()
    qtbot.addWidget(owner)
    context = window_context
    worker = GoogleSyncWorker(store, clock, context.tasks, parent=context)
    status = GoogleStatusWidget(worker, tab.model._tz, owner)
    with qtbot.waitSignal(worker.connection_checked, timeout=5000) as checked:
        worker.check_connection(30)
    assert checked.args == [False]
    assert not worker.timer.isActive()
    assert status.label.text() == "Google: not synced yet"
    qtbot.waitUntil(lambda: not context.busy, timeout=5000)

    watch.watching = False
    assert watch.on_gui_thread == []
    assert gated_keyring.reads > 0
    assert gated_keyring.reads_on_gui_thread == 0
    with store.read() as session:
        assert session.scalars(select(GoogleLink)).all() == []
        assert considered_reviewed(session, "C9")


def test_the_settings_page_reads_and_forgets_the_connection_in_the_background(  # type: ignore[no-untyped-def]
    qtbot, connected_store: Store, clock: ManualClock, gated_keyring: GatedKeyring
) -> None:
    watch = StoreWatch(connected_store)
    try:
        with settings_dialog(qtbot, connected_store, clock, "google") as dialog:
            page = dialog.page("google")
            assert isinstance(page, GoogleSettingsPage)
            assert page.status_label.text().startswith("Connected to Pulse Fitness Studio")
            watch.watching = True
            gated_keyring.hold()
            page.show_connection()
            qtbot.waitUntil(gated_keyring.entered.is_set, timeout=2000)
            assert page.checking
            assert page.status_label.text() == "Checking the Google connection…"
            assert not page.disconnect_button.isEnabled()
            gated_keyring.release()
            qtbot.waitUntil(lambda: not page.checking, timeout=5000)
            assert page.disconnect_button.isEnabled()
            with qtbot.waitSignal(page.connection_changed, timeout=5000):
                page.disconnect()
            assert page.status_label.text().startswith("Not connected.")
            qtbot.waitUntil(lambda: not dialog.context.busy, timeout=5000)
            watch.watching = False
    finally:
        watch.close()
    assert watch.on_gui_thread == []
    assert gated_keyring.reads_on_gui_thread == 0


def test_a_write_on_a_stale_row_says_why_and_refreshes(  # type: ignore[no-untyped-def]
    qtbot, window_context, store: Store, clock: ManualClock
) -> None:
    with store.write() as session:
        location(session)
        add_client(session, "C1", "Ihor", "Kovalenko")
        add_google_review(session, "G1", reviewer="Ihor K", created_at=WRITTEN)
    with store.write() as session:
        link_review(session, "G1", "C1", at=WRITTEN, actor="Julie")
    said: list[str] = []
    tab = _open_tab(qtbot, window_context, [])
    tab.status_message.connect(lambda text: said.append(text()))
    _loaded(qtbot, tab)
    tab.select_row(0)
    assert tab.unlink_button.isEnabled()
    with store.write() as session:  # another PC unlinks it meanwhile
        unlink_review(session, "G1", at=clock.now(), actor="Paul")
    tab.unlink_selected()
    _loaded(qtbot, tab)
    assert said == ["Google review 'G1' is not linked to a client"]
    assert tab.message.text() == said[0]
    assert tab.model.index(0, 6).data() == ""  # the row now shows the link is gone
