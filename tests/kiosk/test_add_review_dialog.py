"""Add review…: staff record a review by phone or in person, for a client and a session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from feedback_desk.clock import ManualClock
from feedback_desk.domain.kinds import Channel, ReviewKind
from feedback_desk.store.database import Store
from feedback_desk.store.models import (
    Action,
    AuditEntry,
    ClassSession,
    Client,
    Prompt,
    Review,
)
from feedback_desk.ui import i18n
from feedback_desk.ui.dialogs.add_review import AddReviewDialog
from tests.email.factory import add_review
from tests.kiosk.conftest import tap, type_text
from tests.support.studio_builder import StudioBuilder
from tests.support.window_context import window_context


@pytest.fixture
def booked(studio: StudioBuilder) -> dict[str, int]:
    julie = studio.coach("E1", "Julie", "Tremblay")
    audrey = studio.client("C1", "Audrey", "Bélanger")
    studio.client("C2", "Paul", "Roy")
    older = studio.session("S1", "Yoga", julie, "2026-05-11T18:00")
    missed = studio.session("S2", "HIIT", julie, "2026-05-16T08:00")
    friday = studio.session("S3", "Spin", julie, "2026-05-15T18:00")
    later = studio.session("S4", "Spin", julie, "2026-05-20T18:00")
    studio.attend(older, audrey)
    studio.attend(missed, audrey, present=False)
    studio.attend(friday, audrey)
    studio.attend(later, audrey)
    return {"audrey": audrey, "older": older, "missed": missed, "friday": friday}


@pytest.fixture
def dialog(
    qtbot: QtBot, store: Store, sunday: ManualClock, booked: dict[str, int]
) -> Iterator[AddReviewDialog]:
    with window_context(qtbot, store, sunday) as context:
        opened = AddReviewDialog(context, search_delay_ms=0)
        qtbot.addWidget(opened)
        opened.show()
        qtbot.waitUntil(lambda: bool(opened._options_by_kind), timeout=10_000)
        yield opened
        opened.close()


def choose_client(qtbot: QtBot, dialog: AddReviewDialog, text: str) -> None:
    type_text(qtbot, dialog.search_field, text)
    qtbot.waitUntil(lambda: dialog.matches_shown == 1)
    index = dialog.client_model.index(0, 0)
    rect = dialog.client_list.visualRect(index)
    with qtbot.waitSignal(dialog.sessions_loaded, timeout=10_000):
        qtbot.mouseClick(
            dialog.client_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
        )


def ok_button(dialog: AddReviewDialog) -> object:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_staff_record_a_class_review_for_one_of_the_client_sessions(
    qtbot: QtBot, dialog: AddReviewDialog, store: Store, booked: dict[str, int]
) -> None:
    choose_client(qtbot, dialog, "belanger")
    assert dialog.chosen_label.text() == "Audrey Bélanger (member C1)"
    sessions = [dialog.session_combo.itemText(i) for i in range(dialog.session_combo.count())]
    # Attended first, most recent first; absences last; nothing that has not started yet.
    assert sessions == [
        "Fri 15 May 2026 18:00: Spin with Julie Tremblay",
        "Mon 11 May 2026 18:00: Yoga with Julie Tremblay",
        "Sat 16 May 2026 08:00: HIIT with Julie Tremblay (absent)",
    ]
    tap(qtbot, dialog.star_buttons[1])  # 2 stars
    offered = [dialog.aspect_model.item(r).text() for r in range(dialog.aspect_model.rowCount())]
    assert offered
    assert all(text.startswith("To improve: ") for text in offered)
    dialog.tick_aspect("Room temperature")
    type_text(qtbot, dialog.comment, "Trop chaud, a dit la cliente au telephone")
    with qtbot.waitSignal(dialog.recorded) as recorded:
        tap(qtbot, ok_button(dialog))  # type: ignore[arg-type]
    assert dialog.result() == QDialog.DialogCode.Accepted

    with store.read() as session:
        review = session.scalars(select(Review).where(Review.external_id == recorded.args[0])).one()
        assert review.channel is Channel.STAFF
        assert review.kind is ReviewKind.CLASS
        assert review.session_id == booked["friday"]
        assert review.stars == 2
        assert review.prompt_id is None
        assert [a.label_en for a in review.aspects] == ["Room temperature"]
        assert review.comment == "Trop chaud, a dit la cliente au telephone"
        assert session.scalar(select(Action).where(Action.review_id == review.id)) is not None
        assert session.scalar(select(Prompt)) is None  # no prompt: response rate untouched
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "review.staff_entry")
        ).one()
        assert entry.actor == "tester"


def test_a_business_review_needs_no_session(
    qtbot: QtBot, dialog: AddReviewDialog, store: Store, booked: dict[str, int]
) -> None:
    choose_client(qtbot, dialog, "C1")
    tap(qtbot, dialog.business_radio)
    assert not dialog.session_combo.isEnabled()
    tap(qtbot, dialog.star_buttons[4])
    dialog.tick_aspect("Cleanliness")
    with qtbot.waitSignal(dialog.recorded, timeout=10_000):
        tap(qtbot, ok_button(dialog))  # type: ignore[arg-type]
    with store.read() as session:
        review = session.scalars(select(Review)).one()
        assert (review.kind, review.session_id, review.stars) == (ReviewKind.BUSINESS, None, 5)
        assert [a.label_en for a in review.aspects] == ["Cleanliness"]


def test_missing_choices_are_explained_and_nothing_is_written(
    qtbot: QtBot, dialog: AddReviewDialog, store: Store, booked: dict[str, int]
) -> None:
    tap(qtbot, ok_button(dialog))  # type: ignore[arg-type]
    assert dialog.isVisible()
    assert dialog.problems_label.text().splitlines() == [
        "Choose the client.",
        "Choose the session the class review is about.",
        "Choose the stars, from 1 to 5.",
    ]
    choose_client(qtbot, dialog, "roy")  # Paul booked nothing
    assert dialog.session_combo.itemText(0) == "No session booked for this client"
    tap(qtbot, dialog.star_buttons[3])
    tap(qtbot, ok_button(dialog))  # type: ignore[arg-type]
    assert dialog.problems_label.text().splitlines() == [
        "Choose the session the class review is about."
    ]
    with store.read() as session:
        assert session.scalar(select(Review)) is None


def test_the_comment_is_capped_at_2000_characters(
    qtbot: QtBot, dialog: AddReviewDialog, booked: dict[str, int]
) -> None:
    dialog.comment.setPlainText("x" * 2500)
    assert len(dialog.comment.toPlainText()) == 2000
    assert dialog.comment_count.text() == "2000 of 2000 characters"


def test_the_dialog_speaks_french(
    qtbot: QtBot, dialog: AddReviewDialog, booked: dict[str, int]
) -> None:
    i18n.install_language("fr")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Ajouter un avis")
    choose_client(qtbot, dialog, "audrey")
    assert dialog.session_combo.itemText(0) == "ven. 15 mai 2026 18:00 : Spin avec Julie Tremblay"
    tap(qtbot, dialog.star_buttons[4])
    assert dialog.aspect_model.item(0).text().startswith("Point fort : ")


def test_a_session_the_client_already_reviewed_is_marked_and_never_reviewed_twice(
    qtbot: QtBot, dialog: AddReviewDialog, store: Store, booked: dict[str, int]
) -> None:
    with store.write() as session:
        audrey = session.get(Client, booked["audrey"])
        friday = session.get(ClassSession, booked["friday"])
        assert audrey is not None
        assert friday is not None
        earlier = add_review(session, audrey, 4, friday.starts_at, item=friday, external_id="R-FRI")
        session.flush()
        earlier_id = earlier.id
    choose_client(qtbot, dialog, "belanger")
    sessions = [dialog.session_combo.itemText(i) for i in range(dialog.session_combo.count())]
    assert sessions[0] == "Fri 15 May 2026 18:00: Spin with Julie Tremblay — already reviewed"
    # The default is the most recent attended session not reviewed yet.
    assert dialog.session_combo.currentData() == booked["older"]
    assert not dialog.already_row.isVisible()
    assert ok_button(dialog).isEnabled()  # type: ignore[attr-defined]

    dialog.select_session(booked["friday"])
    assert dialog.already_row.isVisible()
    assert dialog.already_label.text() == (
        "Audrey Bélanger already reviewed this session (review R-FRI)."
    )
    assert not ok_button(dialog).isEnabled()  # type: ignore[attr-defined]
    with qtbot.waitSignal(dialog.open_review_requested) as opened:
        tap(qtbot, dialog.open_review_button)
    assert opened.args == [earlier_id]
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Review)) == 1


def test_staff_entry_refuses_a_second_review_of_a_session(
    store: Store, sunday: ManualClock, booked: dict[str, int]
) -> None:
    from feedback_desk.errors import UserInputError
    from feedback_desk.services.settings import load_settings
    from feedback_desk.services.staff_entry import StaffReview, record_staff_review

    entry = StaffReview(booked["audrey"], ReviewKind.CLASS, 4, session_id=booked["friday"])
    with store.write() as session:
        first = record_staff_review(
            session, load_settings(session), entry, at=sunday.now(), actor="tester"
        )
        first_id = first.external_id
    with pytest.raises(UserInputError) as refused, store.write() as session:
        record_staff_review(session, load_settings(session), entry, at=sunday.now(), actor="t")
    assert refused.value.problems == [
        f"the client already reviewed this session (review {first_id})"
    ]
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Review)) == 1
