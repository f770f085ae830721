"""The outbox from the main window: it sends in the background once a mail server is set, the
status bar counts what waits and what failed, and Tools → Outbox… lets staff retry."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.domain.kinds import Channel, OutboxState
from feedback_desk.store.database import Store
from feedback_desk.store.models import OutboxMessage
from feedback_desk.ui.dialogs.hosted import HostDialog
from feedback_desk.ui.main_window import MainWindow
from feedback_desk.ui.outbox.outbox_view import OutboxView
from feedback_desk.ui.window_features.outbox import OutboxFeature
from tests.email.factory import add_client, add_review, configure
from tests.support.smtp_server import SmtpServer


@pytest.fixture
def open_window(qtbot, clock: ManualClock) -> Iterator:  # type: ignore[no-untyped-def, type-arg]
    opened: list[MainWindow] = []

    def open_on(store: Store) -> MainWindow:
        window = MainWindow(store, clock, remember_state=False)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(
            lambda: (
                window.context.settings_loaded and window.first_screen_done and window.is_idle()
            ),
            timeout=20_000,
        )
        opened.append(window)
        return window

    yield open_on
    for window in opened:
        window.close()


def outbox_of(window: MainWindow) -> OutboxFeature:
    [feature] = [f for f in window.features if isinstance(f, OutboxFeature)]
    return feature


def two_alerts(store: Store, clock: ManualClock) -> list[str]:
    """Two reviews of 1 star at the kiosk: an alert each for the manager."""
    with store.write() as session:
        add_review(session, add_client(session, "C1"), 1, clock.now(), channel=Channel.KIOSK)
        add_review(session, add_client(session, "C2"), 1, clock.now(), channel=Channel.KIOSK)
    with store.read() as session:
        return list(session.scalars(select(OutboxMessage.subject).order_by(OutboxMessage.id)))


def test_the_window_sends_the_outbox_and_staff_retry_a_failure(
    qtbot, open_window, mail_store: Store, smtp_server: SmtpServer, clock: ManualClock
) -> None:  # type: ignore[no-untyped-def]
    subjects = two_alerts(mail_store, clock)
    smtp_server.handler.script(subjects[1], "550 5.1.1 no such mailbox")
    window = open_window(mail_store)
    outbox = outbox_of(window)
    assert outbox.sending
    status = outbox.status_widget
    # Sent at once on opening (what waited while the window was closed).
    qtbot.waitUntil(lambda: status.text() == "Outbox: 0 queued · 1 failed", timeout=20_000)
    assert smtp_server.handler.subjects() == [subjects[0]]

    assert outbox.action.text().replace("&", "") == "Outbox…"
    outbox.action.trigger()
    dialog = outbox.dialog
    assert isinstance(dialog, HostDialog)
    view = dialog.view
    assert isinstance(view, OutboxView)
    view.filter.setCurrentIndex(1)  # needs attention
    qtbot.waitUntil(lambda: not view.model.loading, timeout=10_000)  # read on a worker
    assert view.model.rowCount() == 1
    view.table.selectRow(0)
    view.retry_button.click()
    # The retry reaches the server without waiting for the next timed run.
    qtbot.waitUntil(lambda: len(smtp_server.handler.received) == 2, timeout=20_000)
    qtbot.waitUntil(lambda: status.text() == "Outbox: 0 queued", timeout=20_000)
    dialog.reject()
    with mail_store.read() as session:
        states = set(session.scalars(select(OutboxMessage.state)))
    assert states == {OutboxState.SENT}


def test_without_a_mail_server_nothing_is_sent_but_the_counts_show(
    qtbot, open_window, store: Store, clock: ManualClock
) -> None:  # type: ignore[no-untyped-def]
    configure(store, studio__manager_emails="boss@studio.example")
    two_alerts(store, clock)
    window = open_window(store)
    outbox = outbox_of(window)
    qtbot.waitUntil(lambda: outbox.status_widget.text() == "Outbox: 2 queued", timeout=20_000)
    assert not outbox.sending
    assert outbox.worker is not None
    assert not outbox.worker.running
    assert outbox.worker.every_seconds == 0


def test_setting_the_server_in_settings_starts_sending(
    qtbot, open_window, store: Store, smtp_server: SmtpServer, clock: ManualClock
) -> None:  # type: ignore[no-untyped-def]
    configure(store, studio__manager_emails="boss@studio.example")
    two_alerts(store, clock)
    window = open_window(store)
    outbox = outbox_of(window)
    assert not outbox.sending
    dialog = window.open_settings("email")
    qtbot.waitUntil(lambda: window.is_idle(), timeout=10_000)
    page = dialog.page("email")
    page.host.setText(smtp_server.host)
    page.port.setValue(smtp_server.port)
    page.security.setCurrentIndex(page.security.findData("none"))
    page.sender.setText("hello@studio.example")
    page.interval.setValue(120)
    dialog.save()
    qtbot.waitUntil(lambda: len(smtp_server.handler.received) == 2, timeout=20_000)
    assert outbox.sending
    assert outbox.worker is not None
    assert outbox.worker.every_seconds == 120
    qtbot.waitUntil(lambda: outbox.status_widget.text() == "Outbox: 0 queued", timeout=20_000)
