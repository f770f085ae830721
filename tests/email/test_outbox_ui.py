"""The window's side of email: the compose dialog, the status-bar counts, the Outbox view and
the background sender, driven with pytest-qt against the loopback SMTP server."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.domain.kinds import Channel, MessageKind, OutboxState
from feedback_desk.services.email.smtp import SmtplibTransport
from feedback_desk.store.database import Store
from feedback_desk.store.models import OutboxMessage
from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.dialogs.compose_email import ComposeEmailDialog
from feedback_desk.ui.outbox.outbox_view import OutboxView
from feedback_desk.ui.outbox.status_widget import OutboxStatusWidget
from feedback_desk.workers.outbox_worker import OutboxWorker
from tests.email.factory import add_client, add_review
from tests.support.smtp_server import SmtpServer


def reviews_by(store: Store, clock: ManualClock) -> None:
    with store.write() as session:
        add_review(
            session,
            add_client(session, "EN", first="Grace", language="en"),
            4,
            clock.now(),
            external_id="R-EN",
        )
        add_review(
            session,
            add_client(session, "FR", first="Élodie", language="fr"),
            4,
            clock.now(),
            external_id="R-FR",
        )
        add_review(
            session,
            add_client(session, "NONE", first="Marc"),
            2,
            clock.now(),
            external_id="R-NONE",
            comment="<i>Too</i> cold",
        )


def opened(qtbot, window_context: WindowContext, review: str) -> ComposeEmailDialog:  # type: ignore[no-untyped-def]
    """The reply to *review*, once its draft has arrived from the worker."""
    dialog = ComposeEmailDialog.for_review(window_context, review)
    qtbot.addWidget(dialog)
    assert not dialog.send_button.isEnabled()  # nothing to send before the draft is in
    qtbot.waitUntil(lambda: dialog.is_ready, timeout=10_000)
    return dialog


def test_the_compose_dialog_prefills_the_reply_in_the_clients_language(
    qtbot, mail_store: Store, window_context: WindowContext, clock: ManualClock
) -> None:
    reviews_by(mail_store, clock)
    english = opened(qtbot, window_context, "R-EN")
    assert english.to_edit.text() == "en@members.example"
    assert english.subject_edit.text() == "Thank you for your review, Grace"
    assert "What would have made your experience perfect?" in english.body_edit.toPlainText()
    assert english.language_label.text() == "English"

    french = opened(qtbot, window_context, "R-FR")
    assert french.subject_edit.text() == "Merci pour votre avis, Élodie"
    assert "Qu'est-ce qui aurait rendu" in french.body_edit.toPlainText()

    studio_language = opened(qtbot, window_context, "R-NONE")
    assert studio_language.subject_edit.text() == "Votre avis sur Studio Zen"
    assert studio_language.context.text() == "★★☆☆☆, 14 May 2026: “<i>Too</i> cold”"
    assert studio_language.context.textFormat() == Qt.TextFormat.PlainText


def test_send_queues_the_edited_text(
    qtbot, mail_store: Store, window_context: WindowContext, clock: ManualClock
) -> None:
    reviews_by(mail_store, clock)
    dialog = opened(qtbot, window_context, "R-EN")
    dialog.subject_edit.setText("Thanks, Grace")
    dialog.body_edit.setPlainText("We will fix the showers <soon>.")
    queued: list[int] = []
    dialog.queued.connect(queued.append)
    dialog.send_button.click()
    qtbot.waitUntil(lambda: bool(queued), timeout=10_000)
    with mail_store.read() as session:
        message = session.scalar(
            select(OutboxMessage).where(OutboxMessage.kind == MessageKind.REPLY)
        )
        assert message is not None
        assert message.subject == "Thanks, Grace"
        assert message.body_text.startswith("We will fix the showers <soon>.")
        assert "&lt;soon&gt;" in (message.body_html or "")


def test_a_refused_send_keeps_the_dialog_open_with_the_reason(
    qtbot, mail_store: Store, window_context: WindowContext, clock: ManualClock
) -> None:
    reviews_by(mail_store, clock)
    dialog = opened(qtbot, window_context, "R-EN")
    dialog.subject_edit.setText("Hello\nBcc: x@y.example")
    dialog.send_button.click()
    qtbot.waitUntil(lambda: dialog.problem.text() != "", timeout=10_000)
    assert "control character" in dialog.problem.text()
    assert dialog.send_button.isEnabled()


def test_the_worker_sends_in_the_background_and_the_status_bar_shows_counts(
    qtbot, mail_store: Store, smtp_server: SmtpServer, clock: ManualClock, window_context
) -> None:  # type: ignore[no-untyped-def]
    with mail_store.write() as session:
        add_review(session, add_client(session, "C1"), 1, clock.now(), channel=Channel.KIOSK)
        add_review(session, add_client(session, "C2"), 1, clock.now(), channel=Channel.KIOSK)
    with mail_store.read() as session:
        subjects = list(session.scalars(select(OutboxMessage.subject).order_by(OutboxMessage.id)))
    smtp_server.handler.script(subjects[1], "550 5.1.1 no such mailbox")
    status = OutboxStatusWidget()
    qtbot.addWidget(status)
    worker = OutboxWorker(
        mail_store,
        clock,
        window_context.tasks,
        transport=SmtplibTransport(),
        parent=window_context,
    )
    worker.counts_changed.connect(status.set_counts)
    runs: list[object] = []
    worker.run_finished.connect(runs.append)
    worker.refresh_counts()
    qtbot.waitUntil(lambda: status.text() == "Outbox: 2 queued", timeout=10_000)
    worker.send_now()
    qtbot.waitUntil(lambda: bool(runs), timeout=20_000)
    assert runs[0].send.sent == 1  # type: ignore[attr-defined]
    assert status.text() == "Outbox: 0 queued · 1 failed"
    assert len(smtp_server.handler.received) == 1
    worker.stop()


def test_the_outbox_view_retries_a_failed_message(
    qtbot, mail_store: Store, clock: ManualClock, window_context: WindowContext
) -> None:
    with mail_store.write() as session:
        add_review(session, add_client(session, "C1"), 1, clock.now(), channel=Channel.KIOSK)
        message = session.scalar(select(OutboxMessage))
        assert message is not None
        message.state = OutboxState.FAILED
        message.last_error = "message refused: 550 5.1.1 no such mailbox"
    view = OutboxView(window_context)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.model.loading, timeout=10_000)
    assert view.model.rowCount() == 1
    view.table.selectRow(0)
    assert view.retry_button.isEnabled()
    assert not view.sent_button.isEnabled()
    assert view.status.text() == "message refused: 550 5.1.1 no such mailbox"
    changes: list[bool] = []
    view.changed.connect(lambda: changes.append(True))
    view.retry_button.click()
    qtbot.waitUntil(lambda: bool(changes) and not view.model.loading, timeout=10_000)
    assert view.model.row_at(0).state is OutboxState.QUEUED
    assert view.selected() == view.model.row_at(0), "the message changed stays selected"
    view.filter.setCurrentIndex(1)  # needs attention
    assert view.model.loading
    qtbot.waitUntil(lambda: not view.model.loading, timeout=10_000)
    assert view.model.rowCount() == 0
