"""Closing the loop in the window: the contacts dialog, non-respondents, thanking promoters."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from feedback_desk.clock import ManualClock
from feedback_desk.domain.kinds import Channel, MessageKind, PromptOutcome, ReviewKind
from feedback_desk.store.database import Store
from feedback_desk.store.models import Action, OutboxMessage, Prompt
from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.dialogs.action_contacts import ActionContactsDialog
from feedback_desk.ui.loop.nonrespondents import NonRespondentsView
from feedback_desk.ui.loop.thank_promoters import ThankPromotersDialog
from tests.email.factory import add_client, add_review


def count(store: Store, kind: MessageKind) -> int:
    with store.read() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(OutboxMessage).where(OutboxMessage.kind == kind)
            )
            or 0
        )


# Showing a dialog on the offscreen platform makes it say so; nothing is wrong with the dialog.
@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_the_contacts_dialog_logs_a_call_and_sends_a_follow_up(
    qtbot, mail_store: Store, window_context: WindowContext, clock: ManualClock
) -> None:
    with mail_store.write() as session:
        client = add_client(session, "C1", first="Grace", language="en")
        add_review(
            session,
            client,
            2,
            clock.now() - timedelta(days=2),
            channel=Channel.STAFF,
            comment="<b>Cold showers</b>",
        )
        action = session.scalar(select(Action))
        assert action is not None
        action_id = action.id
    dialog = ActionContactsDialog(window_context, action_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.add_button.isEnabled(), timeout=10_000)
    assert "<b>Cold showers</b>" in dialog.summary.text()
    assert dialog.summary.textFormat() == dialog.summary.textFormat().PlainText
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData("phone"))
    dialog.note_edit.setText("Called her back, heater fixed")
    dialog.add_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)
    assert dialog.model.index(0, 1).data() == "Phone"
    assert dialog.model.index(0, 2).data() == "Called her back, heater fixed"

    compose = dialog.open_follow_up()
    qtbot.waitUntil(lambda: compose.is_ready, timeout=10_000)
    assert compose.subject_edit.text() == "Grace, here is what we changed"
    compose.body_edit.setPlainText("The heater is fixed.")
    queued: list[int] = []
    dialog.follow_up_queued.connect(queued.append)
    compose.send_button.click()
    qtbot.waitUntil(lambda: bool(queued), timeout=10_000)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=10_000)
    assert dialog.model.index(1, 1).data() == "Email"
    assert count(mail_store, MessageKind.FOLLOW_UP) == 1


def test_non_respondents_are_listed_and_contacted_in_bulk(
    qtbot, mail_store: Store, clock: ManualClock, window_context: WindowContext
) -> None:
    with mail_store.write() as session:
        for client_id, consent in (("SILENT", True), ("PRIVATE", False)):
            client = add_client(session, client_id, consent=consent)
            for days in (3, 6):
                when = clock.now() - timedelta(days=days)
                session.add(
                    Prompt(
                        client_id=client.id,
                        kind=ReviewKind.BUSINESS,
                        shown_at=when,
                        local_day=when.date(),
                        outcome=PromptOutcome.IGNORED,
                        channel=Channel.KIOSK,
                    )
                )
    questions: list[str] = []
    view = NonRespondentsView(window_context, confirm=lambda _w, q: questions.append(q) or True)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=10_000)
    assert [r.client for r in view.model.checked()] == ["SILENT"]
    sent: list[int] = []
    view.queued.connect(sent.append)
    view.send_button.click()
    qtbot.waitUntil(lambda: bool(sent), timeout=10_000)
    assert sent == [1]
    assert questions == ["Queue the outreach email for 1 client(s)?"]
    assert count(mail_store, MessageKind.OUTREACH) == 1


def test_thank_the_promoters_of_last_month(
    qtbot, mail_store: Store, clock: ManualClock, window_context: WindowContext
) -> None:
    with mail_store.write() as session:
        add_review(session, add_client(session, "FAN"), 5, clock.now() - timedelta(days=20))
        add_review(session, add_client(session, "MEH"), 4, clock.now() - timedelta(days=20))
    dialog = ThankPromotersDialog(window_context, confirm=lambda _w, _q: True)
    qtbot.addWidget(dialog)
    assert dialog.period()[0].isoformat() == "2026-04-01"
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)
    sent: list[int] = []
    dialog.queued.connect(sent.append)
    dialog.send_button.click()
    qtbot.waitUntil(lambda: bool(sent), timeout=10_000)
    assert count(mail_store, MessageKind.THANKS) == 1
    assert "1 email(s) queued." in dialog.status.text()


def test_send_refuses_a_follow_up_that_still_holds_the_templates_instruction(
    qtbot, mail_store: Store, window_context: WindowContext, clock: ManualClock
) -> None:
    from feedback_desk.ui.dialogs.compose_email import ComposeEmailDialog

    with mail_store.write() as session:
        client = add_client(session, "C1", first="Grace", language="en")
        add_review(session, client, 2, clock.now(), channel=Channel.STAFF)
        action = session.scalar(select(Action))
        assert action is not None
        action_id = action.id
    compose = ComposeEmailDialog.for_follow_up(window_context, action_id)
    qtbot.addWidget(compose)
    qtbot.waitUntil(lambda: compose.is_ready, timeout=10_000)
    assert "[Describe here what changed.]" in compose.body_edit.toPlainText()
    compose.send_button.click()
    assert compose.problem.text() == (
        "Replace [Describe here what changed.] with your own words before sending."
    )
    assert compose.result() == 0  # not sent, still open for the text
    qtbot.wait(1)
    assert count(mail_store, MessageKind.FOLLOW_UP) == 0
    body = compose.body_edit.toPlainText()
    compose.body_edit.setPlainText(body.replace("[Describe here what changed.]", "New heater."))
    queued: list[int] = []
    compose.queued.connect(queued.append)
    compose.send_button.click()
    qtbot.waitUntil(lambda: bool(queued), timeout=10_000)
    assert count(mail_store, MessageKind.FOLLOW_UP) == 1
