"""The inbox from the main window, against the real Dovecot and SMTP test servers: the mailbox is
read in the background (progress and Cancel in the status bar), answers refresh the tabs, other
replies wait in Clients → Replies to read…, where staff answer them or mark them handled; a
failure is said once, in words."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from feedback_desk.domain.kinds import MessageKind
from feedback_desk.services.settings_admin import change_secret
from feedback_desk.store.models import InboundMessage, OutboxMessage
from feedback_desk.ui.dialogs.compose_email import ComposeEmailDialog
from feedback_desk.ui.dialogs.hosted import HostDialog
from feedback_desk.ui.inbox.replies_view import RepliesView
from feedback_desk.ui.main_window import MainWindow
from feedback_desk.ui.tabs.overview import OverviewTab
from feedback_desk.ui.window_features.inbox import InboxFeature
from tests.inbox.conftest import Studio, reply_to
from tests.inbox.test_fetch_answers import AUDREY, request_sent, reviews


@pytest.fixture
def open_window(qtbot, studio: Studio) -> Iterator:  # type: ignore[no-untyped-def, type-arg]
    opened: list[MainWindow] = []

    def open_on() -> MainWindow:
        window = MainWindow(studio.store, studio.clock, remember_state=False)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.context.settings_loaded and window.is_idle(), timeout=20_000)
        opened.append(window)
        return window

    yield open_on
    for window in opened:
        window.close()


def inbox_of(window: MainWindow) -> InboxFeature:
    [feature] = [f for f in window.features if isinstance(f, InboxFeature)]
    return feature


def recent_texts(window: MainWindow) -> list[str]:
    overview = window.pages["overview"]
    assert isinstance(overview, OverviewTab)
    return [entry.text for entry in overview.recent_list.entries]


def open_replies(qtbot, feature: InboxFeature) -> RepliesView:  # type: ignore[no-untyped-def]
    feature.action.trigger()
    dialog = feature.dialog
    assert isinstance(dialog, HostDialog)
    view = dialog.view
    assert isinstance(view, RepliesView)
    qtbot.waitUntil(lambda: not view.busy, timeout=10_000)
    return view


def test_answers_read_in_the_background_refresh_the_tabs(
    qtbot, open_window, studio: Studio
) -> None:  # type: ignore[no-untyped-def]
    email = request_sent(studio)  # sent 2026-05-15 20:00
    studio.clock.set(studio.at("2026-05-16T08:00"))
    window = open_window()
    feature = inbox_of(window)
    assert feature.reading
    assert feature.worker is not None
    assert feature.worker.every_seconds == 120
    assert feature.status_widget.isVisibleTo(window)
    assert feature.status_widget.text() == "Replies to read: 0"
    assert len(recent_texts(window)) == 1  # the studio review of April
    studio.deliver(
        reply_to(email, "4 - great playlist!", sender=AUDREY, date=studio.at("2026-05-16T07:00"))
    )

    task = feature.fetch_now()
    assert task is not None
    # The pass shows in the status bar, with Cancel.
    assert window.status.task_label.text() == "Reading the mailbox…"
    assert window.status.cancel_button.isVisibleTo(window)
    qtbot.waitUntil(lambda: len(recent_texts(window)) == 2, timeout=20_000)
    assert "Spin 45 with Julie" in recent_texts(window)[0]
    assert not window.status.cancel_button.isVisibleTo(window)
    assert window.status.currentMessage() == "Inbox: 1 review recorded."
    [review] = reviews(studio)
    assert review.stars == 4


def test_replies_to_read_are_answered_and_marked_handled(
    qtbot, open_window, studio: Studio
) -> None:  # type: ignore[no-untyped-def]
    email = request_sent(studio, language="fr")
    studio.deliver(
        reply_to(email, "5", sender=AUDREY, date=studio.at("2026-05-15T21:00"), quote=False)
    )
    studio.deliver(
        reply_to(
            email,
            "Y a-t-il du stationnement <près> du studio ?",
            sender=AUDREY,
            date=studio.at("2026-05-15T21:30"),
        )
    )
    studio.clock.set(studio.at("2026-05-16T08:00"))
    window = open_window()  # reads what arrived while it was closed
    feature = inbox_of(window)
    qtbot.waitUntil(lambda: feature.status_widget.text() == "Replies to read: 1", timeout=20_000)
    assert len(reviews(studio)) == 1, "the first answer is the review, the second a reply"

    view = open_replies(qtbot, feature)
    assert view.count_label.text() == "1 reply to read"
    assert view.model.rowCount() == 1
    panel = view.panel
    assert panel.entry is not None
    assert panel.text.toPlainText().startswith("Y a-t-il du stationnement <près> du studio ?")
    assert panel.about.text() == "a review request"
    assert panel.client.text() == "Audrey Tremblay (C17)"

    with qtbot.waitSignal(panel.reply_opened, timeout=10_000) as opened:
        panel.reply_button.click()
    compose = opened.args[0]
    assert isinstance(compose, ComposeEmailDialog)
    assert compose.to_edit.text() == AUDREY
    assert compose.language_label.text() == "French"
    assert compose.subject_edit.text().startswith("Re: ")
    assert not compose.subject_edit.text().startswith("Re: Re:")
    body = compose.body_edit.toPlainText()
    assert body.startswith("Bonjour Audrey,")
    assert "a écrit :\n> Y a-t-il du stationnement <près> du studio ?" in body
    # Send refuses the template's instruction left in place.
    compose.send_button.click()
    assert "[Écrivez votre réponse ici.]" in compose.problem.text()
    compose.body_edit.setPlainText(
        body.replace("[Écrivez votre réponse ici.]", "Oui, derrière le studio.")
    )
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        compose.send_button.click()
    # Answering it handled it; the outbox sends the answer right away.
    qtbot.waitUntil(lambda: feature.status_widget.text() == "Replies to read: 0", timeout=10_000)
    assert view.count_label.text() == "No reply to read."
    qtbot.waitUntil(lambda: bool(studio.sent_to(AUDREY)[1:]), timeout=20_000)
    answer = studio.sent_to(AUDREY)[1]
    assert "Oui, derrière le studio." in answer.part("plain")
    with studio.store.read() as session:
        message = session.scalars(select(InboundMessage)).one()
        assert message.handled_by == "tester"
        kinds = list(session.scalars(select(OutboxMessage.kind).order_by(OutboxMessage.id)))
    assert kinds == [MessageKind.REVIEW_REQUEST, MessageKind.REPLY]

    # Handled replies stay findable.
    view.show_handled.setChecked(True)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)
    assert view.panel.handled.text().startswith("by tester on ")
    assert not view.panel.handled_button.isEnabled()


def test_marking_a_reply_handled(qtbot, open_window, studio: Studio) -> None:  # type: ignore[no-untyped-def]
    email = request_sent(studio)
    studio.deliver(
        reply_to(email, "Is there parking?", sender=AUDREY, date=studio.at("2026-05-15T21:00"))
    )
    studio.clock.set(studio.at("2026-05-16T08:00"))
    window = open_window()
    feature = inbox_of(window)
    qtbot.waitUntil(lambda: feature.status_widget.text() == "Replies to read: 1", timeout=20_000)
    feature.status_widget.clicked.emit()  # the count opens the list too
    view = feature.dialog.view  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: view.panel.entry is not None, timeout=10_000)
    view.panel.handled_button.click()
    qtbot.waitUntil(lambda: feature.status_widget.text() == "Replies to read: 0", timeout=10_000)
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=10_000)
    assert view.panel.entry is None
    feature.dialog.reject()  # type: ignore[union-attr]


def test_a_failing_mailbox_is_said_once_in_words(qtbot, open_window, studio: Studio) -> None:  # type: ignore[no-untyped-def]
    change_secret(studio.store, "imap.password", "not-the-password", clock=studio.clock)
    said: list[str] = []
    window = open_window()
    feature = inbox_of(window)
    window.status.messageChanged.connect(said.append)
    qtbot.waitUntil(lambda: feature.last_failure is not None, timeout=20_000)
    assert feature.last_failure is not None
    assert feature.last_failure.startswith("Inbox: the mailbox server 127.0.0.1:")
    assert "refused the login" in feature.last_failure
    assert "AUTHENTICATIONFAILED" in feature.last_failure, "the server's own words"
    for _ in range(2):
        task = feature.fetch_now()
        assert task is not None
        qtbot.waitUntil(lambda: not feature.worker.running, timeout=20_000)  # type: ignore[union-attr]
    assert [text for text in said if text.startswith("Inbox:")] == []
    # Once a pass works, the next failure is said again.
    change_secret(studio.store, "imap.password", studio.mailbox.password, clock=studio.clock)
    feature.fetch_now()
    qtbot.waitUntil(lambda: feature.last_failure is None, timeout=20_000)
    qtbot.waitUntil(lambda: not feature.worker.running, timeout=20_000)  # type: ignore[union-attr]
    change_secret(studio.store, "imap.password", "not-the-password", clock=studio.clock)
    feature.fetch_now()
    qtbot.waitUntil(lambda: feature.last_failure is not None, timeout=20_000)
    assert [text for text in said if text.startswith("Inbox:")] == [feature.last_failure]


def test_without_a_mailbox_nothing_is_read(qtbot, open_window, studio: Studio) -> None:  # type: ignore[no-untyped-def]
    from tests.email.factory import configure

    configure(studio.store, imap__host="")
    window = open_window()
    feature = inbox_of(window)
    assert not feature.reading
    assert feature.worker is not None
    assert not feature.worker.running
    assert feature.worker.every_seconds == 0
    assert not feature.status_widget.isVisibleTo(window)
    view = open_replies(qtbot, feature)
    assert view.count_label.text() == "No reply to read."
    assert isinstance(feature.dialog, QDialog)
    feature.dialog.reject()
