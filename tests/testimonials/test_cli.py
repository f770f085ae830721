"""`testimonials …` as the automation contract says: invite, answer (Yes and No, every exit 2
with nothing recorded), approve, hide, withdraw, the list and its JSON shape."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from feedback_desk.domain.kinds import AspectStatus, MessageKind
from feedback_desk.store.database import Store
from feedback_desk.store.models import (
    Aspect,
    AuditEntry,
    ConsentEvent,
    OutboxMessage,
    Testimonial,
    TestimonialQuality,
)
from tests.testimonials.conftest import Lotus

AT = "--at"


def counts(store: Store) -> tuple[int, int, int, int, int]:
    """What an answer writes: testimonial states, votes, consents, outbox, aspects."""
    with store.read() as session:
        answered = session.scalar(
            select(func.count())
            .select_from(Testimonial)
            .where(Testimonial.answered_at.is_not(None))
        )
        return (
            int(answered or 0),
            int(session.scalar(select(func.count()).select_from(TestimonialQuality)) or 0),
            int(session.scalar(select(func.count()).select_from(ConsentEvent)) or 0),
            int(session.scalar(select(func.count()).select_from(OutboxMessage)) or 0),
            int(session.scalar(select(func.count()).select_from(Aspect)) or 0),
        )


def listed(cli, at: str = "2026-05-10T12:00") -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    result = cli("testimonials", "--json", AT, at)
    assert result.code == 0, result.err
    return list(json.loads(result.out))


def test_invite_queues_the_email_to_a_client_who_agreed_and_records_it_for_one_who_did_not(
    cli, store: Store, lotus: Lotus
) -> None:  # type: ignore[no-untyped-def]
    audrey = cli("testimonials", "invite", "C1", AT, "2026-05-01T10:00")
    assert audrey.code == 0, audrey.err
    assert "The invitation email is queued in the outbox." in audrey.out
    zoe = cli("testimonials", "invite", "C2", AT, "2026-05-01T10:00")
    assert zoe.code == 0, zoe.err
    assert "has not agreed to receive email" in zoe.out
    assert "the kiosk offers the invitation" in zoe.out
    with store.read() as session:
        messages = session.scalars(select(OutboxMessage)).all()
        assert [(m.kind, m.recipients) for m in messages] == [
            (MessageKind.TESTIMONIAL, "audrey@members.example")
        ]
        assert messages[0].list_unsubscribe is not None
    assert [(row["client"], row["status"]) for row in listed(cli)] == [
        ("C2", "invited"),
        ("C1", "invited"),
    ]


def test_one_open_invitation_per_client_then_a_new_one_once_it_expired(cli, lotus: Lotus) -> None:  # type: ignore[no-untyped-def]
    assert cli("testimonials", "invite", "C1", AT, "2026-05-01T10:00").code == 0
    again = cli("testimonials", "invite", "C1", AT, "2026-05-30T10:00")
    assert again.code == 2
    assert again.err.strip().splitlines() == [
        "C1 already has an open invitation (made 2026-05-01T10:00:00-04:00, open until "
        "2026-05-31T10:00:00-04:00)"
    ]
    assert listed(cli, "2026-05-31T09:59")[0]["status"] == "invited"
    assert listed(cli, "2026-05-31T10:00")[0]["status"] == "expired"
    assert cli("testimonials", "invite", "C1", AT, "2026-06-01T10:00").code == 0
    assert [row["status"] for row in listed(cli, "2026-06-02T10:00")] == ["invited", "expired"]
    unknown = cli("testimonials", "invite", "C99")
    assert (unknown.code, unknown.err.strip()) == (2, "unknown client 'C99'")


def test_yes_records_qualities_texts_and_consent_in_the_contract_shape(
    cli, store: Store, lotus: Lotus
) -> None:  # type: ignore[no-untyped-def]
    cli("testimonials", "invite", "C1", AT, "2026-05-01T10:00")
    result = cli(
        "testimonials",
        "answer",
        "C1",
        AT,
        "2026-05-03T18:30",
        "--yes",
        "--qualities",
        "accueil chaleureux|Cleanliness",
        "--add-quality",
        "Musique géniale",
        "--text-1",
        "Une amie m'en a parlé.",
        "--job-title",
        "Infirmière",
        "--consent",
        "name,job_title",
        "--full-name",
    )
    assert result.code == 0, result.err
    assert "Email queued for audrey@members.example." in result.out
    [row] = listed(cli)
    assert row == {
        "client": "C1",
        "status": "accepted",
        "invited_at": "2026-05-01T10:00:00-04:00",
        "answered_at": "2026-05-03T18:30:00-04:00",
        "qualities": ["Accueil chaleureux", "Propreté", "Musique géniale"],
        "text_1": "Une amie m'en a parlé.",
        "text_2": None,
        "job_title": "Infirmière",
        "consent": {"name": True, "photo": False, "job_title": True},
        "full_name": True,
        "refusal": None,
        "approved": False,
    }
    with store.read() as session:
        own = session.scalars(select(Aspect).where(Aspect.label_fr == "Musique géniale")).one()
        assert own.status is AspectStatus.PENDING  # joins the catalogue, awaiting approval
        events = session.scalars(select(ConsentEvent).order_by(ConsentEvent.part)).all()
        assert [(e.part.value, e.given, e.place.value, e.actor) for e in events] == [
            ("job_title", True, "cli", "client"),
            ("name", True, "cli", "client"),
        ]
        confirmation = session.scalars(
            select(OutboxMessage).where(OutboxMessage.subject.contains("Merci"))
        ).one()
        assert confirmation.list_unsubscribe is None  # a service message, not commercial


def test_an_added_quality_is_offered_at_once_when_aspects_are_auto_approved(
    cli, store: Store, lotus: Lotus
) -> None:  # type: ignore[no-untyped-def]
    lotus.builder.setting("aspects.auto_approve", "yes")
    cli("testimonials", "invite", "C2", AT, "2026-05-01T10:00")
    result = cli(
        "testimonials",
        "answer",
        "C2",
        AT,
        "2026-05-02T10:00",
        "--yes",
        "--add-quality",
        "Great playlists",
    )
    assert result.code == 0, result.err
    with store.read() as session:
        own = session.scalars(select(Aspect).where(Aspect.label_en == "Great playlists")).one()
        assert own.status is AspectStatus.APPROVED
    assert listed(cli)[0]["qualities"] == ["Great playlists"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--yes"], "choose at least one quality"),
        (
            ["--yes", "--qualities", "Great parking"],
            "no quality of the studio is called 'Great parking'",
        ),
        (
            ["--yes", "--qualities", "Propreté", "--text-1", "é" * 1001],
            "text 1 has 1001 characters; at most 1000 are allowed",
        ),
        (
            ["--yes", "--qualities", "Propreté", "--text-2", "x" * 1001],
            "text 2 has 1001 characters; at most 1000 are allowed",
        ),
        (
            ["--no", "--reason", "too_busy"],
            "unknown reason 'too_busy': not_satisfied, not_public or other",
        ),
        (["--no"], "--no needs a --reason: not_satisfied, not_public or other"),
        (
            ["--yes", "--qualities", "Propreté", "--consent", "face"],
            "unknown consent 'face': name, photo or job_title",
        ),
    ],
)
def test_bad_answers_exit_2_with_one_clear_line_and_record_nothing(
    cli, store: Store, lotus: Lotus, options: list[str], message: str
) -> None:  # type: ignore[no-untyped-def]
    cli("testimonials", "invite", "C1", AT, "2026-05-01T10:00")
    before = counts(store)
    result = cli("testimonials", "answer", "C1", AT, "2026-05-02T10:00", *options)
    assert result.code == 2
    assert result.err.strip().splitlines() == [message]
    assert counts(store) == before
    assert listed(cli)[0]["status"] == "invited"


def test_no_open_invitation_exits_2(cli, lotus: Lotus) -> None:  # type: ignore[no-untyped-def]
    never = cli("testimonials", "answer", "C1", AT, "2026-05-02T10:00", "--no", "--reason", "other")
    assert never.code == 2
    assert never.err.strip() == (
        "C1 has no open invitation to recommend the studio at 2026-05-02T10:00:00-04:00"
    )
    cli("testimonials", "invite", "C1", AT, "2026-05-01T10:00")
    late = cli(
        "testimonials", "answer", "C1", AT, "2026-06-01T10:00", "--yes", "--qualities", "Propreté"
    )
    assert late.code == 2
    cli("testimonials", "answer", "C1", AT, "2026-05-02T10:00", "--no", "--reason", "other")
    twice = cli("testimonials", "answer", "C1", AT, "2026-05-02T11:00", "--no", "--reason", "other")
    assert twice.code == 2


def test_no_records_the_reason_and_tells_the_managers(cli, store: Store, lotus: Lotus) -> None:  # type: ignore[no-untyped-def]
    cli("testimonials", "invite", "C2", AT, "2026-05-01T10:00")
    result = cli(
        "testimonials",
        "answer",
        "C2",
        AT,
        "2026-05-02T10:00",
        "--no",
        "--reason",
        "not_satisfied",
        "--why",
        "Classes are always full.",
    )
    assert result.code == 0, result.err
    assert "Email queued for gerante@lotus.example." in result.out
    [row] = listed(cli)
    assert row["status"] == "refused"
    assert row["refusal"] == {"reason": "not_satisfied", "text": "Classes are always full."}
    with store.read() as session:
        notice = session.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == MessageKind.TESTIMONIAL_REFUSAL)
        ).one()
        assert notice.recipients == "gerante@lotus.example"
        assert "Je n'en suis pas assez satisfait(e)" in notice.body_text  # the studio's language
        assert "Classes are always full." in notice.body_text


def test_approve_hide_and_withdraw(cli, store: Store, lotus: Lotus) -> None:  # type: ignore[no-untyped-def]
    nothing = cli("testimonials", "approve", "C1")
    assert (nothing.code, nothing.err.strip()) == (2, "C1 has no accepted testimonial")
    cli("testimonials", "invite", "C1", AT, "2026-05-01T10:00")
    cli(
        "testimonials",
        "answer",
        "C1",
        AT,
        "2026-05-02T10:00",
        "--yes",
        "--qualities",
        "Propreté",
        "--consent",
        "name",
    )
    assert cli("testimonials", "approve", "C1").code == 0
    assert listed(cli)[0]["approved"] is True
    assert cli("testimonials", "hide", "C1").code == 0
    assert listed(cli)[0]["approved"] is False
    withdrawn = cli("testimonials", "withdraw", "C1", AT, "2026-05-04T09:00")
    assert withdrawn.code == 0, withdrawn.err
    [row] = listed(cli)
    assert row["status"] == "withdrawn"
    assert row["consent"] == {"name": False, "photo": False, "job_title": False}
    again = cli("testimonials", "withdraw", "C1")
    assert (again.code, again.err.strip()) == (2, "C1 already withdrew their consent")
    approve = cli("testimonials", "approve", "C1")
    assert approve.code == 2
    assert "withdrew their consent" in approve.err
    with store.read() as session:
        history = session.scalars(select(ConsentEvent).order_by(ConsentEvent.id)).all()
        assert [(e.given, e.place.value) for e in history] == [(True, "cli"), (False, "cli")]
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
        assert [a for a in actions if a.startswith("testimonial.")] == [
            "testimonial.invited",
            "testimonial.accepted",
            "testimonial.approved",
            "testimonial.hidden",
            "testimonial.withdrawn",
        ]
