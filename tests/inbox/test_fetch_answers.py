"""Answers read back from the real mailbox (Dovecot): reviews recorded once, other mail left."""

from __future__ import annotations

from email.message import EmailMessage

from sqlalchemy import select

from feedback_desk.domain.kinds import Channel, InboundAbout, PromptOutcome, RequestState
from feedback_desk.store.models import InboundMessage, Prompt, Review, ReviewRequest
from tests.inbox.conftest import Studio, plain_message, reply_to
from tests.support.smtp_server import Received

AUDREY = "audrey@members.example"


def request_sent(studio: Studio, *, language: str = "en", stars_before: int = 5) -> Received:
    b = studio.builder
    julie = b.coach("E1", "Julie", "Roy")
    audrey = b.client("C17", "Audrey", "Tremblay", language=language, email=AUDREY)
    b.review(audrey, "2026-04-20T10:00", stars=stars_before)
    session = b.session("S881", "Spin 45", julie, "2026-05-15T17:00", minutes=45)
    b.attend(session, audrey)
    studio.send_outbox("2026-05-15T20:00")
    [email] = studio.sent_to(AUDREY)
    return email


def reviews(studio: Studio) -> list[Review]:
    with studio.store.read() as session:
        return list(session.scalars(select(Review).where(Review.channel == Channel.EMAIL)))


def request_row(studio: Studio) -> ReviewRequest:
    with studio.store.read() as session:
        return session.scalars(select(ReviewRequest)).one()


def inbound(studio: Studio) -> list[InboundMessage]:
    with studio.store.read() as session:
        return list(session.scalars(select(InboundMessage).order_by(InboundMessage.id)))


def test_a_reply_with_a_number_becomes_the_review_dated_by_the_reply(studio: Studio) -> None:
    email = request_sent(studio)
    studio.deliver(
        reply_to(
            email,
            "4 - great playlist!\n-- \nAudrey",
            sender=AUDREY,
            date=studio.at("2026-05-15T21:10"),
        )
    )
    summary = studio.fetch("2026-05-16T08:00")
    assert summary.as_json() == {"messages": 1, "reviews": 1, "inbound": 0, "left_alone": 0}
    [review] = reviews(studio)
    assert (review.stars, review.comment) == (4, "great playlist!")
    assert review.created_at == studio.at("2026-05-15T21:10")
    request = request_row(studio)
    assert request.state is RequestState.ANSWERED
    assert request.review_id == review.id
    with studio.store.read() as session:
        prompt = session.get_one(Prompt, request.prompt_id)
    assert (prompt.channel, prompt.outcome) == (Channel.EMAIL, PromptOutcome.ANSWERED)
    # Ours is moved to the processed folder, which was created for it.
    assert studio.mailbox.messages("INBOX") == {}
    assert len(studio.mailbox.messages("Feedback Desk")) == 1


def test_other_mail_is_left_exactly_as_it_was(studio: Studio) -> None:
    email = request_sent(studio)
    studio.deliver(
        plain_message(
            "Invoice 2026-05",
            "5 stars supplier",
            sender="b@x.example",
            date=studio.at("2026-05-15T21:00"),
        )
    )
    studio.deliver(
        plain_message("Lunch?", "at 5", sender="c@x.example", date=studio.at("2026-05-15T21:01")),
        flags=[b"\\Seen", b"\\Flagged"],
    )
    studio.deliver(reply_to(email, "5", sender=AUDREY, date=studio.at("2026-05-15T21:10")))
    before = studio.mailbox.messages("INBOX")
    summary = studio.fetch("2026-05-16T08:00")
    assert (summary.messages, summary.left_alone) == (1, 2)
    after = studio.mailbox.messages("INBOX")
    assert after == {uid: before[uid] for uid in list(before)[:2]}
    unread, flagged = after.values()
    assert unread[0] == ()  # still unread: never marked \Seen
    assert set(flagged[0]) == {b"\\Seen", b"\\Flagged"}


def test_a_second_fetch_records_nothing_again(studio: Studio) -> None:
    email = request_sent(studio)
    studio.deliver(reply_to(email, "5", sender=AUDREY, date=studio.at("2026-05-15T21:10")))
    studio.fetch("2026-05-16T08:00")
    again = studio.fetch("2026-05-16T08:02")
    assert again.as_json() == {"messages": 0, "reviews": 0, "inbound": 0, "left_alone": 0}
    assert len(reviews(studio)) == 1


def test_a_mailto_answer_from_another_address_counts_by_its_token(studio: Studio) -> None:
    request_sent(studio)
    token = request_row(studio).token
    studio.deliver(
        plain_message(
            f"Review {token} 2 ★",
            "The room was cold.",
            sender="audrey.work@office.example",
            date=studio.at("2026-05-16T07:30"),
        )
    )
    studio.fetch("2026-05-16T08:00")
    [review] = reviews(studio)
    assert (review.stars, review.comment) == (2, "The room was cold.")


def test_a_reply_from_an_unknown_address_without_the_token_is_kept_for_staff(
    studio: Studio,
) -> None:
    email = request_sent(studio)
    studio.deliver(
        reply_to(
            email,
            "5",
            sender="someone@else.example",
            date=studio.at("2026-05-15T21:10"),
            quote=False,
        )
    )
    summary = studio.fetch("2026-05-16T08:00")
    assert (summary.reviews, summary.inbound) == (0, 1)
    [kept] = inbound(studio)
    assert (kept.about, kept.text, kept.handled_at) == (InboundAbout.REVIEW_REQUEST, "5", None)
    assert request_row(studio).state is RequestState.SENT


def test_a_reply_from_another_address_quoting_the_request_carries_its_token(studio: Studio) -> None:
    email = request_sent(studio)
    studio.deliver(
        reply_to(email, "3 ok", sender="partner@home.example", date=studio.at("2026-05-15T21:10"))
    )
    studio.fetch("2026-05-16T08:00")
    assert [r.stars for r in reviews(studio)] == [3]


def test_no_number_then_a_later_reply_are_inbound_messages(studio: Studio) -> None:
    email = request_sent(studio)
    studio.deliver(
        reply_to(email, "Who is Julie?", sender=AUDREY, date=studio.at("2026-05-15T21:00"))
    )
    studio.deliver(reply_to(email, "4", sender=AUDREY, date=studio.at("2026-05-15T21:05")))
    studio.deliver(
        reply_to(email, "Actually 5!", sender=AUDREY, date=studio.at("2026-05-15T21:09"))
    )
    summary = studio.fetch("2026-05-16T08:00")
    assert summary.as_json() == {"messages": 3, "reviews": 1, "inbound": 2, "left_alone": 0}
    assert [r.stars for r in reviews(studio)] == [4]
    first, later = inbound(studio)
    assert first.text == "Who is Julie?"
    assert (later.text, later.review_id) == ("Actually 5!", reviews(studio)[0].id)


def test_a_reply_for_a_session_already_reviewed_at_the_kiosk_is_inbound(studio: Studio) -> None:
    email = request_sent(studio)
    with studio.store.read() as session:
        session_id = session.scalars(select(ReviewRequest.session_id)).one()
    audrey = request_row(studio).client_id
    studio.builder.review(audrey, "2026-05-16T07:00", stars=5, session_id=session_id)
    studio.deliver(reply_to(email, "4", sender=AUDREY, date=studio.at("2026-05-16T07:30")))
    assert studio.fetch("2026-05-16T08:00").inbound == 1


def test_a_reply_dated_outside_the_request_and_the_fetch_is_dated_at_the_fetch(
    studio: Studio,
) -> None:
    email = request_sent(studio)
    studio.deliver(reply_to(email, "5", sender=AUDREY, date=studio.at("2026-05-20T10:00")))
    studio.fetch("2026-05-16T08:00")
    assert reviews(studio)[0].created_at == studio.at("2026-05-16T08:00")


def test_an_answer_after_the_answer_days_is_kept_for_staff(studio: Studio) -> None:
    email = request_sent(studio)
    studio.deliver(reply_to(email, "5", sender=AUDREY, date=studio.at("2026-05-30T21:00")))
    summary = studio.fetch("2026-05-30T22:00")
    assert (summary.reviews, summary.inbound) == (0, 1)


def test_french_reply_signature_and_stars(studio: Studio) -> None:
    email = request_sent(studio, language="fr")
    message = EmailMessage()
    message["From"] = f"Audrey <{AUDREY}>"
    message["To"] = "hello@studio.example"
    message["Subject"] = "RE: " + email.subject
    message["Date"] = "Sat, 16 May 2026 07:00:00 -0400"
    message["In-Reply-To"] = email.message["Message-ID"]
    message.set_content(
        "★★★★ La musique était trop forte.\n-- \nAudrey T.\n\n"
        "Le ven. 15 mai 2026 à 20:00, Studio Zen <hello@studio.example> a écrit :\n> 5 étoiles\n"
    )
    studio.deliver(message)
    studio.fetch("2026-05-16T08:00")
    [review] = reviews(studio)
    assert (review.stars, review.comment) == (4, "La musique était trop forte.")


def test_a_low_answer_opens_an_action_and_alerts_the_managers(studio: Studio) -> None:
    studio.builder.setting("studio.manager_emails", "boss@studio.example")
    email = request_sent(studio)
    studio.deliver(
        reply_to(email, "1 the bike was broken", sender=AUDREY, date=studio.at("2026-05-15T21:10"))
    )
    studio.fetch("2026-05-16T08:00")
    studio.send_outbox("2026-05-16T08:01")
    [alert] = studio.sent_to("boss@studio.example")
    assert "the bike was broken" in alert.part("plain")
    from feedback_desk.services.actions import list_open_actions

    with studio.store.read() as session:
        [action] = list_open_actions(session)
    assert action.stars == 1


def test_a_strange_charset_is_read_by_detection(studio: Studio) -> None:
    email = request_sent(studio, language="fr")
    raw = (
        f"From: {AUDREY}\r\nTo: hello@studio.example\r\nSubject: Re: avis\r\n"
        f"In-Reply-To: {email.message['Message-ID']}\r\nDate: Sat, 16 May 2026 07:00:00 -0400\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=x-klingon\r\n"
        "Content-Transfer-Encoding: 8bit\r\n\r\n"
    ).encode() + "5 très agréable, la salle était fraîche et l'équipe très accueillante\r\n".encode(
        "latin-1"
    )
    studio.mailbox.append(raw)
    summary = studio.fetch("2026-05-16T08:00")
    assert summary.problems == []
    [review] = reviews(studio)
    assert review.stars == 5
    assert "fraîche" in (review.comment or "")


def test_a_ten_megabyte_attachment_is_left_in_the_mailbox(studio: Studio) -> None:
    email = request_sent(studio)
    reply = reply_to(email, "5 see my photo", sender=AUDREY, date=studio.at("2026-05-15T21:10"))
    reply.add_attachment(
        b"\xff" * (10 * 1024 * 1024), maintype="image", subtype="jpeg", filename="bike.jpg"
    )
    studio.deliver(reply)
    studio.fetch("2026-05-16T08:00")
    [review] = reviews(studio)
    assert review.comment == "see my photo"
    assert len(studio.mailbox.messages("Feedback Desk")) == 1  # the photo stays with the email
