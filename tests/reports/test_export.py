"""Exports opened back: the XLSX workbook with openpyxl, the CSV with the csv module; the
workbook in the language asked for (the window asks for the studio's), the CSV never translated."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from feedback_desk.errors import UserInputError
from feedback_desk.services.export import export_period
from feedback_desk.services.reports import ReportScope
from feedback_desk.services.settings import load_settings, set_setting
from feedback_desk.store.database import Store
from tests.reports.builders import StudioBuilder, local
from tests.reports.export_words import ENGLISH, FRENCH, sheets_and_headers

MARCH = ReportScope(date(2026, 3, 1), date(2026, 3, 31))


@pytest.fixture
def march(studio: Store) -> Store:
    with studio.write() as session:
        b = StudioBuilder(session)
        ann = b.client("C1", "Élodie", "Gagné")
        bob = b.client("C2", "Bob", "Roy")
        julie = b.coach("E1", "Julie", "Tremblay")
        spin = b.class_session("S1", "Spin 45", julie, local(2026, 3, 2, 9))
        b.review(
            ann,
            5,
            local(2026, 3, 2, 10, 15),
            session=spin,
            comment="Génial !",
            aspects=["Music"],
            external_id="R1",
        )
        formula = '=HYPERLINK("http://x")'
        edited = b.review(bob, 2, local(2026, 3, 2, 18), comment=formula, external_id="R2")
        edited.edited_manually = True
        b.review(bob, 4, local(2026, 3, 31, 23, 30), external_id="R3")
        b.review(bob, 1, local(2026, 4, 1, 0, 10), comment="April", external_id="R4")
    return studio


def _export(store: Store, path: Path, scope: ReportScope = MARCH, *, language: str = "en"):  # type: ignore[no-untyped-def]
    with store.read() as session:
        return export_period(session, load_settings(session), scope, path, language=language)


def _export_as_the_window(store: Store, path: Path):  # type: ignore[no-untyped-def]
    """The call File → Export… makes on its worker: the studio's language, from its settings."""
    with store.read() as session:
        settings = load_settings(session)
        return export_period(session, settings, MARCH, path, language=settings.language)


def _studio_language(store: Store, language: str) -> None:
    with store.write() as session:
        set_setting(session, "studio.language", language, at=local(2026, 4, 1), actor="test")


def test_the_workbook_has_three_sheets_with_real_dates_and_numbers(
    march: Store, tmp_path: Path
) -> None:
    path = tmp_path / "march.xlsx"
    summary = _export(march, path)
    assert (summary.rows, summary.days, summary.coaches) == (2, 31, 1)
    assert list(sheets_and_headers(path).items()) == list(ENGLISH.items())
    book = load_workbook(path)

    coaches = book["By coach"]
    assert coaches.freeze_panes == "A2"
    assert [c.value for c in coaches[2]][:5] == ["E1", "Julie Tremblay", 1, 5, 100]

    days = book["By date"]
    assert days.freeze_panes == "A2"
    assert days.max_row == 32  # header + one row a day
    second = [c.value for c in days[3]]
    assert second[0] == datetime(2026, 3, 2)
    assert days["A3"].is_date
    assert second[1:7] == [2, 3.5, 1, 0, 1, 0]
    assert days["C3"].number_format == "0.00"
    empty = [c.value for c in days[2]]  # 1 March: no review, no average
    assert empty[1:3] == [0, None]
    last = [c.value for c in days[32]]
    assert (last[0], last[1]) == (datetime(2026, 3, 31), 1)  # 23:30 local is in

    comments = book["Comments"]
    assert comments.freeze_panes == "A2"
    rows = [[c.value for c in row] for row in comments.iter_rows(min_row=2)]
    assert [row[1] for row in rows] == ["R1", "R2"]
    first = rows[0]
    assert first[0] == datetime(2026, 3, 2, 10, 15)  # studio local time
    assert first[2:9] == ["C1", "Élodie Gagné", "class", "Spin 45", "Julie Tremblay", 5, "Génial !"]
    assert comments["H2"].data_type == "n"
    # A comment that looks like a formula stays text.
    assert comments["I3"].data_type == "s"
    assert comments["I3"].value == '=HYPERLINK("http://x")'
    assert [first[9], rows[1][4], rows[1][9]] == ["no", "business", "yes"]
    assert comments.column_dimensions["I"].width >= 60


def test_a_french_studio_exports_its_workbook_in_french(march: Store, tmp_path: Path) -> None:
    _studio_language(march, "fr")
    path = tmp_path / "mars.xlsx"
    summary = _export_as_the_window(march, path)
    assert (summary.rows, summary.days, summary.coaches) == (2, 31, 1)
    assert list(sheets_and_headers(path).items()) == list(FRENCH.items())
    book = load_workbook(path)
    coaches = book["Par entraîneur"]
    assert [c.value for c in coaches[2]][:5] == ["E1", "Julie Tremblay", 1, 5, 100]
    days = book["Par date"]
    assert days["A3"].is_date
    assert days["A3"].value == datetime(2026, 3, 2)
    assert (days["C3"].value, days["C3"].number_format) == (3.5, "0.00")
    rows = [[c.value for c in row] for row in book["Commentaires"].iter_rows(min_row=2)]
    # The app's own words are French (the window's), the client's text is left as typed.
    assert [row[4] for row in rows] == ["Cours", "Entreprise"]
    assert [row[9] for row in rows] == ["non", "oui"]
    assert rows[0][8] == "Génial !"
    # A French header longer than its English column widens it; an English one never moves.
    assert book["Commentaires"].column_dimensions["J"].width >= len("Modifié manuellement")


def test_an_english_studio_exports_its_workbook_in_english(march: Store, tmp_path: Path) -> None:
    _studio_language(march, "en")
    window_path, cli_path = tmp_path / "window.xlsx", tmp_path / "cli.xlsx"
    _export_as_the_window(march, window_path)
    _export(march, cli_path)
    assert list(sheets_and_headers(window_path).items()) == list(ENGLISH.items())
    comments = load_workbook(window_path)["Comments"]
    assert [row[4].value for row in comments.iter_rows(min_row=2)] == ["class", "business"]
    assert sheets_and_headers(window_path) == sheets_and_headers(cli_path)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_csv_has_one_row_a_review_in_utf8_with_a_bom(
    march: Store, tmp_path: Path, language: str
) -> None:
    path = tmp_path / "march.csv"
    summary = _export(march, path, language=language)
    assert summary.rows == 3
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert [r["review"] for r in rows] == ["R1", "R2", "R3"]
    assert rows[0]["created_at"] == "2026-03-02T10:15:00-05:00"
    assert rows[0]["client"] == "Élodie Gagné"
    assert (rows[0]["class"], rows[0]["coach_id"], rows[0]["aspects"]) == (
        "Spin 45",
        "E1",
        "Musique",
    )
    assert rows[1]["comment"] == '\'=HYPERLINK("http://x")'
    assert [(r["kind"], r["edited_manually"]) for r in rows] == [
        ("class", "no"),
        ("business", "yes"),
        ("business", "no"),
    ]
    assert rows[2]["local_day"] == "2026-03-31"
    # A machine format: the same header in every language.
    assert raw.decode("utf-8-sig").splitlines()[0] == (
        "review,created_at,local_day,client_id,client,kind,session_id,class,coach_id,coach,"
        "stars,channel,aspects,comment,edited_manually,recommend"
    )


def test_the_csv_is_the_same_whatever_the_language(march: Store, tmp_path: Path) -> None:
    _export(march, tmp_path / "fr.csv", language="fr")
    _export(march, tmp_path / "en.csv", language="en")
    assert (tmp_path / "fr.csv").read_bytes() == (tmp_path / "en.csv").read_bytes()


def test_an_unknown_format_or_folder_is_refused(march: Store, tmp_path: Path) -> None:
    with pytest.raises(UserInputError, match=r"must end in \.xlsx or \.csv"):
        _export(march, tmp_path / "march.pdf")
    with pytest.raises(UserInputError, match="does not exist"):
        _export(march, tmp_path / "missing" / "march.xlsx")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".export-")]
