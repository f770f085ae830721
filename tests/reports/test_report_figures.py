"""Report figures on small hand-computed stores (docs/rules.md#reports)."""

from __future__ import annotations

from datetime import date

import pytest

from feedback_desk.domain.kinds import PromptOutcome, ReviewKind
from feedback_desk.errors import UserInputError
from feedback_desk.services.reports import ReportScope, daily_figures, period_report
from feedback_desk.store.database import Store
from tests.reports.builders import StudioBuilder, local


def test_each_segment_boundary_and_the_totals(studio: Store) -> None:
    with studio.write() as session:
        b = StudioBuilder(session)
        ann = b.client("C1")
        for stars in (5, 4, 3, 2, 1):
            b.review(ann, stars, local(2026, 3, 10))
    with studio.read() as session:
        report = period_report(session, ReportScope(date(2026, 3, 1), date(2026, 3, 31)))
    totals = report.totals
    assert (totals.reviews, totals.promoters, totals.passives, totals.detractors) == (5, 1, 1, 3)
    assert totals.average == 3.0
    assert totals.nps == -40  # 20 % − 60 %


def test_nps_and_average_round_half_away_from_zero(studio: Store) -> None:
    # 8 reviews: 2 promoters, 5 passives, 1 detractor → NPS 25 % − 12.5 % = 12.5 → 13;
    # mean 33/8 = 4.125 → 4.13.
    with studio.write() as session:
        b = StudioBuilder(session)
        ann = b.client("C1")
        for stars in (5, 5, 4, 4, 4, 4, 4, 3):
            b.review(ann, stars, local(2026, 3, 10))
    with studio.read() as session:
        totals = period_report(session, ReportScope(date(2026, 3, 1), date(2026, 3, 31))).totals
    assert totals.nps == 13
    assert totals.average == 4.13


def test_a_negative_nps(studio: Store) -> None:
    # 1 promoter, 4 passives, 3 detractors of 8 → 12.5 % − 37.5 %.
    with studio.write() as session:
        b = StudioBuilder(session)
        ann = b.client("C1")
        for stars in (5, 4, 4, 4, 4, 3, 3, 2):
            b.review(ann, stars, local(2026, 3, 10))
    with studio.read() as session:
        totals = period_report(session, ReportScope(date(2026, 3, 1), date(2026, 3, 31))).totals
    assert totals.nps == -25


def test_minus_twelve_and_a_half_rounds_to_minus_thirteen(studio: Store) -> None:
    # 7 passives and 1 detractor of 8 → 0 % − 12.5 %.
    with studio.write() as session:
        b = StudioBuilder(session)
        ann = b.client("C1")
        for stars in (4, 4, 4, 4, 4, 4, 4, 1):
            b.review(ann, stars, local(2026, 3, 10))
    with studio.read() as session:
        assert (
            period_report(session, ReportScope(date(2026, 3, 1), date(2026, 3, 31))).totals.nps
            == -13
        )


def test_an_empty_period_has_null_figures_not_zero(studio: Store) -> None:
    with studio.read() as session:
        report = period_report(session, ReportScope(date(2026, 1, 1), date(2026, 2, 28)))
    totals = report.totals
    assert totals.reviews == 0
    assert totals.average is None
    assert totals.nps is None
    assert totals.response_rate is None
    assert [m.key for m in report.by_month] == ["2026-01", "2026-02"]
    assert all(m.figures.average is None and m.figures.reviews == 0 for m in report.by_month)


def test_the_period_is_local_days_inclusive(studio: Store) -> None:
    with studio.write() as session:
        b = StudioBuilder(session)
        ann = b.client("C1")
        b.review(ann, 5, local(2026, 2, 28, 23, 59), external_id="before")
        b.review(ann, 4, local(2026, 3, 1, 0, 5), external_id="first-day")
        b.review(ann, 3, local(2026, 3, 31, 23, 30), external_id="last-day-late")
        b.review(ann, 1, local(2026, 4, 1, 0, 10), external_id="next-day")
    with studio.read() as session:
        totals = period_report(session, ReportScope(date(2026, 3, 1), date(2026, 3, 31))).totals
    assert (totals.reviews, totals.passives, totals.detractors) == (2, 1, 1)


def test_local_days_hold_across_the_change_to_daylight_time(studio: Store) -> None:
    # 2026-03-08 02:00 EST jumps to 03:00 EDT: the local day still runs midnight to midnight.
    with studio.write() as session:
        b = StudioBuilder(session)
        ann = b.client("C1")
        b.review(ann, 5, local(2026, 3, 7, 23, 30))
        b.review(ann, 4, local(2026, 3, 8, 0, 10))
        b.review(ann, 3, local(2026, 3, 8, 23, 30))
        b.review(ann, 2, local(2026, 3, 9, 0, 10))
    with studio.read() as session:
        days = daily_figures(session, ReportScope(date(2026, 3, 7), date(2026, 3, 9)))
    assert [(d.day.day, d.figures.reviews) for d in days] == [(7, 1), (8, 2), (9, 1)]


def test_by_month_holds_every_month_in_order_with_empty_ones(studio: Store) -> None:
    with studio.write() as session:
        b = StudioBuilder(session)
        ann = b.client("C1")
        b.review(ann, 5, local(2026, 1, 15))
        b.review(ann, 3, local(2026, 3, 2))
        b.review(ann, 4, local(2026, 3, 3))
    with studio.read() as session:
        report = period_report(session, ReportScope(date(2025, 12, 20), date(2026, 3, 10)))
    months = [(m.key, m.figures.reviews, m.figures.average) for m in report.by_month]
    assert months == [
        ("2025-12", 0, None),
        ("2026-01", 1, 5.0),
        ("2026-02", 0, None),
        ("2026-03", 2, 3.5),
    ]
    assert report.by_month[2].figures.nps is None


def test_response_rate_counts_prompts_by_the_day_they_were_shown(studio: Store) -> None:
    with studio.write() as session:
        b = StudioBuilder(session)
        ann = b.client("C1")
        b.prompt(ann, local(2026, 3, 2), PromptOutcome.ANSWERED)
        b.prompt(ann, local(2026, 3, 3), PromptOutcome.IGNORED)
        b.prompt(ann, local(2026, 3, 4), PromptOutcome.ABANDONED)
        b.prompt(ann, local(2026, 4, 1, 0, 30), PromptOutcome.ANSWERED)  # next month
        # Imported and staff reviews carry no prompt: the rate does not move.
        b.review(ann, 5, local(2026, 3, 5))
    with studio.read() as session:
        report = period_report(session, ReportScope(date(2026, 3, 1), date(2026, 3, 31)))
    assert (report.totals.prompts_shown, report.totals.prompts_answered) == (3, 1)
    assert report.totals.response_rate == 0.333


def test_one_kind_only_counts_that_kind(studio: Store) -> None:
    with studio.write() as session:
        b = StudioBuilder(session)
        ann = b.client("C1")
        coach = b.coach("E1")
        spin = b.class_session("S1", "Spin 45", coach, local(2026, 3, 2, 9))
        b.review(ann, 5, local(2026, 3, 2, 11), session=spin)
        b.review(ann, 2, local(2026, 3, 3))
        b.prompt(
            ann, local(2026, 3, 2), PromptOutcome.ANSWERED, kind=ReviewKind.CLASS, session=spin
        )
        b.prompt(ann, local(2026, 3, 3), PromptOutcome.IGNORED)
    with studio.read() as session:
        classes = period_report(
            session, ReportScope(date(2026, 3, 1), date(2026, 3, 31), ReviewKind.CLASS)
        )
        business = period_report(
            session, ReportScope(date(2026, 3, 1), date(2026, 3, 31), ReviewKind.BUSINESS)
        )
    assert (classes.totals.reviews, classes.totals.nps, classes.totals.response_rate) == (
        1,
        100,
        1.0,
    )
    assert (business.totals.reviews, business.totals.nps, business.totals.response_rate) == (
        1,
        -100,
        0.0,
    )
    assert business.by_coach == []


def test_by_coach_counts_class_reviews_ordered_by_coach_id(studio: Store) -> None:
    with studio.write() as session:
        b = StudioBuilder(session)
        ann = b.client("C1")
        zed = b.coach("E9", "Zoé", "Martin")
        abe = b.coach("E10", "Abe", "Roy")
        b.coach("E5", "Idle", "Coach")  # no review in the period: not listed
        s1 = b.class_session("S1", "Spin 45", zed, local(2026, 3, 2, 9))
        s2 = b.class_session("S2", "Yoga", abe, local(2026, 3, 3, 9))
        b.review(ann, 5, local(2026, 3, 2, 11), session=s1)
        b.review(ann, 4, local(2026, 3, 3, 11), session=s1)
        b.review(ann, 1, local(2026, 3, 4, 11), session=s2)
        b.review(ann, 5, local(2026, 3, 4, 12))  # business: not a coach's
    with studio.read() as session:
        report = period_report(
            session, ReportScope(date(2026, 3, 1), date(2026, 3, 31)), with_classes=True
        )
    assert [(c.coach, c.name, c.reviews, c.average, c.nps) for c in report.by_coach] == [
        ("E10", "Abe Roy", 1, 1.0, -100),
        ("E9", "Zoé Martin", 2, 4.5, 50),
    ]
    assert [(c.name, c.reviews) for c in report.by_class] == [("Spin 45", 2), ("Yoga", 1)]


def test_one_coach_or_class_narrows_reviews_and_prompts(studio: Store) -> None:
    with studio.write() as session:
        b = StudioBuilder(session)
        ann = b.client("C1")
        zed = b.coach("E1")
        abe = b.coach("E2")
        s1 = b.class_session("S1", "Spin 45", zed, local(2026, 3, 2, 9))
        s2 = b.class_session("S2", "Yoga", abe, local(2026, 3, 3, 9))
        b.review(ann, 5, local(2026, 3, 2, 11), session=s1)
        b.review(ann, 1, local(2026, 3, 4, 11), session=s2)
        b.prompt(ann, local(2026, 3, 2), PromptOutcome.ANSWERED, kind=ReviewKind.CLASS, session=s1)
        b.prompt(ann, local(2026, 3, 3), PromptOutcome.IGNORED, kind=ReviewKind.CLASS, session=s2)
        zed_id, yoga_id = zed.id, s2.class_id
    with studio.read() as session:
        by_zed = period_report(
            session, ReportScope(date(2026, 3, 1), date(2026, 3, 31), coach_id=zed_id)
        )
        yoga = period_report(
            session, ReportScope(date(2026, 3, 1), date(2026, 3, 31), class_id=yoga_id)
        )
    assert (by_zed.totals.reviews, by_zed.totals.average, by_zed.totals.response_rate) == (
        1,
        5.0,
        1.0,
    )
    assert (yoga.totals.reviews, yoga.totals.average, yoga.totals.response_rate) == (1, 1.0, 0.0)


def test_aspects_to_improve_and_where_you_excel_with_counts(studio: Store) -> None:
    with studio.write() as session:
        b = StudioBuilder(session)
        ann = b.client("C1")
        b.review(ann, 5, local(2026, 3, 2), aspects=["Cleanliness", "Warm welcome"])
        b.review(ann, 4, local(2026, 3, 3), aspects=["Propreté", "Parking"])
        b.review(ann, 2, local(2026, 3, 4), aspects=["Parking", "Vestiaires"])
        b.review(ann, 1, local(2026, 4, 4), aspects=["Parking"])  # outside the period
    with studio.read() as session:
        report = period_report(
            session, ReportScope(date(2026, 3, 1), date(2026, 3, 31)), with_aspects=True
        )
    assert [(a.label_en, a.count) for a in report.excel] == [
        ("Cleanliness", 2),
        ("Warm welcome", 1),
    ]
    assert [(a.label("fr"), a.count) for a in report.to_improve] == [
        ("Stationnement", 2),
        ("Vestiaires", 1),
    ]


def test_a_period_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(UserInputError, match="starts after it ends"):
        ReportScope(date(2026, 3, 2), date(2026, 3, 1))


def test_reports_by_kind_match_the_report_of_each_kind(studio: Store) -> None:
    with studio.write() as session:
        b = StudioBuilder(session)
        ann = b.client("C1")
        coach = b.coach("E1")
        spin = b.class_session("S1", "Spin 45", coach, local(2026, 3, 2, 9))
        for stars, day in ((5, 2), (3, 3), (4, 20)):
            b.review(ann, stars, local(2026, 3, day, 11), session=spin)
        for stars, day in ((2, 4), (5, 5)):
            b.review(ann, stars, local(2026, 4, day))
        b.prompt(ann, local(2026, 3, 2), PromptOutcome.ANSWERED, kind=ReviewKind.CLASS)
        b.prompt(ann, local(2026, 4, 4), PromptOutcome.IGNORED)
    from feedback_desk.services.reports import reports_by_kind

    first, last = date(2026, 2, 1), date(2026, 4, 30)
    with studio.read() as session:
        together = reports_by_kind(session, first, last)
        for kind in (None, ReviewKind.CLASS, ReviewKind.BUSINESS):
            alone = period_report(session, ReportScope(first, last, kind), with_coaches=False)
            assert together[kind] == alone
    assert together[ReviewKind.BUSINESS].totals.reviews == 2
