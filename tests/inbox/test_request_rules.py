"""The request planning rules (domain/requests.py) on hand-made histories, Toronto time."""

from __future__ import annotations

from datetime import datetime, timedelta

from feedback_desk.domain.kinds import PromptOutcome, ReviewKind
from feedback_desk.domain.localtime import parse_instant, zone
from feedback_desk.domain.prompts import Booking, ClientHistory, PastPrompt, PastReview, PromptRules
from feedback_desk.domain.requests import (
    DueRequest,
    RequestHistory,
    RequestRules,
    class_send_at,
    due_request,
    first_earliest_hour_from,
)

TZ = zone("America/Toronto")
RULES = RequestRules(tz=TZ, prompts=PromptRules())


def at(text: str) -> datetime:
    return parse_instant(text, TZ)


def booking(session_id: int, starts: str, *, minutes: int = 60, class_id: int = 1) -> Booking:
    start = at(starts)
    return Booking(session_id, start, start + timedelta(minutes=minutes), class_id, coach_id=1)


def regular(*bookings: Booking, **extra: object) -> RequestHistory:
    """A client who attended before (so the business rule is not new) and reviewed the studio
    a month ago (so it is not due), plus *bookings*."""
    reviews = [PastReview(ReviewKind.BUSINESS, at("2026-04-15T10:00"))]
    history = ClientHistory(bookings=bookings, reviews=reviews, attended_before_window=True)
    return RequestHistory(
        history=history,
        last_business_review=at("2026-04-15T10:00"),
        **extra,  # type: ignore[arg-type]
    )


def test_a_class_ending_in_the_afternoon_is_asked_about_two_hours_later() -> None:
    assert class_send_at(at("2026-05-15T15:00"), RULES) == at("2026-05-15T17:00")


def test_after_the_latest_hour_the_request_waits_for_nine_the_next_morning() -> None:
    assert class_send_at(at("2026-05-15T18:30"), RULES) == at("2026-05-16T09:00")
    # 20:00 itself is still within the sending hours.
    assert class_send_at(at("2026-05-15T18:00"), RULES) == at("2026-05-15T20:00")


def test_before_the_earliest_hour_the_request_waits_for_nine_the_same_day() -> None:
    assert class_send_at(at("2026-05-15T05:00"), RULES) == at("2026-05-15T09:00")


def test_an_evening_class_is_due_the_next_morning_and_not_before() -> None:
    history = regular(booking(7, "2026-05-15T18:00", minutes=45))
    assert due_request(history, RULES, at("2026-05-15T23:00")) is None
    assert due_request(history, RULES, at("2026-05-16T09:00")) == DueRequest(
        ReviewKind.CLASS, at("2026-05-16T09:00"), 7
    )


def test_a_request_not_queued_within_the_expiry_is_dropped() -> None:
    history = regular(booking(7, "2026-05-15T10:00"))
    send_at = at("2026-05-15T13:00")
    assert due_request(history, RULES, send_at + timedelta(hours=48)) is not None
    assert due_request(history, RULES, send_at + timedelta(hours=48, seconds=1)) is None


def test_a_session_the_class_rules_do_not_select_at_send_time_gets_no_request() -> None:
    # Reviewed at the kiosk before its request's time: the class rules select nothing then.
    reviewed = PastReview(ReviewKind.CLASS, at("2026-05-15T11:30"), 7, 1, 1)
    history = regular(booking(7, "2026-05-15T10:00"))
    history = RequestHistory(
        history=ClientHistory(
            bookings=history.history.bookings,
            reviews=[*history.history.reviews, reviewed],
            attended_before_window=True,
        ),
        last_business_review=history.last_business_review,
    )
    assert due_request(history, RULES, at("2026-05-15T13:00")) is None


def test_a_session_ignored_after_its_send_time_is_not_asked_by_email() -> None:
    ignored = PastPrompt(
        ReviewKind.CLASS, at("2026-05-15T14:00"), PromptOutcome.IGNORED, 7, at("2026-05-15T14:00")
    )
    history = RequestHistory(
        history=ClientHistory(
            bookings=[booking(7, "2026-05-15T10:00")],
            reviews=[PastReview(ReviewKind.BUSINESS, at("2026-04-15T10:00"))],
            prompts=[ignored],
            attended_before_window=True,
        ),
        last_business_review=at("2026-04-15T10:00"),
    )
    assert due_request(history, RULES, at("2026-05-15T12:30")) is None  # not yet: 13:00
    assert due_request(history, RULES, at("2026-05-15T15:00")) is None


def test_of_two_due_class_requests_the_most_recent_session_goes() -> None:
    history = regular(booking(1, "2026-05-15T07:00"), booking(2, "2026-05-15T12:00", class_id=2))
    due = due_request(history, RULES, at("2026-05-15T16:00"))
    assert due is not None
    assert due.session_id == 2


def test_a_session_already_requested_is_not_requested_again() -> None:
    history = regular(booking(7, "2026-05-15T10:00"), requested_sessions=frozenset({7}))
    assert due_request(history, RULES, at("2026-05-15T13:00")) is None


def test_contact_pressure_one_request_a_week_by_the_wall_clock() -> None:
    history = regular(booking(7, "2026-05-15T10:00"), last_request=at("2026-05-08T13:00"))
    assert due_request(history, RULES, at("2026-05-15T12:59")) is None
    history = regular(booking(7, "2026-05-15T10:00"), last_request=at("2026-05-08T13:00"))
    assert due_request(history, RULES, at("2026-05-15T13:00")) is not None


def test_a_new_client_gets_the_business_request_at_nine_the_day_after_the_first_class() -> None:
    first = booking(1, "2026-05-15T10:00")
    history = RequestHistory(
        history=ClientHistory(bookings=[first]), first_attendance_end=first.ends_at
    )
    # The class request is due at 13:00 the same day: only the class is due then.
    same_day = due_request(history, RULES, at("2026-05-15T13:00"))
    assert same_day is not None
    assert same_day.kind is ReviewKind.CLASS
    # The next morning both are due: the business one goes.
    next_day = due_request(history, RULES, at("2026-05-16T09:00"))
    assert next_day == DueRequest(ReviewKind.BUSINESS, at("2026-05-16T09:00"))


def test_the_business_rule_becomes_due_again_n_months_after_the_last_business_review() -> None:
    history = RequestHistory(
        history=ClientHistory(
            reviews=[PastReview(ReviewKind.BUSINESS, at("2026-02-15T16:00"))],
            attended_before_window=True,
        ),
        last_business_review=at("2026-02-15T16:00"),
    )
    assert due_request(history, RULES, at("2026-05-15T16:30")) is None
    assert due_request(history, RULES, at("2026-05-16T09:00")) == DueRequest(
        ReviewKind.BUSINESS, at("2026-05-16T09:00")
    )


def test_a_long_due_business_request_waits_for_the_next_visit() -> None:
    """Switching requests on late sends nothing old: the next visit brings the request."""
    long_due = RequestHistory(history=ClientHistory(attended_before_window=True))
    assert due_request(long_due, RULES, at("2026-05-15T09:00")) is None
    visit = booking(3, "2026-05-15T17:00")
    visited = RequestHistory(history=ClientHistory(bookings=[visit], attended_before_window=True))
    assert due_request(visited, RULES, at("2026-05-16T09:00")) == DueRequest(
        ReviewKind.BUSINESS, at("2026-05-16T09:00")
    )


def test_an_unanswered_business_request_is_not_repeated_before_n_months() -> None:
    visit = booking(3, "2026-05-15T17:00")
    history = RequestHistory(
        history=ClientHistory(bookings=[visit], attended_before_window=True),
        last_business_request=at("2026-04-01T09:00"),
        last_request=at("2026-04-01T09:00"),
    )
    due = due_request(history, RULES, at("2026-05-16T09:00"))
    assert due is not None
    assert due.kind is ReviewKind.CLASS


def test_the_first_earliest_hour_at_or_after_a_moment() -> None:
    assert first_earliest_hour_from(at("2026-05-15T09:00"), RULES) == at("2026-05-15T09:00")
    assert first_earliest_hour_from(at("2026-05-15T08:59"), RULES) == at("2026-05-15T09:00")
    assert first_earliest_hour_from(at("2026-05-15T09:01"), RULES) == at("2026-05-16T09:00")


def test_class_requests_follow_the_class_switch() -> None:
    off = RequestRules(tz=TZ, prompts=PromptRules(class_enabled=False))
    assert due_request(regular(booking(7, "2026-05-15T10:00")), off, at("2026-05-15T13:00")) is None
