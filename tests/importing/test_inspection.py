"""What the window's mapping step is given: columns → fields with evidence, dates, bad cells."""

from __future__ import annotations

import pytest

from feedback_desk.services.importing import (
    TEMPLATES,
    Code,
    DateDetection,
    Evidence,
    Mapping,
    preview_import,
)
from feedback_desk.services.importing.inspection import inspect_file
from feedback_desk.store.database import Store
from tests.importing.conftest import WriteCsv, add_people

EXPORT = (
    "Membre;Cours;Jour;Heure;Animé par;Statut\n"
    "C1;Spin;03/04/2026;18:00;Julie Roy;Venue\n"
    "C2;Spin;03/04/2026;18h00;Julie Roy;Absente\n"
    "C3;Yoga;0026-04-04;25:00;Julie Roy;yes\n"
    "C1;Yoga;13/04/2026;9:00;;yes\n"
)


def test_the_first_rows_with_each_column_s_guess_and_its_evidence(
    studio: Store, write_csv: WriteCsv
) -> None:
    path = write_csv("export.csv", EXPORT + "".join("C1;Spin;01/05/2026;7:00;X;yes\n" * 500))

    shown = inspect_file(studio, "visits", path, name="export.csv", rows=4)

    assert (shown.encoding, shown.delimiter) == ("UTF-8", ";")
    assert [row.line for row in shown.rows] == [2, 3, 4, 5]
    assert [(g.header, g.field, g.evidence) for g in shown.columns] == [
        ("Membre", None, Evidence.UNKNOWN),
        ("Cours", "class_name", Evidence.ALIAS),
        ("Jour", "date", Evidence.ALIAS),
        ("Heure", "time", Evidence.ALIAS),
        ("Animé par", None, Evidence.UNKNOWN),
        ("Statut", "present", Evidence.ALIAS),
    ]
    assert shown.problems == (
        'export.csv:1: missing required column "client_id"',
        'export.csv:1: missing required column "coach_id" or "coach_name"',
    )


def test_under_a_mapping_every_bad_cell_is_placed_with_its_code(
    studio: Store, write_csv: WriteCsv
) -> None:
    path = write_csv("export.csv", EXPORT)
    mapping = Mapping(
        columns={"Membre": "client_id", "Animé par": "coach_name"},
        values={"present": {"Venue": "yes", "Absente": "no"}},
    )

    shown = inspect_file(studio, "visits", path, mapping=mapping)

    first = shown.columns[0]
    assert (first.header, first.field, first.evidence) == ("Membre", "client_id", Evidence.MAPPING)
    cells = [(p.line, p.column, p.code, p.parameters.get("value")) for p in shown.issues]
    assert cells == [
        (4, 2, Code.DATE_TOO_EARLY, "0026-04-04"),
        (5, 4, Code.REQUIRED_EMPTY, None),
    ]
    assert shown.dates == {"date": DateDetection("dmy", "13/04/2026")}
    assert shown.issues[0].message == 'date: "0026-04-04" is before 1900 (a typo in the year?)'


def test_the_full_preview_checks_ids_and_counts(studio: Store, write_csv: WriteCsv) -> None:
    add_people(studio, clients={"C1": ("Ann", "Lee")})
    path = write_csv("export.csv", "Client ID,Class,Date,Time,Coach\nC1,Spin,03/04/2026,6 PM,Al\n")
    preview = preview_import(studio, "visits", path)
    assert preview.can_import
    assert (preview.would_create, preview.sessions_created, preview.new_coaches) == (
        1,
        1,
        ("Al",),
    )
    assert preview.dates == {"date": DateDetection("setting")}


@pytest.mark.parametrize("code", list(Code))
def test_every_problem_code_has_its_text(code: Code) -> None:
    assert TEMPLATES[code]
