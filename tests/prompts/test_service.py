"""The prompting service on a real store: the history it reads, prompts and their outcomes."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from feedback_desk.clock import FixedClock
from feedback_desk.domain.kinds import (
    AspectStatus,
    Channel,
    Polarity,
    PromptOutcome,
    ReviewKind,
)
from feedback_desk.domain.prompts import DuePrompt, PromptRules, due_prompt, windows
from feedback_desk.domain.segments import response_rate
from feedback_desk.errors import UserInputError
from feedback_desk.services import aspects as catalogue
from feedback_desk.services.client_search import search_clients
from feedback_desk.services.prompting import (
    Answer,
    OwnAspect,
    due_for,
    load_history,
)
from feedback_desk.services.prompting import kiosk as kiosk_steps
from feedback_desk.services.prompting.direct import AnswerRequest, answer_due
from feedback_desk.services.settings import load_settings
from feedback_desk.store.database import Store
from feedback_desk.store.models import Aspect, Prompt, Review
from tests.prompts.conftest import build_audrey_week
from tests.support.studio_builder import StudioBuilder


def due_at(store: Store, client_id: int, when: str, studio: StudioBuilder) -> DuePrompt | None:
    with store.read() as session:
        return due_for(session, load_settings(session), client_id, studio.at(when))


def test_the_history_read_is_the_window_only_and_decides_like_the_whole_history(
    store: Store, studio: StudioBuilder
) -> None:
    week = build_audrey_week(studio, thursday_like_friday=False)
    julie = studio.coach("E9", "Julie", "Old")
    # Months of older history the rules must not need.
    for day in range(1, 29):
        old = studio.session(f"OLD{day}", "Spin", julie, f"2026-02-{day:02d}T07:00")
        studio.attend(old, week.client)
        studio.review(week.client, f"2026-02-{day:02d}T09:00", session_id=old)
    at = studio.at("2026-05-16T10:00")
    with store.read() as session:
        settings = load_settings(session)
        history = load_history(session, week.client, windows(at, settings.timezone, PromptRules()))
    assert {b.session_id for b in history.bookings} == {
        week.monday,
        week.wednesday,
        week.thursday,
        week.friday,
    }
    assert all(r.created_at >= studio.at("2026-04-01") for r in history.reviews)
    assert due_prompt(history, at, settings.timezone) == DuePrompt(ReviewKind.CLASS, week.friday)


def test_an_absent_client_is_not_asked_about_the_session(
    store: Store, studio: StudioBuilder
) -> None:
    julie = studio.coach("E1", "Julie", "Tremblay")
    client = studio.client("C2", "Paul", "Absent")
    studio.review(client, "2026-04-20T12:00")
    missed = studio.session("S1", "Spin", julie, "2026-05-15T18:00")
    studio.attend(missed, client, present=False)
    assert due_at(store, client, "2026-05-16T10:00", studio) is None
    attended = studio.session("S2", "Yoga", julie, "2026-05-14T18:00")
    studio.attend(attended, client)
    assert due_at(store, client, "2026-05-16T10:00", studio) == DuePrompt(
        ReviewKind.CLASS, attended
    )


def test_business_prompt_needs_an_ended_attended_session_even_long_ago(
    store: Store, studio: StudioBuilder
) -> None:
    julie = studio.coach("E1", "Julie", "Tremblay")
    client = studio.client("C3", "Léa", "Ancienne")
    assert due_at(store, client, "2026-05-16T10:00", studio) is None
    studio.attend(studio.session("S1", "Spin", julie, "2025-11-02T18:00"), client)
    assert due_at(store, client, "2026-05-16T10:00", studio) == DuePrompt(ReviewKind.BUSINESS)
    studio.review(client, "2026-03-01T12:00")
    assert due_at(store, client, "2026-05-16T10:00", studio) is None
    assert due_at(store, client, "2026-06-01T12:01", studio) == DuePrompt(ReviewKind.BUSINESS)


def test_an_old_ignored_business_prompt_still_waits_its_months(
    store: Store, studio: StudioBuilder
) -> None:
    julie = studio.coach("E1", "Julie", "Tremblay")
    client = studio.client("C3", "Léa", "Ancienne")
    studio.attend(studio.session("S1", "Spin", julie, "2026-03-01T18:00"), client)
    visit = kiosk_steps.start_visit(store, FixedClock(studio.at("2026-03-02T09:00")), client)
    assert visit.kind is ReviewKind.BUSINESS
    assert visit.prompt_id is not None
    kiosk_steps.ignore(store, FixedClock(studio.at("2026-03-02T09:00:30")), visit.prompt_id)
    assert due_at(store, client, "2026-06-02T09:00", studio) is None
    assert due_at(store, client, "2026-06-02T09:01", studio) == DuePrompt(ReviewKind.BUSINESS)


def test_settings_switch_prompting_off(store: Store, studio: StudioBuilder) -> None:
    week = build_audrey_week(studio, thursday_like_friday=False)
    studio.setting("reviews.class_enabled", "no")
    assert due_at(store, week.client, "2026-05-16T10:00", studio) is None
    studio.setting("reviews.class_enabled", "yes")
    studio.setting("reviews.enabled", "non")
    assert due_at(store, week.client, "2026-05-16T10:00", studio) is None
    studio.setting("reviews.enabled", "oui")
    assert due_at(store, week.client, "2026-05-21T10:00", studio) == DuePrompt(
        ReviewKind.CLASS, week.friday
    )
    studio.setting("reviews.business_every_months", "1")
    assert due_at(store, week.client, "2026-05-21T10:00", studio) == DuePrompt(ReviewKind.BUSINESS)
    studio.setting("reviews.business_enabled", "no")
    assert due_at(store, week.client, "2026-05-21T10:00", studio) == DuePrompt(
        ReviewKind.CLASS, week.friday
    )


# --- Response tracking: every prompt shown is stored with its outcome ------------------------


def prompts_of(store: Store, client_id: int) -> list[Prompt]:
    with store.read() as session:
        return list(
            session.scalars(select(Prompt).where(Prompt.client_id == client_id).order_by(Prompt.id))
        )


def test_a_prompt_shown_is_stored_at_once_as_abandoned_and_is_asked_again(
    store: Store, studio: StudioBuilder
) -> None:
    week = build_audrey_week(studio, thursday_like_friday=False)
    first = kiosk_steps.start_visit(store, FixedClock(studio.at("2026-05-16T10:00")), week.client)
    (stored,) = prompts_of(store, week.client)
    assert stored.id == first.prompt_id
    assert stored.outcome is PromptOutcome.ABANDONED
    assert stored.outcome_at is None
    assert stored.channel is Channel.KIOSK
    assert str(stored.local_day) == "2026-05-16"
    # Walked away: the next visit asks again about the same session, as a new prompt.
    again = kiosk_steps.start_visit(store, FixedClock(studio.at("2026-05-16T17:00")), week.client)
    assert again.session is not None
    assert again.session.id == week.friday
    assert [p.outcome for p in prompts_of(store, week.client)] == [
        PromptOutcome.ABANDONED,
        PromptOutcome.ABANDONED,
    ]


def test_answering_at_the_kiosk_records_review_aspects_and_outcome(
    store: Store, studio: StudioBuilder
) -> None:
    week = build_audrey_week(studio, thursday_like_friday=False)
    visit = kiosk_steps.start_visit(store, FixedClock(studio.at("2026-05-16T10:00")), week.client)
    assert visit.prompt_id is not None
    assert visit.language == "fr"
    options = kiosk_steps.aspect_options(store, ReviewKind.CLASS, 4)
    assert {o.polarity for o in options} == {Polarity.EXCEL, Polarity.TO_IMPROVE}
    music = next(o for o in options if o.label_en == "Music")
    review_id = kiosk_steps.submit(
        store,
        FixedClock(studio.at("2026-05-16T10:01")),
        visit.prompt_id,
        Answer(
            stars=4,
            aspect_ids=[music.id],
            own_aspects=[OwnAspect(Polarity.TO_IMPROVE, "  Vélos  qui grincent ")],
            comment="Bon cours",
        ),
    )
    with store.read() as session:
        review = session.scalars(select(Review).where(Review.external_id == review_id)).one()
        aspects = sorted((a.label_fr, a.status) for a in review.aspects)
        prompt = session.get_one(Prompt, visit.prompt_id)
    assert review.channel is Channel.KIOSK
    assert review.prompt_id == prompt.id
    assert review.session_id == week.friday
    assert aspects == [
        ("Musique", AspectStatus.APPROVED),
        ("Vélos qui grincent", AspectStatus.PENDING),
    ]
    assert prompt.outcome is PromptOutcome.ANSWERED
    assert prompt.outcome_at == studio.at("2026-05-16T10:01")
    with pytest.raises(UserInputError, match="already answered"):
        kiosk_steps.ignore(store, FixedClock(studio.at("2026-05-16T10:02")), prompt.id)


def test_a_client_added_aspect_waits_for_approval_unless_auto_approve(
    store: Store, studio: StudioBuilder
) -> None:
    week = build_audrey_week(studio, thursday_like_friday=False)
    studio.setting("aspects.auto_approve", "yes")
    visit = kiosk_steps.start_visit(store, FixedClock(studio.at("2026-05-16T10:00")), week.client)
    assert visit.prompt_id is not None
    kiosk_steps.submit(
        store,
        FixedClock(studio.at("2026-05-16T10:01")),
        visit.prompt_id,
        Answer(stars=5, own_aspects=[OwnAspect(Polarity.EXCEL, "Playlist géniale")]),
    )
    labels = [o.label_fr for o in kiosk_steps.aspect_options(store, ReviewKind.CLASS, 5)]
    assert "Playlist géniale" in labels


def test_own_words_matching_an_existing_aspect_vote_for_it(
    store: Store, studio: StudioBuilder
) -> None:
    week = build_audrey_week(studio, thursday_like_friday=False)
    visit = kiosk_steps.start_visit(store, FixedClock(studio.at("2026-05-16T10:00")), week.client)
    assert visit.prompt_id is not None
    kiosk_steps.submit(
        store,
        FixedClock(studio.at("2026-05-16T10:01")),
        visit.prompt_id,
        Answer(stars=5, own_aspects=[OwnAspect(Polarity.EXCEL, "MUSIQUE")]),
    )
    with store.read() as session:
        review = session.scalars(select(Review).where(Review.prompt_id == visit.prompt_id)).one()
        assert [a.code for a in review.aspects] == ["class.excel.music"]
        assert session.scalar(select(Aspect).where(Aspect.origin == "client")) is None


def test_an_invalid_answer_writes_nothing(store: Store, studio: StudioBuilder) -> None:
    week = build_audrey_week(studio, thursday_like_friday=False)
    visit = kiosk_steps.start_visit(store, FixedClock(studio.at("2026-05-16T10:00")), week.client)
    assert visit.prompt_id is not None
    excel = kiosk_steps.aspect_options(store, ReviewKind.CLASS, 5)[0]
    with pytest.raises(UserInputError) as refused:
        kiosk_steps.submit(
            store,
            FixedClock(studio.at("2026-05-16T10:01")),
            visit.prompt_id,
            Answer(
                stars=2,
                aspect_ids=[excel.id],
                own_aspects=[OwnAspect(Polarity.EXCEL, "Super")],
                comment="x" * 2001,
            ),
        )
    assert len(refused.value.problems) == 3
    assert [p.outcome for p in prompts_of(store, week.client)] == [PromptOutcome.ABANDONED]
    assert len(studio.reviews_of(week.client)) == 1


def test_nothing_due_shows_no_prompt(store: Store, studio: StudioBuilder) -> None:
    week = build_audrey_week(studio, thursday_like_friday=False)
    visit = kiosk_steps.start_visit(store, FixedClock(studio.at("2026-05-11T10:00")), week.client)
    assert visit.prompt_id is None
    assert visit.kind is None
    assert prompts_of(store, week.client) == []


def test_business_question_uses_the_studio_name_in_both_languages(
    store: Store, studio: StudioBuilder
) -> None:
    julie = studio.coach("E1", "Julie", "Tremblay")
    client = studio.client("C5", "Zoé", "Nouvelle", language="en")
    studio.attend(studio.session("S1", "Spin", julie, "2026-05-15T18:00"), client)
    studio.setting("studio.name", "Studio Lotus")
    visit = kiosk_steps.start_visit(store, FixedClock(studio.at("2026-05-16T10:00")), client)
    assert visit.kind is ReviewKind.BUSINESS
    assert visit.language == "en"
    assert visit.question_en == "How would you rate your experience with Studio Lotus?"
    assert visit.question_fr == "Comment évaluez-vous votre expérience avec Studio Lotus ?"


# --- Client search ------------------------------------------------------------------------------


def test_search_ignores_case_and_accents_and_finds_member_ids(
    store: Store, studio: StudioBuilder
) -> None:
    studio.client("M-1042", "Élodie", "Gagné")
    studio.client("M-2000", "Eloise", "Martin")
    studio.client("M-3000", "Marc", "Gagnon")
    with store.read() as session:
        assert [m.short_name for m in search_clients(session, "elodie GAGNE")] == ["Élodie G."]
        assert [m.external_id for m in search_clients(session, "gagn")] == ["M-1042", "M-3000"]
        assert [m.external_id for m in search_clients(session, "m-1042")] == ["M-1042"]
        assert search_clients(session, "e") == []  # too short to search
        assert search_clients(session, "100%") == []  # LIKE wildcards are literal


def test_aspect_catalogue_offers_by_stars(store: Store, studio: StudioBuilder) -> None:
    with store.read() as session:
        five = catalogue.offered(session, ReviewKind.CLASS, 5)
        two = catalogue.offered(session, ReviewKind.CLASS, 2)
    assert {a.polarity for a in five} == {Polarity.EXCEL}
    assert {a.polarity for a in two} == {Polarity.TO_IMPROVE}


def test_every_path_leaves_each_prompt_shown_with_its_outcome(
    store: Store, studio: StudioBuilder
) -> None:
    """Kiosk answer, kiosk ignore, kiosk walk-away and `answer`: 4 shown, 2 answered."""
    julie = studio.coach("E1", "Julie", "Tremblay")
    friday = studio.session("S1", "Spin", julie, "2026-05-15T18:00")
    people = [studio.client(f"C{n}", f"Client{n}", "Roy") for n in range(4)]
    for person in people:
        studio.attend(friday, person)
        studio.review(person, "2026-04-20T12:00")
    clock = FixedClock(studio.at("2026-05-16T10:00"))
    answered = kiosk_steps.start_visit(store, clock, people[0])
    ignored = kiosk_steps.start_visit(store, clock, people[1])
    kiosk_steps.start_visit(store, clock, people[2])  # walked away
    assert answered.prompt_id is not None
    assert ignored.prompt_id is not None
    kiosk_steps.submit(store, clock, answered.prompt_id, Answer(stars=5))
    kiosk_steps.ignore(store, clock, ignored.prompt_id)
    with store.write() as session:
        answer_due(session, load_settings(session), "C3", clock.now(), AnswerRequest(stars=2))
    with store.read() as session:
        by_outcome = dict(
            session.execute(
                select(Prompt.outcome, func.count())
                .where(Prompt.local_day == studio.at("2026-05-16T10:00").date())
                .group_by(Prompt.outcome)
            ).all()
        )
    assert by_outcome == {
        PromptOutcome.ANSWERED: 2,
        PromptOutcome.IGNORED: 1,
        PromptOutcome.ABANDONED: 1,
    }
    assert response_rate(by_outcome[PromptOutcome.ANSWERED], sum(by_outcome.values())) == 0.5
