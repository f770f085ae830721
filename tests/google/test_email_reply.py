"""Answering a Google review by email: the linked client's language and template, queued as a
reply, refused when there is nobody to write to, and delivered by `send-outbox` over SMTP."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.domain.kinds import MessageKind, OutboxState
from feedback_desk.errors import UserInputError
from feedback_desk.services.google.email_reply import (
    draft_email_reply,
    earlier_emails,
    send_email_reply,
)
from feedback_desk.services.google.linking import link_review, unlink_review
from feedback_desk.services.settings import load_settings, set_setting
from feedback_desk.services.templates.catalogue import TemplateName
from feedback_desk.store.database import Store
from feedback_desk.store.models import AuditEntry, Client, OutboxMessage
from tests.google.builders import add_client, add_google_review
from tests.support.smtp_server import SmtpServer

WRITTEN = datetime(2026, 4, 20, 15, 0, tzinfo=UTC)  # 11:00 in Toronto


def linked_review(
    store: Store,
    review_id: str = "G1",
    *,
    client_id: str = "C1",
    first: str = "Grace",
    stars: int | None = 5,
    language: str | None = "en",
    email: str | None = "grace@members.example",
    consent: bool = True,
    comment: str | None = "Best spin class in town!",
) -> None:
    with store.write() as session:
        client = session.scalar(select(Client).where(Client.external_id == client_id))
        if client is None:
            client = add_client(session, client_id, first, "Hopper", email=email)
        client.language = language
        client.email_consent = consent
        add_google_review(
            session,
            review_id,
            reviewer=f"{first} H",
            stars=stars,
            created_at=WRITTEN,
            comment=comment,
        )
        link_review(session, review_id, client_id, at=WRITTEN, actor="Julie")


def outbox(store: Store) -> list[OutboxMessage]:
    with store.read() as session:
        return list(session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def test_the_reply_is_drafted_in_the_clients_language_and_queued_as_their_reply(
    store: Store, clock: ManualClock
) -> None:
    # No consent to email: a reply to their own review is not commercial and still goes.
    linked_review(store, consent=False)
    with store.write() as session:
        settings = load_settings(session)
        draft = draft_email_reply(session, settings, "G1", at=clock.now())
        assert draft.language == "en"
        assert draft.template is TemplateName.GOOGLE_REPLY_PROMOTER
        assert draft.to == "grace@members.example"
        assert draft.subject == "Thank you for your Google review, Grace!"
        assert "Thank you so much for your 5 stars on Google!" in draft.body
        assert draft.problem is None
        edited = draft.edited(
            to=draft.to, subject=draft.subject, body="Thank you Grace, see you Monday!"
        )
        queued = send_email_reply(session, settings, "G1", edited, at=clock.now(), actor="Julie")
        assert queued.created
    [message] = outbox(store)
    assert message.kind is MessageKind.REPLY
    assert message.recipients == "grace@members.example"
    assert message.subject == "Thank you for your Google review, Grace!"
    assert message.body_text == "Thank you Grace, see you Monday!\n"
    assert message.list_unsubscribe is None, "not commercial: no unsubscribe header"
    assert message.state is OutboxState.QUEUED
    assert message.created_by == "Julie"
    assert message.review_id is None, "outbox review ids are the studio's reviews"
    with store.read() as session:
        client = session.scalar(select(Client).where(Client.external_id == "C1"))
        assert client is not None
        assert message.client_id == client.id
        [entry] = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "google.email_reply_queued")
        )
    assert (entry.actor, entry.entity_type, entry.entity_id) == ("Julie", "google_review", "G1")
    details = json.loads(entry.details)
    assert details["client"] == "C1"
    assert details["outbox_message"] == message.id
    assert details["language"] == "en"


def test_a_client_without_a_language_gets_the_studios_and_the_stars_pick_the_template(
    store: Store, clock: ManualClock
) -> None:
    linked_review(store, "G1", stars=2, language=None, first="Marc")
    with store.write() as session:
        set_setting(session, "studio.name", "Studio Zen", at=clock.now(), actor="t")
        french = draft_email_reply(session, load_settings(session), "G1", at=clock.now())
        set_setting(session, "studio.language", "en", at=clock.now(), actor="t")
        english = draft_email_reply(session, load_settings(session), "G1", at=clock.now())
    assert french.language == "fr"
    assert french.template is TemplateName.GOOGLE_REPLY_DETRACTOR
    assert french.subject == "Votre avis Google sur Studio Zen"
    assert "sur Google le 20 avril 2026, et nous sommes désolés" in french.body
    assert french.body.startswith("Bonjour Marc,")
    assert english.language == "en"
    assert "on Google on April 20, 2026, and we are sorry" in english.body


def test_four_stars_and_no_stars_get_the_neutral_template(store: Store, clock: ManualClock) -> None:
    linked_review(store, "G4", stars=4)
    linked_review(store, "G0", stars=None)
    with store.read() as session:
        settings = load_settings(session)
        four = draft_email_reply(session, settings, "G4", at=clock.now())
        none = draft_email_reply(session, settings, "G0", at=clock.now())
    assert four.template is TemplateName.GOOGLE_REPLY_PASSIVE
    assert none.template is TemplateName.GOOGLE_REPLY_PASSIVE
    assert "Thank you for taking the time to review" in none.body


def test_send_pressed_twice_queues_once_and_a_new_email_later_queues_again(
    any_store: Store, clock: ManualClock
) -> None:
    store = any_store
    linked_review(store)
    with store.write() as session:
        settings = load_settings(session)
        draft = draft_email_reply(session, settings, "G1", at=clock.now())
        first = send_email_reply(session, settings, "G1", draft, at=clock.now(), actor="Julie")
        again = send_email_reply(session, settings, "G1", draft, at=clock.now(), actor="Julie")
    assert first.created
    assert not again.created, "Send pressed twice queues one email"
    assert again.message.id == first.message.id
    clock.advance(timedelta(days=3))
    with store.write() as session:
        settings = load_settings(session)
        later = draft_email_reply(session, settings, "G1", at=clock.now())
        second = send_email_reply(session, settings, "G1", later, at=clock.now(), actor="Paul")
        assert second.created
        earlier = earlier_emails(session, "G1")
        audited = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "google.email_reply_queued")
        ).all()
    assert [(e.created_by, e.state) for e in earlier] == [
        ("Julie", OutboxState.QUEUED),
        ("Paul", OutboxState.QUEUED),
    ]
    assert len(outbox(store)) == 2
    assert len(audited) == 2


def test_refused_when_the_review_is_not_linked_or_the_client_has_no_email(
    store: Store, clock: ManualClock
) -> None:
    linked_review(store, "G1", client_id="C1", email=None)
    with store.write() as session:
        add_google_review(session, "G2", created_at=WRITTEN)
    with store.read() as session:
        settings = load_settings(session)
        with pytest.raises(UserInputError, match=r"Google review 'G2' is not linked to a client"):
            draft_email_reply(session, settings, "G2", at=clock.now())
        with pytest.raises(
            UserInputError, match=r"Grace Hopper \(C1\), linked to Google review 'G1', has no email"
        ):
            draft_email_reply(session, settings, "G1", at=clock.now())
        with pytest.raises(UserInputError, match="unknown Google review 'nope'"):
            draft_email_reply(session, settings, "nope", at=clock.now())
    assert outbox(store) == []


def test_refused_when_the_review_was_unlinked_or_relinked_after_the_draft(
    store: Store, clock: ManualClock
) -> None:
    linked_review(store, "G1", client_id="C1")
    with store.write() as session:
        add_client(session, "C2", "Ada", "Lovelace", email="ada@members.example")
    with store.write() as session:
        draft = draft_email_reply(session, load_settings(session), "G1", at=clock.now())
        link_review(session, "G1", "C2", at=clock.now(), actor="Paul")
    with store.write() as session, pytest.raises(UserInputError, match="start the email again"):
        send_email_reply(session, load_settings(session), "G1", draft, at=clock.now(), actor="J")
    with store.write() as session:
        unlink_review(session, "G1", at=clock.now(), actor="Paul")
    with store.write() as session, pytest.raises(UserInputError, match="not linked"):
        send_email_reply(session, load_settings(session), "G1", draft, at=clock.now(), actor="J")
    assert outbox(store) == []


def test_command_line_emails_the_reply_and_send_outbox_delivers_it(  # type: ignore[no-untyped-def]
    cli, mail_store: Store, smtp_server: SmtpServer
) -> None:
    # No Google connection at all: an email reply never talks to Google.
    linked_review(mail_store, "G1", language="fr", first="Chloé")
    args = (
        "google",
        "reply",
        "G1",
        "Merci Chloé, à lundi !",
        "--email",
        "--at",
        "2026-05-14T18:00",
    )
    result = cli(*args)
    assert result.code == 0, result.err
    assert "reply email queued for grace@members.example" in result.out
    assert "French" in result.out
    repeated = cli(*args)
    assert repeated.code == 0, repeated.err
    assert "already in the outbox" in repeated.out
    [message] = outbox(mail_store)
    assert message.kind is MessageKind.REPLY

    sent = cli("send-outbox", "--at", "2026-05-14T18:01")
    assert sent.code == 0, sent.err
    assert "sent: 1" in sent.out
    [received] = smtp_server.handler.received
    assert received.rcpt_tos == ["grace@members.example"]
    assert received.subject == "Merci pour votre avis Google, Chloé !"
    assert received.part("plain").strip() == "Merci Chloé, à lundi !"
    assert received.message["List-Unsubscribe"] is None
    assert [m.state for m in outbox(mail_store)] == [OutboxState.SENT]


def test_command_line_subject_option_and_refusals(cli, store: Store) -> None:  # type: ignore[no-untyped-def]
    linked_review(store, "G1")
    with store.write() as session:
        add_google_review(session, "G2", created_at=WRITTEN)
    at = ("--at", "2026-05-14T18:00")
    chosen = cli("google", "reply", "G1", "See you!", "--email", "--subject", "Hello Grace", *at)
    assert chosen.code == 0, chosen.err
    assert [m.subject for m in outbox(store)] == ["Hello Grace"]

    unlinked = cli("google", "reply", "G2", "Thanks!", "--email", *at)
    assert unlinked.code == 2
    assert "not linked to a client" in unlinked.err
    empty = cli("google", "reply", "G1", "   ", "--email", *at)
    assert empty.code == 2
    assert "the message is empty" in empty.err
    misplaced = cli("google", "reply", "G1", "Thanks!", "--subject", "Hi", *at)
    assert misplaced.code == 2
    assert "--subject goes with --email" in misplaced.err
    with pytest.raises(SystemExit) as both:  # argparse: the options exclude each other
        cli("google", "reply", "G1", "Thanks!", "--email", "--delete", *at)
    assert both.value.code == 2
    assert len(outbox(store)) == 1


def test_earlier_emails_belong_to_that_review_only_whatever_its_id_holds(
    any_store: Store, clock: ManualClock
) -> None:
    # Google review ids may hold "_", a LIKE wildcard: R_1 must not pick up RX1's emails.
    linked_review(any_store, "RX1")
    linked_review(any_store, "R_1")
    with any_store.write() as session:
        settings = load_settings(session)
        draft = draft_email_reply(session, settings, "RX1", at=clock.now())
        send_email_reply(session, settings, "RX1", draft, at=clock.now(), actor="Julie")
        assert earlier_emails(session, "R_1") == []
        assert len(earlier_emails(session, "RX1")) == 1
