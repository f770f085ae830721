"""File → Import…'s mapping step: each column's field with its evidence and a combo to change
it, the date order the file proves or the user chooses, the encoding and separator, bad cells
tinted with their message in the interface language, and presets saved and chosen."""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.services.importing import ImportKind
from feedback_desk.services.importing.presets import user_folder
from feedback_desk.services.settings import set_setting
from feedback_desk.store.database import Store
from feedback_desk.store.models import Attendance, ClassSession, Client
from feedback_desk.ui import i18n
from feedback_desk.ui.dialogs.import_columns import WHY
from feedback_desk.ui.dialogs.import_dialog import ImportDialog
from tests.importing.conftest import WriteCsv, add_people
from tests.importing.test_import_dialog import checked
from tests.support.window_context import window_context

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

MINDBODY_CLIENTS = (
    "Client ID,Last Name,First Name,Email,Phone,Mobile Phone,Gender,Member Since\n"
    "100015,Tremblay,Élodie,elodie@example.com,514-555-0101,514-555-0199,F,2025-01-14\n"
    "100016,Lee,Ann,ann@example.com,,438-555-0102,F,2025-02-03\n"
)
FRENCH_VISITS = (
    "N° de membre;Cours;Date et heure;Entraîneur;Salle;Statut\r\n"
    "100015;Spinning;14/03/2026 18:00;Julie Roy;Salle A;Présent\r\n"
    "100016;Spinning;14/03/2026 18:00;Julie Roy;Salle A;Absent\r\n"
    "100015;Yoga doux;03/04/2026 09:30;Marc Côté;Salle B;Présent\r\n"
)


def open_dialog(qtbot, context, **options: object) -> ImportDialog:  # type: ignore[no-untyped-def]
    dialog = ImportDialog(context, reread_delay_ms=0, **options)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)  # the presets are listed
    return dialog


@pytest.fixture
def context(qtbot, studio: Store, clock: ManualClock):  # type: ignore[no-untyped-def]
    with window_context(qtbot, studio, clock) as opened:
        yield opened


@pytest.fixture
def dialog(qtbot, context) -> Iterator[ImportDialog]:  # type: ignore[no-untyped-def]
    shown = open_dialog(qtbot, context)
    yield shown
    qtbot.waitUntil(lambda: not shown.busy, timeout=10_000)


def columns(dialog: ImportDialog) -> list[tuple[str, str | None, str]]:
    """(column, field chosen in its combo, why) for each row of the mapping table."""
    table = dialog.columns_table
    return [
        (table.item(row, 0).text(), table.combo(row).currentData(), table.item(row, WHY).text())
        for row in range(table.rowCount())
    ]


def choose_field(qtbot, dialog: ImportDialog, header: str, field: str | None) -> None:  # type: ignore[no-untyped-def]
    combo = dialog.columns_table.combo(dialog.columns_table.row_of(header))
    combo.setCurrentIndex(combo.findData(field))
    checked(qtbot, dialog)


def test_a_mindbody_client_list_goes_through_the_mapping_step(
    qtbot, dialog: ImportDialog, studio: Store, write_csv: WriteCsv
) -> None:  # type: ignore[no-untyped-def]
    dialog.set_file(write_csv("ClientList.csv", MINDBODY_CLIENTS))
    checked(qtbot, dialog)

    assert dialog.kind is ImportKind.CLIENTS
    assert columns(dialog) == [
        ("Client ID", "id", 'recognised as "Client ID"'),
        ("Last Name", "last_name", "its name"),
        ("First Name", "first_name", "its name"),
        ("Email", "email", "its name"),
        ("Phone", "phone", "its name"),
        ("Mobile Phone", None, 'ignored: column "Phone" gives phone'),
        ("Gender", None, "not recognised: ignored"),
        ("Member Since", "joined_on", 'recognised as "Member since"'),
    ]
    assert dialog.problems_model.stringList() == []
    assert dialog.import_button.isEnabled()

    # The studio wants the mobile number.
    choose_field(qtbot, dialog, "Mobile Phone", "phone")

    assert columns(dialog)[4:6] == [
        ("Phone", None, "ignored: your choice"),
        ("Mobile Phone", "phone", "your choice"),
    ]
    assert dialog.preview_model.headerData(5, Qt.Orientation.Horizontal) == "Mobile Phone\n→ phone"
    assert dialog.problems_model.stringList() == []
    assert dialog.summary_label.text() == (
        "Rows in the file: 2. Importing would create 2, update 0 and leave 0 unchanged."
    )
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_button.click()
    with studio.read() as session:
        phones = {c.external_id: c.phone for c in session.scalars(select(Client))}
    assert phones == {"100015": "514-555-0199", "100016": "438-555-0102"}


def test_two_columns_for_one_field_are_resolved_by_ignoring_one(
    qtbot, dialog: ImportDialog, write_csv: WriteCsv
) -> None:  # type: ignore[no-untyped-def]
    path = write_csv("clients.csv", "id,first_name,last_name,Mobile,Cellulaire\nC1,Ann,Lee,1,2\n")
    dialog.set_file(path)
    checked(qtbot, dialog)
    assert dialog.problems_model.stringList() == [
        'Line 1: columns "Mobile" and "Cellulaire" both give phone: choose "ignore" for the one '
        "not to use"
    ]
    assert not dialog.import_button.isEnabled()

    choose_field(qtbot, dialog, "Mobile", None)

    assert columns(dialog)[3:] == [
        ("Mobile", None, "ignored: your choice"),
        ("Cellulaire", "phone", 'recognised as "Cellulaire"'),
    ]
    assert dialog.problems_model.stringList() == []
    assert dialog.import_button.isEnabled()


def test_choosing_a_field_taken_by_another_column_ignores_that_column(
    qtbot, dialog: ImportDialog, write_csv: WriteCsv
) -> None:  # type: ignore[no-untyped-def]
    dialog.set_file(write_csv("ClientList.csv", MINDBODY_CLIENTS))
    checked(qtbot, dialog)

    choose_field(qtbot, dialog, "Gender", "phone")

    assert [(c, f) for c, f, _why in columns(dialog)][4:7] == [
        ("Phone", None),
        ("Mobile Phone", None),
        ("Gender", "phone"),
    ]
    assert columns(dialog)[6][2] == "your choice"
    assert dialog.mapping().columns == {"Gender": "phone", "Phone": None}
    # Back to the columns as recognised.
    dialog.reset_button.click()
    checked(qtbot, dialog)
    assert dialog.mapping().columns == {}
    assert columns(dialog)[6][1] is None


@pytest.mark.parametrize("setting", ["dmy", "mdy"])
def test_a_french_excel_visit_history_is_read_in_the_date_order_it_proves(
    qtbot, context, studio: Store, clock: ManualClock, write_csv: WriteCsv, setting: str
) -> None:  # type: ignore[no-untyped-def]
    add_people(studio, clients={"100015": ("Élodie", "Tremblay"), "100016": ("Ann", "Lee")})
    with studio.write() as session:
        set_setting(session, "import.date_order", setting, at=clock.now(), actor="test")
    context.reload_settings()
    qtbot.waitUntil(lambda: context.settings.raw("import.date_order") == setting)
    dialog = open_dialog(qtbot, context)
    path = write_csv("visites-mars.csv", FRENCH_VISITS, encoding="cp1252")

    dialog.set_file(path)
    checked(qtbot, dialog)

    assert dialog.kind is ImportKind.VISITS
    assert dialog.layout_box.reading_label.text() == (
        "Not UTF-8: read as Windows-1252. Values separated by semicolons."
    )
    assert dialog.layout_box.dates_label.text() == (
        'Dates of "Date et heure": day/month/year (as 14/03/2026 18:00 shows)'
    )
    assert dialog.layout_box.date_order == "dmy"
    assert [(c, f) for c, f, _why in columns(dialog)] == [
        ("N° de membre", "client_id"),
        ("Cours", "class_name"),
        ("Date et heure", "starts_at"),
        ("Entraîneur", "coach_name"),
        ("Salle", "location"),
        ("Statut", "present"),
    ]
    assert dialog.summary_label.text() == (
        "Rows in the file: 3. Importing would create 3, update 0 and leave 0 unchanged. "
        "New sessions: 2. New coaches: Julie Roy, Marc Côté. New classes: Spinning, Yoga doux."
    )
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_button.click()
    assert dialog.result_label.text().splitlines()[0] == (
        "Imported visites-mars.csv: 3 created, 0 updated, 0 unchanged. (Not UTF-8: read as "
        "Windows-1252.)"
    )
    with studio.read() as session:
        starts = sorted(s.starts_at for s in session.scalars(select(ClassSession)))
        present = sorted(a.present for a in session.scalars(select(Attendance)))
    assert starts == [  # 18:00 and 9:30 in Montréal: EDT from March 8
        datetime(2026, 3, 14, 22, 0, tzinfo=UTC),
        datetime(2026, 4, 3, 13, 30, tzinfo=UTC),
    ]
    assert present == [False, True, True]


def test_dates_that_fit_both_orders_are_read_in_the_order_chosen(
    qtbot, dialog: ImportDialog, studio: Store, write_csv: WriteCsv
) -> None:  # type: ignore[no-untyped-def]
    path = write_csv("clients.csv", "id,first_name,last_name,joined_on\nC1,Ann,Lee,03/04/2026\n")
    dialog.set_file(path)
    checked(qtbot, dialog)
    assert dialog.layout_box.dates_label.text() == (
        'Dates of "joined_on": each date could be day/month or month/day: choose below'
    )
    assert dialog.layout_box.order_box.isVisibleTo(dialog)
    assert dialog.layout_box.date_order == "dmy"  # the setting's

    box = dialog.layout_box.order_box
    box.setCurrentIndex(box.findData("mdy"))
    box.activated.emit(box.currentIndex())
    checked(qtbot, dialog)

    assert dialog.mapping().date_order == "mdy"
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_button.click()
    with studio.read() as session:
        [client] = session.scalars(select(Client))
    assert client.joined_on == datetime(2026, 3, 4).date()


def test_a_bad_cell_is_tinted_with_its_message_in_french(
    qtbot, context, write_csv: WriteCsv
) -> None:  # type: ignore[no-untyped-def]
    i18n.install_language("fr")
    try:
        dialog = open_dialog(qtbot, context)
        path = write_csv(
            "clients.csv",
            "N° de membre;Prénom;Nom;Membre depuis\r\n"
            "100015;Élodie;Tremblay;14/03/2026\r\n"
            "100016;Ann;Lee;14/03/0026\r\n",
            encoding="cp1252",
        )
        dialog.set_file(path)
        checked(qtbot, dialog)

        model = dialog.preview_model
        bad = model.index(1, 3)
        assert model.data(bad, Qt.ItemDataRole.BackgroundRole) is not None
        assert model.data(model.index(0, 3), Qt.ItemDataRole.BackgroundRole) is None
        message = 'joined_on : "14/03/0026" est avant 1900 (une faute de frappe dans l’année ?)'
        assert model.problem_at(1, 3) == message
        assert model.data(bad, Qt.ItemDataRole.ToolTipRole) == f"<p>{html.escape(message)}</p>"
        assert dialog.problems_model.stringList() == [
            f'Ligne 3, colonne "Membre depuis" : {message}'
        ]
        assert dialog.layout_box.reading_label.text() == (
            "Pas en UTF-8 : lu comme Windows-1252. Valeurs séparées par des points-virgules."
        )
        assert not dialog.import_button.isEnabled()
    finally:
        i18n.install_language("en")


def test_several_changes_make_one_read_and_an_older_read_is_dropped(
    qtbot, dialog: ImportDialog, write_csv: WriteCsv
) -> None:  # type: ignore[no-untyped-def]
    dialog.set_file(write_csv("ClientList.csv", MINDBODY_CLIENTS))
    checked(qtbot, dialog)
    shown: list[object] = []
    dialog.inspected.connect(shown.append)

    # Two changes in a row (no pause): one read, of the last mapping.
    dialog.choose_field("Mobile Phone", "phone")
    dialog.choose_field("Gender", "email")
    checked(qtbot, dialog)
    assert len(shown) == 1

    # A read already under way when the mapping changes is dropped when it answers.
    dialog.read_now()
    dialog.choose_field("Gender", None)
    dialog.read_now()
    checked(qtbot, dialog)
    assert len(shown) == 2
    assert columns(dialog)[6] == ("Gender", None, "ignored: your choice")


def test_a_mapping_saved_as_a_preset_is_chosen_for_the_next_file(
    qtbot, context, write_csv: WriteCsv
) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, context)
    dialog.set_file(write_csv("ClientList.csv", MINDBODY_CLIENTS))
    checked(qtbot, dialog)
    choose_field(qtbot, dialog, "Mobile Phone", "phone")

    name_dialog = dialog.presets.ask_name()
    name_dialog.setTextValue("Mindbody")
    name_dialog.accept()
    qtbot.waitUntil(lambda: dialog.presets.preset is not None, timeout=10_000)
    assert dialog.result_label.text() == "Saved as the preset Mindbody."
    saved = json.loads((user_folder() / "mindbody.json").read_text(encoding="utf-8"))
    assert saved == {
        "name": "Mindbody",
        "kinds": {"clients": {"columns": {"Mobile Phone": "phone", "Phone": ""}}},
    }
    dialog.close()

    # Another day, another export: the preset does the mapping.
    again = open_dialog(qtbot, context)
    again.set_file(write_csv("ClientList2.csv", MINDBODY_CLIENTS))
    checked(qtbot, again)
    assert columns(again)[4][1] == "phone"  # without the preset: the column named Phone
    combo = again.presets.combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "(no preset)",
        "fresha (built in)",
        "Mindbody",
    ]
    combo.setCurrentIndex(2)
    checked(qtbot, again)
    assert columns(again)[4:6] == [
        ("Phone", None, 'ignored by the preset "Mindbody"'),
        ("Mobile Phone", "phone", 'the preset "Mindbody"'),
    ]
    assert again.import_button.isEnabled()


def test_saving_over_a_preset_asks_first(qtbot, dialog: ImportDialog, write_csv: WriteCsv) -> None:  # type: ignore[no-untyped-def]
    dialog.set_file(write_csv("ClientList.csv", MINDBODY_CLIENTS))
    checked(qtbot, dialog)
    choose_field(qtbot, dialog, "Mobile Phone", "phone")
    dialog.presets.save("Mindbody")
    qtbot.waitUntil(lambda: dialog.presets.preset is not None, timeout=10_000)
    path = user_folder() / "mindbody.json"
    first = path.read_text(encoding="utf-8")

    choose_field(qtbot, dialog, "Member Since", None)
    dialog.presets.save("mindbody")
    qtbot.waitUntil(lambda: dialog.presets.question is not None, timeout=10_000)
    question = dialog.presets.question
    assert question.isVisible()
    assert question.text() == (
        "The preset mindbody already has a mapping for these files. Replace it?"
    )
    question.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert path.read_text(encoding="utf-8") == first

    dialog.presets.save("mindbody")
    qtbot.waitUntil(lambda: dialog.presets.question.isVisible(), timeout=10_000)
    [replace] = [b for b in dialog.presets.question.buttons() if b.text() == "Replace"]
    replace.click()
    qtbot.waitUntil(lambda: path.read_text(encoding="utf-8") != first, timeout=10_000)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert dialog.result_label.text() == "Saved as the preset mindbody."
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["name"] == "Mindbody"  # as first written
    assert saved["kinds"]["clients"]["columns"] == {
        "Mobile Phone": "phone",
        "Phone": "",
        "Member Since": "",
    }
