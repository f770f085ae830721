"""The kiosk on a 1280×720 tablet: every screen shows its words whole (labels wrap, buttons keep
their text, long lists scroll), what opens scrolls into view, and Send without stars says what to
do."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from feedback_desk.store.database import Store
from feedback_desk.ui.kiosk.thanks import Ending
from tests.kiosk.conftest import KioskFactory, Members, find_client, pick, tap, type_text
from tests.kiosk.screen_fit import clipped, fully_shown
from tests.kiosk.test_kiosk_flow import review_and_prompt
from tests.support.studio_builder import StudioBuilder

OWN_WORDS = "Les vélos du fond de la salle font un bruit épouvantable"


def tablet(open_kiosk: KioskFactory, qtbot: QtBot):  # type: ignore[no-untyped-def]
    window = open_kiosk()
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.width() == 1280 and window.height() == 720)
    return window


def test_every_screen_fits_a_1280_by_720_tablet(
    qtbot: QtBot, open_kiosk: KioskFactory, studio: StudioBuilder, members: Members
) -> None:
    for n in range(8):
        studio.client(f"X{n}", f"Audrey-Anne{n}", "Bélanger-Tremblay", language="fr")
    window = tablet(open_kiosk, qtbot)
    assert clipped(window) == []
    names = find_client(qtbot, window, "audrey")
    assert len(names) == 8
    assert clipped(window) == []
    assert fully_shown(window, window.welcome.result_buttons[0]), "the matches scroll into view"

    pick(qtbot, window, "audrey b")
    question = window.question
    assert question.question.text() == "Comment était Spin avec Julie vendredi ?"
    assert clipped(window) == []
    tap(qtbot, question.stars.buttons[3])  # both lists, French labels
    assert len(question.sections) == 2
    assert fully_shown(window, question.sections[0].heading), "the lists scroll into view"
    assert clipped(window) == []
    improve = question.sections[1]
    tap(qtbot, improve.add_button)
    assert fully_shown(window, improve.own_field), "the field that opened is on screen"
    type_text(qtbot, improve.own_field, OWN_WORDS)
    tap(qtbot, improve.own_confirm)
    assert clipped(window) == [], "a client's long words are not cut either"

    window.request_exit()  # the PIN pad, over the tablet's screen
    qtbot.waitUntil(lambda: window.pin_dialog is not None and window.pin_dialog.isVisible())
    assert clipped(window.pin_dialog) == []
    window.pin_dialog.reject()

    tap(qtbot, question.send_button)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.thanks)
    assert window.thanks.ending is Ending.ANSWERED
    assert clipped(window) == []


@pytest.mark.parametrize(
    ("who", "message"),
    [("zoe", "Touch a star first."), ("audrey", "Touchez d’abord une étoile.")],
)
def test_send_without_stars_says_to_touch_a_star_first(
    qtbot: QtBot,
    open_kiosk: KioskFactory,
    store: Store,
    members: Members,
    who: str,
    message: str,
) -> None:
    window = tablet(open_kiosk, qtbot)
    pick(qtbot, window, who)
    question = window.question
    tap(qtbot, question.send_button)
    assert question.error.isVisible()
    assert question.error.text() == message
    assert fully_shown(window, question.error)
    assert window.stack.currentWidget() is question, "nothing was sent"
    assert review_and_prompt(store, getattr(members, who))[0] is None
    tap(qtbot, question.stars.buttons[4])
    assert not question.error.isVisible(), "a star answers it"
    tap(qtbot, question.send_button)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.thanks)
    review, _prompts = review_and_prompt(store, getattr(members, who))
    assert review is not None
    assert review.stars == 5
