"""The 0-10 recommendation question (seed 003): answered, imported, reported beside the stars,
exported; and the prompts counted by channel."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from feedback_desk.store.database import Store
from feedback_desk.store.models import Review
from tests.support.studio_builder import StudioBuilder


@pytest.fixture
def builder(store: Store) -> StudioBuilder:
    b = StudioBuilder(store)
    julie = b.coach("E1", "Julie", "Roy")
    for number in range(1, 5):
        client = b.client(f"C{number}", "Client", f"N{number}")
        session = b.session(f"S{number}", "Yoga", julie, "2026-05-10T10:00")
        b.attend(session, client)
    return b


def test_answer_records_the_recommendation_on_a_business_prompt(
    builder: StudioBuilder, cli
) -> None:  # type: ignore[no-untyped-def]
    ok = cli("answer", "C1", "--at", "2026-05-12T10:00", "--stars", "5", "--recommend", "9")
    assert ok.code == 0, ok.err
    with builder.store.read() as session:
        review = session.scalars(select(Review)).one()
    assert (review.kind.value, review.stars, review.recommend) == ("business", 5, 9)


def test_answer_refuses_a_recommendation_out_of_range_or_on_a_class_prompt(
    builder: StudioBuilder, cli
) -> None:  # type: ignore[no-untyped-def]
    bad = cli("answer", "C1", "--at", "2026-05-12T10:00", "--stars", "5", "--recommend", "11")
    assert (bad.code, bad.err) == (2, "--recommend must be between 0 and 10, not 11\n")
    assert cli("answer", "C1", "--at", "2026-05-12T10:00", "--stars", "4").code == 0
    # The next day the class prompt is due: no 0-10 question there.
    on_class = cli("answer", "C1", "--at", "2026-05-13T10:00", "--stars", "4", "--recommend", "7")
    assert on_class.code == 2
    assert "the prompt due is a class review" in on_class.err
    with builder.store.read() as session:
        assert len(session.scalars(select(Review)).all()) == 1


def write_reviews(path: Path, rows: list[str]) -> Path:
    path.write_text(
        "id,client_id,kind,session_id,stars,created_at,recommend\n" + "\n".join(rows) + "\n"
    )
    return path


def test_imported_business_reviews_may_carry_the_recommendation(
    builder: StudioBuilder, cli, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    bad = write_reviews(
        tmp_path / "bad.csv",
        ["R1,C1,business,,5,2026-05-01T10:00,11", "R2,C2,class,S2,4,2026-05-01T10:00,8"],
    )
    result = cli("import", "reviews", str(bad))
    assert result.code == 2
    assert 'bad.csv:2: recommend: "11" is not a whole number from 0 to 10' in result.err
    assert 'bad.csv:3: recommend "8": the 0-10 question goes with business reviews' in result.err
    good = write_reviews(
        tmp_path / "good.csv",
        ["R1,C1,business,,5,2026-05-01T10:00,10", "R2,C2,business,,3,2026-05-01T11:00,"],
    )
    assert cli("import", "reviews", str(good)).code == 0
    with builder.store.read() as session:
        found = dict(session.execute(select(Review.external_id, Review.recommend)).all())
    assert found == {"R1": 10, "R2": None}


def test_stats_report_the_recommendations_beside_the_stars(
    builder: StudioBuilder, cli, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    before = json.loads(cli("stats", "--from", "2026-05-01", "--to", "2026-05-31", "--json").out)
    assert "recommend" not in before
    assert before["by_channel"] == []
    # 3 promoters, 0 detractors of 8 answers: 37.5 rounds away from zero to 38.
    scores = [10, 9, 9, 8, 8, 7, 7, 7]
    rows = [
        f"R{i},C{1 + i % 4},business,,{1 + i % 5},2026-05-0{1 + i % 3}T10:00,{s}"
        for i, s in enumerate(scores)
    ]
    assert cli("import", "reviews", str(write_reviews(tmp_path / "r.csv", rows))).code == 0
    cli("answer", "C1", "--at", "2026-05-12T10:00", "--stars", "2")
    stats = json.loads(cli("stats", "--from", "2026-05-01", "--to", "2026-05-31", "--json").out)
    assert stats["recommend"] == {
        "responses": 8,
        "promoters": 3,
        "passives": 5,
        "detractors": 0,
        "nps": 38,
    }
    assert stats["by_month"][0]["recommend"] == stats["recommend"]
    # Never mixed: the star segments still come from the stars.
    assert (stats["reviews"], stats["promoters"] + stats["passives"] + stats["detractors"]) == (
        9,
        9,
    )
    assert stats["by_channel"] == [
        {"channel": "cli", "prompts_shown": 1, "prompts_answered": 1, "response_rate": 1.0}
    ]


def test_with_the_question_on_stats_always_say_so(builder: StudioBuilder, cli) -> None:  # type: ignore[no-untyped-def]
    builder.setting("nps.enabled", "yes")
    stats = json.loads(cli("stats", "--from", "2026-04-01", "--to", "2026-05-31", "--json").out)
    assert stats["recommend"] == {
        "responses": 0,
        "promoters": 0,
        "passives": 0,
        "detractors": 0,
        "nps": None,
    }
    assert [m["recommend"]["nps"] for m in stats["by_month"]] == [None, None]


def test_a_detractor_heavy_period_rounds_half_away_from_zero(
    builder: StudioBuilder, cli, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    scores = [0, 3, 5, 6, 10, 8, 7, 7]  # 1 promoter, 4 detractors of 8: -37.5
    rows = [f"R{i},C1,business,,3,2026-05-01T1{i}:00,{s}" for i, s in enumerate(scores)]
    assert cli("import", "reviews", str(write_reviews(tmp_path / "r.csv", rows))).code == 0
    stats = json.loads(cli("stats", "--from", "2026-05-01", "--to", "2026-05-01", "--json").out)
    assert stats["recommend"] == {
        "responses": 8,
        "promoters": 1,
        "passives": 3,
        "detractors": 4,
        "nps": -38,
    }


def test_the_export_carries_the_recommendations(
    builder: StudioBuilder, cli, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    rows = ["R1,C1,business,,5,2026-05-01T10:00,10", "R2,C2,business,,4,2026-05-01T11:00,3"]
    cli("import", "reviews", str(write_reviews(tmp_path / "r.csv", rows)))
    out = tmp_path / "out.csv"
    assert cli("export", "--from", "2026-05-01", "--to", "2026-05-01", str(out)).code == 0
    with out.open(encoding="utf-8-sig") as handle:
        exported = {row["review"]: row["recommend"] for row in csv.DictReader(handle)}
    assert exported == {"R1": "10", "R2": "3"}
    book = tmp_path / "out.xlsx"
    assert cli("export", "--from", "2026-05-01", "--to", "2026-05-01", str(book)).code == 0
    sheet = load_workbook(book)["By date"]
    header = [cell.value for cell in sheet[1]]
    day = dict(zip(header, [cell.value for cell in sheet[2]], strict=True))
    assert (day["0-10 answers"], day["0-10 NPS"]) == (2, 0)
