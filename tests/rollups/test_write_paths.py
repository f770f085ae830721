"""Every way a review or a prompt is written keeps the rollups exact, in the same transaction,
on SQLite and PostgreSQL: what the reports show is what the raw rows say."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, insert, select, update

from feedback_desk.clock import ManualClock
from feedback_desk.domain.kinds import Channel, PromptOutcome, ReviewKind
from feedback_desk.domain.localtime import local_day
from feedback_desk.domain.prompts import DuePrompt
from feedback_desk.services.importing import import_file
from feedback_desk.services.prompting.recording import (
    Answer,
    answer_prompt,
    ignore_prompt,
    show_prompt,
)
from feedback_desk.services.review_edit import edit_stars
from feedback_desk.services.settings import load_settings, set_setting
from feedback_desk.services.staff_entry import StaffReview, record_staff_review
from feedback_desk.store.database import Store
from feedback_desk.store.models import ClassSession, Client, Prompt, Review
from tests.rollups.conftest import assert_exact, report
from tests.support.studio_builder import StudioBuilder

MAY = (date(2026, 5, 1), date(2026, 5, 31))


def test_kiosk_answers_ignored_prompts_and_staff_entries(
    studio: Store, builder: StudioBuilder
) -> None:
    ann = builder.client("C1", "Ann", "Lee")
    julie = builder.coach("E1", "Julie", "Tremblay")
    spin = builder.session("S1", "Spin", julie, "2026-05-12T18:00")
    assert assert_exact(studio) == 0
    at = builder.at("2026-05-12T20:00")
    with studio.write() as session:
        settings = load_settings(session)
        client = session.get_one(Client, ann)
        shown = show_prompt(
            session,
            settings,
            client,
            DuePrompt(ReviewKind.CLASS, spin),
            at=at,
            channel=Channel.KIOSK,
        )
        answer_prompt(session, settings, shown.id, Answer(stars=5), at=at, channel=Channel.KIOSK)
        later = show_prompt(
            session, settings, client, DuePrompt(ReviewKind.BUSINESS), at=at, channel=Channel.KIOSK
        )
        ignore_prompt(session, later.id, at=at)
        emailed = show_prompt(  # an email request, answered on its page with the 0-10 question
            session, settings, client, DuePrompt(ReviewKind.BUSINESS), at=at, channel=Channel.EMAIL
        )
        answer = Answer(stars=4, recommend=9)
        answer_prompt(session, settings, emailed.id, answer, at=at, channel=Channel.WEB)
        show_prompt(  # left on screen: shown, never answered
            session, settings, client, DuePrompt(ReviewKind.BUSINESS), at=at, channel=Channel.KIOSK
        )
        record_staff_review(
            session,
            settings,
            StaffReview(client_id=ann, kind=ReviewKind.BUSINESS, stars=2),
            at=at + timedelta(hours=1),
            actor="Julie",
        )
    assert assert_exact(studio) > 0

    may = report(studio, *MAY)
    assert (may.totals.reviews, may.totals.promoters, may.totals.detractors) == (3, 1, 1)
    assert (may.totals.prompts_shown, may.totals.prompts_answered) == (4, 2)
    assert (may.recommend.responses, may.recommend.promoters, may.recommend.nps) == (1, 1, 100)
    assert [(c.channel, c.prompts_shown, c.prompts_answered) for c in may.by_channel] == [
        ("email", 1, 1),
        ("kiosk", 3, 1),
    ]
    assert [(c.coach, c.reviews, c.nps) for c in may.by_coach] == [("E1", 1, 100)]
    coach = report(studio, *MAY, coach_id=julie)
    assert (coach.totals.reviews, coach.totals.prompts_shown, coach.totals.prompts_answered) == (
        1,
        1,
        1,
    )
    assert [(c.channel, c.prompts_answered) for c in coach.by_channel] == [("kiosk", 1)]
    assert coach.recommend.responses == 0


def test_a_manual_edit_moves_the_review_to_its_new_segment(
    studio: Store, builder: StudioBuilder, clock: ManualClock
) -> None:
    client = builder.client("C1", "Ann", "Lee")
    coach = builder.coach("E1", "Julie", "Tremblay")
    review = builder.review(
        client,
        "2026-05-12T20:00",
        stars=5,
        session_id=builder.session("S1", "Spin", coach, "2026-05-12T18:00"),
    )
    with studio.write() as session:
        edit_stars(session, review, 2, "typed wrong at the desk", at=clock.now(), actor="Julie")
    assert assert_exact(studio) > 0
    may = report(studio, *MAY)
    assert (may.totals.promoters, may.totals.detractors, may.totals.nps) == (0, 1, -100)
    assert [(c.coach, c.detractors) for c in may.by_coach] == [("E1", 1)]


def test_imports_create_update_and_move_reviews(
    studio: Store, tmp_path: Path, clock: ManualClock
) -> None:
    def run(kind: str, name: str, text: str) -> None:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        import_file(studio, kind, path, clock=clock, name=name)

    run("clients", "clients.csv", "id,first_name,last_name\nC1,Ann,Lee\nC2,Bob,Roy\n")
    run("coaches", "coaches.csv", "id,first_name,last_name\nE1,Julie,T\nE2,Marc,G\n")
    sessions = (
        "id,class_name,coach_id,starts_at\n"
        "S1,Spin,E1,2026-05-11T18:00\nS2,Yoga,E2,2026-05-12T09:00\n"
    )
    run("sessions", "sessions.csv", sessions)
    header = "id,client_id,kind,session_id,stars,created_at\n"
    run(
        "reviews",
        "reviews.csv",
        header
        + "R1,C1,class,S1,5,2026-05-11T20:00\nR2,C2,class,S1,3,2026-05-11T21:00\n"
        + "R3,C1,class,S2,4,2026-05-12T10:00\nR4,C2,business,,1,2026-05-31T23:30\n",
    )
    assert assert_exact(studio) > 0
    before = report(studio, *MAY)
    assert [(c.coach, c.reviews) for c in before.by_coach] == [("E1", 2), ("E2", 1)]

    # The booking system corrected a rating, moved a review to June and gave S1 to Marc.
    run(
        "reviews",
        "reviews.csv",
        header
        + "R1,C1,class,S1,2,2026-05-11T20:00\nR2,C2,class,S1,3,2026-05-11T21:00\n"
        + "R3,C1,class,S2,4,2026-05-12T10:00\nR4,C2,business,,1,2026-06-01T00:30\n",
    )
    run("sessions", "sessions.csv", sessions.replace("S1,Spin,E1", "S1,Spin,E2"))
    assert assert_exact(studio) > 0
    after = report(studio, *MAY)
    assert (after.totals.reviews, after.totals.detractors, after.totals.promoters) == (3, 2, 0)
    assert [(c.coach, c.reviews, c.detractors) for c in after.by_coach] == [("E2", 3, 2)]
    assert [(c.name, c.reviews) for c in after.by_class] == [("Spin", 2), ("Yoga", 1)]
    june = report(studio, date(2026, 6, 1), date(2026, 6, 30))
    assert june.totals.reviews == 1


def test_deleting_a_review_or_a_client_takes_their_counts_away(
    studio: Store, builder: StudioBuilder
) -> None:
    ann, bob = builder.client("C1", "Ann", "Lee"), builder.client("C2", "Bob", "Roy")
    coach = builder.coach("E1", "Julie", "Tremblay")
    spin = builder.session("S1", "Spin", coach, "2026-05-12T18:00")
    first = builder.review(ann, "2026-05-12T20:00", stars=5, session_id=spin)
    builder.review(ann, "2026-05-13T20:00", stars=4)
    builder.review(bob, "2026-05-12T20:30", stars=1, session_id=spin)
    with studio.write() as session:
        settings = load_settings(session)
        show_prompt(
            session,
            settings,
            session.get_one(Client, bob),
            DuePrompt(ReviewKind.CLASS, spin),
            at=builder.at("2026-05-12T20:00"),
            channel=Channel.KIOSK,
        )
    with studio.write() as session:
        session.delete(session.scalars(select(Review).where(Review.external_id == first)).one())
    assert assert_exact(studio) > 0
    assert report(studio, *MAY).totals.reviews == 2
    with studio.write() as session:  # erasing a client: their reviews and prompts go too
        session.delete(session.get_one(Client, bob))
    assert assert_exact(studio) > 0
    may = report(studio, *MAY)
    assert (may.totals.reviews, may.totals.prompts_shown, may.by_coach) == (1, 0, [])


def test_changing_the_time_zone_moves_reviews_to_their_new_local_day(
    studio: Store, builder: StudioBuilder
) -> None:
    client = builder.client("C1", "Ann", "Lee")
    builder.review(client, "2026-05-31T22:30", stars=5)  # 02:30 on June 1st in UTC
    assert report(studio, *MAY).totals.reviews == 1
    with studio.write() as session:
        set_setting(session, "studio.timezone", "UTC", at=datetime.now(UTC), actor="test")
    assert assert_exact(studio) > 0
    assert report(studio, *MAY).totals.reviews == 0
    assert report(studio, date(2026, 6, 1), date(2026, 6, 1)).totals.reviews == 1


def test_bulk_core_statements_that_know_nothing_of_rollups(
    studio: Store, builder: StudioBuilder
) -> None:
    """The demo and the benchmarks write with executemany; a future path may too."""
    client = builder.client("C1", "Ann", "Lee")
    coach = builder.coach("E1", "Julie", "Tremblay")
    spin = builder.session("S1", "Spin", coach, "2026-05-12T18:00")
    tz = builder.tz
    base = builder.at("2026-05-01T12:00")
    prompts = [
        {
            "client_id": client,
            "kind": ReviewKind.CLASS,
            "session_id": spin,
            "shown_at": base + timedelta(hours=7 * i),
            "local_day": local_day(base + timedelta(hours=7 * i), tz),
            "outcome": PromptOutcome.ANSWERED if i % 3 else PromptOutcome.IGNORED,
            "outcome_at": None,
            "channel": (Channel.KIOSK, Channel.EMAIL, Channel.WEB, Channel.CLI)[i % 4],
        }
        for i in range(60)
    ]
    reviews = [
        {
            "external_id": f"R{i}",
            "client_id": client,
            "kind": ReviewKind.CLASS if i % 2 else ReviewKind.BUSINESS,
            "session_id": spin if i % 2 else None,
            "stars": 1 + i % 5,
            "comment": None,
            "channel": Channel.IMPORT,
            "created_at": base + timedelta(hours=5 * i),
            "local_day": local_day(base + timedelta(hours=5 * i), tz),
            "prompt_id": None,
            "edited_manually": False,
            "recommend": i % 11 if i % 4 == 0 else None,  # business reviews only
        }
        for i in range(120)
    ]
    with studio.write() as session:
        session.execute(insert(Prompt), prompts)
        session.execute(insert(Review), reviews)
    assert assert_exact(studio) > 0
    with studio.write() as session:
        session.execute(update(Review).where(Review.stars <= 2).values(stars=3))
        session.execute(
            update(Prompt)
            .where(Prompt.outcome == PromptOutcome.IGNORED)
            .values(outcome=PromptOutcome.ABANDONED)
        )
        session.execute(delete(Review).where(Review.external_id.in_(["R1", "R2", "R3"])))
        session.execute(update(ClassSession).values(coach_id=coach))  # no change at all
    assert assert_exact(studio) > 0
    may = report(studio, *MAY)
    kept = [r for r in reviews if r["external_id"] not in ("R1", "R2", "R3")]
    in_may = [r for r in kept if r["local_day"].month == 5]
    assert may.totals.reviews == len(in_may)
    assert may.totals.promoters == sum(r["stars"] == 5 for r in in_may)
    assert may.totals.detractors == sum(r["stars"] <= 3 for r in in_may)
    scores = [r["recommend"] for r in in_may if r["recommend"] is not None]
    assert (may.recommend.responses, may.recommend.promoters, may.recommend.detractors) == (
        len(scores),
        sum(score >= 9 for score in scores),
        sum(score <= 6 for score in scores),
    )
    shown = [p for p in prompts if p["local_day"].month == 5]
    assert [(c.channel, c.prompts_shown, c.prompts_answered) for c in may.by_channel] == [
        (
            channel.value,
            sum(p["channel"] is channel for p in shown),
            sum(p["channel"] is channel and p["outcome"] is PromptOutcome.ANSWERED for p in shown),
        )
        for channel in sorted((Channel.KIOSK, Channel.EMAIL, Channel.WEB, Channel.CLI))
    ]


def test_a_failed_write_leaves_the_rollups_as_they_were(
    studio: Store, builder: StudioBuilder
) -> None:
    client = builder.client("C1", "Ann", "Lee")
    builder.review(client, "2026-05-12T20:00", stars=5)
    with pytest.raises(RuntimeError), studio.write() as session:
        session.execute(update(Review).values(stars=1))
        raise RuntimeError("crash mid-write")
    assert assert_exact(studio) > 0
    assert report(studio, *MAY).totals.promoters == 1
