"""The demo studio's testimonials, read back as the `testimonials` commands show them: every
state a studio meets, the emails the outbox sent, qualities clients added, and a published page
that shows only what each client agreed to show."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from feedback_desk.domain.kinds import AspectOrigin, AspectStatus, MessageKind, OutboxState
from feedback_desk.domain.testimonials import Approval, ConsentPart, Place, TestimonialStatus
from feedback_desk.services.demo import DemoSummary, studio_plan
from feedback_desk.services.demo import testimonial_texts as words
from feedback_desk.services.settings import load_settings
from feedback_desk.services.testimonials.listing import consent_history, list_testimonials
from feedback_desk.services.testimonials.questions import question
from feedback_desk.store.database import Store
from feedback_desk.store.models import Aspect, OutboxMessage
from tests.demo.conftest import Command, at_arg


def listed(demo_cli: Command, summary: DemoSummary) -> list[tuple[str, str, str]]:
    """(client, status, approval or refusal reason) per line of `testimonials`."""
    result = demo_cli("testimonials", "--at", at_arg(summary.at))
    assert result.code == 0, result.err
    rows = []
    for line in result.out.splitlines():
        client, _name, status, *rest = line.split("  ")
        rows.append((client, status, rest[-1] if len(rest) > 1 else ""))
    return rows


def test_the_demo_holds_testimonials_in_every_state(
    demo_cli: Command, default_demo: tuple[Path, DemoSummary]
) -> None:
    summary = default_demo[1]
    rows = listed(demo_cli, summary)
    seen = Counter((status, extra) for _client, status, extra in rows)
    assert 30 <= len(rows) <= 40
    assert seen["accepted", "approved"] >= 20
    assert seen["accepted", "hidden"] == 1
    assert seen["accepted", "pending"] == 2
    assert seen["refused", "reason: not_public"] == 1
    assert seen["refused", "reason: other"] == 1
    assert seen["withdrawn", ""] == 1
    assert seen["expired", ""] == 1
    assert seen["invited", ""] >= 2
    # The story names the testimonials waiting for approval, as the tab's "To review" does.
    pending = [client for client, status, extra in rows if extra == "pending"]
    assert summary.story.testimonials_to_review == pending
    assert f"testimonials to review: {', '.join(pending)}" in [
        line.strip() for line in summary.lines()
    ]


def test_answers_are_in_the_clients_language_with_the_studios_questions(
    demo_store: Store, default_demo: tuple[Path, DemoSummary]
) -> None:
    with demo_store.read() as session:
        settings = load_settings(session)
        rows = list_testimonials(session, settings, default_demo[1].at)
    answered = [
        r for r in rows if r.status in (TestimonialStatus.ACCEPTED, TestimonialStatus.WITHDRAWN)
    ]
    assert {r.language for r in answered} == {"fr", "en"}
    for row in answered:
        assert row.question_1 == question(settings, 1, row.language)
        assert row.text_1 in words.WHAT_BROUGHT_YOU[row.language]
        assert row.qualities(row.language)
    refused = [r for r in rows if r.status is TestimonialStatus.REFUSED]
    assert all(r.refusal_text for r in refused)
    places = {r.answered_where for r in answered}
    assert {Place.CLIENT_PAGE, Place.KIOSK} <= places
    # The withdrawn one was withdrawn by the client, by the link in their confirmation email.
    (withdrawn,) = [r for r in rows if r.status is TestimonialStatus.WITHDRAWN]
    with demo_store.read() as session:
        history = consent_history(session, withdrawn.id)
    assert [e.place for e in history if not e.given]
    assert all(e.place is Place.CLIENT_PAGE and e.actor == "client" for e in history if not e.given)
    assert withdrawn.approval is Approval.APPROVED


def test_every_testimonial_email_was_sent_and_the_managers_heard_of_each_decline(
    demo_store: Store,
) -> None:
    with demo_store.read() as session:
        messages = session.scalars(
            select(OutboxMessage).where(
                OutboxMessage.kind.in_([MessageKind.TESTIMONIAL, MessageKind.TESTIMONIAL_REFUSAL])
            )
        ).all()
        refusals = [m for m in messages if m.kind is MessageKind.TESTIMONIAL_REFUSAL]
        assert len(refusals) == 2
        assert all(studio_plan.MANAGER_EMAIL in m.recipients for m in refusals)
        assert all(m.state is OutboxState.SENT and m.sent_at for m in messages)
        # Invitations and confirmations carry the client pages' links.
        assert all(
            studio_plan.PAGES_BASE_URL + "/t/" in m.body_text
            for m in messages
            if m.kind is MessageKind.TESTIMONIAL
        )


def test_qualities_clients_added_were_approved_and_voted_for_by_later_clients(
    demo_cli: Command, demo_store: Store, default_demo: tuple[Path, DemoSummary], tmp_path: Path
) -> None:
    out = tmp_path / "page.json"
    assert (
        demo_cli("testimonials", "export", str(out), "--at", at_arg(default_demo[1].at)).code == 0
    )
    votes = {q["label"]: q["votes"] for q in json.loads(out.read_text("utf-8"))["qualities"]}
    with demo_store.read() as session:
        added = session.scalars(
            select(Aspect).where(
                Aspect.origin == AspectOrigin.CLIENT, Aspect.status == AspectStatus.APPROVED
            )
        ).all()
    labels = {(a.label_fr, a.label_en) for a in added}
    for language, own, other in words.OWN_QUALITIES:
        french = own if language == "fr" else other
        assert (french, own if language == "en" else other) in labels
        # The page is in the studio's language (French); the one who added it voted too.
        assert votes[french] >= 2


def test_the_published_page_shows_only_what_clients_consented_to(
    demo_cli: Command, demo_store: Store, default_demo: tuple[Path, DemoSummary], tmp_path: Path
) -> None:
    at = default_demo[1].at
    out = tmp_path / "page.json"
    assert demo_cli("testimonials", "export", str(out), "--at", at_arg(at)).code == 0
    page = json.loads(out.read_text("utf-8"))["testimonials"]
    with demo_store.read() as session:
        rows = list_testimonials(session, load_settings(session), at)
    published = [r for r in rows if r.status is TestimonialStatus.ACCEPTED and r.approved]
    assert len(page) == len(published) >= 20
    # Some typed a job title without letting it be shown; some did not let their name be shown.
    assert any(r.job_title and ConsentPart.JOB_TITLE not in r.consents for r in published)
    assert any(ConsentPart.NAME not in r.consents for r in published)
    assert Counter(p["job_title"] for p in page if p["job_title"]) == Counter(
        r.job_title for r in published if ConsentPart.JOB_TITLE in r.consents
    )
    assert Counter(p["name"] for p in page) == Counter(
        r.display_name if ConsentPart.NAME in r.consents else None for r in published
    )
    # The page itself (in the studio's French) says who they are without their name.
    html = tmp_path / "page.html"
    assert demo_cli("testimonials", "export", str(html), "--at", at_arg(at)).code == 0
    assert (
        html.read_text("utf-8").count("Membre de Studio Élan")
        == Counter(p["name"] for p in page)[None]
    )
    hidden_or_gone = [
        r for r in rows if r.status is TestimonialStatus.WITHDRAWN or r.approval is Approval.HIDDEN
    ]
    assert {r.display_name for r in hidden_or_gone}.isdisjoint(p["name"] for p in page)


@pytest.mark.parametrize(
    ("until", "seed"), [("2026-03-10", 1), ("2026-06-10", 1), ("2026-01-02", 2), ("2026-09-08", 3)]
)
def test_a_small_short_demo_stages_the_testimonials_it_can(
    cli, tmp_path: Path, until: str, seed: int
) -> None:  # type: ignore[no-untyped-def]
    """40 clients over 3 months leave some batches with no promoter to ask: those are skipped,
    and the answers of the recent ones still come before their invitations expire."""
    target = tmp_path / "small.sqlite"
    made = cli(
        "demo", str(target), "--clients", "40", "--months", "3", "--until", until,
        "--seed", str(seed), store=False,
    )  # fmt: skip
    assert made.code == 0, made.err
    listed = cli("testimonials", "--store", str(target), "--at", f"{until}T10:00", store=False)
    assert listed.code == 0, listed.err
