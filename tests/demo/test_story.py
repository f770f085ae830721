"""On its last day the demo studio holds every story the product is there to show, and what
`feedback-desk demo` prints about it is what the product's own commands and services say."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from feedback_desk.domain.localtime import local_to_utc
from feedback_desk.services.demo import DemoSummary
from feedback_desk.services.loop import nonrespondents
from feedback_desk.services.settings import load_settings
from feedback_desk.store.database import Store
from feedback_desk.store.models import Action, ActionContact, Client, GoogleLink, Review
from tests.demo.conftest import TZ, UNTIL, Command, at_arg


def at(hour: int, minute: int = 0, days: int = 0) -> datetime:
    return local_to_utc(datetime.combine(UNTIL + timedelta(days=days), time(hour, minute)), TZ)


def _line(summary: DemoSummary, start: str) -> str:
    found = [line.strip() for line in summary.lines() if line.strip().startswith(start)]
    assert len(found) == 1, summary.lines()
    return found[0]


def test_the_story_is_told_at_ten_on_the_last_day(default_demo: tuple[Path, DemoSummary]) -> None:
    summary = default_demo[1]
    assert summary.at == at(10)
    assert "On Thu 2026-04-16 at 10:00 (the commands' --at 2026-04-16T10:00):" in [
        line.strip() for line in summary.lines()
    ]


def test_the_invitations_printed_are_those_the_invitations_command_lists(
    default_demo: tuple[Path, DemoSummary], demo_cli: Command
) -> None:
    summary = default_demo[1]
    listed = demo_cli("invitations", "--at", at_arg(summary.at), "--json").json()
    assert [i["client"] for i in listed] == summary.invitations_due
    assert {i["send_at"] for i in listed} == {"2026-04-16T10:00:00-04:00"}
    assert {i["reason"] for i in listed} == {"five_star_pair"}
    assert _line(summary, "Google invitations due:") == (
        "Google invitations due: " + ", ".join(summary.invitations_due)
    )
    # The staged ones (fours all along, then two fives) and a few that came naturally.
    assert len(summary.invitations_due) >= 2


def test_invitations_fall_due_at_ten_and_not_before(
    default_demo: tuple[Path, DemoSummary], demo_cli: Command, demo_store: Store
) -> None:
    summary = default_demo[1]
    assert demo_cli("invitations", "--at", at_arg(at(9, 59)), "--json").json() == []
    a_week_later = demo_cli("invitations", "--at", at_arg(at(10, days=7)), "--json").json()
    assert [i["client"] for i in a_week_later] == summary.invitations_due
    with demo_store.read() as session:
        clients = session.scalars(
            select(Client).where(Client.external_id.in_(summary.invitations_due))
        ).all()
        linked = set(session.scalars(select(GoogleLink.client_id)))
        last_two = {
            c.external_id: session.execute(
                select(Review.stars, Review.local_day)
                .where(Review.client_id == c.id)
                .order_by(Review.created_at.desc())
                .limit(2)
            ).all()
            for c in clients
        }
    for client in clients:
        assert client.email
        assert client.email_consent
        assert client.unsubscribed_at is None
        assert client.google_reviewed_marked_at is None
        assert client.id not in linked
        (stars, day), (previous, _day) = last_two[client.external_id]
        assert (stars, previous, day) == (5, 5, UNTIL - timedelta(days=1))


def test_the_prompts_printed_are_due_all_day_by_the_prompt_command(
    default_demo: tuple[Path, DemoSummary], demo_cli: Command
) -> None:
    story = default_demo[1].story
    assert len(story.prompts_due) >= 2
    names = {"class": "class_review", "business": "business_review"}
    for due in story.prompts_due:
        for moment in (at(0, 0), at(10), at(23, 59)):
            shown = demo_cli("prompt", due.client, "--at", at_arg(moment), "--json").json()
            assert shown["prompt"] is not None, (due, moment)
        at_ten = demo_cli("prompt", due.client, "--at", at_arg(story.at), "--json").json()
        assert (at_ten["prompt"], at_ten["session"]) == (names[due.kind], due.session)
        assert due.describe() in _line(default_demo[1], "a prompt due, for example:")


def test_the_non_respondents_printed_are_those_of_the_loop_screen(
    default_demo: tuple[Path, DemoSummary], demo_store: Store
) -> None:
    summary = default_demo[1]
    with demo_store.read() as session:
        settings = load_settings(session)
        found = nonrespondents(session, settings, summary.at)
        later = nonrespondents(session, settings, at(23, 59))
    assert summary.non_respondents == sorted(n.client for n in found)
    assert len(found) >= 4
    assert {n.client for n in later} == set(summary.non_respondents)
    # Most can be written to: the outreach email has somebody to go to.
    assert sum(1 for n in found if n.refusal is None) >= 3
    assert _line(summary, "non-respondents").startswith(f"non-respondents ({len(found)}): ")


def test_the_dropping_coach_and_clients_printed_are_those_trends_lists(
    default_demo: tuple[Path, DemoSummary], demo_cli: Command
) -> None:
    summary = default_demo[1]
    story = summary.story
    trends = demo_cli("trends", "--at", at_arg(summary.at), "--json").json()
    assert [c["client"] for c in trends["clients"]] == story.dropping_clients
    assert [c["coach"] for c in trends["coaches"]] == ["E2"]
    assert story.dropping_coaches == ["E2 (Marc-André Bérubé)"]
    coach = trends["coaches"][0]
    recent = [r["stars"] for r in coach["recent"]]
    assert coach["usual"] - sum(recent) / len(recent) >= 1.0
    # The staged regulars who soured, and some of the slipping coach's regulars.
    assert len(story.dropping_clients) >= 4
    assert _line(summary, "satisfaction dropping:").startswith(
        f"satisfaction dropping: coach E2 (Marc-André Bérubé); "
        f"clients ({len(story.dropping_clients)}) {story.dropping_clients[0]}, "
    )


@pytest.mark.parametrize("moment", [at(0, 0), at(23, 59)])
def test_the_coach_drops_all_day(demo_cli: Command, moment: datetime) -> None:
    trends = demo_cli("trends", "--at", at_arg(moment), "--json").json()
    assert [c["coach"] for c in trends["coaches"]] == ["E2"]
    assert len(trends["clients"]) >= 4


def test_the_drop_is_recent_not_a_year_long_habit(demo_cli: Command) -> None:
    # A month and a half earlier, no coach was dropping: the story is about the last weeks.
    earlier = demo_cli("trends", "--at", at_arg(at(12, days=-45)), "--json").json()
    assert earlier["coaches"] == []


def test_the_reports_tell_the_same_story(demo_cli: Command) -> None:
    four_weeks = demo_cli(
        "stats", "--from", str(UNTIL - timedelta(days=27)), "--to", str(UNTIL), "--json"
    ).json()
    by_coach = {c["coach"]: c for c in four_weeks["by_coach"]}
    assert len(by_coach) == 10
    lowest = min(by_coach.values(), key=lambda c: c["average"])
    assert lowest["coach"] == "E2"
    assert four_weeks["average"] - lowest["average"] >= 0.7
    year = demo_cli(
        "stats", "--from", str(UNTIL - timedelta(days=364)), "--to", str(UNTIL), "--json"
    ).json()
    assert 0.4 <= year["response_rate"] <= 0.8
    assert 4.0 <= year["average"] <= 4.7
    assert year["nps"] > 20
    assert len(year["by_month"]) == 13
    assert all(m["reviews"] > 0 for m in year["by_month"])
    assert sum(m["reviews"] for m in year["by_month"]) == year["reviews"]


def test_open_actions_to_take_and_closed_ones_with_their_story(
    demo_store: Store, default_demo: tuple[Path, DemoSummary], demo_cli: Command
) -> None:
    story = default_demo[1].story
    with demo_store.read() as session:
        open_actions = session.scalars(select(Action).where(Action.closed_at.is_(None))).all()
        closed = session.scalars(select(Action).where(Action.closed_at.is_not(None))).all()
        contacts = session.execute(
            select(ActionContact.contacted_at, Action.opened_at, Action.closed_at).join(Action)
        ).all()
        at_risk = session.scalar(select(func.count()).select_from(Review).where(Review.stars <= 3))
        assert any(a.contacts for a in closed)
        assert any(a.contacts for a in open_actions)
    assert story.open_actions == len(open_actions) >= 10
    assert len(demo_cli("actions", "--json").json()) == story.open_actions
    assert f"{story.open_actions} open actions" in default_demo[1].lines()[1]
    assert at_risk
    assert len(closed) > len(open_actions)
    assert all(a.outcome is not None and a.note and a.closed_by for a in closed)
    for contacted, opened, closed_at in contacts:
        assert opened <= contacted <= (closed_at or at(9))
