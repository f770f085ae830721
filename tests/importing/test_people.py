"""Clients and coaches: values, validation, matching by id, partial files, clearing fields."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.services.importing import ImportRejected, ImportReport
from feedback_desk.store.database import Store
from feedback_desk.store.models import Client, Coach
from tests.importing.conftest import WriteCsv, snapshot

Importer = Callable[..., ImportReport]


def client(store: Store, external_id: str) -> Client:
    with store.read() as session:
        found = session.scalar(select(Client).where(Client.external_id == external_id))
        assert found is not None
        return found


def problems(importer: Importer, kind: str, path: object) -> list[str]:
    with pytest.raises(ImportRejected) as caught:
        importer(kind, path)
    return caught.value.problems


FULL_CLIENTS = (
    "id,first_name,last_name,email,phone,language,email_consent,joined_on\n"
    "C1,Élodie,Gagné,elodie@example.com,514-555-0101,FR,oui,2025-09-01\n"
    "C2,Ann,Lee,ann@example.com,,en,non,\n"
    "C3,Marc,Roy,,,,yes,2025-10-02 00:00:00\n"
)


def test_clients_are_created_with_every_value(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    report = do_import("clients", write_csv("clients.csv", FULL_CLIENTS))
    assert report.summaries() == ["clients.csv: 3 created, 0 updated, 0 unchanged"]
    elodie = client(studio, "C1")
    assert (elodie.email, elodie.phone, elodie.language) == (
        "elodie@example.com",
        "514-555-0101",
        "fr",
    )
    assert elodie.email_consent is True
    assert elodie.joined_on == date(2025, 9, 1)
    assert elodie.search_key == "elodie gagne c1"
    ann = client(studio, "C2")
    assert (ann.phone, ann.language, ann.email_consent, ann.joined_on) == (None, "en", False, None)
    assert client(studio, "C3").email_consent is True
    assert client(studio, "C3").joined_on == date(2025, 10, 2)  # as spreadsheets write dates


@pytest.mark.parametrize(
    ("text", "consent"),
    [("oui", True), ("NON", False), ("Yes", True), ("no", False), ("true", True),
     ("FALSE", False), ("1", True), ("0", False)],
)  # fmt: skip
def test_booleans_in_french_and_english(
    studio: Store, write_csv: WriteCsv, do_import: Importer, text: str, consent: bool
) -> None:
    do_import(
        "clients", write_csv("clients.csv", f"id,first_name,last_name,email_consent\nC1,A,B,{text}")
    )
    assert client(studio, "C1").email_consent is consent


def test_email_consent_absent_for_a_new_client_means_no_consent(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    do_import("clients", write_csv("clients.csv", "id,first_name,last_name\nC1,Ann,Lee\n"))
    assert client(studio, "C1").email_consent is False


def test_every_bad_value_is_reported_with_its_line(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv(
        "clients.csv",
        "id,first_name,last_name,email,language,email_consent,joined_on\n"
        "C1,Ann,Lee,ann@example,fr,oui,2025-01-01\n"
        "C2,Bob,Roy,bob@example.com,de,oui,2025-01-01\n"
        "C3,Cy,Doe,,en,peut-être,2025-01-01\n"
        "C4,Di,Poe,,en,no,1er février 2025\n"
        "C5,,Fox,,en,no,\n"
        "C1,Eve,Ray,,en,no,\n",
    )
    assert problems(do_import, "clients", path) == [
        'clients.csv:2: email: "ann@example" is not an email address',
        'clients.csv:3: language: "de" is not a language (fr or en)',
        'clients.csv:4: email_consent: "peut-être" is not yes/no, oui/non, true/false or 1/0',
        'clients.csv:5: joined_on: "1er février 2025" is not a date (e.g. 2026-03-14 or '
        "14/03/2026)",
        "clients.csv:6: first_name is empty; it is required",
        'clients.csv:7: duplicate id "C1": already on line 2',
    ]
    assert snapshot(studio)["clients"] == []


def test_values_longer_than_the_store_keeps_are_refused(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv("clients.csv", f"id,first_name,last_name\n{'X' * 65},Ann,Lee\n")
    assert problems(do_import, "clients", path) == [
        "clients.csv:2: id is 65 characters long; at most 64 are allowed"
    ]


def test_reimporting_the_same_file_changes_nothing(
    studio: Store, write_csv: WriteCsv, do_import: Importer, clock: ManualClock
) -> None:
    path = write_csv("clients.csv", FULL_CLIENTS)
    do_import("clients", path)
    before = snapshot(studio)
    clock.advance(timedelta(days=1))

    report = do_import("clients", path)

    assert report.summaries() == ["clients.csv: 0 created, 0 updated, 3 unchanged"]
    assert snapshot(studio) == before  # updated_at included: no churn


def test_a_changed_row_is_updated_and_only_it(
    studio: Store, write_csv: WriteCsv, do_import: Importer, clock: ManualClock
) -> None:
    do_import("clients", write_csv("clients.csv", FULL_CLIENTS))
    created_at = client(studio, "C1").created_at
    clock.advance(timedelta(days=1))
    changed = FULL_CLIENTS.replace("C2,Ann,Lee", "C2,Anne,Lee-Wong")

    report = do_import("clients", write_csv("clients.csv", changed))

    assert report.summaries() == ["clients.csv: 0 created, 1 updated, 2 unchanged"]
    anne = client(studio, "C2")
    assert anne.full_name == "Anne Lee-Wong"
    assert anne.search_key == "anne lee-wong c2"
    assert anne.updated_at == clock.now()
    assert client(studio, "C1").updated_at == created_at


def test_a_column_absent_from_the_file_leaves_the_field_as_it_was(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    do_import("clients", write_csv("clients.csv", FULL_CLIENTS))
    report = do_import("clients", write_csv("names.csv", "id,first_name,last_name\nC1,Élo,Gagné\n"))
    assert report.summaries() == ["names.csv: 0 created, 1 updated, 0 unchanged"]
    elodie = client(studio, "C1")
    assert elodie.first_name == "Élo"
    assert (elodie.email, elodie.phone, elodie.language) == (
        "elodie@example.com",
        "514-555-0101",
        "fr",
    )
    assert elodie.email_consent is True
    assert elodie.joined_on == date(2025, 9, 1)


def test_an_empty_cell_clears_an_optional_field(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    do_import("clients", write_csv("clients.csv", FULL_CLIENTS))
    do_import(
        "clients",
        write_csv(
            "clear.csv",
            "id,first_name,last_name,email,phone,language,email_consent,joined_on\n"
            "C1,Élodie,Gagné,,,,,\n",
        ),
    )
    elodie = client(studio, "C1")
    assert (elodie.email, elodie.phone, elodie.language, elodie.joined_on) == (
        None,
        None,
        None,
        None,
    )
    assert elodie.email_consent is False


def test_coaches_are_created_updated_and_validated(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv(
        "coaches.csv",
        "id;first_name;last_name;email\nE1;Julie;Tremblay;julie@studio.ca\nE2;Max;Roy;\n",
    )
    assert do_import("coaches", path).summaries() == [
        "coaches.csv: 2 created, 0 updated, 0 unchanged"
    ]
    renamed = write_csv("coaches.csv", "id;first_name;last_name\nE1;Julie;Tremblay-Roy\n")
    assert do_import("coaches", renamed).summaries() == [
        "coaches.csv: 0 created, 1 updated, 0 unchanged"
    ]
    with studio.read() as session:
        julie = session.scalar(select(Coach).where(Coach.external_id == "E1"))
        assert julie is not None
        assert (julie.full_name, julie.email) == ("Julie Tremblay-Roy", "julie@studio.ca")
    bad = write_csv("coaches.csv", "id,first_name,last_name,email\nE3,Al,Bo,al at studio\n")
    assert problems(do_import, "coaches", bad) == [
        'coaches.csv:2: email: "al at studio" is not an email address'
    ]
