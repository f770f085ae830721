"""Bulk emails (non-respondent outreach, thanking the promoters): the email's text in each
language, filled for the first client checked, and the exact number on the button, before
anything is queued."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from feedback_desk.clock import ManualClock
from feedback_desk.domain.kinds import MessageKind
from feedback_desk.store.database import Store
from feedback_desk.store.models import OutboxMessage
from feedback_desk.ui import i18n
from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.loop.nonrespondents import NonRespondentsView
from feedback_desk.ui.loop.thank_promoters import ThankPromotersDialog
from tests.email.factory import add_client, add_review, silent_clients


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    i18n.install_language("en")


def outreach_count(store: Store) -> int:
    with store.read() as session:
        kind = OutboxMessage.kind == MessageKind.OUTREACH
        return int(session.scalar(select(func.count()).select_from(OutboxMessage).where(kind)))


def uncheck(view: NonRespondentsView, row: int) -> None:
    view.model.setData(
        view.model.index(row, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )


def test_the_outreach_shows_its_text_and_counts_the_emails_before_queueing(
    qtbot, mail_store: Store, clock: ManualClock, window_context: WindowContext
) -> None:
    silent_clients(
        mail_store,
        clock.now(),
        [("A1", "Grace", True), ("A2", "Élodie", True), ("A3", "Marc", True), ("P", "Paul", False)],
    )
    questions: list[str] = []
    view = NonRespondentsView(window_context, confirm=lambda _w, q: questions.append(q) or True)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 4, timeout=10_000)
    assert view.send_button.text() == "Queue 3 emails"
    first = view.model.checked()[0]
    preview = view.preview
    qtbot.waitUntil(lambda: preview.texts["en"].toPlainText().startswith("Subject:"))
    english = preview.texts["en"].toPlainText()
    french = preview.texts["fr"].toPlainText()
    assert english.startswith(f"Subject: {first.name.split()[0]}, your opinion matters to Studio")
    assert french.startswith(f"Subject: {first.name.split()[0]}, votre avis compte pour Studio")
    assert "Unsubscribe" in english  # the footer it will carry
    assert "Désabonnez-vous" in french
    assert first.client in preview.caption.text()
    assert [preview.tabs.tabText(i) for i in range(2)] == ["Français", "English"]

    uncheck(view, 0)
    assert view.send_button.text() == "Queue 2 emails"
    qtbot.waitUntil(lambda: preview.example == view.model.checked()[0].client_id)
    uncheck(view, 1)
    assert view.send_button.text() == "Queue 1 email"
    assert view.send_button.isEnabled()
    view.send_button.click()
    qtbot.waitUntil(lambda: outreach_count(mail_store) == 1, timeout=10_000)
    assert questions == ["Queue the outreach email for 1 client?"]
    qtbot.waitUntil(lambda: view.status.text() == "1 email queued.", timeout=10_000)
    uncheck(view, 2)
    assert view.send_button.text() == "Queue 0 emails"
    assert not view.send_button.isEnabled()
    assert preview.caption.text() == "Check a client to read the email they would get."


def test_the_count_speaks_french_with_its_plural(
    qtbot, mail_store: Store, clock: ManualClock, window_context: WindowContext
) -> None:
    i18n.install_language("fr")
    silent_clients(mail_store, clock.now(), [("A1", "Grace", True), ("A2", "Élodie", True)])
    view = NonRespondentsView(window_context, confirm=lambda _w, _q: False)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=10_000)
    assert view.send_button.text() == "Mettre 2 courriels en file d’attente"
    qtbot.waitUntil(lambda: view.preview.texts["fr"].toPlainText().startswith("Objet :"))
    uncheck(view, 0)
    assert view.send_button.text() == "Mettre 1 courriel en file d’attente"
    uncheck(view, 1)
    assert view.send_button.text() == "Mettre 0 courriel en file d’attente"


def test_thanking_the_promoters_shows_the_thank_you_and_its_count(
    qtbot, mail_store: Store, clock: ManualClock, window_context: WindowContext
) -> None:
    with mail_store.write() as session:
        for client_id, first in (("FAN1", "Grace"), ("FAN2", "Zoé")):
            client = add_client(session, client_id, first=first)
            add_review(session, client, 5, clock.now() - timedelta(days=20))
    dialog = ThankPromotersDialog(window_context, confirm=lambda _w, _q: True)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=10_000)
    assert dialog.send_button.text() == "Queue 2 emails"
    english = dialog.preview.texts["en"]
    qtbot.waitUntil(lambda: english.toPlainText().startswith("Subject:"), timeout=10_000)
    assert "Grace" in english.toPlainText()
    dialog.send_button.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("2 emails queued."), timeout=10_000)


def test_a_french_window_says_in_french_why_a_client_cannot_be_emailed(
    qtbot, mail_store: Store, clock: ManualClock, window_context: WindowContext
) -> None:
    i18n.install_language("fr")
    silent_clients(mail_store, clock.now(), [("A1", "Grace", True), ("P", "Paul", False)])
    view = NonRespondentsView(window_context, confirm=lambda _w, _q: False)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=10_000)
    model = view.model
    rows = [
        " ".join(str(model.index(row, column).data()) for column in range(model.columnCount()))
        for row in range(model.rowCount())
    ]
    paul = next(row for row in rows if "Paul" in row)
    assert "n’a pas accepté de recevoir des courriels du studio" in paul
    assert "has not agreed" not in paul
