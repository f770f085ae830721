"""The worklist of actions: filters, search, order, paging and count in SQL; bulk closing and its
undo, audit-logged (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from feedback_desk.domain.kinds import ActionOutcome, ReviewKind
from feedback_desk.services.action_worklist import (
    ActionAge,
    ActionPager,
    ActionState,
    SortKey,
    WorklistFilter,
    WorklistOrder,
    WorklistRow,
    age_days,
    close_actions,
    open_action_ids,
    reopen_actions,
)
from feedback_desk.services.actions import close_action, ensure_open_action
from feedback_desk.store.database import Store
from feedback_desk.store.models import Action, AuditEntry, ClassType, Coach, Review
from tests.reports.builders import local
from tests.reports.worklist_studio import fill_worklist_studio

NOW = local(2026, 5, 14, 18)
TODAY = date(2026, 5, 14)


def listed(
    store: Store, filters: WorklistFilter, order: WorklistOrder | None = None
) -> list[WorklistRow]:
    """Every row, read two at a time as the table reads its pages."""
    pager = ActionPager(filters, order or WorklistOrder(), page_size=2)
    rows: list[WorklistRow] = []
    with store.read() as session:
        while True:
            page = pager.next_page(session)
            rows += page.rows
            if page.complete:
                break
    assert page.total == len(rows)
    return rows


def reviews(store: Store, filters: WorklistFilter, order: WorklistOrder | None = None) -> list[str]:
    return [row.review for row in listed(store, filters, order)]


def action_ids(store: Store, *refs: str) -> list[int]:
    with store.read() as session:
        return list(
            session.scalars(
                select(Action.id)
                .join(Review, Review.id == Action.review_id)
                .where(Review.external_id.in_(refs))
                .order_by(Action.id)
            )
        )


def coach_id(store: Store, external_id: str) -> int:
    with store.read() as session:
        return session.scalars(select(Coach.id).where(Coach.external_id == external_id)).one()


def test_open_actions_come_newest_first_with_everything_a_row_shows(any_store: Store) -> None:
    fill_worklist_studio(any_store)
    assert reviews(any_store, WorklistFilter()) == ["R2", "R1", "R3", "R4"]
    rows = {row.review: row for row in listed(any_store, WorklistFilter())}
    r1, r3 = rows["R1"], rows["R3"]
    assert (r1.client, r1.client_name, r1.kind, r1.stars, r1.comment) == (
        "C2",
        "Élodie Gagné",
        ReviewKind.CLASS,
        2,
        "Loud",
    )
    assert (r1.class_name, r1.coach_name, r1.reviewed_at) == (
        "Spin 45",
        "Julie Tremblay",
        local(2026, 5, 12, 11),
    )
    assert r1.is_open
    assert (r1.outcome, r1.closed_at) == (None, None)
    assert (r3.contacts, r1.contacts) == (2, 0)
    assert (rows["R2"].class_name, rows["R2"].coach_name) == (None, None)


def test_kind_coach_class_and_age_filter_the_actions(any_store: Store) -> None:
    fill_worklist_studio(any_store)
    assert reviews(any_store, WorklistFilter(kind=ReviewKind.CLASS)) == ["R1", "R3"]
    assert reviews(any_store, WorklistFilter(kind=ReviewKind.BUSINESS)) == ["R2", "R4"]
    assert reviews(any_store, WorklistFilter(coach_id=coach_id(any_store, "E2"))) == ["R3"]
    with any_store.read() as session:
        spin = session.scalars(select(ClassType.id).where(ClassType.name == "Spin 45")).one()
    assert reviews(any_store, WorklistFilter(class_id=spin)) == ["R1"]

    def aged(age: ActionAge) -> list[str]:
        first, last = age_days(age, TODAY)
        return reviews(any_store, WorklistFilter(reviewed_from=first, reviewed_until=last))

    # R2 is 1 day old, R1 2 days, R3 43 days, R4 124 days.
    assert aged(ActionAge.UNDER_A_WEEK) == ["R2", "R1"]
    assert aged(ActionAge.WEEK_TO_MONTH) == []
    assert aged(ActionAge.OVER_A_MONTH) == ["R3", "R4"]
    assert aged(ActionAge.OVER_THREE_MONTHS) == ["R4"]


def test_age_boundaries_are_local_days_counted_from_today() -> None:
    assert age_days(ActionAge.UNDER_A_WEEK, TODAY) == (date(2026, 5, 8), None)
    assert age_days(ActionAge.WEEK_TO_MONTH, TODAY) == (date(2026, 4, 14), date(2026, 5, 7))
    assert age_days(ActionAge.OVER_A_MONTH, TODAY) == (None, date(2026, 4, 13))
    assert age_days(ActionAge.OVER_THREE_MONTHS, TODAY) == (None, date(2026, 2, 12))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("elodie", ["R1"]), ("GAGNÉ", ["R1"]), ("ann lee", ["R2", "R4"]), ("c3", ["R3"]), ("zo", [])],
)
def test_client_search_ignores_accents_and_case(
    any_store: Store, typed: str, expected: list[str]
) -> None:
    fill_worklist_studio(any_store)
    assert reviews(any_store, WorklistFilter(client_search=typed)) == expected


def test_closed_actions_are_found_by_state_or_outcome(any_store: Store) -> None:
    fill_worklist_studio(any_store)
    with any_store.write() as session:
        close_action(session, "R4", ActionOutcome.RESOLVED, None, at=NOW, actor="mia")
        close_action(session, "R3", ActionOutcome.CONTACTED, "called", at=NOW, actor="mia")
    assert reviews(any_store, WorklistFilter()) == ["R2", "R1"]
    assert reviews(any_store, WorklistFilter(state=ActionState.CLOSED)) == ["R3", "R4"]
    assert reviews(any_store, WorklistFilter(outcome=ActionOutcome.RESOLVED)) == ["R4"]
    assert reviews(any_store, WorklistFilter(outcome=ActionOutcome.NO_ACTION)) == []
    assert reviews(any_store, WorklistFilter(state=ActionState.ALL)) == ["R2", "R1", "R3", "R4"]
    [r3] = listed(any_store, WorklistFilter(outcome=ActionOutcome.CONTACTED))
    assert (r3.outcome, r3.note, r3.closed_by, r3.closed_at) == (
        ActionOutcome.CONTACTED,
        "called",
        "mia",
        NOW,
    )


@pytest.mark.parametrize(
    ("key", "descending", "expected"),
    [
        (SortKey.REVIEWED, False, ["R4", "R3", "R1", "R2"]),
        (SortKey.CLIENT, False, ["R2", "R4", "R3", "R1"]),  # Ann, Bob, Élodie (accent ignored)
        (SortKey.STARS, False, ["R2", "R1", "R3", "R4"]),  # equal stars: newest first
        (SortKey.CONTACTS, True, ["R3", "R2", "R1", "R4"]),
        (SortKey.CLASS, False, ["R1", "R3", "R2", "R4"]),  # no class: last either way
        (SortKey.CLASS, True, ["R3", "R1", "R2", "R4"]),
        (SortKey.COACH, False, ["R1", "R3", "R2", "R4"]),
        (SortKey.COMMENT, False, ["R3", "R1", "R2", "R4"]),  # crowded, Loud (case ignored)
        (SortKey.KIND, False, ["R2", "R4", "R1", "R3"]),
    ],
)
def test_every_column_sorts(
    any_store: Store, key: SortKey, descending: bool, expected: list[str]
) -> None:
    fill_worklist_studio(any_store)
    assert reviews(any_store, WorklistFilter(), WorklistOrder(key, descending)) == expected


def test_closed_and_outcome_sort_open_actions_last(any_store: Store) -> None:
    fill_worklist_studio(any_store)
    with any_store.write() as session:
        close_action(session, "R2", ActionOutcome.RESOLVED, None, at=NOW, actor="mia")
        close_action(session, "R4", ActionOutcome.CONTACTED, None, at=local(2026, 5, 2), actor="m")
    everything = WorklistFilter(state=ActionState.ALL)
    by_closed = WorklistOrder(SortKey.CLOSED, False)
    assert reviews(any_store, everything, by_closed) == ["R4", "R2", "R1", "R3"]
    by_outcome = WorklistOrder(SortKey.OUTCOME, True)
    assert reviews(any_store, everything, by_outcome) == ["R2", "R4", "R1", "R3"]


def test_pages_follow_the_order_and_the_first_tells_the_total(any_store: Store) -> None:
    fill_worklist_studio(any_store)
    pager = ActionPager(WorklistFilter(), WorklistOrder(SortKey.STARS, False), page_size=3)
    with any_store.read() as session:
        first, rest = pager.next_page(session), pager.next_page(session)
    assert ([r.review for r in first.rows], first.total, first.complete) == (
        ["R2", "R1", "R3"],
        4,
        False,
    )
    assert ([r.review for r in rest.rows], rest.complete) == (["R4"], True)


def test_close_all_shown_takes_the_open_actions_the_filters_show(any_store: Store) -> None:
    fill_worklist_studio(any_store)
    with any_store.write() as session:
        close_action(session, "R1", ActionOutcome.RESOLVED, None, at=NOW, actor="mia")
    with any_store.read() as session:
        classes = open_action_ids(
            session, WorklistFilter(state=ActionState.ALL, kind=ReviewKind.CLASS)
        )
        assert open_action_ids(session, WorklistFilter(state=ActionState.CLOSED)) == []
    assert classes == action_ids(any_store, "R3")


def audit_entries(store: Store, action: str) -> list[AuditEntry]:
    with store.read() as session:
        return list(
            session.scalars(
                select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)
            )
        )


def test_bulk_close_closes_only_actions_still_open_and_audits_each(any_store: Store) -> None:
    fill_worklist_studio(any_store)
    with any_store.write() as session:
        close_action(session, "R3", ActionOutcome.RESOLVED, None, at=NOW, actor="mia")
    chosen = action_ids(any_store, "R1", "R2", "R3")
    with any_store.write() as session:
        closed = close_actions(
            session, chosen, ActionOutcome.NO_ACTION, "  spam  ", at=NOW, actor="leo"
        )
    assert closed == action_ids(any_store, "R1", "R2")
    assert reviews(any_store, WorklistFilter()) == ["R4"]
    rows = listed(any_store, WorklistFilter(outcome=ActionOutcome.NO_ACTION))
    assert {(r.review, r.note, r.closed_by, r.closed_at) for r in rows} == {
        ("R1", "spam", "leo", NOW),
        ("R2", "spam", "leo", NOW),
    }
    entries = [e for e in audit_entries(any_store, "action.closed") if e.actor == "leo"]
    assert sorted(e.entity_id for e in entries) == ["R1", "R2"]
    assert json.loads(entries[0].details) == {"outcome": "no_action", "note": "spam", "bulk": 2}


def test_undo_reopens_exactly_what_the_bulk_close_closed(any_store: Store) -> None:
    fill_worklist_studio(any_store)
    with any_store.write() as session:
        close_action(session, "R4", ActionOutcome.RESOLVED, "done", at=NOW, actor="mia")
    chosen = action_ids(any_store, "R1", "R2", "R3")
    with any_store.write() as session:
        closed = close_actions(
            session, chosen, ActionOutcome.CONTACTED, "phoned", at=NOW, actor="leo"
        )
    # Meanwhile R2 was reopened and closed again differently: the undo leaves it alone.
    later = local(2026, 5, 14, 19)
    with any_store.write() as session:
        r2 = session.scalars(select(Review).where(Review.external_id == "R2")).one()
        ensure_open_action(session, r2, at=later, actor="mia")
        close_action(session, "R2", ActionOutcome.RESOLVED, None, at=later, actor="mia")
    undo_at = local(2026, 5, 14, 20)
    with any_store.write() as session:
        reopened = reopen_actions(
            session,
            closed,
            closed_at=NOW,
            outcome=ActionOutcome.CONTACTED,
            at=undo_at,
            actor="leo",
        )
    assert reopened == action_ids(any_store, "R1", "R3")
    assert reviews(any_store, WorklistFilter()) == ["R1", "R3"]
    rows = {r.review: r for r in listed(any_store, WorklistFilter(state=ActionState.ALL))}
    assert rows["R1"].opened_at == local(2026, 5, 12, 11)  # as before the closing
    assert (rows["R1"].outcome, rows["R1"].note, rows["R1"].closed_by) == (None, None, None)
    assert rows["R2"].outcome is ActionOutcome.RESOLVED
    assert (rows["R4"].outcome, rows["R4"].note) == (ActionOutcome.RESOLVED, "done")
    undone = [e for e in audit_entries(any_store, "action.reopened") if e.at == undo_at]
    assert sorted(e.entity_id for e in undone) == ["R1", "R3"]
    assert json.loads(undone[0].details) == {
        "old_outcome": "contacted",
        "old_note": "phoned",
        "old_closed_at": NOW.isoformat(),
        "old_closed_by": "leo",
        "undo": True,
    }
    # A second undo finds nothing left to reopen.
    with any_store.write() as session:
        again = reopen_actions(
            session, closed, closed_at=NOW, outcome=ActionOutcome.CONTACTED, at=undo_at, actor="l"
        )
    assert again == []
