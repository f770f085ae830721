"""The audit of a language switch, for the windows opened beside the main one: a client's card,
a client's email read from the inbox, the Outbox and one of its messages, Replies to read and
Non-respondents, all open in English on the demo studio (with one client's email in the inbox)
when the manager switches to French in Settings → General → Apply. Then none of them shows an
English sentence the French catalogue translates otherwise (in its texts, its tables' headers and
first cells), and nothing shown asked for a string it lacks."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from feedback_desk.clock import FixedClock
from feedback_desk.domain.kinds import InboundAbout
from feedback_desk.services.studio import open_studio
from feedback_desk.store.models.inbox import InboundMessage
from feedback_desk.ui import i18n
from feedback_desk.ui.dialogs.opener import opener_for
from feedback_desk.ui.main_window import MainWindow
from feedback_desk.ui.window_features.clients import ClientsFeature
from feedback_desk.ui.window_features.inbox import InboxFeature
from feedback_desk.ui.window_features.outbox import OutboxFeature
from tests.support.untranslated import UntranslatedRecorder
from tests.ui_window.test_language_switch_audit import (
    english_with_other_french,
    switch_to_french_and_audit,
    visible_texts,
)


def add_clients_email(path: Path, clock: FixedClock) -> int:
    """One unhandled email of client 1 in the inbox; its id."""
    store = open_studio(path, clock=clock)
    try:
        with store.write() as session:
            message = InboundMessage(
                client_id=1,
                received_at=clock.now() - timedelta(hours=2),
                from_address="client@example.com",
                subject="Re: How was your class?",
                text="It was great, thanks.",
                about=InboundAbout.REVIEW_REQUEST,
            )
            session.add(message)
            session.flush()
            return message.id
    finally:
        store.close()


def test_side_windows_say_everything_again_after_switching_to_french(
    qtbot, open_window, demo_path: Path, window_clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    i18n.install_language("en")
    inbound_id = add_clients_email(demo_path, window_clock)
    recorder = UntranslatedRecorder()
    try:
        window: MainWindow = open_window(demo_path)
        window.show()
        opener = opener_for(window.context)
        card = opener.open_client(1)
        with qtbot.waitSignal(card.loaded, timeout=20_000):  # type: ignore[attr-defined]
            pass
        email = opener.open_inbound(inbound_id)
        with qtbot.waitSignal(email.loaded, timeout=20_000):  # type: ignore[attr-defined]
            pass
        outbox = window.feature(OutboxFeature).open_outbox()
        replies = window.feature(InboxFeature).open_replies()
        with qtbot.waitSignal(replies.view.loaded, timeout=20_000):  # type: ignore[attr-defined]
            pass
        window.feature(ClientsFeature).show_nonrespondents()
        qtbot.waitUntil(window.is_idle, timeout=20_000)
        qtbot.waitUntil(lambda: not outbox.view.model.loading, timeout=20_000)  # type: ignore[attr-defined]
        message = outbox.view.open_message(0)  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: message.loaded, timeout=20_000)
        english = english_with_other_french()
        shown_before = {text for _where, text in visible_texts(cells=True)}
        # The check can see each window's own words, and the cells of their tables.
        for text in (
            "Email consent:",
            "Last error:",
            "Mark handled",
            "Show:",
            "Check the mailbox now",
            "a review request",
            "can receive it",
        ):
            assert text in english, text
            assert text in shown_before, text

        switch_to_french_and_audit(qtbot, window, recorder, english, cells=True)
    finally:
        recorder.__exit__()
        i18n.install_language("en")
