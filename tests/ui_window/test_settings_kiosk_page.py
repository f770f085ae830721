"""Settings → Kiosk: the staff PIN (typed twice, stored hashed, never shown back, removable), the
idle delay and what the kiosk asks, each setting on this page only."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.domain.pin import check_pin
from feedback_desk.services.settings import load_settings
from feedback_desk.store.database import Store
from feedback_desk.store.models import Setting
from tests.email.factory import configure
from tests.support.settings_dialog import save, settings_dialog

KIOSK_KEYS = (
    "kiosk.idle_seconds",
    "reviews.enabled",
    "reviews.class_enabled",
    "reviews.business_enabled",
    "reviews.business_every_months",
    "reviews.business_question_fr",
    "reviews.business_question_en",
    "nps.enabled",
)


def stored(store: Store, key: str) -> str:
    with store.read() as session:
        return load_settings(session).raw(key)


def test_a_pin_typed_twice_is_stored_hashed_and_never_shown_back(
    qtbot, store: Store, clock: ManualClock
) -> None:
    with settings_dialog(qtbot, store, clock, "kiosk") as dialog:
        page = dialog.page("kiosk")
        assert page.pin_state.text() == "No PIN: anyone can leave kiosk mode."
        assert not page.remove_pin_button.isEnabled()
        page.pin.setText("2468")
        page.pin_again.setText("2469")
        assert save(qtbot, dialog) is None
        assert page.field_error("kiosk.pin_again").text() == (
            "The two PINs are not the same: type the new PIN twice."
        )
        assert page.focusWidget() is page.pin_again
        page.pin.setText("24")
        page.pin_again.setText("24")
        assert save(qtbot, dialog) is None
        assert page.field_error("kiosk.pin").text() == "A PIN is 4 to 12 digits."
        assert not page.field_error("kiosk.pin_again").isVisibleTo(page)
        page.pin.setText("2468")
        page.pin_again.setText("2468")
        assert save(qtbot, dialog) == ["kiosk.pin"]
    hashed = stored(store, "kiosk.pin")
    assert "2468" not in hashed
    assert check_pin("2468", hashed)
    with settings_dialog(qtbot, store, clock, "kiosk") as dialog:
        page = dialog.page("kiosk")
        assert page.pin_state.text() == "PIN set. Type a new one below to change it."
        assert page.pin.text() == page.pin_again.text() == ""
        assert page.remove_pin_button.isEnabled()
        # Saving other values keeps the PIN.
        page.editor("kiosk.idle_seconds").setText("45")
        assert save(qtbot, dialog) == ["kiosk.idle_seconds"]
    assert stored(store, "kiosk.pin") == hashed
    assert stored(store, "kiosk.idle_seconds") == "45"


def test_remove_pin_clears_it_when_the_dialog_saves(
    qtbot, store: Store, clock: ManualClock
) -> None:
    configure(store, kiosk__pin="1357")
    with settings_dialog(qtbot, store, clock, "kiosk") as dialog:
        page = dialog.page("kiosk")
        page.remove_pin_button.click()
        assert page.pin_state.text() == (
            "The PIN is removed when you save: anyone can then leave kiosk mode."
        )
        assert stored(store, "kiosk.pin") != "", "nothing happens before Save"
        assert save(qtbot, dialog) == ["kiosk.pin"]
    assert stored(store, "kiosk.pin") == ""


def test_what_the_kiosk_asks_lives_on_the_kiosk_page_only(
    qtbot, store: Store, clock: ManualClock
) -> None:
    with settings_dialog(qtbot, store, clock, "kiosk") as dialog:
        for key in KIOSK_KEYS:
            owners = [name for name, page in dialog.pages.items() if page.field_editor(key)]
            assert owners == ["kiosk"], key
        page = dialog.page("kiosk")
        page.editor("reviews.business_enabled").setChecked(False)
        page.editor("reviews.business_question_en").setText("")
        assert save(qtbot, dialog) is None
        assert page.field_error("reviews.business_question_en").text() == (
            "Enter the question in English."
        )
        page.editor("reviews.business_question_en").setText("Rate {studio}?")
        assert set(save(qtbot, dialog) or []) == {
            "reviews.business_enabled",
            "reviews.business_question_en",
        }
    assert stored(store, "reviews.business_enabled") == "no"
    assert stored(store, "reviews.business_question_en") == "Rate {studio}?"


def test_the_kiosk_pin_pad_points_to_the_kiosk_page(qtbot) -> None:  # type: ignore[no-untyped-def]
    from feedback_desk.ui.kiosk.pin import PinDialog

    pad = PinDialog(pin_configured=False)
    qtbot.addWidget(pad)
    assert pad.message.text().endswith("Set one in Settings → Kiosk.")


def test_the_interface_language_is_chosen_per_pc_and_applies_at_once_and_at_the_next_start(
    qtbot, store: Store, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from feedback_desk.ui import i18n, preferences
    from feedback_desk.ui.app import system_language, ui_language

    try:
        with settings_dialog(qtbot, store, clock, "general") as dialog:
            combo = dialog.page("general").interface_language
            assert [combo.itemText(i) for i in range(combo.count())] == [
                "System language",
                "Français",
                "English",
            ]
            combo.setCurrentIndex(combo.findData("fr"))
            assert save(qtbot, dialog) == [], "no studio setting changed"
        assert i18n.current_language() == "fr", "applied at once"
        with settings_dialog(qtbot, store, clock, "general") as dialog:
            assert dialog.windowTitle() == "Paramètres"
            assert dialog.page_list.item(0).text() == "Général"
            combo = dialog.page("general").interface_language
            assert combo.currentText() == "Français"
        # Remembered on this PC (not in the shared store), for the next start...
        assert preferences.interface_language() == "fr"
        with store.read() as session:
            assert not [k for k in session.scalars(select(Setting.key)) if "language" in k]
        monkeypatch.delenv("FEEDBACK_DESK_LANG")
        assert ui_language() == "fr"
        # ...unless FEEDBACK_DESK_LANG says otherwise.
        monkeypatch.setenv("FEEDBACK_DESK_LANG", "en")
        assert ui_language() == "en"
        with settings_dialog(qtbot, store, clock, "general") as dialog:
            combo = dialog.page("general").interface_language
            combo.setCurrentIndex(combo.findData(""))
            assert save(qtbot, dialog) == []
        monkeypatch.delenv("FEEDBACK_DESK_LANG")
        assert preferences.interface_language() == ""
        assert ui_language() == system_language()
    finally:
        i18n.install_language("en")
