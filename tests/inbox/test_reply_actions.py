"""An action opened by a client's reply to the outreach has no review: the worklist, the
Overview's list and the client card show it, and it opens the client's email (where staff answer
it and close the action). Against the real Dovecot and SMTP test servers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from feedback_desk.domain.kinds import ActionOutcome, ReviewKind
from feedback_desk.services.action_worklist import (
    ActionPager,
    SortKey,
    WorklistFilter,
    WorklistOrder,
    WorklistRow,
)
from feedback_desk.services.client_card import client_card
from feedback_desk.store.models import Action, Client
from feedback_desk.ui.dialogs.client_card import ClientCardDialog
from feedback_desk.ui.dialogs.opener import opener_for
from feedback_desk.ui.inbox.message_dialog import InboundMessageDialog
from feedback_desk.ui.main_window import MainWindow
from feedback_desk.ui.tabs.overview import OverviewTab
from feedback_desk.ui.worklist.dialog import ActionWorklistDialog
from feedback_desk.ui.worklist.model import Column
from tests.inbox.conftest import Studio
from tests.inbox.test_inbound_replies import outreach_answered

REPLY = "Honestly the classes are too early for me."


def worklist_rows(studio: Studio, filters: WorklistFilter, key: SortKey) -> list[WorklistRow]:
    pager = ActionPager(filters, WorklistOrder(key))
    with studio.store.read() as session:
        return pager.next_page(session).rows


def test_the_worklist_reads_an_action_without_a_review(studio: Studio) -> None:
    outreach_answered(studio)
    b = studio.builder
    zoe = b.client("C18", "Zoe", "Smith", language="en")
    b.review(zoe, "2026-05-09T10:00", stars=2)  # a review's action, a day before the reply
    for key in SortKey:
        rows = worklist_rows(studio, WorklistFilter(), key)
        assert sorted(r.client for r in rows) == ["C17", "C18"], key
    [reply, review] = worklist_rows(studio, WorklistFilter(), SortKey.REVIEWED)
    assert (reply.client, reply.review_id, reply.review, reply.kind, reply.stars) == (
        "C17",
        None,
        None,
        None,
        None,
    )
    assert reply.comment == REPLY
    assert reply.reviewed_at == studio.at("2026-05-10T18:00")
    assert reply.inbound_message_id is not None
    assert (review.client, review.stars, review.inbound_message_id) == ("C18", 2, None)
    searched = worklist_rows(studio, WorklistFilter(client_search="tremblay"), SortKey.CLIENT)
    assert [r.client for r in searched] == ["C17"]
    # The filters about a review (kind, dates) leave the reply out.
    by_kind = worklist_rows(studio, WorklistFilter(kind=ReviewKind.BUSINESS), SortKey.REVIEWED)
    assert [r.client for r in by_kind] == ["C18"]
    with studio.store.read() as session:
        audrey = session.scalars(select(Client.id).where(Client.external_id == "C17")).one()
        card = client_card(session, audrey)
    assert card is not None
    [action] = card.actions
    assert (action.review, action.stars, action.inbound_message_id) == (
        None,
        None,
        reply.inbound_message_id,
    )
    [email] = card.inbound
    assert email.text == REPLY
    assert email.action is not None
    assert email.action.opened_by_reply
    assert email.action.is_open


@pytest.fixture
def window(qtbot, studio: Studio) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    outreach_answered(studio)
    studio.clock.set(studio.at("2026-05-11T09:00"))
    opened = MainWindow(studio.store, studio.clock, remember_state=False)
    qtbot.addWidget(opened)
    opened.show()
    qtbot.waitUntil(lambda: opened.context.settings_loaded and opened.is_idle(), timeout=20_000)
    yield opened
    opened.close()


def test_the_overview_lists_the_action_and_opens_the_email(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    overview = window.pages["overview"]
    assert isinstance(overview, OverviewTab)
    [entry] = overview.actions_list.entries
    assert entry.text.startswith("✉  Audrey Tremblay · replied to the outreach · ")
    assert REPLY in entry.text
    overview.actions_list.opened.emit(entry.target_kind, entry.target_id)
    [dialog] = opener_for(window.context).open_dialogs
    assert isinstance(dialog, InboundMessageDialog)
    qtbot.waitUntil(lambda: dialog.panel.entry is not None, timeout=10_000)
    assert dialog.panel.text.toPlainText() == REPLY
    assert dialog.panel.action.text() == "This email opened an action to take (open)."
    assert dialog.panel.about.text() == "the non-respondent outreach"
    dialog.reject()


def test_the_worklist_opens_the_email_where_the_action_is_closed(
    qtbot, window: MainWindow, studio: Studio
) -> None:  # type: ignore[no-untyped-def]
    opener = opener_for(window.context)
    worklist = opener.open_worklist()
    assert isinstance(worklist, ActionWorklistDialog)
    qtbot.waitUntil(lambda: not worklist.busy and worklist.model.count == 1, timeout=10_000)
    model = worklist.model
    cells = [model.index(0, column).data() for column in Column]
    assert cells[Column.CLIENT] == "Audrey Tremblay"
    assert cells[Column.KIND] == "Email reply"
    assert cells[Column.STARS] == "—"
    assert cells[Column.COMMENT] == REPLY
    assert model.index(0, Column.REVIEWED).data(3).endswith("(no review)</p>")  # tooltip

    worklist.table.activated.emit(model.index(0, 0))
    [dialog] = [d for d in opener.open_dialogs if isinstance(d, InboundMessageDialog)]
    qtbot.waitUntil(lambda: dialog.panel.entry is not None, timeout=10_000)
    panel = dialog.panel
    assert panel.close_action_button.isEnabled()
    assert not panel.review_button.isEnabled(), "no review to open"
    panel.close_action_button.click()
    closing = panel.close_dialog
    assert closing is not None
    closing.outcome.setCurrentIndex(closing.outcome.findData(ActionOutcome.RESOLVED.value))
    closing.note.setPlainText("Offered the 18:00 class.")
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        closing.accept()
    assert panel.action.text() == "This email opened an action to take (closed)."
    assert not panel.close_action_button.isEnabled()
    qtbot.waitUntil(lambda: not worklist.busy and worklist.model.count == 0, timeout=10_000)
    with studio.store.read() as session:
        action = session.scalars(select(Action)).one()
    assert (action.outcome, action.note, action.closed_by) == (
        ActionOutcome.RESOLVED,
        "Offered the 18:00 class.",
        "tester",
    )
    dialog.reject()
    worklist.reject()


def test_the_client_card_shows_the_email_and_its_action(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    opener = opener_for(window.context)
    with window.context.store.read() as session:
        audrey = session.scalars(select(Client.id).where(Client.external_id == "C17")).one()
    card = opener.open_client(audrey)
    assert isinstance(card, ClientCardDialog)
    qtbot.waitUntil(lambda: card.card is not None, timeout=10_000)
    assert card.tabs.tabText(2) == "Actions (1 open)"
    assert card.tabs.tabText(card.tabs.indexOf(card.inbound_view)) == "Emails (1 to read)"
    assert card.actions.index(0, 0).data() == "(their email)"
    assert card.inbound.index(0, 4).data() == REPLY
    card.actions_view.activated.emit(card.actions.index(0, 0))
    card.inbound_view.activated.emit(card.inbound.index(0, 0))
    opened = [d for d in opener.open_dialogs if isinstance(d, InboundMessageDialog)]
    assert len(opened) == 2, "the action and the email both open the email"
    for dialog in opened:
        qtbot.waitUntil(lambda d=dialog: d.panel.entry is not None, timeout=10_000)
        dialog.reject()
    card.reject()
