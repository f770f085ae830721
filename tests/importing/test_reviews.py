"""Imported reviews are history: recorded like every review, matched by id on re-import."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from feedback_desk.clock import ManualClock
from feedback_desk.domain.kinds import AspectOrigin, AspectStatus, Channel, Polarity
from feedback_desk.services.importing import ImportRejected, ImportReport
from feedback_desk.store.database import Store
from feedback_desk.store.models import Action, Aspect, OutboxMessage, Review, ReviewEdit
from tests.importing.conftest import WriteCsv, snapshot

Importer = Callable[..., ImportReport]

HEADER = "id,client_id,kind,session_id,stars,created_at,comment,aspects\n"


@pytest.fixture
def timetable(studio: Store, write_csv: WriteCsv, do_import: Importer) -> Store:
    do_import(
        "clients", write_csv("clients.csv", "id,first_name,last_name\nC1,Ann,Lee\nC2,Bob,Roy\n")
    )
    do_import("coaches", write_csv("coaches.csv", "id,first_name,last_name\nE1,Julie,Tremblay\n"))
    do_import(
        "sessions",
        write_csv(
            "sessions.csv",
            "id,class_name,coach_id,starts_at\nS1,Spin,E1,2026-03-14T18:00\n"
            "S2,Spin,E1,2026-03-15T18:00\n",
        ),
    )
    return studio


def reviews(store: Store) -> dict[str, Review]:
    with store.read() as session:
        found = session.scalars(select(Review)).unique().all()
        for review in found:
            _ = review.aspects, review.session, review.client
        return {r.external_id: r for r in found}


def actions(store: Store) -> dict[str, Action]:
    with store.read() as session:
        return {a.review.external_id: a for a in session.scalars(select(Action))}


def problems(importer: Importer, path: object) -> list[str]:
    with pytest.raises(ImportRejected) as caught:
        importer("reviews", path)
    return caught.value.problems


def labels(review: Review) -> list[str]:
    return sorted(a.label_en for a in review.aspects)


def test_reviews_are_recorded_as_imported_history(
    timetable: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv(
        "reviews.csv",
        HEADER
        # 23:30 local on the 14th is the 15th in UTC: the review belongs to the 14th.
        + 'R1,C1,class,S1,2,2026-03-14T23:30,"Trop chaud,\net bondé",'
        + "température de la SALLE|Too crowded\n"
        + "R2,C2,business,,5,2026-03-16T10:00-04:00,,Propreté|warm welcome\n"
        + "R3,C1,class,S2,4,2026-03-16,,\n",
    )
    report = do_import("reviews", path)

    assert report.summaries() == ["reviews.csv: 3 created, 0 updated, 0 unchanged"]
    found = reviews(timetable)
    r1 = found["R1"]
    assert r1.channel is Channel.IMPORT
    assert r1.session is not None
    assert r1.session.external_id == "S1"
    assert r1.created_at == datetime(2026, 3, 15, 3, 30, tzinfo=UTC)
    assert r1.local_day == date(2026, 3, 14)
    assert r1.comment == "Trop chaud,\net bondé"
    assert labels(r1) == ["Room temperature", "Too crowded"]
    assert labels(found["R2"]) == ["Cleanliness", "Warm welcome"]
    assert found["R2"].session is None
    assert found["R3"].local_day == date(2026, 3, 16)  # a bare date: that local day
    # A review of 3 stars or fewer enters Actions to take (dated when it was made), no alert.
    assert set(actions(timetable)) == {"R1"}
    assert actions(timetable)["R1"].opened_at == r1.created_at
    with timetable.read() as session:
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 0


def test_a_class_review_needs_its_session_but_no_attendance(
    timetable: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    do_import("reviews", write_csv("reviews.csv", HEADER + "R1,C2,class,S2,5,2026-03-15T20:00,,\n"))
    assert reviews(timetable)["R1"].session is not None


def test_every_kind_of_bad_review_row(
    timetable: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv(
        "reviews.csv",
        HEADER
        + "FD-000001,C1,class,S1,5,2026-03-14T20:00,,\n"
        + "R2,C1,class,,5,2026-03-14T20:00,,\n"
        + "R3,C1,business,S1,5,2026-03-14T20:00,,\n"
        + "R4,C1,class,S1,6,2026-03-14T20:00,,\n"
        + "R5,C1,class,S1,4.5,2026-03-14T20:00,,\n"
        + "R6,C1,class,S1,,2026-03-14T20:00,,\n"
        + "R7,C1,yoga,S1,5,2026-03-14T20:00,,\n"
        + "R8,C9,class,S9,5,2026-03-14T20:00,,\n"
        + "R9,C1,class,S1,5,14 mars 2026,,\n"
        + f"R10,C1,business,,5,2026-03-14T20:00,{'x' * 2001},\n"
        + "R2,C1,business,,5,2026-03-14T20:00,,\n",
    )
    assert problems(do_import, path) == [
        'reviews.csv:2: id "FD-000001": ids starting with FD- are reserved for reviews made in '
        "Feedback Desk",
        "reviews.csv:3: session_id is empty; a class review needs the session it is about",
        'reviews.csv:4: session_id "S1": a business review is about the studio, not a session '
        "(leave session_id empty)",
        'reviews.csv:5: stars: "6" is not a whole number from 1 to 5',
        'reviews.csv:6: stars: "4.5" is not a whole number from 1 to 5',
        "reviews.csv:7: stars is empty; it is required",
        'reviews.csv:8: kind: "yoga" is not one of class, business',
        'reviews.csv:9: client_id: unknown client "C9" (no client with this id in the store or '
        "in this import)",
        'reviews.csv:9: session_id: unknown session "S9" (no session with this id in the store '
        "or in this import)",
        'reviews.csv:10: created_at: "14 mars 2026" is not a date and time '
        "(e.g. 2026-03-14T18:00 or 14/03/2026 18:00)",
        "reviews.csv:11: comment is 2001 characters long; at most 2000 are allowed",
        'reviews.csv:12: duplicate id "R2": already on line 3',
    ]
    assert reviews(timetable) == {}


def test_an_unknown_aspect_label_becomes_a_client_aspect_awaiting_approval(
    timetable: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv(
        "reviews.csv",
        HEADER
        + "R1,C1,class,S1,5,2026-03-14T20:00,,Super playlist|Musique\n"
        + "R2,C2,class,S1,2,2026-03-14T20:00,,Clim trop forte\n"
        + "R3,C2,class,S2,1,2026-03-15T20:00,,CLIM TROP FORTE\n"
        + "R4,C1,business,,2,2026-03-15T20:00,,Clim trop forte\n",
    )
    report = do_import("reviews", path)
    assert report.files[0].new_aspects == (
        "Clim trop forte (business)",
        "Clim trop forte (class)",
        "Super playlist (class)",
    )

    with timetable.read() as session:
        added = session.scalars(
            select(Aspect).where(Aspect.origin == AspectOrigin.CLIENT).order_by(Aspect.id)
        ).all()
        assert [(a.label_fr, a.kind, a.polarity, a.status) for a in added] == [
            ("Super playlist", "class", Polarity.EXCEL, AspectStatus.PENDING),
            ("Clim trop forte", "class", Polarity.TO_IMPROVE, AspectStatus.PENDING),
            ("Clim trop forte", "business", Polarity.TO_IMPROVE, AspectStatus.PENDING),
        ]
    found = reviews(timetable)
    assert labels(found["R1"]) == ["Music", "Super playlist"]
    assert found["R2"].aspects[0].id == found["R3"].aspects[0].id

    second = do_import("reviews", path)
    assert second.summaries() == ["reviews.csv: 0 created, 0 updated, 4 unchanged"]
    assert second.files[0].new_aspects == ()


def test_reimporting_the_same_reviews_changes_nothing(
    timetable: Store, write_csv: WriteCsv, do_import: Importer, clock: ManualClock
) -> None:
    path = write_csv(
        "reviews.csv",
        HEADER
        + "R1,C1,class,S1,2,2026-03-14T20:00,Trop chaud,Room temperature|Nouveau\n"
        + "R2,C2,business,,5,2026-03-16T10:00,Merci!,Propreté\n",
    )
    do_import("reviews", path)
    before = snapshot(timetable)
    clock.advance(timedelta(days=3))
    assert do_import("reviews", path).summaries() == [
        "reviews.csv: 0 created, 0 updated, 2 unchanged"
    ]
    assert snapshot(timetable) == before


def test_reimport_updates_what_changed_and_keeps_actions_consistent(
    timetable: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    do_import(
        "reviews",
        write_csv(
            "reviews.csv",
            HEADER
            + "R1,C1,class,S1,5,2026-03-14T20:00,Super,Musique\n"
            + "R2,C2,class,S1,2,2026-03-14T20:00,Bof,Too crowded\n",
        ),
    )
    assert set(actions(timetable)) == {"R2"}

    report = do_import(
        "reviews",
        write_csv(
            "reviews.csv",
            HEADER
            + "R1,C1,class,S2,3,2026-03-15T23:30,Finalement moyen,Music volume|Too crowded\n"
            + "R2,C2,class,S1,5,2026-03-14T20:00,Bof,Too crowded\n",
        ),
    )

    assert report.summaries() == ["reviews.csv: 0 created, 2 updated, 0 unchanged"]
    found = reviews(timetable)
    r1 = found["R1"]
    assert (r1.stars, r1.comment, r1.local_day) == (3, "Finalement moyen", date(2026, 3, 15))
    assert r1.session is not None
    assert r1.session.external_id == "S2"
    assert labels(r1) == ["Music volume", "Too crowded"]
    assert found["R2"].stars == 5
    # R1 now at 3 stars gets its action; R2 raised to 5 keeps its own (actions are never deleted).
    assert set(actions(timetable)) == {"R1", "R2"}


def test_partial_review_files_keep_comment_and_aspects_and_empty_cells_clear_them(
    timetable: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    do_import(
        "reviews",
        write_csv("reviews.csv", HEADER + "R1,C1,class,S1,5,2026-03-14T20:00,Super,Musique\n"),
    )
    do_import(
        "reviews",
        write_csv(
            "stars.csv",
            "id,client_id,kind,session_id,stars,created_at\nR1,C1,class,S1,4,2026-03-14T20:00\n",
        ),
    )
    r1 = reviews(timetable)["R1"]
    assert (r1.stars, r1.comment, labels(r1)) == (4, "Super", ["Music"])

    do_import(
        "reviews",
        write_csv("cleared.csv", HEADER + "R1,C1,class,S1,4,2026-03-14T20:00,,\n"),
    )
    r1 = reviews(timetable)["R1"]
    assert (r1.comment, labels(r1)) == (None, [])


def edit_by_hand(store: Store, review_id: str, stars: int, at: datetime) -> None:
    """What staff's manual edit leaves in the store (the edit command is another feature)."""
    with store.write() as session:
        review = session.scalar(select(Review).where(Review.external_id == review_id))
        assert review is not None
        session.add(
            ReviewEdit(
                review_id=review.id,
                old_stars=review.stars,
                new_stars=stars,
                edited_by="tester",
                edited_at=at,
            )
        )
        review.stars = stars
        review.edited_manually = True


def test_a_review_edited_by_hand_keeps_its_stars_with_a_warning(
    timetable: Store, write_csv: WriteCsv, do_import: Importer, clock: ManualClock
) -> None:
    path = write_csv(
        "reviews.csv",
        HEADER
        + "R0,C2,business,,5,2026-03-13T20:00,,\n"
        + "R1,C1,class,S1,1,2026-03-14T20:00,Oups,\n",
    )
    do_import("reviews", path)
    edit_by_hand(timetable, "R1", 4, clock.now())

    same = do_import("reviews", path)
    assert same.warnings == (
        'reviews.csv:3: warning: review "R1" was edited by hand: it keeps its 4 stars '
        "(the file says 1)",
    )
    assert same.summaries() == ["reviews.csv: 0 created, 0 updated, 2 unchanged"]
    assert reviews(timetable)["R1"].stars == 4

    changed = write_csv(
        "reviews.csv",
        HEADER
        + "R0,C2,business,,5,2026-03-13T20:00,,\n"
        + "R1,C1,class,S1,1,2026-03-14T20:00,Le 1 était une erreur,Musique\n",
    )
    report = do_import("reviews", changed)
    assert len(report.warnings) == 1
    assert report.summaries() == ["reviews.csv: 0 created, 1 updated, 1 unchanged"]
    r1 = reviews(timetable)["R1"]
    assert (r1.stars, r1.comment, r1.edited_manually) == (4, "Le 1 était une erreur", True)
    # The aspect is offered for the kept rating (4 stars), not the file's.
    assert labels(r1) == ["Music"]


def test_no_warning_when_the_file_agrees_with_the_edit(
    timetable: Store, write_csv: WriteCsv, do_import: Importer, clock: ManualClock
) -> None:
    do_import("reviews", write_csv("r.csv", HEADER + "R1,C1,class,S1,1,2026-03-14T20:00,,\n"))
    edit_by_hand(timetable, "R1", 4, clock.now())
    report = do_import(
        "reviews", write_csv("r.csv", HEADER + "R1,C1,class,S1,4,2026-03-14T20:00,,\n")
    )
    assert report.warnings == ()


def test_class_reviews_in_a_file_without_session_id(
    timetable: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv(
        "reviews.csv",
        "id,client_id,kind,stars,created_at\n"
        "R1,C1,business,5,2026-03-14T20:00\n"
        "R2,C1,class,5,2026-03-14T20:00\n",
    )
    assert problems(do_import, path) == [
        "reviews.csv:3: a class review needs the session it is about: the file has no session_id"
    ]
