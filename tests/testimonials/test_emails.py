"""The testimonial emails through the real outbox and a loopback SMTP server: the invitation
(with the studio's identity, an unsubscribe line, and the page link or the kiosk sentence), the
confirmation with its withdrawal link, and the managers' notice of a refusal."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from feedback_desk.store.database import Store
from tests.email.factory import configure, smtp_settings
from tests.support.smtp_server import SmtpServer
from tests.testimonials.conftest import Lotus

AT = "--at"


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer().start()
    yield server
    server.stop()


@pytest.fixture
def mailing(store: Store, lotus: Lotus, smtp_server: SmtpServer) -> SmtpServer:
    configure(
        store,
        **smtp_settings(smtp_server, studio__name="Studio Lotus"),
        studio__manager_emails="gerante@lotus.example, coach@lotus.example",
    )
    return smtp_server


def test_the_refusal_reaches_the_managers_with_the_reason_and_the_clients_words(
    cli, mailing: SmtpServer
) -> None:  # type: ignore[no-untyped-def]
    assert cli("testimonials", "invite", "C2", AT, "2026-05-01T10:00").code == 0
    answered = cli(
        "testimonials",
        "answer",
        "C2",
        AT,
        "2026-05-02T10:00",
        "--no",
        "--reason",
        "not_public",
        "--why",
        "I keep my <gym> life private.",
    )
    assert answered.code == 0, answered.err
    sent = cli("send-outbox", AT, "2026-05-02T10:01")
    assert sent.code == 0, sent.err
    [notice] = mailing.handler.received
    assert sorted(notice.rcpt_tos) == ["coach@lotus.example", "gerante@lotus.example"]
    assert notice.subject == "Zoe Smith (C2) a décliné l'invitation à recommander le studio"
    text = notice.part("plain")
    assert "Raison : Je ne souhaite pas rendre cette recommandation publique" in text
    assert "I keep my <gym> life private." in text
    assert "I keep my &lt;gym&gt; life private." in notice.part("html")
    assert notice.message["List-Unsubscribe"] is None  # internal


def test_the_invitation_links_to_the_page_and_the_confirmation_to_the_withdrawal(
    cli, store: Store, mailing: SmtpServer
) -> None:  # type: ignore[no-untyped-def]
    configure(store, web__public_base_url="https://avis.lotus.example/")
    invited = cli("testimonials", "invite", "C1", AT, "2026-05-01T10:00")
    assert invited.code == 0, invited.err
    assert cli("send-outbox", AT, "2026-05-01T10:01").code == 0
    [invitation] = mailing.handler.received
    assert invitation.rcpt_tos == ["audrey@members.example"]
    assert invitation.subject == "Audrey, recommanderiez-vous Studio Lotus ?"
    text = invitation.part("plain")
    link = next(w for w in text.split() if w.startswith("https://avis.lotus.example/t/"))
    assert len(link.rsplit("/", 1)[1]) >= 22  # at least 128 random bits
    assert f'<a href="{link}">' in invitation.part("html")
    assert "Studio Lotus · 12 rue des Pins, Montréal" in text  # the studio's identity
    assert "Désabonnez-vous" in text
    assert invitation.message["List-Unsubscribe"] is not None

    cli("testimonials", "answer", "C1", AT, "2026-05-02T10:00", "--yes", "--qualities", "Propreté")
    assert cli("send-outbox", AT, "2026-05-02T10:01").code == 0
    confirmation = mailing.handler.received[-1]
    assert confirmation.subject == "Merci de recommander Studio Lotus"
    assert "https://avis.lotus.example/t/withdraw/" in confirmation.part("plain")
    assert confirmation.message["List-Unsubscribe"] is None


def test_without_public_pages_the_invitation_points_to_the_kiosk(cli, mailing: SmtpServer) -> None:  # type: ignore[no-untyped-def]
    cli("testimonials", "invite", "C1", AT, "2026-05-01T10:00")
    cli("send-outbox", AT, "2026-05-01T10:01")
    [invitation] = mailing.handler.received
    text = invitation.part("plain")
    assert "la borne de l'accueil vous posera la question" in text
    assert "/t/" not in text
