"""The Google invitation rules on hand-made histories (domain/invitations.py, no store)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from feedback_desk.domain.invitations import (
    ClientHistory,
    InvitationRules,
    QueuedInvitation,
    ReviewFact,
    SessionFact,
    due_invitation,
    pending_invitation,
)
from feedback_desk.domain.kinds import InvitationReason

TORONTO = ZoneInfo("America/Toronto")
PAIR = InvitationRules(InvitationReason.FIVE_STAR_PAIR, 5, 4, 10, 7, TORONTO)
SESSIONS = InvitationRules(InvitationReason.AFTER_SESSIONS, 5, 4, 10, 7, TORONTO)


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=TORONTO).astimezone(UTC)


def reviews(*items: tuple[str, int]) -> list[ReviewFact]:
    return [ReviewFact(n, local(when), stars) for n, (when, stars) in enumerate(items, start=1)]


def sent_invitation(trigger: str, sent: str) -> QueuedInvitation:
    return QueuedInvitation(local(trigger), local(sent), local(sent), settled=True)


def test_two_five_star_reviews_in_a_row_invite_the_next_day_at_ten() -> None:
    history = ClientHistory(reviews(("2026-04-01 18:00", 5), ("2026-04-03 19:30", 5)))
    due = due_invitation(history, PAIR, local("2026-04-04 10:00"))
    assert due is not None
    assert due.reason is InvitationReason.FIVE_STAR_PAIR
    assert due.ref == 2
    assert due.send_at == local("2026-04-04 10:00")
    assert due_invitation(history, PAIR, local("2026-04-04 09:59")) is None


def test_a_pair_needs_the_review_just_before_to_be_five_stars_too() -> None:
    broken = ClientHistory(
        reviews(("2026-04-01 18:00", 5), ("2026-04-02 18:00", 4), ("2026-04-03 18:00", 5))
    )
    assert pending_invitation(broken, PAIR, local("2026-04-10 12:00")) is None
    single = ClientHistory(reviews(("2026-04-03 18:00", 5)))
    assert pending_invitation(single, PAIR, local("2026-04-10 12:00")) is None


def test_a_stale_invitation_is_dropped_seven_days_after_its_send_time() -> None:
    history = ClientHistory(reviews(("2026-04-01 18:00", 5), ("2026-04-03 19:30", 5)))
    assert due_invitation(history, PAIR, local("2026-04-11 10:00")) is not None
    assert due_invitation(history, PAIR, local("2026-04-11 10:01")) is None


def test_a_later_trigger_replaces_one_not_yet_queued() -> None:
    history = ClientHistory(
        reviews(("2026-04-01 08:00", 5), ("2026-04-01 18:00", 5), ("2026-04-02 09:00", 5))
    )
    # The pair of April 1 would go on April 2 at 10:00, but the April 2 review replaced it.
    assert due_invitation(history, PAIR, local("2026-04-02 10:00")) is None
    due = due_invitation(history, PAIR, local("2026-04-03 10:00"))
    assert due is not None
    assert due.ref == 3


def test_only_what_is_dated_at_or_before_t_counts() -> None:
    history = ClientHistory(reviews(("2026-04-01 18:00", 5), ("2026-04-05 18:00", 5)))
    assert pending_invitation(history, PAIR, local("2026-04-05 17:59")) is None


def test_the_send_time_is_ten_oclock_local_across_the_spring_change() -> None:
    history = ClientHistory(reviews(("2026-03-06 18:00", 5), ("2026-03-07 20:00", 5)))
    due = due_invitation(history, PAIR, local("2026-03-09 12:00"))
    assert due is not None
    assert due.send_at == datetime(2026, 3, 8, 14, 0, tzinfo=UTC)  # 10:00 EDT


def test_a_new_pair_waits_four_months_after_the_last_sent_invitation() -> None:
    history = ClientHistory(
        reviews(
            ("2026-01-10 18:00", 5),
            ("2026-01-12 18:00", 5),  # invited for this pair, sent Jan 13
            ("2026-02-01 18:00", 5),
            ("2026-03-01 18:00", 5),  # a pair, but within 4 months of the invitation
            ("2026-05-14 09:00", 5),  # 4 months are over: this pair triggers
        ),
        invitations=[sent_invitation("2026-01-12 18:00", "2026-01-13 10:00")],
    )
    assert pending_invitation(history, PAIR, local("2026-03-05 12:00")) is None
    due = due_invitation(history, PAIR, local("2026-05-15 10:00"))
    assert due is not None
    assert due.ref == 5


def test_the_wait_counts_from_when_the_invitation_was_really_sent() -> None:
    history = ClientHistory(
        reviews(
            ("2026-01-10 18:00", 5),
            ("2026-01-12 18:00", 5),
            ("2026-05-20 18:00", 5),
            ("2026-05-21 18:00", 5),
        ),
        # The SMTP server was down: the invitation went out on Jan 25, not Jan 13.
        invitations=[sent_invitation("2026-01-12 18:00", "2026-01-25 10:00")],
    )
    assert pending_invitation(history, PAIR, local("2026-05-24 12:00")) is None
    history = ClientHistory(
        [*history.reviews, ReviewFact(9, local("2026-05-25 10:00"), 5)],
        invitations=history.invitations,
    )
    due = due_invitation(history, PAIR, local("2026-05-26 10:00"))
    assert due is not None
    assert due.ref == 9


def test_both_reviews_of_the_pair_must_follow_the_last_invitation() -> None:
    history = ClientHistory(
        reviews(("2026-01-10 18:00", 5), ("2026-01-12 18:00", 5), ("2026-05-20 18:00", 5)),
        invitations=[sent_invitation("2026-01-12 18:00", "2026-01-13 10:00")],
    )
    # May 20 follows Jan 12, which came before the invitation: not a new pair.
    assert pending_invitation(history, PAIR, local("2026-05-22 12:00")) is None


def test_an_invitation_waiting_in_the_outbox_is_the_one_pending() -> None:
    waiting = QueuedInvitation(local("2026-04-03 19:30"), local("2026-04-04 10:00"), None, False)
    history = ClientHistory(
        reviews(("2026-04-01 18:00", 5), ("2026-04-03 19:30", 5), ("2026-04-05 18:00", 5)),
        invitations=[waiting],
    )
    assert pending_invitation(history, PAIR, local("2026-04-06 12:00")) is None


def test_a_failed_invitation_spends_its_trigger_but_not_later_ones() -> None:
    failed = QueuedInvitation(local("2026-04-03 19:30"), local("2026-04-04 10:00"), None, True)
    history = ClientHistory(
        reviews(("2026-04-01 18:00", 5), ("2026-04-03 19:30", 5)), invitations=[failed]
    )
    assert pending_invitation(history, PAIR, local("2026-04-06 12:00")) is None
    later = ClientHistory(
        [*history.reviews, ReviewFact(7, local("2026-04-08 18:00"), 5)], invitations=[failed]
    )
    due = due_invitation(later, PAIR, local("2026-04-09 10:00"))
    assert due is not None
    assert due.ref == 7


def sessions(*starts: str) -> list[SessionFact]:
    return [SessionFact(100 + n, local(when)) for n, when in enumerate(starts)]


def test_the_fifth_attended_session_triggers_one_invitation() -> None:
    four = sessions("2026-04-01 07:00", "2026-04-03 07:00", "2026-04-06 07:00", "2026-04-08 07:00")
    assert pending_invitation(ClientHistory(sessions=four), SESSIONS, local("2026-04-20")) is None
    five = [*four, *sessions("2026-04-10 18:00")]
    due = due_invitation(ClientHistory(sessions=five), SESSIONS, local("2026-04-11 10:00"))
    assert due is not None
    assert due.reason is InvitationReason.AFTER_SESSIONS
    assert due.send_at == local("2026-04-11 10:00")
    many = [*five, *sessions("2026-04-11 07:00", "2026-04-12 07:00")]
    due = due_invitation(ClientHistory(sessions=many), SESSIONS, local("2026-04-12 12:00"))
    assert due is not None
    assert due.ref == five[-1].ref, "only the fifth triggers"


def test_after_an_invitation_the_next_fifth_session_counts_from_four_months_later() -> None:
    before = sessions(*[f"2026-01-{day:02d} 07:00" for day in range(5, 10)])
    meanwhile = sessions(*[f"2026-03-{day:02d} 07:00" for day in range(2, 20)])
    after = sessions(*[f"2026-05-{day:02d} 07:00" for day in range(11, 16)])
    invited = sent_invitation("2026-01-09 07:00", "2026-01-10 10:00")
    history = ClientHistory(sessions=[*before, *meanwhile, *after[:4]], invitations=[invited])
    assert pending_invitation(history, SESSIONS, local("2026-05-14 12:00")) is None
    history = ClientHistory(sessions=[*before, *meanwhile, *after], invitations=[invited])
    due = due_invitation(history, SESSIONS, local("2026-05-16 10:00"))
    assert due is not None
    assert due.ref == after[-1].ref


def test_a_sent_invitation_five_years_old_does_not_block_a_new_one() -> None:
    history = ClientHistory(
        reviews(("2031-04-01 18:00", 5), ("2031-04-02 18:00", 5)),
        invitations=[sent_invitation("2026-01-12 18:00", "2026-01-13 10:00")],
    )
    assert due_invitation(history, PAIR, local("2031-04-03 10:00") + timedelta(0)) is not None
