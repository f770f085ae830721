"""Real-world CSV files: BOM, delimiters, quoting, line numbers, and files that are not CSV."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select

from feedback_desk.services.importing import ImportRejected, ImportReport, preview_import
from feedback_desk.store.database import Store
from feedback_desk.store.models import Client
from tests.importing.conftest import WriteCsv

Importer = Callable[..., ImportReport]


def client_names(store: Store) -> dict[str, str]:
    with store.read() as session:
        return {c.external_id: c.full_name for c in session.scalars(select(Client))}


def rejected_lines(importer: Importer, kind: str, path: object) -> list[str]:
    with pytest.raises(ImportRejected) as caught:
        importer(kind, path)
    return caught.value.problems


@pytest.mark.parametrize("delimiter", [",", ";"])
@pytest.mark.parametrize("bom", [False, True])
def test_comma_or_semicolon_with_or_without_bom(
    studio: Store, write_csv: WriteCsv, do_import: Importer, delimiter: str, bom: bool
) -> None:
    rows = [["id", "first_name", "last_name"], ["C1", "Élodie", "Gagné"], ["C2", "Ann", "Lee"]]
    text = "\r\n".join(delimiter.join(r) for r in rows) + "\r\n"
    path = write_csv("clients.csv", ("\ufeff" if bom else "") + text)

    report = do_import("clients", path)

    assert report.summaries() == ["clients.csv: 2 created, 0 updated, 0 unchanged"]
    assert client_names(studio) == {"C1": "Élodie Gagné", "C2": "Ann Lee"}


def test_a_semicolon_file_whose_values_hold_commas(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv(
        "clients.csv", "id;first_name;last_name;phone\nC1;Marie, Claire;Roy;514 555, 1234\n"
    )
    do_import("clients", path)
    assert client_names(studio) == {"C1": "Marie, Claire Roy"}


def test_header_names_are_matched_loosely_and_extra_columns_ignored(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv(
        "clients.csv",
        "Membership no,ID, First Name ,LAST_NAME,Notes\n123,C1,Ann,Lee,likes spin\n",
    )
    do_import("clients", path)
    assert client_names(studio) == {"C1": "Ann Lee"}
    preview = preview_import(studio, "clients", path)
    assert preview.ignored_columns == ("Membership no", "Notes")


def test_multi_line_quoted_values_keep_physical_line_numbers(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv(
        "clients.csv",
        "id,first_name,last_name,email\n"
        'C1,Ann,"Lee\nsecond line\nthird line",ann@example.com\n'
        "\n"
        "C2,Bob,Roy,not-an-email\n",
    )
    # Header line 1; C1 spans lines 2-4; line 5 is blank; C2 is on line 6.
    assert rejected_lines(do_import, "clients", path) == [
        'clients.csv:6: email: "not-an-email" is not an email address'
    ]


def test_blank_lines_are_skipped(studio: Store, write_csv: WriteCsv, do_import: Importer) -> None:
    path = write_csv("clients.csv", "id,first_name,last_name\n\nC1,Ann,Lee\n,,\n\nC2,Bob,Roy")
    assert do_import("clients", path).files[0].created == 2


def test_a_missing_required_column_is_named(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv("clients.csv", "id,first_name,email\nC1,Ann,ann@example.com\n")
    assert rejected_lines(do_import, "clients", path) == [
        'clients.csv:1: missing required column "last_name"'
    ]
    assert client_names(studio) == {}


def test_a_column_given_twice_is_refused(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv("clients.csv", "id,first_name,last_name,Email,email\nC1,A,B,a@x.io,b@x.io\n")
    assert rejected_lines(do_import, "clients", path) == [
        'clients.csv:1: column "email" appears twice'
    ]


def test_rows_with_too_many_or_too_few_values(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv(
        "clients.csv",
        "id,first_name,last_name,phone\n"
        "C1,Ann,Lee,514,555\n"  # an unquoted comma inside the phone
        "C2,Bob\n"
        "C3,Cy,Roy,1,,\n",  # trailing empty values, as some exports write: fine
    )
    assert rejected_lines(do_import, "clients", path) == [
        'clients.csv:2: this line has 5 values but the header has 4 columns (a value holding "," '
        "must be between double quotes)",
        "clients.csv:3: this line has 2 values but the header has 4 columns",
    ]


def test_an_empty_file_says_what_the_header_should_be(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    for content in (b"", b"\xef\xbb\xbf", b"\n\n  \n"):
        path = write_csv("coaches.csv", content)
        assert rejected_lines(do_import, "coaches", path) == [
            "coaches.csv:1: the file is empty; its first row must be the header: "
            "id, first_name, last_name, email"
        ]


def test_a_header_without_rows_imports_nothing(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv("coaches.csv", "id,first_name,last_name\n")
    assert do_import("coaches", path).summaries() == [
        "coaches.csv: 0 created, 0 updated, 0 unchanged"
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00", "it looks like an Excel workbook (.xlsx)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "it looks like an old Excel workbook (.xls)"),
        (b"id,first_name\x00\x00\x01\x02", "it holds binary data"),
        (b"SQLite format 3\x00\x10\x00", "it looks like a SQLite database"),
    ],
)
def test_binary_files_are_refused_with_a_clear_message(
    studio: Store, write_csv: WriteCsv, do_import: Importer, content: bytes, expected: str
) -> None:
    path = write_csv("clients.csv", content)
    [line] = rejected_lines(do_import, "clients", path)
    assert line.startswith("clients.csv")
    assert expected in line


def test_a_missing_file_is_bad_input(studio: Store, tmp_path, do_import: Importer) -> None:  # type: ignore[no-untyped-def]
    assert rejected_lines(do_import, "clients", tmp_path / "nope.csv") == ["nope.csv: no such file"]


def test_an_unclosed_quote_is_reported_where_it_opens(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv("clients.csv", 'id,first_name,last_name\nC1,Ann,Lee\nC2,"Bob,Roy\nC3,Cy,Roy\n')
    [line] = rejected_lines(do_import, "clients", path)
    assert line.startswith("clients.csv:3: a quoted value starting on this line is never closed")
    assert client_names(studio) == {}


def test_a_stray_quote_after_a_quoted_value(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv("clients.csv", 'id,first_name,last_name\nC1,"Ann"ie,Lee\n')
    [line] = rejected_lines(do_import, "clients", path)
    assert line.startswith("clients.csv:2: a quoted value is followed by other characters")
