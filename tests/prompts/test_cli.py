"""`prompt` and `answer` on the command line: the contract's JSON, exit codes and messages."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from feedback_desk.domain.kinds import Channel, Polarity, PromptOutcome, ReviewKind
from feedback_desk.services import aspects as catalogue
from feedback_desk.store.database import Store
from feedback_desk.store.models import Prompt, Review
from tests.conftest import PYTHON, CliResult, subprocess_env
from tests.prompts.conftest import build_audrey_week
from tests.support.studio_builder import StudioBuilder
from tests.test_cli_basics import HEADLESS_PROBE

Cli = Callable[..., CliResult]


def prompt_json(cli: Cli, client: str, at: str) -> dict[str, object]:
    result = cli("prompt", client, "--at", at, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def counts(store: Store) -> tuple[int, int]:
    with store.read() as session:
        return (
            session.scalar(select(func.count()).select_from(Prompt)) or 0,
            session.scalar(select(func.count()).select_from(Review)) or 0,
        )


def test_prompt_json_has_exactly_the_contract_keys(cli: Cli, studio: StudioBuilder) -> None:
    build_audrey_week(studio, thursday_like_friday=False)
    assert prompt_json(cli, "C1", "2026-05-16T10:00") == {
        "client": "C1",
        "at": "2026-05-16T10:00:00-04:00",
        "prompt": "class_review",
        "session": "S4",
    }


def test_prompt_with_an_offset_is_written_back_in_the_studio_zone(
    cli: Cli, studio: StudioBuilder
) -> None:
    build_audrey_week(studio, thursday_like_friday=False)
    assert prompt_json(cli, "C1", "2026-05-16T14:00:00Z")["at"] == "2026-05-16T10:00:00-04:00"


def test_prompt_when_nothing_is_due_is_null_without_a_session(
    cli: Cli, studio: StudioBuilder
) -> None:
    build_audrey_week(studio, thursday_like_friday=False)
    data = prompt_json(cli, "C1", "2026-05-11T10:00")
    assert data["prompt"] is None
    assert data["session"] is None


def test_prompt_business_review_has_no_session(cli: Cli, studio: StudioBuilder) -> None:
    julie = studio.coach("E1", "Julie", "Tremblay")
    client = studio.client("C9", "Nouveau", "Membre")
    studio.attend(studio.session("S1", "Spin", julie, "2026-05-15T18:00"), client)
    assert prompt_json(cli, "C9", "2026-05-16T10:00") == {
        "client": "C9",
        "at": "2026-05-16T10:00:00-04:00",
        "prompt": "business_review",
        "session": None,
    }


def test_prompt_records_nothing(cli: Cli, studio: StudioBuilder, store: Store) -> None:
    build_audrey_week(studio, thursday_like_friday=False)
    for _ in range(3):
        assert prompt_json(cli, "C1", "2026-05-16T10:00")["session"] == "S4"
    assert counts(store) == (0, 1)


def test_prompt_human_line_names_the_session(cli: Cli, studio: StudioBuilder) -> None:
    build_audrey_week(studio, thursday_like_friday=False)
    result = cli("prompt", "C1", "--at", "2026-05-16T10:00")
    assert result.code == 0
    assert "class review of session S4 (Spin with Julie Tremblay" in result.out


def test_unknown_client_is_exit_2_with_its_id(cli: Cli, studio: StudioBuilder) -> None:
    build_audrey_week(studio, thursday_like_friday=False)
    for args in (["prompt", "C404", "--json"], ["answer", "C404", "--stars", "5"]):
        result = cli(*args, "--at", "2026-05-16T10:00")
        assert result.code == 2
        assert "unknown client 'C404'" in result.err


def test_answer_records_the_prompt_shown_and_answered_and_the_review(
    cli: Cli, studio: StudioBuilder, store: Store
) -> None:
    week = build_audrey_week(studio, thursday_like_friday=False)
    result = cli(
        "answer",
        "C1",
        "--at",
        "2026-05-16T10:00",
        "--stars",
        "4",
        "--aspects",
        "musique|ROOM temperature",
        "--comment",
        "Super cours",
    )
    assert result.code == 0, result.err
    assert "recorded review FD-" in result.out
    with store.read() as session:
        prompt = session.scalars(select(Prompt)).one()
        review = session.scalars(select(Review).where(Review.prompt_id == prompt.id)).one()
        labels = sorted(a.label_en for a in review.aspects)
    assert prompt.outcome is PromptOutcome.ANSWERED
    assert prompt.shown_at == prompt.outcome_at == studio.at("2026-05-16T10:00")
    assert prompt.channel is Channel.CLI
    assert str(prompt.local_day) == "2026-05-16"
    assert prompt.session_id == week.friday
    assert review.session_id == week.friday
    assert review.channel is Channel.CLI
    assert review.created_at == studio.at("2026-05-16T10:00")
    assert review.stars == 4
    assert review.comment == "Super cours"
    assert labels == ["Music", "Room temperature"]


def test_answer_then_ask_again_follows_audrey(cli: Cli, studio: StudioBuilder) -> None:
    build_audrey_week(studio, thursday_like_friday=True)
    assert cli("answer", "C1", "--at", "2026-05-16T10:00", "--stars", "5").code == 0
    assert prompt_json(cli, "C1", "2026-05-16T18:00")["prompt"] is None
    assert prompt_json(cli, "C1", "2026-05-17T10:00")["session"] == "S2"
    assert cli("answer", "C1", "--at", "2026-05-17T10:00", "--stars", "5").code == 0
    assert prompt_json(cli, "C1", "2026-05-18T10:00")["session"] == "S1"


def test_answer_ignore_retires_the_session(cli: Cli, studio: StudioBuilder, store: Store) -> None:
    build_audrey_week(studio, thursday_like_friday=False)
    result = cli("answer", "C1", "--at", "2026-05-16T10:00", "--ignore")
    assert result.code == 0, result.err
    assert "ignored the class review of session S4" in result.out
    with store.read() as session:
        prompt = session.scalars(select(Prompt)).one()
    assert prompt.outcome is PromptOutcome.IGNORED
    assert counts(store) == (1, 1)
    assert prompt_json(cli, "C1", "2026-05-16T11:00")["prompt"] is None
    assert prompt_json(cli, "C1", "2026-05-17T10:00")["session"] == "S3"


def test_answer_when_nothing_is_due_is_exit_2_and_writes_nothing(
    cli: Cli, studio: StudioBuilder, store: Store
) -> None:
    build_audrey_week(studio, thursday_like_friday=False)
    result = cli("answer", "C1", "--at", "2026-05-11T10:00", "--stars", "5")
    assert result.code == 2
    assert result.err.strip() == "nothing is due for client C1 at 2026-05-11T10:00:00-04:00"
    assert counts(store) == (0, 1)


def test_answer_refuses_stars_outside_1_to_5(cli: Cli, studio: StudioBuilder, store: Store) -> None:
    build_audrey_week(studio, thursday_like_friday=False)
    for stars in ("0", "6", "-1"):
        result = cli("answer", "C1", "--at", "2026-05-16T10:00", "--stars", stars)
        assert result.code == 2
        assert f"--stars must be between 1 and 5, not {int(stars)}" in result.err
    assert counts(store) == (0, 1)


def test_answer_refuses_unknown_and_misfit_aspects_one_line_each(
    cli: Cli, studio: StudioBuilder, store: Store
) -> None:
    build_audrey_week(studio, thursday_like_friday=False)
    result = cli(
        "answer",
        "C1",
        "--at",
        "2026-05-16T10:00",
        "--stars",
        "5",
        "--aspects",
        "Music|Licorne|Température de la SALLE",
    )
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert lines == [
        "no class review aspect is called 'Licorne'",
        "the aspect 'Température de la SALLE' is a 'to improve' aspect: "
        "it does not fit a 5-star rating",
    ]
    assert counts(store) == (0, 1)


def test_answer_refuses_a_business_aspect_on_a_class_review(
    cli: Cli, studio: StudioBuilder
) -> None:
    build_audrey_week(studio, thursday_like_friday=False)
    result = cli(
        "answer", "C1", "--at", "2026-05-16T10:00", "--stars", "5", "--aspects", "Propreté"
    )
    assert result.code == 2
    assert "no class review aspect is called 'Propreté'" in result.err


def test_answer_refuses_a_comment_over_2000_characters(
    cli: Cli, studio: StudioBuilder, store: Store
) -> None:
    build_audrey_week(studio, thursday_like_friday=False)
    result = cli(
        "answer", "C1", "--at", "2026-05-16T10:00", "--stars", "5", "--comment", "x" * 2001
    )
    assert result.code == 2
    assert "--comment has 2001 characters; at most 2000 are allowed" in result.err
    assert counts(store) == (0, 1)
    ok = cli("answer", "C1", "--at", "2026-05-16T10:00", "--stars", "5", "--comment", "x" * 2000)
    assert ok.code == 0, ok.err


def test_answer_ignore_takes_no_aspects_or_comment(cli: Cli, studio: StudioBuilder) -> None:
    build_audrey_week(studio, thursday_like_friday=False)
    result = cli("answer", "C1", "--at", "2026-05-16T10:00", "--ignore", "--comment", "hm")
    assert result.code == 2
    assert "--aspects and --comment go with --stars, not with --ignore" in result.err


def test_answer_needs_stars_or_ignore(cli: Cli, studio: StudioBuilder) -> None:
    build_audrey_week(studio, thursday_like_friday=False)
    # argparse refuses it before anything runs: exit 2 with the usage line.
    with pytest.raises(SystemExit) as exited:
        cli("answer", "C1", "--at", "2026-05-16T10:00")
    assert exited.value.code == 2


def test_prompt_and_answer_never_load_qt(tmp_path: Path) -> None:
    store = str(tmp_path / "s.sqlite")
    for argv in (
        ["prompt", "C1", "--json", "--store", store],
        ["answer", "C1", "--stars", "5", "--store", store],
    ):
        probe = subprocess.run(
            [PYTHON, "-c", HEADLESS_PROBE, json.dumps(argv)],
            capture_output=True,
            text=True,
            env=subprocess_env(),
            timeout=60,
            check=False,
        )
        report = json.loads(probe.stdout.strip().splitlines()[-1])
        assert report == {"code": 2, "heavy": []}, argv  # unknown client: exit 2, no Qt


def test_answer_refuses_aspects_that_are_not_offered(
    cli: Cli, studio: StudioBuilder, store: Store
) -> None:
    build_audrey_week(studio, thursday_like_friday=False)
    now = datetime(2026, 5, 1, tzinfo=UTC)
    with store.write() as session:
        catalogue.add_client_aspect(
            session,
            kind=ReviewKind.CLASS,
            polarity=Polarity.EXCEL,
            label="Playlist géniale",
            at=now,
            auto_approve=False,
        )
        music = catalogue.find_by_label(session, ReviewKind.CLASS, "Music")[0]
        catalogue.set_hidden(session, music.id, True, at=now, actor="manager")
    result = cli(
        "answer",
        "C1",
        "--at",
        "2026-05-16T10:00",
        "--stars",
        "5",
        "--aspects",
        "playlist GENIALE|Musique",
    )
    assert result.code == 2
    assert result.err.strip().splitlines() == [
        "the aspect 'playlist GENIALE' is not offered (awaiting approval or hidden)",
        "the aspect 'Musique' is not offered (awaiting approval or hidden)",
    ]
    assert counts(store) == (0, 1)
