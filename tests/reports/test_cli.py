"""`stats`, `trends`, `actions`, `edit` and `export`: the contract's shapes and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from feedback_desk.domain.kinds import PromptOutcome
from feedback_desk.services.studio import open_studio
from tests.reports.builders import StudioBuilder, local
from tests.reports.export_words import ENGLISH, FRENCH, sheets_and_headers


@pytest.fixture
def filled(store_path: Path) -> Path:
    studio = open_studio(store_path)
    with studio.write() as session:
        b = StudioBuilder(session)
        ann = b.client("C17", "Audrey", "Roy")
        bob = b.client("C2", "Bob", "Lee")
        julie = b.coach("E3", "Julie", "Tremblay")
        spin = b.class_session("S881", "Spin 45", julie, local(2026, 1, 10, 9))
        for day in (5, 6, 7):
            b.review(ann, 5, local(2026, 1, day), external_id=f"old{day}")
        b.review(ann, 5, local(2026, 1, 10, 11), session=spin, external_id="R10")
        b.review(ann, 3, local(2026, 3, 1, 9), external_id="R55", comment="Cold showers")
        b.review(ann, 2, local(2026, 3, 10, 9), external_id="R56")
        b.review(bob, 4, local(2026, 3, 12), external_id="R57")
        b.prompt(ann, local(2026, 3, 1, 9), PromptOutcome.ANSWERED)
        b.prompt(bob, local(2026, 3, 2, 9), PromptOutcome.IGNORED)
    studio.close()
    return store_path


def test_stats_json_has_exactly_the_contract_keys(cli, filled: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("stats", "--from", "2026-01-01", "--to", "2026-03-31", "--json")
    assert result.code == 0, result.err
    stats = json.loads(result.out)
    assert list(stats) == [
        "from", "to", "kind", "reviews", "average", "promoters", "passives", "detractors",
        "nps", "prompts_shown", "prompts_answered", "response_rate", "by_month", "by_coach",
        "by_channel",
    ]  # fmt: skip
    assert (stats["from"], stats["to"], stats["kind"]) == ("2026-01-01", "2026-03-31", None)
    assert (stats["reviews"], stats["average"], stats["nps"]) == (7, 4.14, 29)
    assert (stats["prompts_shown"], stats["prompts_answered"], stats["response_rate"]) == (
        2,
        1,
        0.5,
    )
    assert [m["month"] for m in stats["by_month"]] == ["2026-01", "2026-02", "2026-03"]
    february = stats["by_month"][1]
    assert list(february) == [
        "month", "reviews", "average", "promoters", "passives", "detractors", "nps",
        "prompts_shown", "prompts_answered", "response_rate",
    ]  # fmt: skip
    assert (february["reviews"], february["average"], february["nps"]) == (0, None, None)
    assert february["response_rate"] is None
    assert stats["by_coach"] == [
        {"coach": "E3", "name": "Julie Tremblay", "reviews": 1, "average": 5.0, "nps": 100}
    ]


def test_stats_of_one_kind(cli, filled: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("stats", "--from", "2026-01-01", "--to", "2026-03-31", "--kind", "class", "--json")
    stats = json.loads(result.out)
    assert (stats["kind"], stats["reviews"], stats["prompts_shown"]) == ("class", 1, 0)


def test_stats_without_json_is_readable(cli, filled: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("stats", "--from", "2026-03-01", "--to", "2026-03-31")
    assert result.code == 0
    assert "reviews 3, average 3.00, NPS -67" in result.out
    assert "2026-03" in result.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "2026-13-01", "--to", "2026-03-31"), "--from: '2026-13-01' is not an ISO date"),
        (("--from", "2026-03-01", "--to", "soon"), "--to: 'soon' is not an ISO date"),
        (("--from", "2026-03-02", "--to", "2026-03-01"), "the period starts after it ends"),
    ],
)
def test_stats_refuses_bad_periods_with_exit_2(cli, filled: Path, args, message) -> None:  # type: ignore[no-untyped-def]
    for command in ("stats", "export"):
        extra = ("out.xlsx",) if command == "export" else ()
        result = cli(command, *args, *extra)
        assert result.code == 2
        assert message in result.err
        assert "Traceback" not in result.err


def test_trends_json(cli, filled: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("trends", "--at", "2026-03-14T18:00", "--json")
    assert result.code == 0, result.err
    trends = json.loads(result.out)
    assert trends == {
        "at": "2026-03-14T18:00:00-04:00",
        "clients": [
            {
                "client": "C17",
                "usual": 5.0,
                "usual_count": 4,
                "recent": [
                    {"at": "2026-03-01T09:00:00-05:00", "stars": 3},
                    {"at": "2026-03-10T09:00:00-04:00", "stars": 2},
                ],
            }
        ],
        "coaches": [],
    }
    text = cli("trends", "--at", "2026-03-14T18:00")
    assert "C17 Audrey Roy: usual 5.00 over 4 reviews, now 2.50" in text.out


def test_trends_refuses_a_bad_time(cli, filled: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("trends", "--at", "yesterday", "--json")
    assert result.code == 2
    assert "--at:" in result.err


def test_actions_list_close_and_close_before(cli, filled: Path) -> None:  # type: ignore[no-untyped-def]
    listed = json.loads(cli("actions", "--json").out)
    assert listed == [
        {"review": "R56", "client": "C17", "kind": "business", "stars": 2,
         "at": "2026-03-10T09:00:00-04:00", "comment": None},
        {"review": "R55", "client": "C17", "kind": "business", "stars": 3,
         "at": "2026-03-01T09:00:00-05:00", "comment": "Cold showers"},
    ]  # fmt: skip
    closed = cli("actions", "close", "R55", "--outcome", "resolved", "--note", "Fixed the heater")
    assert closed.code == 0, closed.err
    assert [a["review"] for a in json.loads(cli("actions", "--json").out)] == ["R56"]
    again = cli("actions", "close", "R55", "--outcome", "resolved")
    assert again.code == 2
    assert "already closed" in again.err
    unknown = cli("actions", "close", "R404", "--outcome", "contacted")
    assert (unknown.code, unknown.err.strip()) == (2, "unknown review 'R404'")
    bulk = cli("actions", "close-before", "2026-03-11")
    assert bulk.code == 0
    assert "Closed 1 action(s)" in bulk.out
    assert json.loads(cli("actions", "--json").out) == []
    assert "No action to take." in cli("actions").out


def test_edit_changes_stars_and_refuses_bad_input(cli, filled: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("edit", "R57", "--stars", "2", "--note", "client called")
    assert result.code == 0, result.err
    assert "4 → 2 stars" in result.out
    assert "action to take was opened" in result.out
    assert "R57" in [a["review"] for a in json.loads(cli("actions", "--json").out)]
    assert cli("edit", "R57", "--stars", "7").code == 2
    unknown = cli("edit", "R404", "--stars", "3")
    assert (unknown.code, unknown.err.strip()) == (2, "unknown review 'R404'")


def test_export_writes_the_workbook(cli, filled: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "q1.xlsx"
    result = cli("export", "--from", "2026-01-01", "--to", "2026-03-31", str(out))
    assert result.code == 0, result.err
    assert "90 day(s)" in result.out
    book = load_workbook(out)
    assert book["By date"].max_row == 91
    assert book["Comments"].max_row == 2
    bad = cli("export", "--from", "2026-01-01", "--to", "2026-03-31", str(tmp_path / "q1.ods"))
    assert bad.code == 2


def test_export_without_language_writes_the_english_workbook_it_always_has(
    cli, filled: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    # The studio is French (the default): the command line still writes today's English.
    out = tmp_path / "q1.xlsx"
    assert cli("export", "--from", "2026-01-01", "--to", "2026-03-31", str(out)).code == 0
    assert list(sheets_and_headers(out).items()) == list(ENGLISH.items())
    assert [c.value for c in load_workbook(out)["Comments"]["E"]] == ["Kind", "business"]


def test_export_language_fr_writes_the_french_workbook_and_the_same_csv(
    cli, filled: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    period = ("--from", "2026-01-01", "--to", "2026-03-31")
    out = tmp_path / "t1.xlsx"
    result = cli("export", *period, "--language", "fr", str(out))
    assert result.code == 0, result.err
    assert "90 day(s)" in result.out
    assert list(sheets_and_headers(out).items()) == list(FRENCH.items())
    assert [c.value for c in load_workbook(out)["Commentaires"]["E"]] == ["Type", "Entreprise"]
    for language in ("fr", "en"):
        csv_out = tmp_path / f"{language}.csv"
        assert cli("export", *period, "--language", language, str(csv_out)).code == 0
    assert cli("export", *period, str(tmp_path / "plain.csv")).code == 0
    plain = (tmp_path / "plain.csv").read_bytes()
    assert (tmp_path / "fr.csv").read_bytes() == plain == (tmp_path / "en.csv").read_bytes()


def test_export_help_says_the_workbook_is_english_unless_asked_and_refuses_another_language(
    cli, filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as done:
        cli("export", "--help")
    assert done.value.code == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert "--language {fr,en}" in shown
    assert "en (English, the default)" in shown
    with pytest.raises(SystemExit) as done:
        cli("export", "--from", "2026-01-01", "--to", "2026-03-31", "--language", "de", "x.xlsx")
    assert done.value.code == 2
    assert "invalid choice: 'de'" in capsys.readouterr().err


def test_report_commands_never_import_qt_or_matplotlib(filled: Path, tmp_path: Path) -> None:
    import subprocess

    from tests.conftest import PYTHON, subprocess_env
    from tests.test_cli_basics import HEADLESS_PROBE

    store = str(filled)
    commands = [
        ["stats", "--from", "2026-01-01", "--to", "2026-03-31", "--json"],
        ["trends", "--at", "2026-03-14T18:00", "--json"],
        ["actions", "--json"],
        ["edit", "R57", "--stars", "3"],
        ["actions", "close", "R57", "--outcome", "contacted"],
        ["export", "--from", "2026-01-01", "--to", "2026-03-31", str(tmp_path / "q.xlsx")],
    ]
    for argv in commands:
        probe = subprocess.run(
            [PYTHON, "-c", HEADLESS_PROBE, json.dumps([*argv, "--store", store])],
            capture_output=True,
            text=True,
            env=subprocess_env(),
            timeout=60,
            check=False,
        )
        report = json.loads(probe.stdout.strip().splitlines()[-1])
        assert report == {"code": 0, "heavy": []}, argv
