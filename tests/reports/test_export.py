"""Exports opened back: the XLSX workbook with openpyxl, the CSV with the csv module."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from feedback_desk.errors import UserInputError
from feedback_desk.services.export import export_period
from feedback_desk.services.reports import ReportScope
from feedback_desk.services.settings import load_settings
from feedback_desk.store.database import Store
from tests.reports.builders import StudioBuilder, local

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
        b.review(bob, 2, local(2026, 3, 2, 18), comment='=HYPERLINK("http://x")', external_id="R2")
        b.review(bob, 4, local(2026, 3, 31, 23, 30), external_id="R3")
        b.review(bob, 1, local(2026, 4, 1, 0, 10), comment="April", external_id="R4")
    return studio


def _export(store: Store, path: Path, scope: ReportScope = MARCH):  # type: ignore[no-untyped-def]
    with store.read() as session:
        return export_period(session, load_settings(session), scope, path)


def test_the_workbook_has_three_sheets_with_real_dates_and_numbers(
    march: Store, tmp_path: Path
) -> None:
    path = tmp_path / "march.xlsx"
    summary = _export(march, path)
    assert (summary.rows, summary.days, summary.coaches) == (2, 31, 1)
    book = load_workbook(path)
    assert book.sheetnames == ["By coach", "By date", "Comments"]

    coaches = book["By coach"]
    assert coaches.freeze_panes == "A2"
    assert [c.value for c in coaches[1]][:5] == ["Coach id", "Coach", "Reviews", "Average", "NPS"]
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
    assert comments.column_dimensions["I"].width >= 60


def test_the_csv_has_one_row_a_review_in_utf8_with_a_bom(march: Store, tmp_path: Path) -> None:
    path = tmp_path / "march.csv"
    summary = _export(march, path)
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
    assert rows[2]["local_day"] == "2026-03-31"


def test_an_unknown_format_or_folder_is_refused(march: Store, tmp_path: Path) -> None:
    with pytest.raises(UserInputError, match=r"must end in \.xlsx or \.csv"):
        _export(march, tmp_path / "march.pdf")
    with pytest.raises(UserInputError, match="does not exist"):
        _export(march, tmp_path / "missing" / "march.xlsx")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".export-")]
