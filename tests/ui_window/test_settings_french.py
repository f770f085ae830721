"""Settings… in French: every page, every word a user can read on it (labels, buttons, group
titles, tooltips, placeholders, list items), is French.

Two checks, because each misses what the other sees:

* a translator installed *behind* the French catalogue records every string Qt was asked for and
  the catalogue could not give (tests/support/untranslated.py): a missing or unfinished entry;
* the texts actually shown are read back and searched for English words French never uses
  ("the", "and", "Settings"...): this catches text that never went through a translation call
  at all (a schema's English help text, a string built by concatenation), which the recorder
  cannot see. Values the studio typed or that are data (line edits, text boxes, previews) are
  not read: only what the window itself writes. Nor is what English-speaking clients read (the
  widgets named for their language, ``..._en`` or ``...:en``: the English questions' shipped
  text, their preview), though those widgets' tooltips and names for a screen reader are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import keyring
from keyring.backends.fail import Keyring as NoKeyring
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTabWidget,
    QWidget,
)

from feedback_desk.clock import ManualClock
from feedback_desk.domain.settings_schema import definition
from feedback_desk.services.templates.catalogue import TemplateName
from feedback_desk.store.database import Store
from feedback_desk.ui import i18n
from feedback_desk.ui.settings.page import SchemaFormPage
from tests.support.settings_dialog import save, settings_dialog
from tests.support.untranslated import UntranslatedRecorder

# Whole words that exist in English and never in French (case-sensitive where the French word
# differs only by case: "Email" is never French, "courriel" is).
ENGLISH_ONLY = re.compile(
    r"\b(the|The|and|you|your|You|Your|with|when|When|email|Email|Settings|"
    r"is|are|to|of|for|this|This|not|no|No|from|after|After|before|every|Every)\b"
)

# Widgets showing what English-speaking clients read: a setting key or a preview of "en".
FOR_ENGLISH_CLIENTS = re.compile(r"[_:]en$")


def test_every_settings_page_speaks_french(qtbot, store: Store, clock: ManualClock) -> None:  # type: ignore[no-untyped-def]
    i18n.install_language("en")
    recorder = UntranslatedRecorder().__enter__()  # behind the French catalogue
    i18n.install_language("fr")
    try:
        with settings_dialog(qtbot, store, clock, "general") as dialog:
            shown: dict[str, list[str]] = {}
            for row, key in enumerate(dialog.pages):
                dialog.show_page(key)
                assert dialog.page_list.currentRow() == row
                qtbot.waitUntil(lambda: not dialog.context.busy, timeout=10_000)
                page = dialog.page(key)
                shown[key] = [dialog.page_list.item(row).text(), *texts_of(page)]
            # Refused values: their messages, the dialog's and the page list's marks.
            dialog.page("kiosk").editor("reviews.business_every_months").setText("0")
            templates = dialog.page("templates")
            templates.select(TemplateName.INVITATION, "fr")
            templates.body.setPlainText("Bonjour {prenom}")
            assert save(qtbot, dialog) is None
            shown["refused"] = [
                *texts_of(dialog.page("kiosk")),
                *texts_of(templates),
                dialog.message.text(),
                *(dialog.page_list.item(row).toolTip() for row in range(len(dialog.pages))),
            ]
            shown["dialog"] = [dialog.windowTitle(), *texts_of(dialog.buttons)]
        missing = recorder.report(_catalogue("fr"))
        assert missing == [], "\n".join(missing)
        english = [
            f"{key}: {text!r}"
            for key, texts in shown.items()
            for text in texts
            if ENGLISH_ONLY.search(text)
        ]
        assert english == [], "\n".join(english)
        assert "Paramètres" in shown["dialog"]
        assert "Entrez un nombre de mois (1 à 24)." in shown["refused"]
        assert any(
            text.startswith("Invitation Google (fr) : texte : champ inconnu {prenom} ; ")
            for text in shown["refused"]
        ), shown["refused"]
    finally:
        recorder.__exit__()
        i18n.install_language("en")


def test_fields_built_from_the_schema_have_the_windows_own_tooltips(
    qtbot, store: Store, clock: ManualClock
) -> None:  # type: ignore[no-untyped-def]
    """Not the command line's terse English help: a sentence the catalogue translates."""
    with settings_dialog(qtbot, store, clock, "general") as dialog:
        pages = [p for p in dialog.pages.values() if isinstance(p, SchemaFormPage)]
        tips = {key: f.editor.toolTip() for page in pages for key, f in page.fields.items()}
    assert len(tips) >= 11
    for key, tip in tips.items():
        assert tip, f"{key} has no tooltip"
        assert tip != definition(key).help, key
    assert tips["studio.timezone"] == (
        "Every day and month of the reports is counted in this time zone."
    )


def test_without_a_keyring_a_typed_password_is_refused_in_french(
    qtbot, store: Store, clock: ManualClock
) -> None:  # type: ignore[no-untyped-def]
    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    i18n.install_language("fr")
    try:
        with settings_dialog(qtbot, store, clock, "email") as dialog:
            dialog.page("email").password.setText("hunter2")
            dialog.page("inbox").password.setText("hunter2")
            assert save(qtbot, dialog) is None
            messages = [
                dialog.page("email").problems()["smtp.password"],
                dialog.page("inbox").problems()["imap.password"],
            ]
    finally:
        i18n.install_language("en")
        keyring.set_keyring(previous)
    for message in messages:
        assert message.startswith(
            "Aucun trousseau du système ne peut garder ce mot de passe : aucun trousseau "
            "utilisable n’a été trouvé (keyring.backends.fail.Keyring). Installez-en un"
        ), message
        assert not ENGLISH_ONLY.search(message), message


def texts_of(root: QWidget) -> Iterator[str]:
    """What the window writes on *root* and its children, for the eye and for a screen reader:
    never the values in editors (the studio's own words)."""
    for widget in [root, *root.findChildren(QWidget)]:
        yield from (widget.toolTip(), widget.accessibleName(), widget.accessibleDescription())
        if FOR_ENGLISH_CLIENTS.search(widget.objectName()):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            yield widget.text()
        elif isinstance(widget, QGroupBox):
            yield widget.title()
        elif isinstance(widget, QLineEdit):
            yield widget.placeholderText()
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            yield from (widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QTabWidget):
            yield from (widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QListWidget):
            yield from (widget.item(i).text() for i in range(widget.count()))


def _catalogue(language: str) -> QTranslator:
    catalogue = QTranslator()
    assert catalogue.load(f"{i18n.CATALOGUE}_{language}", str(i18n.translations_dir()))
    return catalogue
