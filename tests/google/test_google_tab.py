"""The Google tab, its dialogs, the settings page and the background sync, driven with
pytest-qt against a real store (and the fake Google where the network is involved)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.services.google import connection
from feedback_desk.store.database import Store
from feedback_desk.store.models import GoogleLink
from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.dialogs.google_reply import GoogleReplyDialog
from feedback_desk.ui.google.failure import describe_failure
from feedback_desk.ui.google.status_widget import GoogleStatusWidget
from feedback_desk.ui.settings.google_page import GoogleSettingsPage
from feedback_desk.ui.tabs.google_tab import GoogleTab
from feedback_desk.workers.google_sync import GoogleSyncWorker
from tests.google.builders import (
    add_attendance,
    add_client,
    add_google_review,
    add_sent_invitation,
    location,
)
from tests.support.fake_google import FakeGoogle, FakeLocation
from tests.support.settings_dialog import save, settings_dialog

WRITTEN = datetime(2026, 4, 20, 15, 0, tzinfo=UTC)


def _archive(store: Store, count: int = 3) -> None:
    with store.write() as session:
        location(session, integrated_at=datetime(2026, 3, 1, tzinfo=UTC))
        for index in range(count):
            add_google_review(
                session,
                f"R{index:03d}",
                reviewer=f"Reviewer {index}",
                stars=index % 5 + 1,
                comment=f"comment {index}",
                created_at=WRITTEN - timedelta(days=index),
            )


def _worker(qtbot, context: WindowContext, **options) -> GoogleSyncWorker:  # type: ignore[no-untyped-def]
    """A worker on the window's runner, owned by the context as the window's is."""
    return GoogleSyncWorker(context.store, context.clock, context.tasks, parent=context, **options)


def _settle(qtbot, worker: GoogleSyncWorker) -> None:  # type: ignore[no-untyped-def]
    """Let the worker's checks and syncs end before the test does."""
    qtbot.waitUntil(lambda: not worker.busy and not worker.checking, timeout=5000)


def _loaded(qtbot, tab: GoogleTab) -> None:  # type: ignore[no-untyped-def]
    """The tab reads the store and the keyring in the background: wait until it shows them."""
    qtbot.waitUntil(lambda: not (tab.loading or tab.model.fetching or tab.tasks.busy), timeout=5000)


def _open_tab(qtbot, context: WindowContext, **options) -> GoogleTab:  # type: ignore[no-untyped-def]
    options.setdefault("open_dialog", lambda _dialog: None)
    tab = GoogleTab(context, **options)
    qtbot.addWidget(tab)
    tab.refresh()
    _loaded(qtbot, tab)
    return tab


def _texts(tab: GoogleTab, column: int) -> list[str]:
    model = tab.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_not_connected_and_no_archive_invites_to_connect(
    qtbot, window_context, store: Store, clock: ManualClock
) -> None:  # type: ignore[no-untyped-def]
    tab = _open_tab(qtbot, window_context)
    assert not tab.connected
    assert not tab.banner.isHidden()
    assert "Connect the studio's Google Business Profile" in tab.banner_label.text()
    assert tab.archive.isHidden()
    with qtbot.waitSignal(tab.connect_requested):
        qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)


def test_archive_is_shown_offline_without_a_connection(
    qtbot, window_context, store: Store, clock: ManualClock
) -> None:  # type: ignore[no-untyped-def]
    _archive(store, 3)
    tab = _open_tab(qtbot, window_context)
    assert not tab.banner.isHidden()
    assert "archive kept on this computer" in tab.banner_label.text()
    assert not tab.archive.isHidden()
    assert _texts(tab, 0) == ["Reviewer 0", "Reviewer 1", "Reviewer 2"]
    assert _texts(tab, 1) == ["★☆☆☆☆", "★★☆☆☆", "★★★☆☆"]  # the window's one way
    assert _texts(tab, 2)[0] == "20 Apr 2026 11:00"  # the studio's wall clock, as every tab
    assert tab.growth_chart.empty_message is None
    assert tab.rating_chart.empty_message is None
    tab.select_row(0)
    assert tab.link_button.isEnabled()
    assert not tab.reply_button.isEnabled()  # replying needs Google
    assert tab.sync_button.isHidden()


def test_table_shows_client_text_as_plain_text_and_the_reply_state(
    qtbot, window_context, store: Store, clock: ManualClock
) -> None:  # type: ignore[no-untyped-def]
    with store.write() as session:
        review = add_google_review(
            session,
            "X",
            comment="<b>bold?</b> <img src=x>",
            created_at=WRITTEN,
            reply="Merci <3",
        )
        review.reply_state = "REJECTED"
        review.reply_policy_violation = "OFF_TOPIC"
    tab = _open_tab(qtbot, window_context)
    assert _texts(tab, 3) == ["<b>bold?</b> <img src=x>"]
    assert _texts(tab, 5) == ["Rejected (off topic)"]
    tooltip = tab.model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;bold?&lt;/b&gt;" in tooltip


def test_filters_and_lazy_loading(qtbot, window_context, store: Store, clock: ManualClock) -> None:  # type: ignore[no-untyped-def]
    _archive(store, 250)
    with store.write() as session:
        client = add_client(session, "C1", "Ihor", "Kovalenko")
        from feedback_desk.store.models import GoogleReview

        first = session.scalar(select(GoogleReview).where(GoogleReview.review_id == "R000"))
        assert first is not None
        session.add(
            GoogleLink(
                google_review_id=first.id, client_id=client.id, linked_by="t", linked_at=WRITTEN
            )
        )
        first.reply_comment = "Thanks"
        gone = session.scalar(select(GoogleReview).where(GoogleReview.review_id == "R001"))
        assert gone is not None
        gone.removed_at = WRITTEN
    tab = _open_tab(qtbot, window_context)
    assert tab.model.rowCount() == 100  # the first window only
    assert tab.model.total == 250
    assert tab.count_label.text() == "250 reviews"
    tab.model.fetchMore()
    assert tab.model.fetching
    tab.model.fetchMore()  # one page at a time
    _loaded(qtbot, tab)
    assert tab.model.rowCount() == 200
    assert _texts(tab, 0)[99:101] == ["Reviewer 99", "Reviewer 100"]  # no gap, no repeat
    tab.model.fetchMore()
    _loaded(qtbot, tab)
    assert tab.model.rowCount() == 250
    assert not tab.model.canFetchMore()
    assert len(set(_texts(tab, 0))) == 250
    tab.only_unlinked.setChecked(True)
    assert tab.count_label.text() == "Loading…"
    _loaded(qtbot, tab)
    assert tab.model.total == 249
    assert tab.count_label.text() == "249 reviews"
    tab.only_unlinked.setChecked(False)
    tab.only_removed.setChecked(True)
    _loaded(qtbot, tab)
    assert _texts(tab, 0) == ["Reviewer 1"]
    assert _texts(tab, 7) == ["removed"]
    tab.only_removed.setChecked(False)
    tab.only_unreplied.setChecked(True)
    _loaded(qtbot, tab)
    assert tab.model.total == 249
    tab.only_unreplied.setChecked(False)
    tab.search.setText("reviewer 24")
    tab.apply_filter()
    _loaded(qtbot, tab)
    expected = sorted(f"Reviewer {n}" for n in range(250) if "24" in str(n))
    assert sorted(_texts(tab, 0)) == expected


def test_link_dialog_shows_ranked_suggestions_with_evidence_and_links(
    qtbot, window_context, store: Store, clock: ManualClock
) -> None:  # type: ignore[no-untyped-def]
    with store.write() as session:
        location(session)
        karpenko = add_client(session, "C1", "Ihor", "Karpenko", "ik@example.com")
        add_client(session, "C2", "Ihor", "Kovalenko")
        add_sent_invitation(session, karpenko, WRITTEN - timedelta(days=12))
        add_attendance(session, karpenko, WRITTEN - timedelta(days=3))
        add_google_review(session, "AbFv", reviewer="Ihor K", created_at=WRITTEN)
    tab = _open_tab(qtbot, window_context)
    tab.select_row(0)
    tab.link_selected()
    dialog = tab.link_dialog
    qtbot.waitUntil(lambda: dialog.suggestions.count() == 2, timeout=5000)
    first = dialog.suggestions.item(0).text()
    assert first.startswith("Ihor Karpenko (C1)")
    assert "name 95% alike" in first
    assert "invited to review 12 days before" in first
    assert "attended 1 sessions in the 30 days before (last 3 days before)" in first
    assert dialog.suggestions.item(1).text().startswith("Ihor Kovalenko (C2)")
    assert not dialog.link_button.isEnabled()
    dialog.suggestions.setCurrentRow(0)
    assert dialog.link_button.isEnabled()
    dialog.accept()
    _loaded(qtbot, tab)
    with store.read() as session:
        assert session.scalars(select(GoogleLink)).one().client.external_id == "C1"
    assert _texts(tab, 6) == ["Ihor Karpenko (C1)"]
    assert "linked to client C1" in tab.message.text()

    tab.select_row(0)
    tab.unlink_selected()
    assert not tab.unlink_button.isEnabled(), "one write at a time"
    _loaded(qtbot, tab)
    assert _texts(tab, 6) == [""]
    assert "unlinked from client C1" in tab.message.text()


def test_link_dialog_search_is_accent_and_case_insensitive(
    qtbot, window_context, store: Store, clock: ManualClock
) -> None:  # type: ignore[no-untyped-def]
    with store.write() as session:
        location(session)
        add_client(session, "C9", "Élodie", "Gagné")
        add_google_review(
            session, "Anon", reviewer="A Google User", anonymous=True, created_at=WRITTEN
        )
    tab = _open_tab(qtbot, window_context)
    tab.select_row(0)
    tab.link_selected()
    dialog = tab.link_dialog
    qtbot.waitUntil(lambda: "No likely client" in dialog.suggestions_label.text(), timeout=5000)
    dialog.picker.search.setText("ELODIE gagne")
    dialog.picker.run_search()
    qtbot.waitUntil(lambda: dialog.picker.results.count() > 0, timeout=5000)
    assert dialog.picker.results.item(0).text() == "Élodie Gagné (C9)"
    dialog.picker.results.setCurrentRow(0)
    dialog.accept()
    _loaded(qtbot, tab)
    assert _texts(tab, 6) == ["Élodie Gagné (C9)"]


def test_reply_dialog_counts_bytes_not_characters(qtbot) -> None:  # type: ignore[no-untyped-def]
    from feedback_desk.services.google.queries import ReviewRow

    review = ReviewRow(
        1,
        "R",
        "Ihor K",
        False,
        5,
        "Great",
        None,
        "2026-03-02T10:47:32Z",
        WRITTEN,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        False,
    )
    dialog = GoogleReplyDialog(review)
    qtbot.addWidget(dialog)
    assert not dialog.publish_button.isEnabled()
    dialog.editor.setPlainText("é" * 2048)
    assert dialog.publish_button.isEnabled()
    assert dialog.counter.text() == "4096 / 4096 bytes"
    dialog.editor.setPlainText("é" * 2049)
    assert not dialog.publish_button.isEnabled()
    assert "too long for Google" in dialog.counter.text()


def test_background_sync_updates_the_tab_and_the_status_bar(  # type: ignore[no-untyped-def]
    qtbot,
    window_context,
    connected_store: Store,
    google: FakeGoogle,
    studio_location: FakeLocation,
    clock: ManualClock,
) -> None:
    google.add_review(
        studio_location,
        "AbFv",
        reviewer="Ihor K",
        comment="Great!",
        create_time="2026-05-01T10:00:00Z",
    )
    worker = _worker(qtbot, window_context)
    status = GoogleStatusWidget(worker, connection_tz())
    tab = _open_tab(qtbot, window_context, sync_worker=worker)
    qtbot.addWidget(status)
    assert tab.connected
    assert tab.banner.isHidden()
    assert status.label.text() == "Google: not synced yet"
    with qtbot.waitSignal(worker.synced, timeout=10000):
        tab.sync_now()
    _loaded(qtbot, tab)
    assert _texts(tab, 0) == ["Ihor K"]
    assert "1 new" in tab.message.text()
    assert status.label.text().startswith("Google: synced ")
    assert worker.last_sync_at == clock.now()
    # A window opened later shows the last sync the store remembers, read in the background.
    later = _worker(qtbot, window_context)
    later_status = GoogleStatusWidget(later, connection_tz())
    qtbot.addWidget(later_status)
    assert later.last_sync_at is None
    with qtbot.waitSignal(later.connection_checked, timeout=5000) as checked:
        later.check_connection(0)
    assert checked.args == [True]
    assert later.last_sync_at == clock.now()
    assert later_status.label.text().startswith("Google: synced ")
    assert not later.timer.isActive()  # 0 minutes: no timed sync
    _settle(qtbot, later)

    # Offline: the archive stays, the status bar says so.
    google.offline = True
    google.remove_review(studio_location, "AbFv")
    with qtbot.waitSignal(worker.failed, timeout=10000) as failed:
        worker.start_sync()
    said = describe_failure(failed.args[0])
    assert said.startswith("Google could not be reached; the archive is unchanged")
    assert status.label.text().startswith("Google: Google could not be reached")
    tab.refresh()
    _loaded(qtbot, tab)
    assert _texts(tab, 7) == [""]
    _settle(qtbot, worker)


def connection_tz():  # type: ignore[no-untyped-def]
    from zoneinfo import ZoneInfo

    return ZoneInfo("America/Toronto")


def test_timer_syncs_on_its_interval_and_cancel_stops_a_sync(
    qtbot, window_context, store: Store, clock: ManualClock
) -> None:  # type: ignore[no-untyped-def]
    import threading

    from feedback_desk.services.progress import check_cancelled

    calls: list[str] = []
    release = threading.Event()

    def slow_sync(_store, _clock, progress):  # type: ignore[no-untyped-def]
        calls.append("sync")
        release.wait(5)
        check_cancelled(progress)

    worker = _worker(qtbot, window_context, sync_function=slow_sync)
    worker.started.connect(worker.timer.stop)  # one timed run is enough to see
    with qtbot.waitSignal(worker.started, timeout=2000):
        worker.schedule_every(30, interval_ms=20)
        assert worker.timer.interval() == 20
    assert worker.busy
    assert not worker.start_sync()  # one sync at a time
    qtbot.waitUntil(lambda: calls == ["sync"], timeout=5000)  # it runs on a worker thread
    with qtbot.waitSignal(worker.cancelled, timeout=5000):
        worker.cancel()
        release.set()
    assert not worker.busy
    assert calls == ["sync"]
    worker.schedule_every(0)
    assert not worker.timer.isActive()
    _settle(qtbot, worker)


def test_scheduled_sync_of_an_unconnected_store_stays_quiet(
    qtbot, window_context, store: Store, clock: ManualClock
) -> None:  # type: ignore[no-untyped-def]
    worker = _worker(qtbot, window_context)
    failures: list[BaseException] = []
    worker.failed.connect(failures.append)
    with qtbot.waitSignal(worker.busy_changed, check_params_cb=lambda busy: not busy, timeout=5000):
        worker.start_sync(scheduled=True)
    assert failures == []
    with qtbot.waitSignal(worker.failed, timeout=5000) as failed:
        worker.start_sync()
    assert "not connected" in describe_failure(failed.args[0])
    _settle(qtbot, worker)


def test_settings_page_connects_with_an_authorized_user_file_and_disconnects(  # type: ignore[no-untyped-def]
    qtbot,
    pointed_store: Store,
    studio_location: FakeLocation,
    authorized_user_file: Path,
    clock: ManualClock,
) -> None:
    with settings_dialog(qtbot, pointed_store, clock, "google") as dialog:
        page = dialog.page("google")
        assert isinstance(page, GoogleSettingsPage)
        page.choose_file = lambda _title: str(authorized_user_file)
        assert page.status_label.text().startswith("Not connected.")
        assert not page.disconnect_button.isEnabled()
        page.sign_in_with_file()
        qtbot.waitUntil(lambda: page.locations.count() == 1, timeout=10000)
        assert "Pulse Fitness Studio [PULSE-01]" in page.locations.itemText(0)
        with qtbot.waitSignal(page.connection_changed, timeout=10000):
            page.keep_location()
        assert connection.status(pointed_store).connected
        assert page.status_label.text().startswith("Connected to Pulse Fitness Studio")

        with qtbot.waitSignal(page.connection_changed):
            page.disconnect()
        assert not connection.status(pointed_store).connected
        assert "archive of 0 Google reviews stays" in page.message.text()

        page.sync_minutes.setValue(15)
        assert save(qtbot, dialog) == ["google.sync_minutes"]
    from feedback_desk.services.settings import load_settings

    with pointed_store.read() as session:
        assert load_settings(session).integer("google.sync_minutes") == 15


def test_settings_page_reports_a_refused_sign_in(  # type: ignore[no-untyped-def]
    qtbot,
    pointed_store: Store,
    google: FakeGoogle,
    studio_location: FakeLocation,
    authorized_user_file: Path,
    clock: ManualClock,
) -> None:
    google.revoke_refresh_tokens()
    with settings_dialog(qtbot, pointed_store, clock, "google") as dialog:
        page = dialog.page("google")
        page.choose_file = lambda _title: str(authorized_user_file)
        page.sign_in_with_file()
        qtbot.waitUntil(lambda: "refused the saved sign-in" in page.message.text(), timeout=10000)
        assert page.browser_button.isEnabled()
