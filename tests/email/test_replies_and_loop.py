"""Replies in the client's language, follow-ups logged on the action, non-respondents, thanking
promoters, and the share of closed actions whose client came back happier."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.domain.kinds import Channel, ContactChannel, MessageKind, PromptOutcome
from feedback_desk.errors import UserInputError
from feedback_desk.services import loop
from feedback_desk.services.drafts import send_draft
from feedback_desk.services.replies import draft_reply
from feedback_desk.services.settings import load_settings
from feedback_desk.services.templates.catalogue import TemplateName
from feedback_desk.store.database import Store
from feedback_desk.store.models import Action, OutboxMessage, Prompt
from tests.email.factory import add_client, add_review, configure


def test_a_reply_is_drafted_from_the_segments_template_in_the_clients_language(
    mail_store: Store, clock: ManualClock
) -> None:
    with mail_store.write() as session:
        grace = add_client(session, "EN1", first="Grace", language="en")
        marc = add_client(session, "XX1", first="Marc", language=None)
        happy = add_review(session, grace, 5, clock.now(), external_id="R1")
        unhappy = add_review(session, marc, 2, clock.now(), external_id="R2")
        settings = load_settings(session)
        to_grace = draft_reply(session, settings, happy.external_id, at=clock.now())
        to_marc = draft_reply(session, settings, unhappy.external_id, at=clock.now())
    assert to_grace.template is TemplateName.REPLY_PROMOTER
    assert to_grace.language == "en"
    assert to_grace.subject == "Thank you for your review, Grace!"
    assert to_grace.to == "en1@members.example"
    assert to_marc.template is TemplateName.REPLY_DETRACTOR
    assert to_marc.language == "fr", "no language: the studio's"
    assert "Nous sommes désolés" in to_marc.body


def test_a_sent_reply_to_an_at_risk_review_is_logged_on_its_action_once(
    mail_store: Store, clock: ManualClock
) -> None:
    with mail_store.write() as session:
        client = add_client(session, "C1")
        add_review(session, client, 2, clock.now(), external_id="R2")
        settings = load_settings(session)
        draft = draft_reply(session, settings, "R2", at=clock.now())
        edited = draft.edited(to=draft.to, subject="Désolés, Audrey", body="Nous corrigeons ça.")
        first = send_draft(session, settings, edited, at=clock.now(), actor="Julie")
        second = send_draft(session, settings, edited, at=clock.now(), actor="Julie")
        assert first.created
        assert not second.created, "pressing Send twice queues one email"
        action = session.scalar(select(Action))
        assert action is not None
        [contact] = loop.contacts(session, action.id)
    assert contact.channel is ContactChannel.EMAIL
    assert contact.staff == "Julie"
    assert "Désolés, Audrey" in (contact.note or "")
    assert contact.outbox_message_id == first.message.id
    assert first.message.list_unsubscribe is None, "an apology is not commercial"


def test_a_reply_asking_a_promoter_for_referrals_needs_consent(
    mail_store: Store, clock: ManualClock
) -> None:
    with mail_store.write() as session:
        client = add_client(session, "C1", consent=False)
        add_review(session, client, 5, clock.now(), external_id="R5")
        settings = load_settings(session)
        draft = draft_reply(session, settings, "R5", at=clock.now())
        assert draft.problem is not None
        assert "has not agreed" in str(draft.problem)
        with pytest.raises(UserInputError, match="has not agreed"):
            send_draft(session, settings, draft, at=clock.now(), actor="Julie")


def test_contacts_and_the_follow_up_email(mail_store: Store, clock: ManualClock) -> None:
    with mail_store.write() as session:
        client = add_client(session, "C1", language="en")
        add_review(session, client, 1, clock.now() - timedelta(days=3), channel=Channel.STAFF)
        action = session.scalar(select(Action))
        assert action is not None
        loop.add_contact(
            session,
            action.id,
            contacted_at=clock.now() - timedelta(days=2),
            channel=ContactChannel.PHONE,
            note="Called, music too loud",
            staff="Julie",
            at=clock.now(),
        )
        with pytest.raises(UserInputError, match="future"):
            loop.add_contact(
                session,
                action.id,
                contacted_at=clock.now() + timedelta(hours=1),
                channel=ContactChannel.PHONE,
                note=None,
                staff="Julie",
                at=clock.now(),
            )
        settings = load_settings(session)
        draft = loop.draft_follow_up(session, settings, action.id, at=clock.now())
        assert draft.subject == "Audrey, here is what we changed"
        with pytest.raises(UserInputError, match=r"replace \[Describe here what changed\.\]"):
            send_draft(session, settings, draft, at=clock.now(), actor="Julie")
        body = draft.body.replace("[Describe here what changed.]", "We lowered the volume.")
        send_draft(
            session,
            settings,
            draft.edited(to=draft.to, subject=draft.subject, body=body),
            at=clock.now(),
            actor="Julie",
        )
        log = loop.contacts(session, action.id)
    assert [c.channel for c in log] == [ContactChannel.PHONE, ContactChannel.EMAIL]
    with mail_store.read() as session:
        follow_up = session.scalar(
            select(OutboxMessage).where(OutboxMessage.kind == MessageKind.FOLLOW_UP)
        )
        assert follow_up is not None
        assert "We lowered the volume." in follow_up.body_text


def prompt(session, client, when, outcome) -> None:  # type: ignore[no-untyped-def]
    from feedback_desk.domain.kinds import ReviewKind

    session.add(
        Prompt(
            client_id=client.id,
            kind=ReviewKind.BUSINESS,
            shown_at=when,
            local_day=when.date(),
            outcome=outcome,
            channel=Channel.KIOSK,
        )
    )


def test_non_respondents_and_their_outreach(mail_store: Store, clock: ManualClock) -> None:
    now = clock.now()
    with mail_store.write() as session:
        silent = add_client(session, "SILENT")
        answered = add_client(session, "ANSWERS")
        once = add_client(session, "ONCE")
        old = add_client(session, "OLD")
        no_consent = add_client(session, "NOCONSENT", consent=False)
        for client in (silent, answered, no_consent):
            prompt(session, client, now - timedelta(days=10), PromptOutcome.IGNORED)
            prompt(session, client, now - timedelta(days=5), PromptOutcome.ABANDONED)
        prompt(session, answered, now - timedelta(days=2), PromptOutcome.ANSWERED)
        prompt(session, once, now - timedelta(days=2), PromptOutcome.IGNORED)
        prompt(session, old, now - timedelta(days=100), PromptOutcome.IGNORED)
        prompt(session, old, now - timedelta(days=95), PromptOutcome.IGNORED)
        settings = load_settings(session)
        found = loop.nonrespondents(session, settings, now)
        assert [n.client for n in found] == ["NOCONSENT", "SILENT"]
        assert found[1].prompts_shown == 2
        report = loop.send_outreach(session, settings, found, at=now, actor="Julie")
        assert report.queued == 1
        assert [str(s) for s in report.skipped] == [
            "NOCONSENT: Audrey Tremblay (NOCONSENT) has not agreed to receive email from the studio"
        ]
        assert loop.send_outreach(session, settings, found, at=now, actor="Julie").already == 1


def test_thanking_the_promoters_of_a_period_once(mail_store: Store, clock: ManualClock) -> None:
    configure(mail_store, studio__language="en")
    with mail_store.write() as session:
        fan = add_client(session, "FAN")
        add_review(session, fan, 5, clock.now() - timedelta(days=3))
        add_review(session, add_client(session, "MEH"), 4, clock.now() - timedelta(days=3))
        gone = add_client(session, "GONE")
        add_review(session, gone, 5, clock.now() - timedelta(days=3))
        gone.unsubscribed_at = clock.now() - timedelta(days=1)
        settings = load_settings(session)
        first, last = date(2026, 5, 1), date(2026, 5, 31)
        report = loop.thank_promoters(session, settings, first, last, at=clock.now(), actor="J")
        assert report.queued == 1
        assert [str(s) for s in report.skipped] == ["GONE: Audrey Tremblay (GONE) unsubscribed"]
        again = loop.thank_promoters(session, settings, first, last, at=clock.now(), actor="J")
        assert again.queued == 0
        thanks = session.scalar(
            select(OutboxMessage).where(OutboxMessage.kind == MessageKind.THANKS)
        )
        assert thanks is not None
        assert thanks.subject == "Thank you, Audrey!"
        assert thanks.list_unsubscribe is not None
        assert "Unsubscribe:" in thanks.body_text


def test_the_share_of_closed_actions_whose_client_came_back_happier(
    mail_store: Store, clock: ManualClock
) -> None:
    start = clock.now() - timedelta(days=60)
    with mail_store.write() as session:
        better, worse, silent = (add_client(session, c) for c in ("BETTER", "WORSE", "SILENT"))
        for client in (better, worse, silent):
            add_review(session, client, 2, start)
        add_review(session, add_client(session, "OPEN"), 1, start)
        for action in session.scalars(select(Action)):
            if action.review.client.external_id != "OPEN":
                action.closed_at = start + timedelta(days=1)
        add_review(session, better, 4, start + timedelta(days=10))
        add_review(session, better, 1, start + timedelta(days=20))
        add_review(session, worse, 1, start + timedelta(days=10))
    with mail_store.read() as session:
        outcomes = {o.client: o for o in loop.closed_action_outcomes(session, at=clock.now())}
        share = loop.improvement_share(session, at=clock.now())
        before_they_came_back = loop.improvement_share(session, at=start + timedelta(days=5))
    assert outcomes["BETTER"].next_stars == 4, "the first review after closing counts"
    assert outcomes["BETTER"].improved is True
    assert outcomes["WORSE"].improved is False
    assert outcomes["SILENT"].improved is None
    assert "OPEN" not in outcomes
    assert (share.closed, share.with_next_review, share.improved) == (3, 2, 1)
    assert share.share == 0.5
    assert before_they_came_back.share is None
