"""Google invitations end to end: `invitations --at T --json`, and `send-outbox` queueing and
sending them once, in the client's language, only to those who agreed."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from feedback_desk.domain.kinds import OutboxState
from feedback_desk.store.database import Store
from feedback_desk.store.models import (
    Client,
    GoogleLink,
    GoogleLocation,
    GoogleReview,
    Invitation,
    OutboxMessage,
)
from tests.email.factory import add_client, add_review, add_session, attend, configure
from tests.support.smtp_server import SmtpServer

LINK = "https://g.page/r/studio-zen/review"


def at(text: str) -> datetime:
    from zoneinfo import ZoneInfo

    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo("America/Toronto")).astimezone(UTC)


@pytest.fixture
def studio(mail_store: Store) -> Store:
    configure(mail_store, google__review_link=LINK)
    return mail_store


def happy(
    store: Store, client_id: str, *, second: str = "2026-04-03 19:30", **client: object
) -> None:
    with store.write() as session:
        person = add_client(session, client_id, **client)  # type: ignore[arg-type]
        add_review(session, person, 5, at("2026-04-01 18:00"))
        add_review(session, person, 5, at(second))


def due(cli, when: str) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    result = cli("invitations", "--at", when, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)  # type: ignore[no-any-return]


def test_invitations_lists_what_is_due_in_the_contracts_shape_and_order(cli, studio) -> None:  # type: ignore[no-untyped-def]
    happy(studio, "C20", second="2026-04-03 19:30")
    happy(studio, "C10", second="2026-04-03 08:00")
    happy(studio, "C30", second="2026-04-02 12:00")
    assert due(cli, "2026-04-04T10:00") == [
        {
            "client": "C30",
            "send_at": "2026-04-03T10:00:00-04:00",
            "channel": "email",
            "reason": "five_star_pair",
        },
        {
            "client": "C10",
            "send_at": "2026-04-04T10:00:00-04:00",
            "channel": "email",
            "reason": "five_star_pair",
        },
        {
            "client": "C20",
            "send_at": "2026-04-04T10:00:00-04:00",
            "channel": "email",
            "reason": "five_star_pair",
        },
    ]
    assert due(cli, "2026-04-04T09:00") == [
        {
            "client": "C30",
            "send_at": "2026-04-03T10:00:00-04:00",
            "channel": "email",
            "reason": "five_star_pair",
        }
    ]
    assert due(cli, "2026-04-12T10:00") == [], "stale after 7 days"


def test_only_invitable_clients_are_listed(cli, studio) -> None:  # type: ignore[no-untyped-def]
    happy(studio, "OK")
    happy(studio, "NOMAIL", email=None)
    happy(studio, "NOCONSENT", consent=False)
    happy(studio, "GONE")
    happy(studio, "MARKED")
    happy(studio, "LINKED")
    assert cli("unsubscribe", "GONE").code == 0
    with studio.write() as session:
        marked = session.scalar(select(Client).where(Client.external_id == "MARKED"))
        assert marked is not None
        marked.google_reviewed_marked_at = at("2026-03-01 12:00")
        linked = session.scalar(select(Client).where(Client.external_id == "LINKED"))
        location = GoogleLocation(
            account_name="accounts/1",
            location_name="locations/2",
            title="Studio Zen",
            integrated_at=at("2026-01-01 00:00"),
        )
        session.add(location)
        session.flush()
        review = GoogleReview(
            location_id=location.id,
            review_id="g1",
            resource_name="r/g1",
            create_time="2026-03-02T10:47:32Z",
            created_at=at("2026-03-02 05:47"),
            first_seen_at=at("2026-03-03 00:00"),
            last_seen_at=at("2026-03-03 00:00"),
            stars=5,
        )
        session.add(review)
        session.flush()
        session.add(
            GoogleLink(
                google_review_id=review.id,
                client_id=linked.id,
                linked_by="t",  # type: ignore[union-attr]
                linked_at=at("2026-03-03 00:00"),
            )
        )
    assert [d["client"] for d in due(cli, "2026-04-04T10:00")] == ["OK"]
    with studio.write() as session:
        session.execute(GoogleLink.__table__.delete())
    assert [d["client"] for d in due(cli, "2026-04-04T10:00")] == ["LINKED", "OK"], (
        "unlinking makes a client invitable again"
    )


def test_without_a_review_link_there_are_no_invitations(cli, mail_store) -> None:  # type: ignore[no-untyped-def]
    happy(mail_store, "C1")
    assert due(cli, "2026-04-04T10:00") == []


def test_after_sessions_mode_invites_after_the_fifth_attended_session(cli, studio) -> None:  # type: ignore[no-untyped-def]
    configure(studio, google__invitation_mode="after_sessions")
    with studio.write() as session:
        client = add_client(session, "C1")
        for day in range(1, 7):
            item = add_session(session, f"S{day}", at(f"2026-04-{day:02d} 07:00"))
            attend(session, client, item, present=day != 2)
    assert due(cli, "2026-04-06T06:00") == []
    assert due(cli, "2026-04-07T10:00") == [
        {
            "client": "C1",
            "send_at": "2026-04-07T10:00:00-04:00",
            "channel": "email",
            "reason": "after_sessions",
        }
    ]


def test_send_outbox_queues_and_sends_each_invitation_once_in_the_clients_language(  # type: ignore[no-untyped-def]
    cli, studio, smtp_server: SmtpServer
) -> None:
    happy(studio, "FR1", first="Élodie", language="fr")
    happy(studio, "EN1", first="Grace", language="en")

    first = cli("send-outbox", "--at", "2026-04-04T10:05")
    assert first.code == 0, first.err
    assert "invitations queued: 2" in first.out
    again = cli("send-outbox", "--at", "2026-04-04T11:00")
    assert "invitations queued: 0" in again.out
    assert due(cli, "2026-04-04T11:00") == [], "queued invitations are no longer due"

    received = {r.rcpt_tos[0]: r for r in smtp_server.handler.received}
    assert sorted(received) == ["en1@members.example", "fr1@members.example"]
    french, english = received["fr1@members.example"], received["en1@members.example"]
    assert french.subject.startswith("Élodie, un mot sur Studio Zen")
    assert english.subject.startswith("Grace, would you tell Google")
    for mail in (french, english):
        assert LINK in mail.part("plain")
        assert f'<a href="{LINK}">' in mail.part("html")
        assert "12 rue des Pins, Montréal" in mail.part("plain")
        assert mail.message["List-Unsubscribe"].strip() == (
            f"<mailto:hello@studio.example?subject=unsubscribe%20{mail.rcpt_tos[0][:3].upper()}>"
        )
        assert mail.message["List-Unsubscribe-Post"] is None, "one-click needs an https address"
    assert "Désabonnez-vous : mailto:hello@studio.example" in french.part("plain")
    assert "Unsubscribe: mailto:hello@studio.example" in english.part("plain")
    with studio.read() as session:
        assert session.scalar(select(func.count()).select_from(Invitation)) == 2
        sent = session.scalars(select(OutboxMessage.state)).all()
        assert sent == [OutboxState.SENT, OutboxState.SENT]


def test_an_https_unsubscribe_page_adds_the_one_click_header(cli, studio, smtp_server) -> None:  # type: ignore[no-untyped-def]
    configure(studio, email__unsubscribe_url="https://studio.example/unsubscribe?member={client}")
    happy(studio, "C 7", email="c7@members.example")
    assert cli("send-outbox", "--at", "2026-04-04T10:05").code == 0
    [mail] = smtp_server.handler.received
    header = mail.message["List-Unsubscribe"]
    assert "<https://studio.example/unsubscribe?member=C%207>" in header
    assert "<mailto:hello@studio.example" in header
    assert mail.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_client_is_invited_again_only_four_months_after_the_invitation_was_sent(  # type: ignore[no-untyped-def]
    cli, studio, smtp_server
) -> None:
    happy(studio, "C1")
    assert cli("send-outbox", "--at", "2026-04-04T10:05").code == 0
    with studio.write() as session:
        client = session.scalar(select(Client).where(Client.external_id == "C1"))
        assert client is not None
        add_review(session, client, 5, at("2026-05-01 18:00"))
        add_review(session, client, 5, at("2026-05-02 18:00"))
        add_review(session, client, 5, at("2026-08-04 18:00"))
    assert due(cli, "2026-05-03T10:00") == []
    assert due(cli, "2026-08-05T10:00") == [
        {
            "client": "C1",
            "send_at": "2026-08-05T10:00:00-04:00",
            "channel": "email",
            "reason": "five_star_pair",
        }
    ]


def test_unsubscribing_cancels_waiting_commercial_mail(cli, studio, smtp_server) -> None:  # type: ignore[no-untyped-def]
    happy(studio, "C1")
    smtp_server.handler.refuse_all = "451 4.3.0 try later"
    assert cli("send-outbox", "--at", "2026-04-04T10:05").code == 0
    result = cli("unsubscribe", "C1", "--at", "2026-04-04T12:00")
    assert result.code == 0
    assert "1 waiting message(s) to C1 cancelled" in result.out
    smtp_server.handler.refuse_all = None
    assert cli("send-outbox", "--at", "2026-04-05T10:00").code == 0
    assert smtp_server.handler.received == []
    assert cli("unsubscribe", "NOBODY").code == 2


def test_after_sessions_in_a_store_long_time_clients_and_re_invites(cli, studio) -> None:  # type: ignore[no-untyped-def]
    configure(studio, google__invitation_mode="after_sessions")
    with studio.write() as session:
        veteran = add_client(session, "VETERAN")
        newcomer = add_client(session, "NEW")
        for day in range(1, 29):
            item = add_session(session, f"F{day}", at(f"2026-02-{day:02d} 07:00"))
            attend(session, veteran, item)
        for day in range(1, 6):
            item = add_session(session, f"A{day}", at(f"2026-04-{day:02d} 07:00"))
            attend(session, veteran, item)
            attend(session, newcomer, item)
    # The veteran's fifth session was in February: long stale. The newcomer's is April 5.
    assert [d["client"] for d in due(cli, "2026-04-06T10:00")] == ["NEW"]
    assert cli("send-outbox", "--at", "2026-04-06T10:05").code == 0
    with studio.write() as session:
        newcomer = session.scalar(select(Client).where(Client.external_id == "NEW"))
        assert newcomer is not None
        for day in range(1, 8):
            item = add_session(session, f"J{day}", at(f"2026-06-{day:02d} 07:00"))
            attend(session, newcomer, item)
        # Sent April 6 at 10:05: sessions count again from August 6 at 10:05.
        for day in range(6, 12):
            item = add_session(session, f"G{day}", at(f"2026-08-{day:02d} 07:00"))
            attend(session, newcomer, item)
    assert due(cli, "2026-06-08T12:00") == [], "within 4 months of the invitation"
    assert due(cli, "2026-08-11T10:00") == [], "the August 6 session came before 10:05"
    assert due(cli, "2026-08-12T10:00") == [
        {
            "client": "NEW",
            "send_at": "2026-08-12T10:00:00-04:00",
            "channel": "email",
            "reason": "after_sessions",
        }
    ]
