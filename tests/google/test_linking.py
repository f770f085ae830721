"""Linking reviews to clients by hand, the "reviewed on Google" state, and the suggestions."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from feedback_desk.services.google.linking import SuggestionFinder, search_clients
from feedback_desk.services.settings import load_settings
from feedback_desk.store.database import Store
from feedback_desk.store.models import AuditEntry, Client, GoogleLink
from feedback_desk.store.queries.google_reviewed import considered_reviewed_clause
from tests.google.builders import (
    add_attendance,
    add_client,
    add_google_review,
    add_sent_invitation,
)

WRITTEN = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


def _invitable(store: Store) -> set[str]:
    """The query invitations use: clients not considered to have reviewed on Google."""
    with store.read() as session:
        return set(session.scalars(select(Client.external_id).where(~considered_reviewed_clause())))


def test_link_and_unlink_start_and_stop_invitations(store: Store, cli) -> None:  # type: ignore[no-untyped-def]
    with store.write() as session:
        add_client(session, "C17", "Ihor", "Kovalenko", "ihor@example.com")
        add_client(session, "C18", "Anna", "Lee", "anna@example.com")
        add_google_review(session, "AbFv", created_at=WRITTEN)
    assert _invitable(store) == {"C17", "C18"}

    result = cli("google", "link", "AbFv", "C17")
    assert result.code == 0, result.err
    assert _invitable(store) == {"C18"}
    with store.read() as session:
        link = session.scalars(select(GoogleLink)).one()
        assert link.linked_by == "tester"
        audit = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "google.linked")
        ).one()
        assert json.loads(audit.details)["client"] == "C17"
    shown = json.loads(cli("google", "reviews", "--json").out)
    assert shown[0]["client"] == "C17"

    assert cli("google", "unlink", "AbFv").code == 0
    assert _invitable(store) == {"C17", "C18"}
    assert json.loads(cli("google", "reviews", "--json").out)[0]["client"] is None
    again = cli("google", "unlink", "AbFv")
    assert (again.code, again.err.strip()) == (2, "Google review 'AbFv' is not linked to a client")


def test_mark_reviewed_and_its_undo(store: Store, cli) -> None:  # type: ignore[no-untyped-def]
    with store.write() as session:
        add_client(session, "C17", "Ihor", "Kovalenko")
        add_google_review(session, "AbFv", created_at=WRITTEN)
    assert cli("google", "mark-reviewed", "C17").code == 0
    assert _invitable(store) == set()
    cli("google", "link", "AbFv", "C17")
    undo = cli("google", "mark-reviewed", "C17", "--undo")
    assert undo.code == 0
    assert "a linked Google review still counts" in undo.out
    assert _invitable(store) == set()
    cli("google", "unlink", "AbFv")
    assert _invitable(store) == {"C17"}


def test_unknown_ids_are_bad_input(store: Store, cli) -> None:  # type: ignore[no-untyped-def]
    with store.write() as session:
        add_client(session, "C17", "Ihor", "Kovalenko")
    result = cli("google", "link", "nope", "C17")
    assert (result.code, result.err.strip()) == (
        2,
        "unknown Google review 'nope' (see `google reviews --json`)",
    )
    assert cli("google", "mark-reviewed", "C99").code == 2


def test_relinking_moves_the_link(store: Store, cli) -> None:  # type: ignore[no-untyped-def]
    with store.write() as session:
        add_client(session, "C17", "Ihor", "Kovalenko")
        add_client(session, "C18", "Ihor", "Karpenko")
        add_google_review(session, "AbFv", created_at=WRITTEN)
    cli("google", "link", "AbFv", "C17")
    cli("google", "link", "AbFv", "C18")
    assert _invitable(store) == {"C17"}


def test_suggestions_come_from_the_store_with_their_evidence(store: Store) -> None:
    with store.write() as session:
        karpenko = add_client(session, "C1", "Ihor", "Karpenko", "ik@example.com")
        kovalenko = add_client(session, "C2", "Ihor", "Kovalenko")
        old = add_client(session, "C3", "Ivan", "Koval")
        add_client(session, "C4", "Anna", "Lee")
        add_sent_invitation(session, karpenko, WRITTEN - timedelta(days=12))
        # Outside the windows: 61 days and 31 days before; they are no evidence.
        add_sent_invitation(session, old, WRITTEN - timedelta(days=61))
        add_attendance(session, kovalenko, WRITTEN - timedelta(days=31))
        add_attendance(session, karpenko, WRITTEN - timedelta(days=3))
        add_attendance(session, karpenko, WRITTEN - timedelta(days=10))
        review = add_google_review(session, "AbFv", reviewer="ihor k.", created_at=WRITTEN)
        tz = load_settings(session).timezone
        suggestions = SuggestionFinder(session, tz).for_review(review)
    assert [s.client_external_id for s in suggestions] == ["C1", "C2"]
    best = suggestions[0]
    assert best.client_name == "Ihor Karpenko"
    assert best.suggestion.invited_at == WRITTEN - timedelta(days=12)
    assert best.suggestion.attended_sessions == 2
    assert best.suggestion.last_attended_at == WRITTEN - timedelta(days=3)
    assert suggestions[1].suggestion.attended_sessions == 0
    assert suggestions[1].suggestion.invited_at is None


def test_client_search_ignores_accents_and_case(store: Store) -> None:
    with store.write() as session:
        add_client(session, "C1", "Élodie", "Gagné")
        add_client(session, "C2", "Elodie", "Martin")
        add_client(session, "C3", "Marc", "Gagnon")
        found = [c.external_id for c in search_clients(session, "GAGNE elo")]
        assert found == ["C1"]
        assert [c.external_id for c in search_clients(session, "élodie")] == ["C1", "C2"]
        assert [c.external_id for c in search_clients(session, "c3")] == ["C3"]
