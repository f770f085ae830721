"""The Outbox as staff read it: columns in words and dates, elided with the whole value in a
tooltip, a message opened on double-click, an empty list said in words, and a clear word (with a
way to Settings → Email) while email is not set up."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.domain.kinds import Channel, OutboxState
from feedback_desk.store.database import Store
from feedback_desk.store.models import OutboxMessage
from feedback_desk.ui import i18n
from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.outbox.message_dialog import MessageDialog
from feedback_desk.ui.outbox.outbox_view import (
    CREATED,
    ERROR,
    KIND,
    STATE,
    TO,
    WHEN,
    OutboxView,
)
from feedback_desk.ui.window_features.outbox import OutboxFeature
from tests.email.factory import add_client, add_review, configure

LONG_ERROR = (
    "message refused: 550 5.1.1 <boss@studio.example>: Recipient address rejected: "
    "User unknown in virtual mailbox table"
)


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    i18n.install_language("en")


def one_failed_alert(store: Store, clock: ManualClock) -> None:
    with store.write() as session:
        add_review(session, add_client(session, "C1"), 1, clock.now(), channel=Channel.KIOSK)
        message = session.scalar(select(OutboxMessage))
        assert message is not None
        message.state = OutboxState.FAILED
        message.attempts = 3
        message.last_error = LONG_ERROR


def shown_view(qtbot, context: WindowContext) -> OutboxView:  # type: ignore[no-untyped-def]
    view = OutboxView(context)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    qtbot.waitUntil(lambda: not view.model.loading, timeout=10_000)
    return view


def test_the_columns_read_in_words_and_dates_with_the_whole_value_in_tooltips(
    qtbot, mail_store: Store, clock: ManualClock, window_context: WindowContext
) -> None:
    one_failed_alert(mail_store, clock)
    view = shown_view(qtbot, window_context)
    model, table = view.model, view.table
    assert view.list_stack.currentWidget() is table
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[CREATED] == "14 May 2026 18:00"  # the studio's time, month in words
    assert row[KIND] == "Alert"
    assert row[STATE] == "Failed"
    assert row[WHEN] == ""
    assert row[TO] == "boss@studio.example"
    assert row[ERROR] == LONG_ERROR
    assert model.index(0, ERROR).data(Qt.ItemDataRole.ToolTipRole) == LONG_ERROR
    assert model.index(0, TO).data(Qt.ItemDataRole.ToolTipRole) == "boss@studio.example"
    metrics = table.fontMetrics()
    for column in (CREATED, KIND, STATE):
        assert table.columnWidth(column) >= metrics.horizontalAdvance(row[column]), column
    # The long error is elided to a readable width rather than widening the table.
    assert table.columnWidth(ERROR) < metrics.horizontalAdvance(LONG_ERROR)
    assert table.horizontalHeader().length() <= table.viewport().width()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[WHEN] == "Sent or next try"


def test_a_double_click_opens_the_message_to_read(
    qtbot, mail_store: Store, clock: ManualClock, window_context: WindowContext
) -> None:
    one_failed_alert(mail_store, clock)
    view = shown_view(qtbot, window_context)
    cell = view.table.visualRect(view.model.index(0, 3)).center()
    # As a mouse does it: a click, then the double-click.
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    dialog = view.message_dialog
    assert isinstance(dialog, MessageDialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    assert dialog.isVisible()
    assert dialog.recipients.text() == "boss@studio.example"
    assert dialog.subject.text() == view.model.row_at(0).subject
    assert dialog.state.text() == "Failed · 3 attempts"
    assert dialog.error.text() == LONG_ERROR
    with mail_store.read() as session:
        body = session.scalar(select(OutboxMessage.body_text))
    assert body
    assert dialog.text.toPlainText() == body
    assert dialog.text.isReadOnly()
    assert dialog.error.textFormat() == Qt.TextFormat.PlainText
    dialog.reject()


def test_an_empty_list_says_so_in_words(
    qtbot, mail_store: Store, clock: ManualClock, window_context: WindowContext
) -> None:
    view = shown_view(qtbot, window_context)
    assert view.list_stack.currentWidget() is view.empty_label
    assert view.empty_label.text() == "The outbox is empty."
    one_failed_alert(mail_store, clock)
    view.reload()
    qtbot.waitUntil(lambda: view.list_stack.currentWidget() is view.table, timeout=10_000)
    view.filter.setCurrentIndex(2)  # waiting to be sent
    qtbot.waitUntil(lambda: view.list_stack.currentWidget() is view.empty_label, timeout=10_000)
    assert view.empty_label.text() == "Nothing is waiting to be sent."
    view.filter.setCurrentIndex(1)  # needs attention: the failed alert
    qtbot.waitUntil(lambda: view.list_stack.currentWidget() is view.table, timeout=10_000)
    view.table.selectRow(0)
    view.cancel_button.click()
    qtbot.waitUntil(lambda: view.list_stack.currentWidget() is view.empty_label, timeout=10_000)
    assert view.empty_label.text() == "Nothing needs attention."
    assert not view.setup_banner.isVisibleTo(view), "email is set up"


def test_the_outbox_speaks_french(
    qtbot, mail_store: Store, clock: ManualClock, window_context: WindowContext
) -> None:
    i18n.install_language("fr")
    one_failed_alert(mail_store, clock)
    view = shown_view(qtbot, window_context)
    assert view.model.index(0, CREATED).data() == "14 mai 2026 18:00"
    assert view.model.index(0, STATE).data() == "Échec"
    view.filter.setCurrentIndex(2)
    qtbot.waitUntil(lambda: view.list_stack.currentWidget() is view.empty_label, timeout=10_000)
    assert view.empty_label.text() == "Rien n’attend d’être envoyé."


def test_without_email_set_up_the_status_bar_and_the_outbox_say_so_and_lead_to_settings(
    qtbot, open_window, store: Store, clock: ManualClock
) -> None:  # type: ignore[no-untyped-def]
    configure(store, studio__manager_emails="boss@studio.example")
    one_failed_alert(store, clock)
    window = open_window(store)
    [outbox] = [f for f in window.features if isinstance(f, OutboxFeature)]
    status = outbox.status_widget
    assert status.not_set_up.isVisibleTo(window)
    assert status.not_set_up.text() == "Email is not set up: messages wait in the outbox."
    window.resize(window.status.permanent.sizeHint().width() + 200, 600)  # room for it all
    label = status.not_set_up
    qtbot.waitUntil(lambda: label.width() >= label.sizeHint().width())  # read in full
    status.setup_button.click()
    settings = window.settings_dialog
    assert settings is not None
    assert settings.isVisible()
    assert settings.stack.currentWidget().widget() is settings.page("email")
    settings.reject()

    dialog = outbox.open_outbox()
    view = dialog.view
    assert isinstance(view, OutboxView)
    assert view.setup_banner.isVisibleTo(view)
    assert view.setup_label.text() == "Email is not set up: messages wait in the outbox."
    view.setup_button.click()
    settings = window.settings_dialog
    assert settings.stack.currentWidget().widget() is settings.page("email")
    page = settings.page("email")
    page.host.setText("smtp.studio.example")
    page.sender.setText("hello@studio.example")
    settings.save()
    # Once saved, neither says it any more.
    qtbot.waitUntil(lambda: not view.setup_banner.isVisibleTo(view), timeout=10_000)
    assert not status.not_set_up.isVisibleTo(window)
    assert not status.setup_button.isVisibleTo(window)
    dialog.reject()
