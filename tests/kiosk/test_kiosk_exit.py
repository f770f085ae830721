"""Leaving kiosk mode needs the staff PIN (stored hashed); without one, the kiosk says so."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from feedback_desk.store.database import Store
from feedback_desk.store.models import Setting
from feedback_desk.ui import i18n
from feedback_desk.ui.kiosk.pin import PinDialog
from feedback_desk.ui.kiosk.window import KioskWindow
from tests.kiosk.conftest import KioskFactory, tap
from tests.support.studio_builder import StudioBuilder


def enter_pin(qtbot: QtBot, dialog: PinDialog, digits: str) -> None:
    for digit in digits:
        tap(qtbot, dialog.keys[digit])
    tap(qtbot, dialog.ok_button)


def pin_dialog(qtbot: QtBot, window: KioskWindow) -> PinDialog:
    """The PIN pad, once it opened (the stored PIN is read in the background first)."""
    qtbot.waitUntil(lambda: window.pin_dialog is not None, timeout=5000)
    assert window.pin_dialog is not None
    return window.pin_dialog


def test_the_pin_guards_the_exit(
    qtbot: QtBot, open_kiosk: KioskFactory, studio: StudioBuilder, store: Store
) -> None:
    studio.setting("kiosk.pin", "2468")
    with store.read() as session:
        stored = session.get_one(Setting, "kiosk.pin").value
    assert "2468" not in stored  # hashed, never kept as typed
    studio.setting("studio.language", "en")
    window = open_kiosk()

    window.close()  # Alt+F4, the window manager's close button...
    assert window.isVisible()
    dialog = pin_dialog(qtbot, window)
    assert dialog.isVisible()
    assert dialog.message.text() == "Enter the staff PIN."

    enter_pin(qtbot, dialog, "1357")
    qtbot.waitUntil(lambda: dialog.message.text() == "Wrong PIN. Try again.")
    assert window.isVisible()
    assert dialog.field.text() == ""

    enter_pin(qtbot, dialog, "2468")
    qtbot.waitUntil(lambda: not window.isVisible())


def test_cancel_keeps_the_kiosk_and_escape_never_leaves(
    qtbot: QtBot, open_kiosk: KioskFactory, studio: StudioBuilder
) -> None:
    studio.setting("kiosk.pin", "2468")
    window = open_kiosk()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.isVisible()
    assert window.pin_dialog is None
    tap(qtbot, window.staff_button)
    dialog = pin_dialog(qtbot, window)
    tap(qtbot, dialog.cancel_button)
    assert window.pin_dialog is None
    assert window.isVisible()


def test_without_a_pin_the_kiosk_says_so_and_lets_staff_leave(
    qtbot: QtBot, open_kiosk: KioskFactory, studio: StudioBuilder
) -> None:
    window = open_kiosk()  # studio language: French by default
    tap(qtbot, window.staff_button)
    dialog = pin_dialog(qtbot, window)
    assert "Aucun NIP du personnel n’est défini" in dialog.message.text()
    assert not dialog.keys["1"].isVisible()
    tap(qtbot, dialog.leave_button)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_leaving_restores_the_language_shown_before(
    qtbot: QtBot, open_kiosk: KioskFactory, studio: StudioBuilder
) -> None:
    i18n.install_language("en")
    window = open_kiosk()
    assert i18n.current_language() == "fr"  # the studio's language while the kiosk runs
    tap(qtbot, window.staff_button)
    tap(qtbot, pin_dialog(qtbot, window).leave_button)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert i18n.current_language() == "en"


def test_an_idle_timeout_closes_an_abandoned_pin_pad(
    qtbot: QtBot, open_kiosk: KioskFactory, studio: StudioBuilder
) -> None:
    studio.setting("kiosk.pin", "2468")
    window = open_kiosk()
    tap(qtbot, window.staff_button)
    tap(qtbot, pin_dialog(qtbot, window).keys["2"])
    window.idle.expired.emit()
    assert window.pin_dialog is None
    assert window.isVisible()


def test_the_pin_setting_is_read_when_staff_ask_to_leave(
    qtbot: QtBot, open_kiosk: KioskFactory, studio: StudioBuilder
) -> None:
    window = open_kiosk()
    studio.setting("kiosk.pin", "8642")  # set by a manager while the kiosk runs
    tap(qtbot, window.staff_button)
    dialog = pin_dialog(qtbot, window)
    assert not dialog.leave_button.isVisible()
    enter_pin(qtbot, dialog, "8642")
    qtbot.waitUntil(lambda: not window.isVisible())
