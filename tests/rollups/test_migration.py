"""Migration 0005_rollups fills the rollups and followups of a store that already has reviews,
prompts and closed actions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import text, update

from feedback_desk.domain.kinds import ActionOutcome, Channel, ReviewKind
from feedback_desk.domain.prompts import DuePrompt
from feedback_desk.services.actions import close_action
from feedback_desk.services.loop import ImprovementShare, improvement_share
from feedback_desk.services.prompting.recording import Answer, answer_prompt, show_prompt
from feedback_desk.services.rollups import check_rollups, mismatch_lines
from feedback_desk.services.settings import load_settings
from feedback_desk.store.database import Store
from feedback_desk.store.engine import make_engine, store_url
from feedback_desk.store.migrate import (
    HEAD_REVISION,
    migration_lock,
    upgrade_to,
    upgrade_to_head,
)
from feedback_desk.store.models import Client, Review
from feedback_desk.store.rollups.keeper import ensure_installed, missing_triggers
from tests.rollups.conftest import assert_exact, report
from tests.support.studio_builder import StudioBuilder


@pytest.fixture
def old(any_store_location: str) -> Iterator[Store]:
    """A store at revision 0004_google_text, the one before the rollups."""
    engine = make_engine(store_url(any_store_location))
    upgrade_to(engine, "0004_google_text")
    store = Store(engine, any_store_location)
    yield store
    store.close()


def test_upgrading_a_store_with_history_fills_its_rollups(old: Store) -> None:
    engine = old.engine
    builder = StudioBuilder(old)
    ann, bob = builder.client("C1", "Ann", "Lee"), builder.client("C2", "Bob", "Roy")
    coach = builder.coach("E1", "Julie", "Tremblay")
    spin = builder.session("S1", "Spin", coach, "2026-04-30T18:00")
    made = {
        day: builder.review(ann, f"2026-04-{day:02d}T12:00", stars=stars)
        for day, stars in ((1, 5), (2, 4), (3, 2), (30, 5))
    }
    builder.review(bob, "2026-04-30T23:30", stars=3, session_id=spin)  # May 1st in UTC
    with old.write() as session:
        settings = load_settings(session)
        shown = show_prompt(
            session,
            settings,
            session.get_one(Client, bob),
            DuePrompt(ReviewKind.CLASS, spin),
            at=builder.at("2026-05-01T09:00"),
            channel=Channel.KIOSK,
        )
        answer_prompt(
            session,
            settings,
            shown.id,
            Answer(stars=4),
            at=builder.at("2026-05-01T09:01"),
            channel=Channel.KIOSK,
        )
        session.execute(  # and would recommend the studio
            update(Review).where(Review.external_id == made[30]).values(recommend=10)
        )
        close_action(  # Ann came back on the 30th with five stars
            session,
            made[3],
            ActionOutcome.RESOLVED,
            None,
            at=builder.at("2026-04-04T10:00"),
            actor="J",
        )

    upgrade_to_head(engine, "the test store")

    with engine.connect() as connection:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert revision == HEAD_REVISION
    # daily rollups, Bob's class reviews by month, Ann's followup and its two days
    assert assert_exact(old) == 10 + 2 + 1 + 2
    april = report(old, date(2026, 4, 1), date(2026, 4, 30))
    assert (april.totals.reviews, april.totals.promoters, april.totals.detractors) == (5, 2, 2)
    assert [(c.coach, c.reviews) for c in april.by_coach] == [("E1", 1)]
    assert (april.recommend.responses, april.recommend.nps) == (1, 100)
    may = report(old, date(2026, 5, 1), date(2026, 5, 31), coach_id=coach)
    assert (may.totals.reviews, may.totals.prompts_shown, may.totals.prompts_answered) == (1, 1, 1)
    with old.read() as session:
        assert improvement_share(session, at=builder.at("2026-05-02T00:00")) == ImprovementShare(
            1, 1, 1
        )
    # and from now on the triggers keep them
    builder.review(bob, "2026-05-02T12:00", stars=1)
    assert assert_exact(old) == 16


def test_a_later_migration_rebuilding_reviews_does_not_leave_the_rollups_unkept(
    studio: Store, builder: StudioBuilder
) -> None:
    """SQLite alters a table by rebuilding it, and the triggers go with the old one: after the
    migrations run, missing triggers are put back and the rollups recounted."""
    client = builder.client("C1", "Ann", "Lee")
    builder.review(client, "2026-05-12T20:00", stars=5)
    with migration_lock(studio.engine) as connection:  # as a later migration runs
        if studio.is_sqlite:  # what Alembic's batch mode does to alter a SQLite table
            with (
                Operations.context(MigrationContext.configure(connection)) as op,
                op.batch_alter_table("reviews", recreate="always"),
            ):
                pass
        else:
            connection.exec_driver_sql("DROP TRIGGER reviews_rollups_insert ON reviews")
        assert "reviews_rollups_insert" in missing_triggers(connection)
    builder.review(client, "2026-05-13T20:00", stars=1)  # written while nothing keeps them
    with studio.read() as session:
        assert mismatch_lines(check_rollups(session)) != []

    with migration_lock(studio.engine) as connection:
        assert ensure_installed(connection) is True
        assert missing_triggers(connection) == set()
    assert_exact(studio)
    builder.review(client, "2026-05-14T20:00", stars=4)
    assert_exact(studio)
    with studio.engine.begin() as connection:
        assert ensure_installed(connection) is False
