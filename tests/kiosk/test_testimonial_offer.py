"""The kiosk window offers a client's open invitation to recommend the studio once their prompt
is answered or ignored, in their language: Yes → qualities → texts → what will be shown and a
consent for each part → Send; No → a reason → Send; Not now leaves it open."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from feedback_desk.domain.testimonials import ConsentPart, Place, RefusalReason, TestimonialState
from feedback_desk.services.settings import load_settings
from feedback_desk.services.testimonials.invitations import invite
from feedback_desk.store.database import Store
from feedback_desk.store.models import Testimonial
from feedback_desk.ui.kiosk.thanks import Ending
from feedback_desk.ui.kiosk.window import KioskWindow
from tests.kiosk.conftest import KioskFactory, pick, tap, type_text
from tests.support.kiosk_scene import Members, friday_spin_members
from tests.support.studio_builder import StudioBuilder


@pytest.fixture
def members(studio: StudioBuilder) -> Members:
    return friday_spin_members(studio)


def invite_client(store: Store, client_id: int, studio: StudioBuilder) -> int:
    with store.write() as session:
        return invite(
            session,
            load_settings(session),
            client_id,
            at=studio.at("2026-05-16T10:00"),
            actor="tester",
        ).testimonial_id


def stored_testimonial(store: Store, testimonial_id: int) -> Testimonial:
    with store.read() as session:
        return session.scalars(select(Testimonial).where(Testimonial.id == testimonial_id)).one()


def quality(window: KioskWindow, text: str) -> QAbstractButton:
    section = window.testimonial.qualities.section
    assert section is not None
    for button in section.toggles.values():
        if button.text() == text:
            return button
    raise AssertionError(f"no quality {text!r} on screen")


def answer_the_prompt(qtbot: QtBot, window: KioskWindow, search: str) -> None:
    pick(qtbot, window, search)
    assert window.stack.currentWidget() is window.question
    tap(qtbot, window.question.stars.buttons[4])
    tap(qtbot, window.question.send_button)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is not window.question)


def test_yes_after_the_prompt_in_french_records_qualities_texts_and_consent(
    qtbot: QtBot, open_kiosk: KioskFactory, store: Store, studio: StudioBuilder, members: Members
) -> None:
    testimonial_id = invite_client(store, members.audrey, studio)
    window = open_kiosk()
    answer_the_prompt(qtbot, window, "audrey")
    screen = window.testimonial
    assert window.stack.currentWidget() is screen
    assert screen.offer.title.text() == "Recommanderiez-vous Studio Lotus ?"
    assert [b.text() for b in (screen.no_button, screen.yes_button)] == ["Non", "Oui"]
    tap(qtbot, screen.yes_button)
    tap(qtbot, screen.next_button)
    assert screen.qualities.error.isVisible()  # at least one quality
    tap(qtbot, quality(window, "Accueil chaleureux"))
    tap(qtbot, screen.next_button)
    assert screen.current() is screen.texts
    assert screen.texts.question_1.text() == "Qu'est-ce qui vous a amené à Studio Lotus ?"
    assert screen.texts.text_1.accessibleName() == screen.texts.question_1.text()
    assert screen.texts.text_1.placeholderText()  # guidance in the field
    type_text(qtbot, screen.texts.text_1, "Une amie m'en a parlé.")
    tap(qtbot, screen.next_button)
    details = screen.details
    assert screen.current() is details
    assert details.preview.text().splitlines()[0] == "Membre de Studio Lotus"
    type_text(qtbot, details.job_title, "Infirmière")
    assert "Infirmière" not in details.preview.text()  # no consent, not shown
    assert details.show_name.text() == "Afficher mon nom"
    tap(qtbot, details.show_name)
    tap(qtbot, details.full_name)
    assert details.preview.text().splitlines()[0] == "Audrey Bélanger"
    tap(qtbot, screen.send_button)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.thanks)
    assert window.thanks.ending is Ending.RECOMMENDED
    assert window.thanks.title.text() == "Merci, Audrey !"
    kept = stored_testimonial(store, testimonial_id)
    assert (kept.state, kept.answered_where) == (TestimonialState.ACCEPTED, Place.KIOSK)
    assert kept.consents() == {ConsentPart.NAME}
    assert (kept.full_name, kept.job_title, kept.text_1) == (
        True,
        "Infirmière",
        "Une amie m'en a parlé.",
    )


def test_no_with_a_reason_in_english(
    qtbot: QtBot, open_kiosk: KioskFactory, store: Store, studio: StudioBuilder, members: Members
) -> None:
    testimonial_id = invite_client(store, members.zoe, studio)
    window = open_kiosk()
    pick(qtbot, window, "zoe")
    tap(qtbot, window.question.ignore_button)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.testimonial)
    screen = window.testimonial
    assert screen.offer.title.text() == "Would you recommend Studio Lotus?"
    tap(qtbot, screen.no_button)
    tap(qtbot, screen.send_button)
    assert screen.refusal.error.isVisible()  # a reason is needed
    reason = screen.refusal.reasons
    assert [b.text() for b in reason.values()] == [
        "I am not satisfied enough",
        "I don't want to make this recommendation public",
        "Another reason",
    ]
    tap(qtbot, reason[RefusalReason.NOT_SATISFIED])
    type_text(qtbot, screen.refusal.more, "Too crowded")
    tap(qtbot, screen.send_button)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.thanks)
    assert window.thanks.ending is Ending.DECLINED
    kept = stored_testimonial(store, testimonial_id)
    assert kept.state is TestimonialState.REFUSED
    assert (kept.refusal_reason.value, kept.refusal_text) == ("not_satisfied", "Too crowded")


def test_not_now_leaves_the_invitation_open_and_no_invitation_means_no_offer(
    qtbot: QtBot, open_kiosk: KioskFactory, store: Store, studio: StudioBuilder, members: Members
) -> None:
    testimonial_id = invite_client(store, members.zoe, studio)
    window = open_kiosk()
    answer_the_prompt(qtbot, window, "zoe")
    tap(qtbot, window.testimonial.later_button)
    assert window.stack.currentWidget() is window.thanks
    assert stored_testimonial(store, testimonial_id).state is TestimonialState.INVITED
    tap(qtbot, window.thanks.done_button)
    answer_the_prompt(qtbot, window, "audrey")  # not invited: straight to the thanks
    assert window.stack.currentWidget() is window.thanks
    assert window.thanks.ending is Ending.ANSWERED
