"""The window's testimonials with real widgets: the Testimonials tab (states, consent, approve,
hide, withdraw, qualities and votes), the client card's Testimonial tab (invite, the testimonial,
its consent history, a refusal's reason, withdrawal on the client's request), inviting in bulk
from a filtered list, Settings → Testimonials, and File → Export testimonials…"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from feedback_desk.clock import ManualClock
from feedback_desk.domain.testimonials import (
    ConsentPart,
    Place,
    RefusalReason,
    TestimonialState,
)
from feedback_desk.services.settings import load_settings
from feedback_desk.services.testimonials import journey
from feedback_desk.services.testimonials.answering import Acceptance, Refusal
from feedback_desk.store.database import Store
from feedback_desk.store.models import Testimonial
from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.dialogs.opener import opener_for
from feedback_desk.ui.tabs.testimonials_tab import TestimonialsTab
from feedback_desk.ui.testimonials.invite_dialog import InviteDialog
from tests.support.settings_dialog import save, settings_dialog
from tests.testimonials.conftest import Lotus
from tests.testimonials.test_services import invite_now, quality_id


@pytest.fixture
def answered(store: Store, lotus: Lotus, may_first: ManualClock) -> dict[str, int]:
    """Audrey recommended the studio (name and job title shown); Zoe declined."""
    audrey = invite_now(store, lotus.audrey, may_first)
    journey.accept(
        store,
        may_first,
        audrey,
        Acceptance(
            quality_ids=[quality_id(store, "Warm welcome"), quality_id(store, "Cleanliness")],
            text_1="Une amie m'en a parlé. <b>Bravo</b>",
            job_title="Infirmière",
            consents=frozenset({ConsentPart.NAME, ConsentPart.JOB_TITLE}),
        ),
        place=Place.CLIENT_PAGE,
    )
    zoe = invite_now(store, lotus.zoe, may_first)
    journey.refuse(
        store,
        may_first,
        zoe,
        Refusal(RefusalReason.NOT_SATISFIED, "Too crowded at 6 pm."),
        place=Place.KIOSK,
    )
    return {"audrey": audrey, "zoe": zoe}


def state_of(store: Store, testimonial_id: int) -> Testimonial:
    with store.read() as session:
        return session.get_one(Testimonial, testimonial_id)


def open_tab(qtbot: QtBot, context: WindowContext) -> TestimonialsTab:
    tab = TestimonialsTab(context)
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    tab.show()
    tab.refresh()
    qtbot.waitUntil(lambda: tab.data is not None and tab.is_idle(), timeout=10_000)
    return tab


def select_client(qtbot: QtBot, tab: TestimonialsTab, client: str) -> None:
    for row in range(tab.rows.rowCount()):
        if tab.rows.row_at(row).cells[0] == client:
            tab.table.selectRow(row)
            qtbot.waitUntil(lambda: tab.details.toPlainText() != "" and not tab.context.busy)
            return
    raise AssertionError(f"{client} is not listed")


def test_the_tab_lists_states_and_lets_staff_approve_hide_and_withdraw(
    qtbot: QtBot, window_context: WindowContext, store: Store, answered: dict[str, int]
) -> None:
    tab = open_tab(qtbot, window_context)
    cells = {tab.rows.row_at(i).cells[0]: tab.rows.row_at(i).cells for i in range(2)}
    assert cells["C1"][2:3] + cells["C1"][5:7] == ["Accepted", "To review", "name, job title"]
    assert cells["C2"][2] == "Declined"
    assert cells["C2"][7] == "Not satisfied enough"
    assert "1 accepted (1 to review), 1 declined, 0 open" in tab.summary.text()
    qualities = {
        tab.qualities.row_at(i).cells[0]: tab.qualities.row_at(i).cells[1] for i in range(2)
    }
    assert qualities == {"Warm welcome": "1", "Cleanliness": "1"}
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in [tab.message])

    select_client(qtbot, tab, "C1")
    details = tab.details.toPlainText()
    assert "Une amie m'en a parlé. <b>Bravo</b>" in details  # plain text, as typed
    assert "May be shown: name, job title" in details
    assert "name: given (client page, client)" in details
    assert tab.approve_button.isEnabled()
    qtbot.mouseClick(tab.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.message.text().startswith("Approved"))
    qtbot.waitUntil(lambda: tab.is_idle() and tab.rows.rowCount() == 2)
    select_client(qtbot, tab, "C1")
    assert tab.rows.row_at(tab.table.currentIndex().row()).cells[5] == "Published"
    assert not tab.approve_button.isEnabled()
    qtbot.mouseClick(tab.hide_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.message.text().startswith("Hidden"))

    tab.confirm = lambda _parent, _question: True
    qtbot.waitUntil(tab.is_idle)
    select_client(qtbot, tab, "C1")
    qtbot.mouseClick(tab.withdraw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.message.text().startswith("Consent withdrawn"))
    assert state_of(store, answered["audrey"]).state is TestimonialState.WITHDRAWN
    qtbot.waitUntil(lambda: tab.is_idle() and tab.data is not None)
    qtbot.waitUntil(lambda: tab.rows.rowCount() == 2 and not tab.context.busy)
    tab.filter.setCurrentIndex(tab.filter.findData("withdrawn"))
    assert [tab.rows.row_at(i).cells[0] for i in range(tab.rows.rowCount())] == ["C1"]


def test_the_client_card_shows_the_testimonial_its_history_and_a_refusal(
    qtbot: QtBot,
    window_context: WindowContext,
    store: Store,
    lotus: Lotus,
    answered: dict[str, int],
) -> None:
    opener = opener_for(window_context)
    card = opener.open_client(lotus.zoe)
    section = card.testimonial  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: section.data is not None, timeout=10_000)
    assert card.tabs.tabText(4) == "Testimonial"  # type: ignore[attr-defined]
    text = section.details.toPlainText()
    assert "Reason: Not satisfied enough" in text
    assert "Too crowded at 6 pm." in text
    assert not section.withdraw_button.isEnabled()
    card.reject()

    card = opener.open_client(lotus.audrey)
    section = card.testimonial  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: section.data is not None, timeout=10_000)
    assert "Consent history:" in section.details.toPlainText()
    assert section.withdraw_button.isEnabled()
    section.confirm = lambda _parent, _question: True
    qtbot.mouseClick(section.withdraw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.message.text().startswith("Consent withdrawn"))
    qtbot.waitUntil(
        lambda: (
            "job title: withdrawn (staff, on the client's request, tester)"
            in section.details.toPlainText()
        )
    )
    kept = state_of(store, answered["audrey"])
    assert (kept.state, kept.consents()) == (TestimonialState.WITHDRAWN, frozenset())
    card.reject()


def test_invite_from_the_client_card(
    qtbot: QtBot, window_context: WindowContext, store: Store, lotus: Lotus
) -> None:
    card = opener_for(window_context).open_client(lotus.audrey)
    section = card.testimonial  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: section.data is not None, timeout=10_000)
    assert section.summary.text() == "Never invited to recommend the studio."
    assert section.invite_button.text() == "Invite to recommend…"
    dialog = section.invite()
    assert isinstance(dialog, InviteDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)
    assert dialog.invite_button.text() == "Invite 1 client"
    asked: list[str] = []
    dialog.confirm = lambda _parent, question: asked.append(question) or True
    qtbot.mouseClick(dialog.invite_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "1 client invited, 1 by email." in dialog.status.text())
    assert asked == ["Invite 1 client to recommend the studio?"]
    qtbot.waitUntil(lambda: section.summary.text().endswith("the latest: Invited."))
    qtbot.waitUntil(lambda: not dialog.invite_button.isEnabled())  # already invited now
    dialog.close()
    card.reject()


def test_bulk_invitations_from_a_filtered_list_show_the_count_first(
    qtbot: QtBot, window_context: WindowContext, store: Store, lotus: Lotus, may_first: ManualClock
) -> None:
    lotus.builder.review(lotus.zoe, "2026-04-20T12:00", stars=5)
    sam = lotus.builder.client("C3", "Sam", "Roy", email="sam@members.example", consent=True)
    invite_now(store, sam, may_first)  # already invited: listed, not checkable
    dialog = InviteDialog(window_context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=10_000)
    assert dialog.invite_button.text() == "Invite 2 clients"
    dialog.promoters.setChecked(True)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert dialog.model.index(0, 1).data() == "Zoe Smith"
    assert dialog.model.index(0, 3).data().startswith("no email (")
    dialog.promoters.setChecked(False)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3)
    dialog.search.setText("roy")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=5_000)
    assert dialog.model.index(0, 1).data() == "Sam Roy"
    assert dialog.model.index(0, 3).data().startswith("already invited, open until")
    assert not dialog.invite_button.isEnabled()
    dialog.search.clear()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=5_000)
    asked: list[str] = []
    dialog.confirm = lambda _parent, question: asked.append(question) or False
    qtbot.mouseClick(dialog.invite_button, Qt.MouseButton.LeftButton)
    assert asked == ["Invite 2 clients to recommend the studio?"]  # the count, before
    with store.read() as session:
        assert session.query(Testimonial).count() == 1  # declined: nothing made
    dialog.confirm = lambda _parent, _question: True
    qtbot.mouseClick(dialog.invite_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "2 clients invited, 1 by email." in dialog.status.text())
    with store.read() as session:
        assert session.query(Testimonial).count() == 3  # one each
    dialog.close()


def test_the_settings_page_previews_and_saves_the_questions(
    qtbot: QtBot, store: Store, lotus: Lotus, clock: ManualClock
) -> None:
    with settings_dialog(qtbot, store, clock, "testimonials") as dialog:
        page = dialog.page("testimonials")
        assert page.previews["fr"].text() == (
            "1. Qu'est-ce qui vous a amené à Studio Lotus ?\n"
            "2. Qu'est-ce qui a changé pour vous depuis ?"
        )
        page.fields[(2, "en")].setText("How do you feel after a class at {studio}?")
        assert (
            page.previews["en"].text().endswith("2. How do you feel after a class at Studio Lotus?")
        )
        page.fields[(1, "fr")].setText("")
        assert page.previews["fr"].text().startswith("1. Qu'est-ce qui vous a amené")
        page.expiry.setValue(14)
        assert set(save(qtbot, dialog) or []) == {
            "testimonials.question_2_en",
            "testimonials.question_1_fr",
            "testimonials.expiry_days",
        }
        # The studio's own words are shown as typed, never as rich text.
        assert all(
            label.textFormat() == Qt.TextFormat.PlainText for label in page.previews.values()
        )
    with store.read() as session:
        settings = load_settings(session)
        assert settings.text("testimonials.question_2_en") == (
            "How do you feel after a class at {studio}?"
        )
        assert settings.integer("testimonials.expiry_days") == 14


def test_the_tab_exports_the_page(
    qtbot: QtBot,
    window_context: WindowContext,
    store: Store,
    answered: dict[str, int],
    tmp_path: Path,
) -> None:
    tab = open_tab(qtbot, window_context)
    select_client(qtbot, tab, "C1")
    qtbot.mouseClick(tab.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.message.text().startswith("Approved"))
    out = tmp_path / "page.html"
    tab.export_page(out)
    qtbot.waitUntil(lambda: tab.message.text().startswith("Wrote"), timeout=10_000)
    assert tab.message.text() == f"Wrote {out}: 1 testimonial."
    page = out.read_text(encoding="utf-8")
    assert "Audrey B." in page
    assert "Infirmière" in page
    assert "Too crowded" not in page
