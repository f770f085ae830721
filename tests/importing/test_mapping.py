"""Mapping files (--map) and presets (--preset): built-in ones with sources, the studio's own."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from feedback_desk.errors import UserInputError
from feedback_desk.services.importing import (
    ImportKind,
    Mapping,
    list_presets,
    load_preset,
    preview_import,
    save_preset,
)
from feedback_desk.services.importing.presets import delete_preset, user_folder
from feedback_desk.store.database import Store
from feedback_desk.store.models import Attendance, ClassSession, Client
from tests.conftest import CliResult
from tests.importing.conftest import WriteCsv, snapshot

Cli = Callable[..., CliResult]
FRESHA = (
    "Client ID,First Name,Last Name,Email,Mobile Number,Telephone,Gender,Date of Birth,City,Note,"
    "Blocked,Added\n"
    "8812,Ann,Lee,ann@example.com,+1 514 555 0101,+1 514 555 0199,Female,1990-04-01,Montréal,,"
    "No,2024-01-05\n"
)


def write_map(tmp_path: Path, data: object, name: str = "map.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def clients(store: Store) -> dict[str, Client]:
    with store.read() as session:
        return {c.external_id: c for c in session.scalars(select(Client))}


def test_a_mapping_file_names_columns_formats_and_values(
    studio: Store, write_csv: WriteCsv, cli: Cli, tmp_path: Path
) -> None:
    cli("import", "clients", str(write_csv("c.csv", "id,first_name,last_name\nC1,Ann,Lee\n")))
    visits = write_csv(
        "export.csv",
        "Who,What,When,At,With,Outcome\n"
        'C1,Spin 45,"Saturday, March 14, 2026",06:00 PM,Julie Roy,Signed in\n'
        'C1,Yoga,"Sunday, March 15, 2026",09:30 AM,Julie Roy,Absent sans prévenir\n',
    )
    mapping = write_map(
        tmp_path,
        {
            "columns": {
                "Who": "client_id",
                "What": "class_name",
                "When": "date",
                "At": "time",
                "With": "coach_name",
                "Outcome": "present",
            },
            "date_format": "%A, %B %d, %Y",
            "time_format": "%I:%M %p",
            "values": {"present": {"Signed in": "yes", "absent sans prévenir": "no"}},
        },
    )

    result = cli("import", "visits", str(visits), "--map", str(mapping))

    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines()[0] == f"{visits}: 2 created, 0 updated, 0 unchanged"
    with studio.read() as session:
        starts = sorted(s.starts_at for s in session.scalars(select(ClassSession)))
        present = sorted(a.present for a in session.scalars(select(Attendance)))
    assert starts == [
        datetime(2026, 3, 14, 22, 0, tzinfo=UTC),
        datetime(2026, 3, 15, 13, 30, tzinfo=UTC),
    ]
    assert present == [False, True]


def test_a_mapping_s_date_order_reads_its_file_whatever_the_setting(
    studio: Store, write_csv: WriteCsv, cli: Cli, tmp_path: Path
) -> None:
    path = write_csv("clients.csv", "id,first_name,last_name,joined_on\nC1,Ann,Lee,03/04/2026\n")
    assert cli("config", "import.date_order", "dmy").code == 0
    mapping = write_map(tmp_path, {"date_order": "mdy"})

    result = cli("import", "clients", str(path), "--map", str(mapping))

    assert (result.code, result.err) == (0, "")
    assert clients(studio)["C1"].joined_on == datetime(2026, 3, 4).date()
    # Saved in a preset, it comes back with the preset.
    save_preset("US export", ImportKind.CLIENTS, Mapping(date_order="mdy"))
    assert load_preset("us export").mapping(ImportKind.CLIENTS).date_order == "mdy"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"columns": {"Who": "client_id"},', ":1: is not a valid mapping file: "),
        ('{"colums": {}}', ': unknown key "colums" (a mapping file has columns, '),
        ('{"columns": ["Who"]}', ': columns: an object of texts, e.g. {"Client ID": "id"}'),
        ('{"date_format": "%d/%m"}', ': date_format "%d/%m" is not a date or time format (it '),
        ('{"time_format": "%I:%M"}', ': time_format "%I:%M" is not a date or time format (%I '),
        ('{"date_order": "ymd"}', ": date_order: dmy or mdy"),
    ],
)
def test_a_bad_mapping_file_is_refused_naming_what_is_wrong(
    studio: Store, write_csv: WriteCsv, cli: Cli, tmp_path: Path, content: str, expected: str
) -> None:
    mapping = write_map(tmp_path, content)
    path = write_csv("clients.csv", "id,first_name,last_name\nC1,Ann,Lee\n")
    result = cli("import", "clients", str(path), "--map", str(mapping))
    assert result.code == 2
    assert result.err.startswith(f"{mapping}{expected}"), result.err
    assert clients(studio) == {}


def test_a_mapping_to_a_field_the_kind_does_not_have(
    studio: Store, write_csv: WriteCsv, cli: Cli, tmp_path: Path
) -> None:
    path = write_csv("clients.csv", "id,first_name,last_name,Statut\nC1,Ann,Lee,VIP\n")
    mapping = write_map(
        tmp_path, {"columns": {"Statut": "status"}, "values": {"email_consent": {"Oui!": "peut"}}}
    )
    result = cli("import", "clients", str(path), "--map", str(mapping))
    assert result.code == 2
    assert result.err.splitlines() == [
        f'{path}: columns: "Statut" → "status": clients files have no such field (fields: id, '
        "first_name, last_name, email, phone, language, email_consent, joined_on)",
        f'{path}: values: email_consent "Oui!" → "peut": say yes or no',
    ]
    assert clients(studio) == {}


def test_the_fresha_preset_reads_fresha_s_client_list(
    studio: Store, write_csv: WriteCsv, cli: Cli
) -> None:
    path = write_csv("export_customer_list.csv", FRESHA)
    before = snapshot(studio, skip=())
    # Without it, "Mobile Number" and "Telephone" both look like the phone: never a silent pick.
    plain = cli("import", "clients", str(path))
    assert plain.code == 2
    assert 'columns "Mobile Number" and "Telephone" both mean phone' in plain.err
    assert snapshot(studio, skip=()) == before

    result = cli("import", "clients", str(path), "--preset", "fresha")

    assert result.code == 0, result.err
    ann = clients(studio)["8812"]
    assert (ann.full_name, ann.email, ann.phone) == (
        "Ann Lee",
        "ann@example.com",
        "+1 514 555 0101",
    )


def test_every_built_in_preset_names_its_sources() -> None:
    builtin = [p for p in list_presets() if p.builtin]
    assert [p.name for p in builtin] == ["fresha"]
    for preset in builtin:
        assert preset.sources, preset.name
        assert all("https://" in source for source in preset.sources)


def test_unknown_preset_or_one_for_another_kind(
    studio: Store, write_csv: WriteCsv, cli: Cli
) -> None:
    path = write_csv("visits.csv", "client_id,class_name,starts_at,coach_name\n")
    unknown = cli("import", "visits", str(path), "--preset", "mindbody")
    assert (unknown.code, unknown.err) == (
        2,
        '--preset mindbody: no preset named "mindbody" (presets: fresha)\n',
    )
    wrong = cli("import", "visits", str(path), "--preset", "Fresha")
    assert wrong.err == 'preset fresha: preset "fresha" is for clients files, not visits\n'


def test_the_studio_saves_a_mapping_as_a_preset_and_uses_it(
    studio: Store, write_csv: WriteCsv, cli: Cli
) -> None:
    mapping = Mapping(columns={"Numéro": "id", "Nom complet": None}, date_format="%d/%m/%Y")
    path = save_preset("Mon export FLiiP", ImportKind.CLIENTS, mapping)
    assert path.parent == user_folder()
    save_preset("mon export fliip", ImportKind.COACHES, Mapping(columns={"Matricule": "id"}))

    preset = load_preset("MON-EXPORT-FLIIP")
    assert (preset.name, preset.builtin) == ("Mon export FLiiP", False)
    assert preset.kinds == {
        ImportKind.CLIENTS: mapping,
        ImportKind.COACHES: Mapping(columns={"Matricule": "id"}),
    }
    assert [p.name for p in list_presets(ImportKind.COACHES)] == ["Mon export FLiiP"]

    csv = write_csv("c.csv", "Numéro,Prénom,Nom,Nom complet\nC1,Ann,Lee,Ann Lee\n")
    assert cli("import", "clients", str(csv), "--preset", "mon export fliip").code == 0
    assert clients(studio)["C1"].full_name == "Ann Lee"

    with pytest.raises(UserInputError, match="already has a mapping for clients files"):
        save_preset("Mon export FLiiP", ImportKind.CLIENTS, Mapping())
    save_preset("Mon export FLiiP", ImportKind.CLIENTS, Mapping(), replace=True)
    assert load_preset("mon export fliip").kinds[ImportKind.CLIENTS] == Mapping()
    with pytest.raises(UserInputError, match="built-in preset"):
        save_preset("Fresha", ImportKind.CLIENTS, mapping)
    delete_preset("mon export fliip")
    assert [p.name for p in list_presets()] == ["fresha"]


def test_a_mapping_file_may_start_from_a_preset(
    studio: Store, write_csv: WriteCsv, cli: Cli, tmp_path: Path
) -> None:
    path = write_csv("export.csv", FRESHA.replace("Client ID", "Numéro client"))
    mapping = write_map(tmp_path, {"preset": "fresha", "columns": {"Numéro client": "id"}})
    result = cli("import", "clients", str(path), "--map", str(mapping))
    assert result.code == 0, result.err
    assert clients(studio)["8812"].phone == "+1 514 555 0101"


def test_one_map_per_file_or_one_for_all(
    studio: Store, write_csv: WriteCsv, cli: Cli, tmp_path: Path
) -> None:
    people = write_csv("c.csv", "Num,Prénom,Nom\nC1,Ann,Lee\n")
    coaches = write_csv("e.csv", "Matricule,Prénom,Nom\nE1,Julie,Roy\n")
    one = write_map(tmp_path, {"columns": {"Num": "id"}}, "one.json")
    two = write_map(tmp_path, {"columns": {"Matricule": "id"}}, "two.json")
    result = cli(
        "import",
        "clients",
        str(people),
        "coaches",
        str(coaches),
        "--map",
        str(one),
        "--map",
        str(two),
    )
    assert result.code == 0, result.err
    odd = cli(
        "import",
        "clients",
        str(people),
        "coaches",
        str(coaches),
        "visits",
        str(people),
        "--map",
        str(one),
        "--map",
        str(two),
    )
    assert odd.err == (
        "import: 2 --map options for 3 files (give one for every file, or one per file in order)\n"
    )


def test_the_preview_uses_the_mapping(studio: Store, write_csv: WriteCsv) -> None:
    path = write_csv("export.csv", FRESHA)
    preview = preview_import(studio, "clients", path, mapping=Mapping(preset="fresha"))
    assert preview.can_import
    assert "Telephone" in preview.ignored_columns
    assert preview.would_create == 1
