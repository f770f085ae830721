"""The 0-10 recommendation question (``nps.enabled``, switched on in Settings → Kiosk): asked
after the business stars at the kiosk and in staff entry, optional for the client, never of a
class review."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QStyle, QStyleOptionButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.services.settings import load_settings
from feedback_desk.store.database import Store
from feedback_desk.store.models import Review
from feedback_desk.ui.dialogs.add_review import AddReviewDialog
from feedback_desk.ui.kiosk.thanks import Ending
from tests.kiosk.conftest import KioskFactory, pick, tap
from tests.kiosk.test_add_review_dialog import choose_client, ok_button
from tests.support.settings_dialog import save, settings_dialog
from tests.support.studio_builder import StudioBuilder
from tests.support.window_context import window_context


@pytest.fixture
def newcomers(studio: StudioBuilder) -> dict[str, int]:
    """Léa (fr) and Sam (en) took Friday's Spin and never reviewed the studio: the kiosk asks
    them about the studio."""
    julie = studio.coach("E1", "Julie", "Tremblay")
    lea = studio.client("C1", "Léa", "Gagnon", language="fr")
    sam = studio.client("C2", "Sam", "Brown", language="en")
    friday = studio.session("S4", "Spin", julie, "2026-05-15T18:00")
    for client in (lea, sam):
        studio.attend(friday, client)
    return {"lea": lea, "sam": sam}


def kiosk_reviews(store: Store) -> list[tuple[ReviewKind, int, int | None]]:
    with store.read() as session:
        rows = session.execute(select(Review.kind, Review.stars, Review.recommend))
        return [(kind, stars, recommend) for kind, stars, recommend in rows]


def test_the_kiosk_asks_the_0_10_question_after_the_business_stars(
    qtbot: QtBot,
    open_kiosk: KioskFactory,
    store: Store,
    studio: StudioBuilder,
    newcomers: dict[str, int],
) -> None:
    studio.setting("nps.enabled", "yes")
    window = open_kiosk()
    pick(qtbot, window, "Léa")
    question = window.question
    assert window.visit_kind is ReviewKind.BUSINESS
    assert not question.recommend.isVisible(), "asked after the stars"
    tap(qtbot, question.stars.buttons[4])
    assert question.recommend.isVisible()
    assert question.recommend_question.text() == (
        "Quelle est la probabilité que vous recommandiez Studio Lotus à un ami ou à un membre "
        "de votre famille ?"
    )
    assert [b.accessibleName() for b in question.recommend.buttons] == [str(n) for n in range(11)]
    assert question.recommend.accessibleName() == question.recommend_question.text()
    tap(qtbot, question.recommend.buttons[7])
    tap(qtbot, question.recommend.buttons[9])  # changed her mind
    assert [b.isChecked() for b in question.recommend.buttons].count(True) == 1
    tap(qtbot, question.send_button)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.thanks)
    assert window.thanks.ending is Ending.ANSWERED
    assert kiosk_reviews(store) == [(ReviewKind.BUSINESS, 5, 9)]

    # Optional: Sam leaves it unanswered (a second tap takes an answer back).
    tap(qtbot, window.thanks.done_button)
    pick(qtbot, window, "Sam")
    tap(qtbot, question.stars.buttons[3])
    assert question.recommend_question.text() == (
        "How likely are you to recommend Studio Lotus to a friend or family member?"
    )
    tap(qtbot, question.recommend.buttons[2])
    tap(qtbot, question.recommend.buttons[2])
    assert question.recommend.score is None
    tap(qtbot, question.send_button)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.thanks)
    assert sorted(kiosk_reviews(store)) == [
        (ReviewKind.BUSINESS, 4, None),
        (ReviewKind.BUSINESS, 5, 9),
    ]


def test_switched_on_in_settings_the_kiosk_then_asks_it(
    qtbot: QtBot,
    open_kiosk: KioskFactory,
    store: Store,
    sunday: ManualClock,
    newcomers: dict[str, int],
) -> None:
    with settings_dialog(qtbot, store, sunday, "kiosk") as dialog:
        page = dialog.page("kiosk")
        box = page.editor("nps.enabled")
        assert isinstance(box, QCheckBox)
        assert not box.isChecked(), "off until the studio switches it on"
        assert "staff entry, email requests and the client pages" in box.toolTip()
        dialog.scrollers["kiosk"].ensureWidgetVisible(box)
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=indicator_centre(box))
        assert box.isChecked()
        assert save(qtbot, dialog) == ["nps.enabled"]
    with store.read() as session:
        assert load_settings(session).flag("nps.enabled")

    window = open_kiosk()
    pick(qtbot, window, "Sam")
    assert window.visit_kind is ReviewKind.BUSINESS
    tap(qtbot, window.question.stars.buttons[4])
    assert window.question.recommend.isVisible()
    assert window.question.recommend_question.text() == (
        "How likely are you to recommend Studio Lotus to a friend or family member?"
    )


def indicator_centre(box: QCheckBox) -> QPoint:
    """Where a user clicks a check box that has no text of its own (its label is the form's)."""
    option = QStyleOptionButton()
    box.initStyleOption(option)
    return box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box).center()


def test_off_the_kiosk_never_asks_it(
    qtbot: QtBot, open_kiosk: KioskFactory, newcomers: dict[str, int]
) -> None:
    window = open_kiosk()
    pick(qtbot, window, "Sam")
    assert window.visit_kind is ReviewKind.BUSINESS
    tap(qtbot, window.question.stars.buttons[4])
    assert not window.question.recommend.isVisible()


def test_staff_enter_the_0_10_answer_with_a_business_review(
    qtbot: QtBot,
    store: Store,
    sunday: ManualClock,
    studio: StudioBuilder,
    newcomers: dict[str, int],
) -> None:
    studio.setting("nps.enabled", "yes")
    with window_context(qtbot, store, sunday) as context:
        dialog = AddReviewDialog(context, search_delay_ms=0)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: bool(dialog._options_by_kind), timeout=10_000)
        choose_client(qtbot, dialog, "gagnon")
        assert not dialog.recommend_combo.isVisible(), "a class review has no 0-10 answer"
        dialog.business_radio.setChecked(True)
        assert dialog.recommend_combo.isVisible()
        assert dialog.recommend_combo.currentText() == "—"
        dialog.star_buttons[3].setChecked(True)
        dialog.recommend_combo.setCurrentIndex(dialog.recommend_combo.findData(6))
        with qtbot.waitSignal(dialog.recorded, timeout=10_000):
            ok_button(dialog).click()  # type: ignore[attr-defined]
        dialog.close()
    assert kiosk_reviews(store) == [(ReviewKind.BUSINESS, 4, 6)]
