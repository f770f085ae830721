"""The Google tab's "Reply by email…": enabled for a review linked to a client with an email,
explained when not, opening the compose dialog pre-filled in the client's language; Send queues."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.domain.kinds import MessageKind
from feedback_desk.services.google.linking import link_review, unlink_review
from feedback_desk.store.database import Store
from feedback_desk.store.models import Client, OutboxMessage
from feedback_desk.ui import i18n
from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.dialogs.compose_email import ComposeEmailDialog
from feedback_desk.ui.tabs.google_tab import GoogleTab
from tests.google.builders import add_client, add_google_review

WRITTEN = datetime(2026, 4, 20, 15, 0, tzinfo=UTC)


def _studio(store: Store) -> None:
    """G1 linked to Grace (English, email), G2 not linked, G3 linked to Léo (no email)."""
    with store.write() as session:
        grace = add_client(session, "C1", "Grace", "Hopper", email="grace@members.example")
        grace.language = "en"
        add_client(session, "C3", "Léo", "<b>Roy</b>")
        add_google_review(
            session, "G1", reviewer="Grace H", stars=5, created_at=WRITTEN, comment="Loved it"
        )
        add_google_review(session, "G2", reviewer="Anon", created_at=WRITTEN - timedelta(days=1))
        add_google_review(session, "G3", reviewer="Leo", created_at=WRITTEN - timedelta(days=2))
        link_review(session, "G1", "C1", at=WRITTEN, actor="Julie")
        link_review(session, "G3", "C3", at=WRITTEN, actor="Julie")


def _select(tab: GoogleTab, review_id: str) -> None:
    for row in range(tab.model.rowCount()):
        if tab.model.index(row, 0).data(Qt.ItemDataRole.UserRole) == review_id:
            tab.select_row(row)
            return
    raise AssertionError(f"{review_id} is not in the table")


def _tab(qtbot, context: WindowContext, opened: list[QDialog]) -> GoogleTab:  # type: ignore[no-untyped-def]
    tab = GoogleTab(context, open_dialog=opened.append)
    qtbot.addWidget(tab)
    tab.refresh()
    _loaded(qtbot, tab)
    return tab


def _loaded(qtbot, tab: GoogleTab) -> None:  # type: ignore[no-untyped-def]
    """The tab reads the store in the background: wait until what it shows is the store's."""
    qtbot.waitUntil(lambda: not (tab.loading or tab.model.fetching or tab.tasks.busy), timeout=5000)


def _open_email(qtbot, tab: GoogleTab, opened: list[QDialog]) -> ComposeEmailDialog:  # type: ignore[no-untyped-def]
    count = len(opened)
    qtbot.mouseClick(tab.email_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(opened) > count, timeout=5000)
    dialog = opened[-1]
    assert isinstance(dialog, ComposeEmailDialog)
    return dialog


def test_the_action_is_enabled_only_for_a_linked_client_with_an_email_and_says_why(
    qtbot, window_context, store: Store, clock: ManualClock
) -> None:  # type: ignore[no-untyped-def]
    _studio(store)
    tab = _tab(qtbot, window_context, [])
    assert not tab.email_button.isEnabled()
    assert "Select a review" in tab.email_button.toolTip()
    _select(tab, "G2")
    assert not tab.email_button.isEnabled()
    assert "not linked to a client: link it first" in tab.email_button.toolTip()
    _select(tab, "G3")
    assert not tab.email_button.isEnabled()
    # Client text in a tooltip is escaped: Qt would render it as rich text otherwise.
    assert "Léo &lt;b&gt;Roy&lt;/b&gt; (C3), linked to this review, has no email address" in (
        tab.email_button.toolTip()
    )
    _select(tab, "G1")
    assert tab.email_button.isEnabled()
    assert "grace@members.example" in tab.email_button.toolTip()


def test_reply_by_email_prefills_the_dialog_in_the_clients_language_and_send_queues_it(
    qtbot, window_context, store: Store, clock: ManualClock
) -> None:  # type: ignore[no-untyped-def]
    _studio(store)
    opened: list[QDialog] = []
    tab = _tab(qtbot, window_context, opened)
    _select(tab, "G1")
    dialog = _open_email(qtbot, tab, opened)
    # The studio speaks French; Grace reads English.
    assert dialog.language_label.text() == "English"
    assert dialog.to_edit.text() == "grace@members.example"
    assert dialog.subject_edit.text() == "Thank you for your Google review, Grace!"
    assert dialog.body_edit.toPlainText().startswith("Hello Grace,")
    assert "Loved it" in dialog.context.text()
    assert dialog.context.textFormat() is Qt.TextFormat.PlainText
    assert "Already emailed" not in dialog.context.text()

    dialog.body_edit.setPlainText("Thank you Grace! See you on Monday.")
    with (
        qtbot.waitSignal(tab.email_queued, timeout=5000) as queued,
        qtbot.waitSignal(dialog.accepted, timeout=5000),
    ):
        dialog.send_button.click()
    with store.read() as session:
        [message] = session.scalars(select(OutboxMessage))
        grace = session.scalar(select(Client).where(Client.external_id == "C1"))
        assert grace is not None
        assert message.client_id == grace.id
    assert queued.args == [message.id]
    assert message.kind is MessageKind.REPLY
    assert message.recipients == "grace@members.example"
    assert message.body_text == "Thank you Grace! See you on Monday.\n"
    assert "queued in the outbox" in tab.message.text()

    # A second email later: staff see the first one before writing.
    again = _open_email(qtbot, tab, opened)
    assert "Already emailed on" in again.context.text()
    assert "Thank you for your Google review, Grace!" in again.context.text()
    assert "waiting to be sent" in again.context.text()
    again.reject()


def test_the_action_and_its_explanation_speak_french(
    qtbot, window_context, store: Store, clock: ManualClock
) -> None:  # type: ignore[no-untyped-def]
    _studio(store)
    i18n.install_language("fr")
    try:
        tab = _tab(qtbot, window_context, [])
        assert tab.email_button.text() == "Répondre par courriel…"
        _select(tab, "G2")
        assert "Cet avis n’est associé à aucun client" in tab.email_button.toolTip()
    finally:
        i18n.install_language("en")


def test_a_link_removed_meanwhile_is_reported_and_no_dialog_opens(
    qtbot, window_context, store: Store, clock: ManualClock
) -> None:  # type: ignore[no-untyped-def]
    _studio(store)
    opened: list[QDialog] = []
    tab = _tab(qtbot, window_context, opened)
    _select(tab, "G1")
    with store.write() as session:  # another PC unlinks it after the table was loaded
        unlink_review(session, "G1", at=clock.now(), actor="Paul")
    with qtbot.waitSignal(tab.status_message, timeout=5000) as said:
        qtbot.mouseClick(tab.email_button, Qt.MouseButton.LeftButton)
    assert [text() for text in said.args] == [
        "Google review 'G1' is not linked to a client: link it to its author first to answer "
        "it by email"
    ]
    assert opened == []
    _loaded(qtbot, tab)
    _select(tab, "G1")  # the table was refreshed: the row shows the link is gone
    selected = tab.selected_review()
    assert selected is not None
    assert selected.client_external_id is None
    assert not tab.email_button.isEnabled()
