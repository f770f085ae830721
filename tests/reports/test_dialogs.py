"""Review details (plain-text comment, manual edit with its badge and audit row, closing the
action) and the client card (pytest-qt, offscreen)."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from sqlalchemy import select

from feedback_desk.services.review_details import review_id_of
from feedback_desk.store.database import Store
from feedback_desk.store.models import Action, AuditEntry, Client
from feedback_desk.ui.dialogs.client_card import ClientCardDialog
from feedback_desk.ui.dialogs.close_action import CloseActionDialog
from feedback_desk.ui.dialogs.edit_stars import EditStarsDialog
from feedback_desk.ui.dialogs.opener import DialogOpener
from feedback_desk.ui.dialogs.review_details import ReviewDetailsDialog
from feedback_desk.ui.formatting import edited_badge
from feedback_desk.ui.models.rows_model import ROW_KEY_ROLE
from feedback_desk.ui.status import Said, said_now
from tests.reports.ui_fixtures import fill_studio

WAIT_MS = 10_000


def _review_id(studio: Store, ref: str) -> int:
    with studio.read() as session:
        found = review_id_of(session, ref)
    assert found is not None
    return found


def _open_review(qtbot, opener: DialogOpener, studio: Store, ref: str) -> ReviewDetailsDialog:  # type: ignore[no-untyped-def]
    """The details, once read (the dialog opens at once and fills in from a worker)."""
    dialog = opener.open_review(_review_id(studio, ref))
    assert isinstance(dialog, ReviewDetailsDialog)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        pass
    return dialog


def _open_card(qtbot, opener: DialogOpener, client_id: int) -> ClientCardDialog:  # type: ignore[no-untyped-def]
    card = opener.open_client(client_id)
    assert isinstance(card, ClientCardDialog)
    with qtbot.waitSignal(card.loaded, timeout=WAIT_MS):
        pass
    return card


def test_details_show_everything_and_the_comment_as_plain_text(
    qtbot, studio: Store, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    fill_studio(studio)
    dialog = _open_review(qtbot, opener, studio, "R-bad")
    assert dialog.windowTitle() == "Review R-bad"
    assert dialog.stars.text() == "★★☆☆☆  2/5"
    assert dialog.comment.toPlainText() == "<b>Cold</b> showers & <i>no</i> towels"
    assert dialog.client.text() == "Ann Lee (C1)"
    assert dialog.to_improve.text() == "Changing rooms"  # in the interface's language
    assert dialog.action.text().startswith("Open since")
    assert not dialog.badge.isVisibleTo(dialog)
    assert not dialog.history_view.isVisibleTo(dialog)
    for label in dialog.findChildren(QLabel):
        if label.text() and "Cold" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText


def test_a_manual_edit_shows_the_badge_and_writes_history_and_audit(
    qtbot, studio: Store, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    fill_studio(studio)
    dialog = _open_review(qtbot, opener, studio, "R-bad")
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    editor = dialog.findChild(EditStarsDialog)
    assert editor is not None
    ok = editor.buttons.button(editor.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # same stars: nothing to record
    editor.stars.setValue(5)
    editor.note.setPlainText("Tapped 2 by mistake")
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.stars.text() == "★★★★★  5/5"
    assert dialog.badge.isVisibleTo(dialog)
    assert dialog.badge.text() == edited_badge() == "edited manually"
    assert dialog.history.rowCount() == 1
    row = [dialog.history.index(0, c).data() for c in range(4)]
    assert row[1:] == ["tester", "2 → 5", "Tapped 2 by mistake"]
    # An edit up leaves the action open.
    assert dialog.action.text().startswith("Open since")
    with studio.read() as session:
        audit = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "review.stars_edited")
        ).one()
        assert (audit.entity_id, audit.actor) == ("R-bad", "tester")
        assert json.loads(audit.details) == {"old": 2, "new": 5, "note": "Tapped 2 by mistake"}


def test_closing_the_action_from_the_details(qtbot, studio: Store, opener: DialogOpener) -> None:  # type: ignore[no-untyped-def]
    fill_studio(studio)
    dialog = _open_review(qtbot, opener, studio, "R-meh")
    qtbot.mouseClick(dialog.close_action_button, Qt.MouseButton.LeftButton)
    closer = dialog.findChild(CloseActionDialog)
    assert closer is not None
    closer.outcome.setCurrentIndex(closer.outcome.findData("resolved"))
    closer.note.setPlainText("Called, all good")
    with qtbot.waitSignal(opener.actions_changed, timeout=WAIT_MS):
        closer.accept()
    qtbot.waitUntil(lambda: dialog.action.text().startswith("Closed"), timeout=WAIT_MS)
    assert "Resolved" in dialog.action.text()
    assert "Called, all good" in dialog.action.text()
    assert not dialog.close_action_button.isEnabled()
    with studio.read() as session:
        action = session.scalars(select(Action).where(Action.closed_at.is_not(None))).one()
        assert (action.outcome, action.note, action.closed_by) == (
            "resolved",
            "Called, all good",
            "tester",
        )


def test_the_client_card_lists_reviews_prompts_actions_and_opens_a_review(
    qtbot, studio: Store, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    fill_studio(studio)
    with studio.read() as session:
        ann = session.scalars(select(Client).where(Client.external_id == "C1")).one().id
    card = _open_card(qtbot, opener, ann)
    assert card.reviews.rowCount() == 5
    assert card.prompts.rowCount() == 2
    assert card.actions.rowCount() == 2
    assert card.tabs.tabText(2) == "Actions (2 open)"
    outcomes = {card.prompts.index(r, 3).data() for r in range(2)}
    assert outcomes == {"Answered", "Ignored"}
    assert card.google_note.text() == "No Google review linked to this client."
    newest = card.reviews.index(0, 0)
    assert card.reviews.index(0, 5).data() == ""  # R-meh has no comment
    card.reviews_view.activated.emit(newest)
    details = opener.open_dialogs[-1]
    assert isinstance(details, ReviewDetailsDialog)
    assert details.review_id == newest.data(ROW_KEY_ROLE)


def test_an_edit_shows_edited_manually_in_the_client_card(
    qtbot, studio: Store, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    fill_studio(studio)
    with studio.read() as session:
        ann = session.scalars(select(Client).where(Client.external_id == "C1")).one().id
    card = _open_card(qtbot, opener, ann)
    assert card.reviews.index(0, 4).data() == ""
    with qtbot.waitSignal(card.loaded, timeout=WAIT_MS):
        opener.edit_stars(card, "R-meh", 4, None)
    assert card.reviews.index(0, 4).data() == "edited manually"


def test_a_refused_edit_tells_why(qtbot, studio: Store, opener: DialogOpener) -> None:  # type: ignore[no-untyped-def]
    fill_studio(studio)
    messages: list[Said] = []
    opener.status_message.connect(messages.append)
    with qtbot.waitSignal(
        opener.context.tasks.busy_changed, timeout=WAIT_MS, check_params_cb=lambda b: not b
    ):
        opener.edit_stars(None, "R-missing", 4, None)
    assert [said_now(message) for message in messages] == ["unknown review 'R-missing'"]
    [box] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert box.text() == "unknown review 'R-missing'"
    box.close()


def test_contacts_open_from_the_details_of_a_review_with_an_action(
    qtbot, studio: Store, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    from feedback_desk.ui.dialogs.action_contacts import ActionContactsDialog

    fill_studio(studio)
    dialog = _open_review(qtbot, opener, studio, "R-bad")
    assert dialog.contacts_button.isEnabled()
    qtbot.mouseClick(dialog.contacts_button, Qt.MouseButton.LeftButton)
    contacts = dialog.findChild(ActionContactsDialog)
    assert contacts is not None
    contacts.close()
    five_stars = _open_review(qtbot, opener, studio, "R1")
    assert not five_stars.contacts_button.isEnabled()


def test_any_review_can_be_answered_by_email_from_its_details(
    qtbot, studio: Store, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    from feedback_desk.domain.kinds import MessageKind
    from feedback_desk.store.models import OutboxMessage
    from feedback_desk.ui.dialogs.compose_email import ComposeEmailDialog

    fill_studio(studio)
    with studio.write() as session:
        ann = session.scalars(select(Client).where(Client.external_id == "C1")).one()
        ann.email, ann.language = "ann@members.example", "en"
    dialog = _open_review(qtbot, opener, studio, "R-bad")
    qtbot.mouseClick(dialog.reply_button, Qt.MouseButton.LeftButton)
    compose = opener.open_dialogs[-1]
    assert isinstance(compose, ComposeEmailDialog)
    qtbot.waitUntil(lambda: compose.is_ready, timeout=WAIT_MS)
    # A detractor: the apology asking what went wrong, in the client's language.
    assert compose.to_edit.text() == "ann@members.example"
    assert compose.language_label.text() == "English"
    assert compose.context.text().startswith("★★☆☆☆, 10 May 2026")  # the window's one way
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        qtbot.mouseClick(compose.send_button, Qt.MouseButton.LeftButton)
    assert dialog.contacts_button.text() == "Contacts (1)…"  # the reply is logged
    with studio.read() as session:
        [reply] = session.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == MessageKind.REPLY)
        ).all()
        assert reply.recipients == "ann@members.example"
