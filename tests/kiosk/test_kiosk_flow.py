"""The kiosk end to end, driven like a client at the tablet, in French and in English."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit
from pytestqt.qtbot import QtBot

from feedback_desk.clock import ManualClock
from feedback_desk.domain.kinds import AspectStatus, Channel, PromptOutcome
from feedback_desk.store.database import Store
from feedback_desk.store.models import Prompt, Review
from feedback_desk.ui.kiosk.idle import TimerIdleWatch
from feedback_desk.ui.kiosk.thanks import Ending
from feedback_desk.ui.kiosk.window import KioskWindow
from tests.kiosk.conftest import KioskFactory, find_client, idle_of, pick, tap, type_text
from tests.support.kiosk_scene import Members, friday_spin_members, review_and_prompts
from tests.support.studio_builder import StudioBuilder
from tests.support.window_context import window_context


@pytest.fixture
def members(studio: StudioBuilder) -> Members:
    return friday_spin_members(studio)


def review_and_prompt(store: Store, client_id: int) -> tuple[Review | None, list[Prompt]]:
    return review_and_prompts(store, client_id, Channel.KIOSK)


def toggle(window: KioskWindow, text: str) -> QAbstractButton:
    for section in window.question.sections:
        for button in [*section.toggles.values(), *section.own_toggles]:
            if button.text() == text:
                return button
    raise AssertionError(f"no aspect {text!r} on screen")


@pytest.mark.parametrize(
    ("who", "search", "shown_name", "question", "liked", "thanks", "send"),
    [
        (
            "audrey",
            "belanger",
            "Audrey B.",
            "Comment était Spin avec Julie vendredi ?",
            "Musique",
            "Merci, Audrey !",
            "Envoyer",
        ),
        (
            "zoe",
            "ZOË",
            "Zoe S.",
            "How was Spin with Julie on Friday?",
            "Music",
            "Thank you, Zoe!",
            "Send",
        ),
    ],
)
def test_a_client_reviews_their_class_in_their_language(
    qtbot: QtBot,
    open_kiosk: KioskFactory,
    store: Store,
    members: Members,
    who: str,
    search: str,
    shown_name: str,
    question: str,
    liked: str,
    thanks: str,
    send: str,
) -> None:
    client_id = getattr(members, who)
    window = open_kiosk()
    assert find_client(qtbot, window, search) == [shown_name]  # never the full last name
    pick(qtbot, window, search)
    assert window.stack.currentWidget() is window.question
    assert window.question.question.text() == question
    assert window.question.send_button.text() == send
    assert not window.question.send_button.isEnabled()  # stars are required

    tap(qtbot, window.question.stars.buttons[3])  # 4 stars: both lists
    assert len(window.question.sections) == 2
    tap(qtbot, toggle(window, liked))
    improve = window.question.sections[1]
    tap(qtbot, improve.add_button)
    type_text(qtbot, improve.own_field, "Vélos bruyants")
    tap(qtbot, improve.own_confirm)
    assert toggle(window, "Vélos bruyants").isChecked()
    type_text(qtbot, window.question.comment, "Très bon cours, <b>merci</b>")
    tap(qtbot, window.question.send_button)

    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.thanks)
    assert window.thanks.title.text() == thanks
    assert window.thanks.ending is Ending.ANSWERED
    review, prompts = review_and_prompt(store, client_id)
    assert review is not None
    assert review.stars == 4
    assert review.session_id == members.friday
    assert review.comment == "Très bon cours, <b>merci</b>"
    assert sorted((a.label_en, a.status) for a in review.aspects) == [
        ("Music", AspectStatus.APPROVED),
        ("Vélos bruyants", AspectStatus.PENDING),
    ]
    assert [(p.outcome, p.channel) for p in prompts] == [(PromptOutcome.ANSWERED, Channel.KIOSK)]
    assert review.prompt_id == prompts[0].id

    tap(qtbot, window.thanks.done_button)
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.search_field.text() == ""


def test_stars_decide_which_aspects_are_offered(
    qtbot: QtBot, open_kiosk: KioskFactory, members: Members
) -> None:
    window = open_kiosk()
    pick(qtbot, window, "Zoe")
    tap(qtbot, window.question.stars.buttons[4])
    assert [s.heading.text() for s in window.question.sections] == ["What did you like?"]
    tap(qtbot, toggle(window, "Music"))
    tap(qtbot, window.question.stars.buttons[1])
    assert [s.heading.text() for s in window.question.sections] == ["What could we improve?"]
    assert "Music volume" in [b.text() for b in window.question.sections[0].toggles.values()]
    tap(qtbot, window.question.stars.buttons[3])
    assert toggle(window, "Music").isChecked()  # ticks survive changing one's mind


def test_ignore_for_now_records_the_prompt_ignored(
    qtbot: QtBot, open_kiosk: KioskFactory, store: Store, members: Members
) -> None:
    window = open_kiosk()
    pick(qtbot, window, "audrey")
    tap(qtbot, window.question.ignore_button)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.thanks)
    assert window.thanks.ending is Ending.IGNORED
    assert window.thanks.message.text() == "Pas de problème. Une prochaine fois peut-être !"
    review, prompts = review_and_prompt(store, members.audrey)
    assert review is None
    assert [p.outcome for p in prompts] == [PromptOutcome.IGNORED]
    # Asking ended for the day.
    tap(qtbot, window.thanks.done_button)
    pick(qtbot, window, "audrey")
    assert window.thanks.ending is Ending.NOTHING_DUE


def test_walking_away_leaves_the_prompt_abandoned_and_the_kiosk_idle(
    qtbot: QtBot, open_kiosk: KioskFactory, store: Store, members: Members
) -> None:
    window = open_kiosk()
    pick(qtbot, window, "audrey")
    tap(qtbot, window.question.stars.buttons[4])
    idle_of(window).fire()
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.search_field.text() == ""
    assert window.welcome.title.text() == "Votre avis compte !"  # the studio's language (fr)
    review, prompts = review_and_prompt(store, members.audrey)
    assert review is None
    assert [p.outcome for p in prompts] == [PromptOutcome.ABANDONED]
    # The thank-you screen also returns to idle on its own.
    pick(qtbot, window, "zoe")
    tap(qtbot, window.question.ignore_button)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.thanks)
    idle_of(window).fire()
    assert window.stack.currentWidget() is window.welcome


def test_a_touch_restarts_the_idle_countdown(
    qtbot: QtBot, open_kiosk: KioskFactory, members: Members
) -> None:
    window = open_kiosk()
    idle = idle_of(window)
    assert not idle.running  # the welcome screen waits for nobody
    qtbot.keyClicks(window.welcome.search_field, "z")
    assert idle.running
    idle.stop()
    pick(qtbot, window, "zoe")
    assert idle.running


def test_a_client_with_nothing_due_is_thanked_and_told_so(
    qtbot: QtBot, open_kiosk: KioskFactory, store: Store, studio: StudioBuilder
) -> None:
    newcomer = studio.client("C9", "Noé", "Nouveau", language="fr")
    window = open_kiosk()
    pick(qtbot, window, "noe")
    assert window.stack.currentWidget() is window.thanks
    assert window.thanks.title.text() == "Merci, Noé !"
    assert window.thanks.message.text() == "Il n’y a rien à évaluer pour le moment. À bientôt !"
    assert review_and_prompt(store, newcomer) == (None, [])


def test_the_business_question_is_the_studio_one_in_the_client_language(
    qtbot: QtBot, open_kiosk: KioskFactory, studio: StudioBuilder
) -> None:
    julie = studio.coach("E1", "Julie", "Tremblay")
    first = studio.session("S1", "Yoga", julie, "2026-05-16T09:00")
    for external, first_name, language in (("C1", "Léa", "fr"), ("C2", "Ann", "en")):
        studio.attend(first, studio.client(external, first_name, "Roy", language=language))
    window = open_kiosk()
    pick(qtbot, window, "lea")
    assert (
        window.question.question.text()
        == "Comment évaluez-vous votre expérience avec Studio Lotus ?"
    )
    tap(qtbot, window.question.cancel_button)
    pick(qtbot, window, "ann")
    assert (
        window.question.question.text() == "How would you rate your experience with Studio Lotus?"
    )
    tap(qtbot, window.question.stars.buttons[4])
    assert "Cleanliness" in [b.text() for b in window.question.sections[0].toggles.values()]


def test_the_language_switches_at_run_time_and_back_to_the_studio_language(
    qtbot: QtBot, open_kiosk: KioskFactory, studio: StudioBuilder, members: Members
) -> None:
    studio.setting("studio.language", "en")
    window = open_kiosk()
    assert window.welcome.title.text() == "Your opinion counts!"
    assert window.staff_button.text() == "Staff"
    pick(qtbot, window, "audrey")
    # Every widget retranslates on QEvent.LanguageChange, the window's own too.
    qtbot.waitUntil(lambda: window.staff_button.text() == "Personnel")
    assert window.question.ignore_button.text() == "Ignorer pour le moment"
    assert window.welcome.title.text() == "Votre avis compte !"
    tap(qtbot, window.question.cancel_button)
    qtbot.waitUntil(lambda: window.staff_button.text() == "Staff")
    assert window.welcome.title.text() == "Your opinion counts!"


def test_the_question_says_today_yesterday_or_last_weekday(
    qtbot: QtBot, open_kiosk: KioskFactory, studio: StudioBuilder
) -> None:
    julie = studio.coach("E1", "Julie", "Tremblay")
    cases = [  # asked on Sunday 17 May at 10:00
        ("Ann", "Spin", "2026-05-17T08:00", "How was Spin with Julie today?"),
        ("Bea", "Yoga", "2026-05-16T08:00", "How was Yoga with Julie yesterday?"),
        ("Cleo", "HIIT", "2026-05-10T11:00", "How was HIIT with Julie last Sunday?"),
        ("Dee", "Barre", "2026-05-12T11:00", "How was Barre with Julie on Tuesday?"),
    ]
    for n, (name, class_name, starts, _expected) in enumerate(cases):
        client = studio.client(f"C{n}", name, "Roy", language="en")
        studio.review(client, "2026-04-20T12:00")
        studio.attend(studio.session(f"S{n}", class_name, julie, starts), client)
    window = open_kiosk()
    for name, _class, _starts, expected in cases:
        pick(qtbot, window, name)
        assert window.question.question.text() == expected
        tap(qtbot, window.question.cancel_button)


def test_touch_targets_are_at_least_48_pixels(
    qtbot: QtBot, open_kiosk: KioskFactory, members: Members
) -> None:
    window = open_kiosk()
    pick(qtbot, window, "zoe")
    tap(qtbot, window.question.stars.buttons[3])
    tap(qtbot, window.question.sections[0].add_button)
    qtbot.wait(0)
    targets = [
        w
        for w in window.findChildren(QAbstractButton) + window.findChildren(QLineEdit)
        if w.isVisible()
    ]
    assert len(targets) > 20
    small = [(w.text(), w.width(), w.height()) for w in targets if min(w.width(), w.height()) < 48]
    assert small == []


def test_client_text_is_shown_as_plain_text(
    qtbot: QtBot, open_kiosk: KioskFactory, studio: StudioBuilder
) -> None:
    julie = studio.coach("E1", "<b>Julie</b>", "Tremblay")
    client = studio.client("C1", "<i>Zoe</i>", "Smith", language="en")
    studio.review(client, "2026-04-20T12:00")
    studio.attend(studio.session("S1", "<h1>Spin</h1>", julie, "2026-05-15T18:00"), client)
    window = open_kiosk()
    pick(qtbot, window, "zoe")
    assert window.question.question.textFormat() == Qt.TextFormat.PlainText
    assert window.question.greeting.textFormat() == Qt.TextFormat.PlainText
    assert window.question.question.text() == "How was <h1>Spin</h1> with <b>Julie</b> on Friday?"


def test_the_idle_delay_comes_from_the_settings(
    store: Store, studio: StudioBuilder, qtbot: QtBot, sunday: ManualClock
) -> None:
    studio.setting("kiosk.idle_seconds", "45")
    with window_context(qtbot, store, sunday) as context:
        window = KioskWindow(context)
        qtbot.addWidget(window)
        assert isinstance(window.idle, TimerIdleWatch)
        assert window.idle.interval_ms == 45_000
        window.shutdown()
