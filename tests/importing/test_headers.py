"""Headers as booking systems and French Excel write them: aliases, never a silent pick."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import select

from feedback_desk.services.importing import (
    Evidence,
    ImportRejected,
    ImportReport,
    Mapping,
    preview_import,
)
from feedback_desk.services.importing.aliases import alias_conflicts
from feedback_desk.store.database import Store
from feedback_desk.store.models import Client
from tests.importing.conftest import WriteCsv

Importer = Callable[..., ImportReport]


def clients(store: Store) -> dict[str, Client]:
    with store.read() as session:
        return {c.external_id: c for c in session.scalars(select(Client))}


def test_a_mindbody_style_client_list_imports_as_it_is(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv(
        "Clients.csv",
        "Client ID,First Name,Last Name,Email,Mobile Phone,Home Phone,Birth Date,Status\n"
        "100023,Ann,Lee,ann@example.com,514-555-0101,,1990-04-01,Active\n"
        "100024,Bob,Roy,,,450-555-0199,,Suspended\n",
    )
    report = do_import("clients", path)
    assert report.summaries() == ["Clients.csv: 2 created, 0 updated, 0 unchanged"]
    found = clients(studio)
    assert (found["100023"].full_name, found["100023"].phone) == ("Ann Lee", "514-555-0101")
    assert found["100023"].email == "ann@example.com"
    preview = preview_import(studio, "clients", path)
    assert preview.ignored_columns == ("Home Phone", "Birth Date", "Status")


def test_a_french_excel_client_list(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv(
        "membres.csv",
        "N° de membre;Prénom;Nom de famille;Courriel;Téléphone;Langue;Membre depuis\r\n"
        "M-17;Élodie;Gagné;elodie@exemple.ca;418 555-0134;FR;14/03/2025\r\n"
        "M-18;Jean-François;Côté;;;en;02/01/2026\r\n",
        encoding="cp1252",
    )
    report = do_import("clients", path)
    assert report.files[0].created == 2
    found = clients(studio)
    assert found["M-17"].full_name == "Élodie Gagné"
    assert (found["M-17"].language, found["M-17"].joined_on) == ("fr", date(2025, 3, 14))
    assert found["M-18"].joined_on == date(2026, 1, 2)  # day/month/year, the default


@pytest.mark.parametrize(
    "header",
    [
        "CLIENT-ID;PRENOM;NOM;E-MAIL",
        "  client id ;prénom;nom;courriel",
        "No. de membre;Prénom;Nom;Adresse courriel",
        "Member ID;First name;Last name;Email address",
    ],
)
def test_headers_ignore_case_accents_spaces_and_punctuation(
    studio: Store, write_csv: WriteCsv, do_import: Importer, header: str
) -> None:
    path = write_csv("clients.csv", f"{header}\nC1;Ann;Lee;ann@example.com\n")
    do_import("clients", path)
    assert clients(studio)["C1"].email == "ann@example.com"


def test_two_columns_for_one_field_are_an_error_that_says_how_to_choose(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv("clients.csv", "ID,Prénom,Nom,Nom de famille\nC1,Ann,Lee,Lee-Roy\n")
    with pytest.raises(ImportRejected) as caught:
        do_import("clients", path)
    assert caught.value.problems == [
        'clients.csv:1: columns "Nom" and "Nom de famille" both mean last_name; say which one to '
        'use in a mapping file (--map), e.g. "columns": {"Nom de famille": ""} to ignore the '
        "second"
    ]
    assert clients(studio) == {}

    do_import("clients", path, mapping=Mapping(columns={"Nom": None}))
    assert clients(studio)["C1"].last_name == "Lee-Roy"


def test_a_field_s_own_name_beats_an_alias_and_the_preview_says_why(
    studio: Store, write_csv: WriteCsv, do_import: Importer
) -> None:
    path = write_csv("clients.csv", "Client ID,id,Prénom,Last Name,Notes\n99,C1,Ann,Lee,\n")
    do_import("clients", path)
    assert list(clients(studio)) == ["C1"]
    preview = preview_import(studio, "clients", path)
    assert [(g.header, g.field, g.evidence, g.alias, g.candidate) for g in preview.columns] == [
        ("Client ID", None, Evidence.SHADOWED, "Client ID", "id"),
        ("id", "id", Evidence.NAME, "id", None),
        ("Prénom", "first_name", Evidence.ALIAS, "Prénom", None),
        ("Last Name", "last_name", Evidence.NAME, "last_name", None),  # the name, spaced
        ("Notes", None, Evidence.UNKNOWN, None, None),
    ]


def test_no_alias_names_two_fields_of_one_kind() -> None:
    assert alias_conflicts() == []
