"""Files as exports write them: UTF-8 (with or without BOM), UTF-16, Windows-1252; , ; or tab."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from sqlalchemy import select

from feedback_desk.services.importing import ImportRejected, ImportReport, preview_import
from feedback_desk.store.database import Store
from feedback_desk.store.models import AuditEntry, Client
from tests.importing.conftest import WriteCsv, snapshot

Importer = Callable[..., ImportReport]
TEXT = "id;first_name;last_name\r\nC1;Élodie;Gagné\r\nC2;François;Côté-Lévesque\r\n"
NAMES = {"C1": "Élodie Gagné", "C2": "François Côté-Lévesque"}


def client_names(store: Store) -> dict[str, str]:
    with store.read() as session:
        return {c.external_id: c.full_name for c in session.scalars(select(Client))}


@pytest.mark.parametrize(
    ("encoding", "label"),
    [
        ("utf-8", "UTF-8"),
        ("utf-8-sig", "UTF-8"),
        ("utf-16", "UTF-16"),  # Python writes the byte-order mark
        ("utf-16-be", "UTF-16"),
    ],
)
def test_unicode_encodings_are_read_as_such(
    studio: Store, write_csv: WriteCsv, do_import: Importer, encoding: str, label: str
) -> None:
    data = TEXT.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path = write_csv("clients.csv", data)

    report = do_import("clients", path)

    assert report.summaries() == ["clients.csv: 2 created, 0 updated, 0 unchanged"]
    assert (report.files[0].encoding, report.files[0].encoding_guessed) == (label, False)
    assert client_names(studio) == NAMES


def test_a_windows_1252_file_is_read_as_such_and_the_summary_says_so(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv("clients.csv", TEXT.replace("Gagné", "Gagné – l’aînée"), encoding="cp1252")

    report = do_import("clients", path)

    assert report.summaries() == [
        "clients.csv: 2 created, 0 updated, 0 unchanged (not UTF-8: read as Windows-1252)"
    ]
    assert client_names(studio)["C1"] == "Élodie Gagné – l’aînée"
    with studio.read() as session:
        entry = session.scalars(select(AuditEntry)).one()
    assert json.loads(entry.details)["encoding"] == "Windows-1252"
    preview = preview_import(studio, "clients", path, name="clients.csv")
    assert (preview.encoding, preview.encoding_guessed) == ("Windows-1252", True)


def test_a_byte_that_means_nothing_in_windows_1252_is_refused_at_its_line(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv("clients.csv", b"id,first_name,last_name\nC1,Ann,Lee\nC2,Bo\x81b,Roy\n")
    before = snapshot(studio, skip=())
    with pytest.raises(ImportRejected) as caught:
        do_import("clients", path)
    [line] = caught.value.problems
    assert line.startswith("clients.csv:3: is neither UTF-8 nor Windows-1252 text: byte 0x81")
    assert snapshot(studio, skip=()) == before


def test_a_file_half_utf8_half_windows_1252_is_refused_rather_than_garbled(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    content = "id,first_name,last_name\nC1,Élodie,Gagné\n".encode() + "C2,Zoé,Roy\n".encode(
        "cp1252"
    )
    path = write_csv("clients.csv", content)
    with pytest.raises(ImportRejected) as caught:
        do_import("clients", path)
    assert caught.value.problems == [
        "clients.csv:3: mixes two encodings: line 2 is UTF-8 text but this line is not; save it "
        'from the spreadsheet as "CSV UTF-8" and import that file'
    ]
    assert client_names(studio) == {}


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_the_delimiter_is_detected(
    studio: Store, write_csv: WriteCsv, do_import: Importer, delimiter: str
) -> None:
    path = write_csv("coaches.csv", TEXT.replace(";", delimiter))
    assert do_import("coaches", path).files[0].created == 2
    preview = preview_import(studio, "coaches", path)
    assert preview.delimiter == delimiter


def test_a_tab_separated_export_whose_values_hold_commas_and_semicolons(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv(
        "clients.csv",
        "Client ID\tFirst Name\tLast Name\tPhone\nC1\tMarie, Claire\tRoy; Lee\t514 555-1234\n",
    )
    do_import("clients", path)
    assert client_names(studio) == {"C1": "Marie, Claire Roy; Lee"}
