"""A manager's changes to the aspects catalogue: approve, rename, hide, merge, votes, audit."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy import select

from feedback_desk.domain.kinds import AspectStatus, Polarity, ReviewKind
from feedback_desk.errors import UserInputError
from feedback_desk.services import aspects as catalogue
from feedback_desk.store.database import Store
from feedback_desk.store.models import Aspect, AuditEntry, Review, ReviewAspect
from tests.support.studio_builder import StudioBuilder

NOW = datetime.fromisoformat("2026-05-16T14:00:00+00:00")


def aspect_id(store: Store, label_en: str) -> int:
    with store.read() as session:
        return session.scalars(select(Aspect.id).where(Aspect.label_en == label_en)).one()


def vote(store: Store, review_external_id: str, *aspect_ids: int) -> None:
    with store.write() as session:
        review = session.scalars(select(Review).where(Review.external_id == review_external_id))
        rid = review.one().id
        for aid in aspect_ids:
            session.add(ReviewAspect(review_id=rid, aspect_id=aid))


def rows_by_id(store: Store) -> dict[int, catalogue.AspectRow]:
    with store.read() as session:
        return {row.id: row for row in catalogue.list_with_votes(session)}


def audit_actions(store: Store) -> list[tuple[str, dict[str, object]]]:
    with store.read() as session:
        return [
            (e.action, json.loads(e.details))
            for e in session.scalars(
                select(AuditEntry).where(AuditEntry.entity_type == "aspect").order_by(AuditEntry.id)
            )
        ]


@pytest.fixture
def votes(studio: StudioBuilder, store: Store) -> dict[str, str]:
    """Three 5-star class reviews; the first two ticked Music, the first also Motivation."""
    julie = studio.coach("E1", "Julie", "Tremblay")
    client = studio.client("C1", "Audrey", "Bélanger")
    reviews = {}
    for n in range(3):
        session_id = studio.session(f"S{n}", "Spin", julie, f"2026-05-1{n}T18:00")
        reviews[f"r{n}"] = studio.review(client, f"2026-05-1{n}T20:00", session_id=session_id)
    music, motivation = aspect_id(store, "Music"), aspect_id(store, "Motivation")
    vote(store, reviews["r0"], music, motivation)
    vote(store, reviews["r1"], music)
    return reviews


def test_list_counts_votes_in_one_query_for_every_aspect(
    store: Store, votes: dict[str, str]
) -> None:
    rows = rows_by_id(store)
    assert len(rows) == 40
    assert rows[aspect_id(store, "Music")].votes == 2
    assert rows[aspect_id(store, "Motivation")].votes == 1
    assert rows[aspect_id(store, "Cleanliness")].votes == 0
    with store.read() as session:
        business = catalogue.list_with_votes(session, ReviewKind.BUSINESS)
    assert {r.kind for r in business} == {ReviewKind.BUSINESS}


def test_approve_offers_a_client_aspect_to_later_clients(
    store: Store, studio: StudioBuilder
) -> None:
    with store.write() as session:
        added = catalogue.add_client_aspect(
            session,
            kind=ReviewKind.CLASS,
            polarity=Polarity.EXCEL,
            label="Playlist géniale",
            at=NOW,
            auto_approve=False,
        ).id
    with store.read() as session:
        assert added not in {a.id for a in catalogue.offered(session, ReviewKind.CLASS, 5)}
    with store.write() as session:
        catalogue.approve(session, added, at=NOW, actor="manager")
    with store.read() as session:
        assert added in {a.id for a in catalogue.offered(session, ReviewKind.CLASS, 5)}
        assert session.get_one(Aspect, added).status is AspectStatus.APPROVED
    assert audit_actions(store) == [
        ("aspect.approve", {"label_en": "Playlist géniale", "label_fr": "Playlist géniale"})
    ]


def test_rename_changes_both_labels_and_how_they_are_matched(
    store: Store, studio: StudioBuilder
) -> None:
    music = aspect_id(store, "Music")
    with store.write() as session:
        catalogue.rename(
            session, music, label_fr="  Choix  musical ", label_en="Song choice", at=NOW, actor="m"
        )
    with store.read() as session:
        assert [
            a.id for a in catalogue.find_by_label(session, ReviewKind.CLASS, "CHOIX MUSICAL")
        ] == [music]
        assert catalogue.find_by_label(session, ReviewKind.CLASS, "Musique") == []
        renamed = session.get_one(Aspect, music)
        assert (renamed.label_fr, renamed.key_en) == ("Choix musical", "song choice")
    action, details = audit_actions(store)[0]
    assert action == "aspect.rename"
    assert details["old"] == {"fr": "Musique", "en": "Music"}


def test_rename_refuses_empty_labels_and_a_label_another_aspect_has(
    store: Store, studio: StudioBuilder
) -> None:
    music = aspect_id(store, "Music")
    with (
        store.write() as session,
        pytest.raises(UserInputError, match="French label cannot be empty"),
    ):
        catalogue.rename(session, music, label_fr=" ", label_en="x", at=NOW, actor="m")
    with store.write() as session, pytest.raises(UserInputError, match="merge the two instead"):
        catalogue.rename(session, music, label_fr="Motivation", label_en="Tunes", at=NOW, actor="m")
    with store.write() as session:  # a business aspect may share a class aspect's words
        catalogue.rename(session, music, label_fr="Propreté", label_en="Tunes", at=NOW, actor="m")


def test_hide_takes_an_aspect_off_the_kiosk_and_unhide_brings_it_back(
    store: Store, studio: StudioBuilder
) -> None:
    music = aspect_id(store, "Music")
    with store.write() as session:
        catalogue.set_hidden(session, music, True, at=NOW, actor="m")
    with store.read() as session:
        assert music not in {a.id for a in catalogue.offered(session, ReviewKind.CLASS, 5)}
    with store.write() as session:
        catalogue.set_hidden(session, music, False, at=NOW, actor="m")
    with store.read() as session:
        assert music in {a.id for a in catalogue.offered(session, ReviewKind.CLASS, 5)}
    assert [a for a, _ in audit_actions(store)] == ["aspect.hide", "aspect.unhide"]


def test_merge_moves_the_votes_without_duplicates_and_hides_the_merged_one(
    store: Store, votes: dict[str, str]
) -> None:
    music, motivation = aspect_id(store, "Music"), aspect_id(store, "Motivation")
    with store.write() as session:
        moved = catalogue.merge(session, music, motivation, at=NOW, actor="m")
    assert moved == 1  # r0 had both: one vote stays; r1's vote moves
    rows = rows_by_id(store)
    assert rows[motivation].votes == 2
    assert rows[music].votes == 0
    assert rows[music].merged_into_id == motivation
    assert rows[music].hidden
    with store.read() as session:
        assert [a.id for a in catalogue.find_by_label(session, ReviewKind.CLASS, "musique")] == [
            motivation
        ]
        assert music not in {a.id for a in catalogue.offered(session, ReviewKind.CLASS, 5)}
        r0 = session.scalars(select(Review).where(Review.external_id == votes["r0"])).one()
        assert [a.id for a in r0.aspects] == [motivation]
    assert audit_actions(store)[-1] == ("aspect.merge", {"into": motivation, "votes_moved": 1})


def test_merge_refuses_other_kinds_itself_and_merged_aspects(
    store: Store, studio: StudioBuilder
) -> None:
    music, motivation = aspect_id(store, "Music"), aspect_id(store, "Motivation")
    clean = aspect_id(store, "Cleanliness")
    with store.write() as session, pytest.raises(UserInputError, match="same kind"):
        catalogue.merge(session, music, clean, at=NOW, actor="m")
    with store.write() as session, pytest.raises(UserInputError, match="into itself"):
        catalogue.merge(session, music, music, at=NOW, actor="m")
    with store.write() as session:
        catalogue.merge(session, music, motivation, at=NOW, actor="m")
    with store.write() as session, pytest.raises(UserInputError, match="was merged"):
        catalogue.merge(session, motivation, music, at=NOW, actor="m")
    with store.write() as session, pytest.raises(UserInputError, match="was merged"):
        catalogue.set_hidden(session, music, False, at=NOW, actor="m")


def test_merging_a_survivor_later_carries_its_earlier_merges_along(
    store: Store, studio: StudioBuilder
) -> None:
    music, motivation = aspect_id(store, "Music"), aspect_id(store, "Motivation")
    pace = aspect_id(store, "Good pace")
    with store.write() as session:
        catalogue.merge(session, music, motivation, at=NOW, actor="m")
        catalogue.merge(session, motivation, pace, at=NOW, actor="m")
    rows = rows_by_id(store)
    assert rows[music].merged_into_id == pace
    assert rows[motivation].merged_into_id == pace
