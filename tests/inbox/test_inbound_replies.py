"""Replies to the studio's other emails: inbound messages for staff, contacts of open actions, a
non-respondent's answer opening an action; and the command line's view of it all."""

from __future__ import annotations

import json

from sqlalchemy import select

from feedback_desk.domain.kinds import ContactChannel
from feedback_desk.services.actions import list_open_actions
from feedback_desk.services.drafts import send_draft
from feedback_desk.services.loop import contacts, draft_follow_up, nonrespondents, send_outreach
from feedback_desk.services.settings import load_settings
from feedback_desk.store.models import Action
from tests.inbox.conftest import Studio, reply_to
from tests.inbox.test_fetch_answers import AUDREY, request_sent


def test_a_reply_to_a_follow_up_is_logged_on_the_open_action(studio: Studio, cli) -> None:  # type: ignore[no-untyped-def]
    b = studio.builder
    audrey = b.client("C17", "Audrey", "Tremblay", language="en", email=AUDREY, consent=True)
    b.review(audrey, "2026-05-10T10:00", stars=2)
    at = studio.at("2026-05-12T10:00")
    with studio.store.write() as session:
        settings = load_settings(session)
        action_id = session.scalars(select(Action.id)).one()
        draft = draft_follow_up(session, settings, action_id, at=at)
        written = draft.body.replace(draft.instructions[0], "The showers are fixed.")
        send_draft(
            session,
            settings,
            draft.edited(to=draft.to, subject=draft.subject, body=written),
            at=at,
            actor="julie",
        )
    studio.send_outbox("2026-05-12T10:01")
    [email] = studio.sent_to(AUDREY)
    studio.deliver(
        reply_to(
            email,
            "Thanks, I'll try again Monday.",
            sender=AUDREY,
            date=studio.at("2026-05-12T12:00"),
        )
    )
    summary = studio.fetch("2026-05-12T13:00")
    assert (summary.inbound, summary.reviews) == (1, 0)
    with studio.store.read() as session:
        logged = contacts(session, action_id)
    inbound = [c for c in logged if c.staff == "inbox"]
    assert len(inbound) == 1
    assert inbound[0].channel is ContactChannel.EMAIL
    assert inbound[0].contacted_at == studio.at("2026-05-12T12:00")
    assert "I'll try again Monday." in (inbound[0].note or "")
    listed = json.loads(cli("inbox", "--json").out)
    assert [(m["client"], m["about"], m["text"], m["handled"]) for m in listed] == [
        ("C17", "follow_up", "Thanks, I'll try again Monday.", False)
    ]
    assert set(listed[0]) >= {
        "id",
        "client",
        "received_at",
        "subject",
        "text",
        "about",
        "review",
        "handled",
    }
    assert listed[0]["received_at"] == "2026-05-12T12:00:00-04:00"


def outreach_answered(studio: Studio) -> None:
    """Audrey ignored two prompts, got the non-respondent outreach on 10 May at 10:00 and
    answered it at 18:00; the mailbox was read at 19:00."""
    b = studio.builder
    b.setting("studio.address", "1 rue X")
    audrey = b.client("C17", "Audrey", "Tremblay", language="en", email=AUDREY, consent=True)
    julie = b.coach("E1", "Julie", "Roy")
    for day in ("2026-05-01", "2026-05-04"):
        session_id = b.session(f"S{day}", "Yoga", julie, f"{day}T10:00")
        b.attend(session_id, audrey)
    from feedback_desk.services.prompting.direct import AnswerRequest, answer_due

    with studio.store.write() as session:
        settings = load_settings(session)
        for when in ("2026-05-01T12:00", "2026-05-04T12:00"):
            answer_due(session, settings, "C17", studio.at(when), AnswerRequest(ignore=True))
    at = studio.at("2026-05-10T10:00")
    with studio.store.write() as session:
        settings = load_settings(session)
        found = nonrespondents(session, settings, at)
        assert [n.client for n in found] == ["C17"]
        send_outreach(session, settings, found, at=at, actor="julie")
    studio.send_outbox("2026-05-10T10:01")
    [email] = studio.sent_to(AUDREY)
    studio.deliver(
        reply_to(
            email,
            "Honestly the classes are too early for me.",
            sender=AUDREY,
            date=studio.at("2026-05-10T18:00"),
        )
    )
    studio.fetch("2026-05-10T19:00")


def test_a_non_respondent_who_answers_the_outreach_gets_an_action(studio: Studio) -> None:
    outreach_answered(studio)
    with studio.store.read() as session:
        actions = list(session.scalars(select(Action).where(Action.review_id.is_(None))))
    assert len(actions) == 1
    assert actions[0].is_open
    assert actions[0].opened_at == studio.at("2026-05-10T18:00")
    with studio.store.read() as session:
        # The Actions list of reviews is unchanged; the reply action is the inbound message's.
        assert list_open_actions(session) == []


def test_marking_an_inbound_message_handled(studio: Studio, cli) -> None:  # type: ignore[no-untyped-def]
    email = request_sent(studio)
    studio.deliver(
        reply_to(email, "Is there parking?", sender=AUDREY, date=studio.at("2026-05-15T21:00"))
    )
    studio.fetch("2026-05-16T08:00")
    [message] = json.loads(cli("inbox", "--json").out)
    assert message["about"] == "review_request"
    done = cli("inbox", "handled", str(message["id"]), "--at", "2026-05-16T09:00")
    assert done.code == 0
    assert json.loads(cli("inbox", "--json").out) == []
    [kept] = json.loads(cli("inbox", "--all", "--json").out)
    assert kept["handled"] is True
    again = cli("inbox", "handled", str(message["id"]))
    assert again.code == 2
    assert cli("inbox", "handled", "999").err == "there is no inbound message 999\n"


def test_requests_due_and_listed_on_the_command_line(studio: Studio, cli) -> None:  # type: ignore[no-untyped-def]
    b = studio.builder
    julie = b.coach("E1", "Julie", "Roy")
    audrey = b.client("C17", "Audrey", "Tremblay", email=AUDREY)
    b.review(audrey, "2026-04-20T10:00")
    session_id = b.session("S881", "Spin 45", julie, "2026-05-15T17:00", minutes=45)
    b.attend(session_id, audrey)
    due = json.loads(cli("requests", "--at", "2026-05-15T20:00", "--json").out)
    assert due == [
        {
            "client": "C17",
            "kind": "class_review",
            "session": "S881",
            "send_at": "2026-05-15T19:45:00-04:00",
            "channel": "email",
        }
    ]
    assert json.loads(cli("requests", "--at", "2026-05-15T19:00", "--json").out) == []
    sent = cli("send-outbox", "--at", "2026-05-15T20:00")
    assert "review requests queued: 1" in sent.out
    assert json.loads(cli("requests", "--at", "2026-05-15T20:01", "--json").out) == []
    [listed] = json.loads(cli("requests", "list", "--at", "2026-05-16T08:00", "--json").out)
    assert listed["state"] == "sent"
    assert listed["sent_at"] == "2026-05-15T20:00:00-04:00"
    assert (listed["client"], listed["kind"], listed["session"]) == ("C17", "class_review", "S881")
    assert (listed["answered_at"], listed["review"], listed["answer_url"]) == (None, None, None)
    assert len(listed["token"]) == 22
    later = json.loads(
        cli("requests", "list", "--state", "abandoned", "--at", "2026-05-30T20:01", "--json").out
    )
    assert [r["state"] for r in later] == ["abandoned"]
    assert (
        json.loads(
            cli("requests", "list", "--state", "sent", "--at", "2026-05-30T20:01", "--json").out
        )
        == []
    )


def test_fetch_inbox_json_counts_what_it_did(studio: Studio, cli) -> None:  # type: ignore[no-untyped-def]
    email = request_sent(studio)
    studio.deliver(reply_to(email, "5", sender=AUDREY, date=studio.at("2026-05-15T21:00")))
    result = cli("fetch-inbox", "--at", "2026-05-16T08:00", "--json")
    assert result.code == 0
    assert json.loads(result.out) == {"messages": 1, "reviews": 1, "inbound": 0, "left_alone": 0}
    [listed] = json.loads(cli("requests", "list", "--json").out)
    assert listed["state"] == "answered"
    assert listed["answered_at"] == "2026-05-15T21:00:00-04:00"
    assert listed["review"].startswith("FD-")
