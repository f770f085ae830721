"""The prompt rules as pure functions (docs/rules.md#prompts, docs/rules.md#time)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from feedback_desk.domain.kinds import PromptOutcome, ReviewKind
from feedback_desk.domain.localtime import parse_instant, zone
from feedback_desk.domain.prompts import (
    Booking,
    ClientHistory,
    DuePrompt,
    PastPrompt,
    PastReview,
    PromptRules,
    due_prompt,
)

TORONTO = zone("America/Toronto")
SPIN, YOGA, HIIT = 1, 2, 3
JULIE, MARC = 10, 11
CLASS = ReviewKind.CLASS
BUSINESS = ReviewKind.BUSINESS


def at(text: str) -> datetime:
    return parse_instant(text, TORONTO)


def booking(
    session_id: int,
    starts: str,
    *,
    class_id: int = SPIN,
    coach_id: int = JULIE,
    minutes: int = 60,
    present: bool = True,
) -> Booking:
    start = at(starts)
    return Booking(
        session_id, start, start + timedelta(minutes=minutes), class_id, coach_id, present
    )


def class_review(when: str, session: Booking) -> PastReview:
    return PastReview(CLASS, at(when), session.session_id, session.class_id, session.coach_id)


def business_review(when: str) -> PastReview:
    return PastReview(BUSINESS, at(when))


def prompt(
    kind: ReviewKind,
    shown: str,
    outcome: PromptOutcome,
    session: Booking | None = None,
    decided: str | None = None,
) -> PastPrompt:
    return PastPrompt(
        kind,
        at(shown),
        outcome,
        session.session_id if session else None,
        at(decided) if decided else None,
    )


# A business review a month back keeps the business prompt out of the class-rule tests.
RECENT_BUSINESS = business_review("2026-04-20T12:00")
CLASS_ONLY = PromptRules(business_enabled=False)


def due(history: ClientHistory, when: str, rules: PromptRules | None = None) -> DuePrompt | None:
    return due_prompt(history, at(when), TORONTO, rules)


def class_due(session: Booking) -> DuePrompt:
    return DuePrompt(CLASS, session.session_id)


# --- Condition 1: attended, started in the 7 days before T, ended by T -----------------------


def test_the_most_recent_attended_session_is_asked_about() -> None:
    older = booking(1, "2026-05-11T18:00")
    newer = booking(2, "2026-05-13T18:00", class_id=YOGA)
    history = ClientHistory(bookings=[newer, older], reviews=[RECENT_BUSINESS])
    assert due(history, "2026-05-14T09:00") == class_due(newer)


def test_an_absent_client_is_not_asked_about_that_session() -> None:
    attended = booking(1, "2026-05-11T18:00")
    missed = booking(2, "2026-05-13T18:00", class_id=YOGA, present=False)
    history = ClientHistory(bookings=[attended, missed], reviews=[RECENT_BUSINESS])
    assert due(history, "2026-05-14T09:00") == class_due(attended)
    only_absent = ClientHistory(bookings=[missed], reviews=[RECENT_BUSINESS])
    assert due(only_absent, "2026-05-14T09:00") is None


def test_a_client_who_never_attended_is_not_asked_for_a_business_review_either() -> None:
    history = ClientHistory(bookings=[booking(1, "2026-05-13T18:00", present=False)])
    assert due(history, "2026-05-14T09:00") is None


def test_a_session_not_yet_ended_is_not_asked_about() -> None:
    earlier = booking(1, "2026-05-12T18:00")
    running = booking(2, "2026-05-14T08:30", minutes=60, class_id=YOGA)
    history = ClientHistory(bookings=[earlier, running], reviews=[RECENT_BUSINESS])
    assert due(history, "2026-05-14T09:29:59") == class_due(earlier)
    # Ended exactly at T counts: start + duration <= T.
    assert due(history, "2026-05-14T09:30") == class_due(running)


def test_a_session_that_has_not_started_yet_as_of_t_is_not_seen() -> None:
    later_today = booking(1, "2026-05-14T18:00")
    history = ClientHistory(bookings=[later_today], reviews=[RECENT_BUSINESS])
    assert due(history, "2026-05-14T09:00") is None


def test_seven_days_before_t_is_on_the_wall_clock_and_inclusive() -> None:
    session = booking(1, "2026-05-07T18:00")
    history = ClientHistory(bookings=[session], reviews=[RECENT_BUSINESS])
    assert due(history, "2026-05-14T18:00") == class_due(session)
    assert due(history, "2026-05-14T18:00:01") is None


def test_the_spec_daylight_saving_example_session_is_outside_the_seven_days() -> None:
    # T = Sunday 2026-03-08 10:30 EDT; 7 days before is 2026-03-01 10:30 EST (not 168 h before).
    outside = booking(1, "2026-03-01T10:00", minutes=45)
    inside = booking(2, "2026-03-01T10:30", minutes=45, class_id=YOGA)
    business = business_review("2026-02-01T12:00")
    assert due(ClientHistory(bookings=[outside], reviews=[business]), "2026-03-08T10:30") is None
    # 168 hours before T would be 09:30 EST and wrongly include the 10:00 session.
    assert due(
        ClientHistory(bookings=[outside, inside], reviews=[business]), "2026-03-08T10:30"
    ) == class_due(inside)


# --- Condition 2 and the once-a-day rule ------------------------------------------------------


@pytest.mark.parametrize("kind", [CLASS, BUSINESS])
def test_a_review_of_any_kind_on_t_local_day_means_nothing_is_due(kind: ReviewKind) -> None:
    session = booking(1, "2026-05-12T18:00")
    other = booking(2, "2026-05-11T18:00", class_id=YOGA)
    today = (
        class_review("2026-05-14T00:05", other)
        if kind is CLASS
        else business_review("2026-05-14T00:05")
    )
    history = ClientHistory(bookings=[session, other], reviews=[RECENT_BUSINESS, today])
    assert due(history, "2026-05-14T20:00") is None
    # The next local day, the class prompt is back.
    assert due(history, "2026-05-15T08:00") == class_due(session)


def test_the_local_day_is_the_studio_day_not_the_utc_day() -> None:
    session = booking(1, "2026-05-12T18:00")
    # 23:30 in Toronto on the 13th is already the 14th in UTC: yesterday, locally.
    late_yesterday = business_review("2026-05-13T23:30")
    history = ClientHistory(bookings=[session], reviews=[late_yesterday])
    assert due(history, "2026-05-14T00:30") == class_due(session)


def test_an_answered_prompt_today_means_nothing_more_is_due() -> None:
    session = booking(1, "2026-05-12T18:00")
    answered = prompt(
        BUSINESS, "2026-05-14T08:00", PromptOutcome.ANSWERED, decided="2026-05-14T08:01"
    )
    history = ClientHistory(bookings=[session], prompts=[answered])
    assert due(history, "2026-05-14T19:00") is None


def test_a_review_dated_after_t_does_not_exist_yet() -> None:
    session = booking(1, "2026-05-12T18:00")
    later = class_review("2026-05-14T12:00", session)
    history = ClientHistory(bookings=[session], reviews=[RECENT_BUSINESS, later])
    assert due(history, "2026-05-14T11:59") == class_due(session)
    assert due(history, "2026-05-14T12:00") is None


# --- Condition 3: "Ignore for now" ------------------------------------------------------------


def test_ignore_retires_that_session_for_good_and_ends_the_day() -> None:
    older = booking(1, "2026-05-11T18:00", class_id=YOGA)
    newer = booking(2, "2026-05-13T18:00")
    ignored = prompt(CLASS, "2026-05-14T09:00", PromptOutcome.IGNORED, newer, "2026-05-14T09:00:20")
    history = ClientHistory(bookings=[older, newer], reviews=[RECENT_BUSINESS], prompts=[ignored])
    assert due(history, "2026-05-14T09:00:10") == class_due(newer)  # not ignored yet
    assert due(history, "2026-05-14T17:00") is None  # ignoring ends the day's asking
    assert due(history, "2026-05-15T08:00") == class_due(older)  # never asked about it again
    assert due(history, "2026-05-19T08:00") is None  # the older one left the window


# --- Condition 4: already reviewed, or same class with the same coach in 7 days ---------------


def test_a_reviewed_session_is_not_asked_about_again() -> None:
    older = booking(1, "2026-05-11T18:00", class_id=YOGA)
    newer = booking(2, "2026-05-12T18:00")
    history = ClientHistory(
        bookings=[older, newer],
        reviews=[RECENT_BUSINESS, class_review("2026-05-12T20:00", newer)],
    )
    assert due(history, "2026-05-14T09:00") == class_due(older)


def test_same_class_same_coach_reviewed_within_seven_days_is_skipped() -> None:
    monday = booking(1, "2026-05-11T18:00")
    wednesday = booking(2, "2026-05-13T18:00")  # same class, same coach as Monday
    history = ClientHistory(
        bookings=[monday, wednesday],
        reviews=[RECENT_BUSINESS, class_review("2026-05-11T20:00", monday)],
    )
    assert due(history, "2026-05-14T09:00") is None
    # The review blocks while it is dated at or after 7 days before T, then no longer.
    assert due(history, "2026-05-18T20:00") is None
    assert due(history, "2026-05-18T20:00:01") == class_due(wednesday)


def test_same_class_with_another_coach_is_still_asked() -> None:
    monday = booking(1, "2026-05-11T18:00", coach_id=JULIE)
    wednesday = booking(2, "2026-05-13T18:00", coach_id=MARC)
    history = ClientHistory(
        bookings=[monday, wednesday],
        reviews=[RECENT_BUSINESS, class_review("2026-05-11T20:00", monday)],
    )
    assert due(history, "2026-05-14T09:00") == class_due(wednesday)


# --- Audrey's example (docs/rules.md#class-prompt) ----------------------------------------


def audrey_week(thursday_class: int) -> tuple[Booking, Booking, Booking, Booking]:
    return (
        booking(1, "2026-05-11T18:00", class_id=HIIT),  # Monday
        booking(2, "2026-05-13T18:00", class_id=YOGA),  # Wednesday
        booking(3, "2026-05-14T18:00", class_id=thursday_class),  # Thursday
        booking(4, "2026-05-15T18:00", class_id=SPIN),  # Friday: Spin with Julie
    )


def test_audrey_is_asked_about_friday_then_thursday() -> None:
    monday, wednesday, thursday, friday = audrey_week(thursday_class=YOGA)
    reviews = [RECENT_BUSINESS]
    history = ClientHistory(bookings=[monday, wednesday, thursday, friday], reviews=reviews)
    assert due(history, "2026-05-16T10:00") == class_due(friday)  # Saturday
    reviews.append(class_review("2026-05-16T10:01", friday))
    assert due(history, "2026-05-17T10:00") == class_due(thursday)  # Sunday


def test_audrey_thursday_same_as_friday_is_skipped_for_wednesday_then_monday() -> None:
    monday, wednesday, thursday, friday = audrey_week(thursday_class=SPIN)
    reviews = [RECENT_BUSINESS]
    history = ClientHistory(bookings=[monday, wednesday, thursday, friday], reviews=reviews)
    assert due(history, "2026-05-16T10:00") == class_due(friday)  # Saturday
    reviews.append(class_review("2026-05-16T10:01", friday))
    assert due(history, "2026-05-17T10:00") == class_due(wednesday)  # Sunday: not Thursday
    reviews.append(class_review("2026-05-17T10:01", wednesday))
    # Monday morning: Thursday is still the same class and coach as Friday; Monday's session of
    # last week started at 18:00, within the 7 days before 10:00 today.
    assert due(history, "2026-05-18T10:00") == class_due(monday)


# --- Abandoned prompts ------------------------------------------------------------------------


def test_an_abandoned_prompt_changes_nothing() -> None:
    session = booking(1, "2026-05-12T18:00")
    abandoned = prompt(CLASS, "2026-05-14T09:00", PromptOutcome.ABANDONED, session)
    history = ClientHistory(bookings=[session], reviews=[RECENT_BUSINESS], prompts=[abandoned])
    assert due(history, "2026-05-14T09:05") == class_due(session)


def test_an_answer_given_after_t_is_not_known_at_t() -> None:
    session = booking(1, "2026-05-12T18:00")
    answered_later = prompt(
        CLASS, "2026-05-14T09:00", PromptOutcome.ANSWERED, session, "2026-05-14T09:10"
    )
    history = ClientHistory(bookings=[session], reviews=[RECENT_BUSINESS], prompts=[answered_later])
    assert due(history, "2026-05-14T09:05") == class_due(session)
    assert due(history, "2026-05-14T09:10") is None


# --- The business prompt ----------------------------------------------------------------------


def test_business_prompt_comes_after_the_first_class_and_before_the_class_prompt() -> None:
    first = booking(1, "2026-05-12T18:00")
    history = ClientHistory(bookings=[first])
    assert due(history, "2026-05-12T18:59") is None  # the first class has not ended yet
    assert due(history, "2026-05-12T19:00") == DuePrompt(BUSINESS)


def test_class_prompt_comes_on_a_later_day_once_the_business_prompt_is_answered() -> None:
    first = booking(1, "2026-05-12T18:00")
    reviews: list[PastReview] = []
    history = ClientHistory(bookings=[first], reviews=reviews)
    assert due(history, "2026-05-13T09:00") == DuePrompt(BUSINESS)
    reviews.append(business_review("2026-05-13T09:01"))
    assert due(history, "2026-05-13T18:00") is None
    assert due(history, "2026-05-14T09:00") == class_due(first)


def test_an_earlier_attendance_outside_the_window_still_counts_for_the_business_prompt() -> None:
    history = ClientHistory(attended_before_window=True)
    assert due(history, "2026-05-14T09:00") == DuePrompt(BUSINESS)


def test_business_cadence_is_every_three_calendar_months() -> None:
    history = ClientHistory(
        attended_before_window=True, reviews=[business_review("2026-02-14T10:00")]
    )
    assert due(history, "2026-05-14T09:59") is None
    assert due(history, "2026-05-14T10:00") is None  # exactly 3 months before T: at or after
    assert due(history, "2026-05-14T10:01") == DuePrompt(BUSINESS)


def test_business_every_months_setting_changes_the_cadence() -> None:
    history = ClientHistory(
        attended_before_window=True, reviews=[business_review("2026-04-10T10:00")]
    )
    assert due(history, "2026-05-14T09:00") is None
    assert due(history, "2026-05-14T09:00", PromptRules(business_every_months=1)) == DuePrompt(
        BUSINESS
    )


def test_month_end_is_clamped_when_counting_months_back() -> None:
    # 3 months before 2026-05-31 10:00 is 2026-02-28 10:00 (February has no 31st).
    on_the_28th = ClientHistory(
        attended_before_window=True, reviews=[business_review("2026-02-28T10:00")]
    )
    assert due(on_the_28th, "2026-05-31T10:00") is None
    on_the_27th = ClientHistory(
        attended_before_window=True, reviews=[business_review("2026-02-27T23:00")]
    )
    assert due(on_the_27th, "2026-05-31T10:00") == DuePrompt(BUSINESS)


def test_ignoring_the_business_prompt_waits_three_months() -> None:
    ignored = prompt(
        BUSINESS, "2026-02-14T10:00", PromptOutcome.IGNORED, decided="2026-02-14T10:00"
    )
    history = ClientHistory(attended_before_window=True, prompts=[ignored])
    assert due(history, "2026-02-15T10:00") is None
    assert due(history, "2026-05-14T10:00") is None
    assert due(history, "2026-05-14T10:01") == DuePrompt(BUSINESS)


def test_ignoring_the_business_prompt_lets_the_class_prompt_come_the_next_day() -> None:
    session = booking(1, "2026-05-12T18:00")
    ignored = prompt(
        BUSINESS, "2026-05-13T09:00", PromptOutcome.IGNORED, decided="2026-05-13T09:00"
    )
    history = ClientHistory(bookings=[session], prompts=[ignored])
    assert due(history, "2026-05-13T12:00") is None
    assert due(history, "2026-05-14T09:00") == class_due(session)


def test_an_abandoned_business_prompt_is_asked_again_at_the_next_visit() -> None:
    abandoned = prompt(BUSINESS, "2026-05-13T09:00", PromptOutcome.ABANDONED)
    history = ClientHistory(attended_before_window=True, prompts=[abandoned])
    assert due(history, "2026-05-13T09:10") == DuePrompt(BUSINESS)
    assert due(history, "2026-05-20T09:00") == DuePrompt(BUSINESS)


# --- Settings ---------------------------------------------------------------------------------


def test_reviews_switched_off_means_nothing_is_ever_due() -> None:
    history = ClientHistory(bookings=[booking(1, "2026-05-12T18:00")])
    assert due(history, "2026-05-14T09:00", PromptRules(enabled=False)) is None


def test_each_kind_can_be_switched_off() -> None:
    session = booking(1, "2026-05-12T18:00")
    history = ClientHistory(bookings=[session])
    assert due(history, "2026-05-14T09:00", CLASS_ONLY) == class_due(session)
    assert due(history, "2026-05-14T09:00", PromptRules(class_enabled=False)) == DuePrompt(BUSINESS)
    no_class = PromptRules(class_enabled=False)
    recent = ClientHistory(bookings=[session], reviews=[RECENT_BUSINESS])
    assert due(recent, "2026-05-14T09:00", no_class) is None
