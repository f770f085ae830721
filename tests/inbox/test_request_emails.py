"""Email review requests end to end: planned, queued by send-outbox, sent through the loopback
SMTP server, counted as email prompts."""

from __future__ import annotations

from urllib.parse import unquote

from sqlalchemy import select

from feedback_desk.domain.kinds import Channel, PromptOutcome, RequestState
from feedback_desk.services.outbox.staff import cancel
from feedback_desk.store.models import Prompt, ReviewRequest
from tests.inbox.conftest import Studio


def audrey_after_spin(studio: Studio, *, language: str | None = "en", **client: object) -> int:
    b = studio.builder
    julie = b.coach("E1", "Julie", "Roy")
    audrey = b.client(
        "C17",
        "Audrey",
        "Tremblay",
        language=language,
        email="audrey@members.example",
        **client,  # type: ignore[arg-type]
    )
    b.review(audrey, "2026-04-20T10:00")  # a business review: only the class is due
    session = b.session("S881", "Spin 45", julie, "2026-05-15T17:00", minutes=45)
    b.attend(session, audrey)
    return audrey


def test_the_request_goes_two_hours_after_the_class_in_the_clients_language(studio: Studio) -> None:
    audrey_after_spin(studio)
    assert studio.send_outbox("2026-05-15T19:44").requests_queued == 0
    run = studio.send_outbox("2026-05-15T19:45")
    assert run.requests_queued == 1
    assert run.send.sent == 1
    [email] = studio.sent_to("audrey@members.example")
    assert email.subject == "How was Spin 45 with Julie today?"
    text = email.part("plain")
    assert "reply to this email with a number from 1 to 5" in text
    subjects = [
        unquote(line.split("subject=")[1])
        for line in text.splitlines()
        if "mailto:" in line and "Review" in line
    ]
    with studio.store.read() as session:
        request = session.scalars(select(ReviewRequest)).one()
        kept_message_id = request.outbox_message.message_id if request.outbox_message else None
    assert subjects == [f"Review {request.token} {n} ★" for n in (5, 4, 3, 2, 1)]
    assert "mailto:hello@studio.example?subject=Review" in text
    assert (
        email.message["List-Unsubscribe"]
        == "<mailto:hello@studio.example?subject=unsubscribe%20C17>"
    )
    assert "Unsubscribe: mailto:hello@studio.example" in text
    assert len(request.token) == 22
    html = email.part("html")
    assert html.count("★★★★★</a>") == 1
    # The Message-ID it went with is kept: replies are recognized by it.
    assert kept_message_id == email.message["Message-ID"]


def test_a_sent_request_counts_as_an_email_prompt_shown_that_day(studio: Studio) -> None:
    audrey_after_spin(studio)
    studio.send_outbox("2026-05-15T20:00")
    with studio.store.read() as session:
        request = session.scalars(select(ReviewRequest)).one()
        prompt = session.get_one(Prompt, request.prompt_id)
    assert request.state is RequestState.SENT
    assert request.sent_at == studio.at("2026-05-15T20:00")
    assert (prompt.channel, prompt.outcome, prompt.local_day.isoformat()) == (
        Channel.EMAIL,
        PromptOutcome.ABANDONED,
        "2026-05-15",
    )


def test_french_clients_get_french_and_answer_links_can_open_the_answer_page(
    studio: Studio,
) -> None:
    audrey_after_spin(studio, language="fr")
    studio.builder.setting("web.public_base_url", "https://avis.studio.example/")
    studio.send_outbox("2026-05-16T09:30")
    [email] = studio.sent_to("audrey@members.example")
    assert email.subject == "Comment s'est passé votre cours Spin 45 avec Julie hier ?"
    with studio.store.read() as session:
        token = session.scalars(select(ReviewRequest.token)).one()
    text = email.part("plain")
    assert f"https://avis.studio.example/a/{token}?stars=4" in text
    assert "mailto:hello@studio.example?subject=Avis" not in text
    assert "Désabonnez-vous" in text


def test_the_answer_links_write_to_the_reply_to_address_when_set(studio: Studio) -> None:
    audrey_after_spin(studio)
    studio.builder.setting("requests.reply_to", "answers@studio.example")
    studio.send_outbox("2026-05-15T20:00")
    [email] = studio.sent_to("audrey@members.example")
    assert "mailto:answers@studio.example?subject=Review" in email.part("plain")


def test_unsubscribed_clients_never_get_a_request_and_consent_is_needed_only_when_asked(
    studio: Studio,
) -> None:
    audrey = audrey_after_spin(studio)
    studio.builder.setting("requests.require_consent", "yes")
    assert studio.send_outbox("2026-05-15T20:00").requests_queued == 0
    studio.builder.setting("requests.require_consent", "no")
    with studio.store.write() as session:
        from feedback_desk.store.models import Client

        session.get_one(Client, audrey).unsubscribed_at = studio.at("2026-05-15T19:00")
    assert studio.send_outbox("2026-05-15T20:00").requests_queued == 0
    assert studio.sent_to("audrey@members.example") == []


def test_a_cancelled_request_email_cancels_the_request(studio: Studio) -> None:
    audrey_after_spin(studio)
    studio.smtp.handler.refuse_all = "550 5.1.1 mailbox unknown"
    studio.send_outbox("2026-05-15T20:00")
    with studio.store.write() as session:
        request = session.scalars(select(ReviewRequest)).one()
        assert request.state is RequestState.QUEUED  # failed: not sent, staff decide
        cancel(session, request.outbox_message_id or 0, at=studio.at("2026-05-16T09:00"), actor="t")
    with studio.store.read() as session:
        assert session.scalars(select(ReviewRequest.state)).one() is RequestState.CANCELLED
