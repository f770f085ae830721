"""Settings: a refused value is said beside its field in plain words (in the interface language),
its page is marked, the dialog opens it scrolled to the field and focused; nothing is saved. Spin
boxes and combo boxes ignore the wheel until focused."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from feedback_desk.clock import ManualClock
from feedback_desk.services.settings import load_settings
from feedback_desk.store.database import Store
from feedback_desk.ui import i18n
from feedback_desk.ui.settings import registry
from feedback_desk.ui.settings.page import SchemaFormPage
from feedback_desk.ui.settings.registry import SettingsPageSpec, register_page
from tests.email.factory import configure
from tests.support.settings_dialog import save, settings_dialog


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    i18n.install_language("en")


def stored(store: Store, key: str) -> str:
    with store.read() as session:
        return load_settings(session).raw(key)


def marked(dialog, key: str) -> bool:  # type: ignore[no-untyped-def]
    """The page's entry in the list says it has values to fix (icon and accessible text)."""
    row = list(dialog.pages).index(key)
    item = dialog.page_list.item(row)
    described = item.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert bool(described) == (not item.icon().isNull())
    return bool(described)


def test_every_refused_value_shows_beside_its_field_and_the_first_page_opens_on_it(
    qtbot, store: Store, clock: ManualClock
) -> None:
    with settings_dialog(qtbot, store, clock, "email") as dialog:
        general, kiosk, email = dialog.page("general"), dialog.page("kiosk"), dialog.page("email")
        general.editor("studio.name").setText("   ")
        kiosk.editor("reviews.business_every_months").setText("a year")
        kiosk.editor("kiosk.idle_seconds").setText("2")
        email.managers.setText("boss@studio.example, not-an-address, desk@")
        assert save(qtbot, dialog) is None

        assert general.field_error("studio.name").text() == "Enter the studio's name."
        assert general.field_error("studio.name").isVisibleTo(general)
        months = kiosk.field_error("reviews.business_every_months")
        assert months.text() == "Enter a number of months (1 to 24)."
        assert kiosk.field_error("kiosk.idle_seconds").text() == (
            "Enter a number of seconds (at least 5)."
        )
        assert email.field_error("studio.manager_emails").text().splitlines() == [
            "“not-an-address” is not an email address.",
            "“desk@” is not an email address.",
        ]
        # The editor says it too, for a screen reader.
        assert email.managers.accessibleDescription().startswith("“not-an-address”")
        assert [key for key in dialog.pages if marked(dialog, key)] == [
            "general",
            "kiosk",
            "email",
        ]
        # The first page with a problem is shown, its first bad field focused.
        assert dialog.stack.currentWidget().widget() is general
        assert dialog.page_list.currentRow() == 0
        assert general.focusWidget() is general.editor("studio.name")
        assert "nothing was saved" in dialog.message.text()
    assert stored(store, "studio.name") == "My studio"
    assert stored(store, "reviews.business_every_months") == "3"
    assert stored(store, "studio.manager_emails") == ""


def test_fixed_values_clear_their_marks_and_save(qtbot, store: Store, clock: ManualClock) -> None:
    with settings_dialog(qtbot, store, clock, "kiosk") as dialog:
        kiosk = dialog.page("kiosk")
        kiosk.editor("reviews.business_every_months").setText("30")
        assert save(qtbot, dialog) is None
        assert marked(dialog, "kiosk")
        assert kiosk.field_error("reviews.business_every_months").isVisibleTo(kiosk)
        kiosk.editor("reviews.business_every_months").setText("6")
        kiosk.editor("reviews.class_enabled").setChecked(False)
        assert set(save(qtbot, dialog) or []) == {
            "reviews.business_every_months",
            "reviews.class_enabled",
        }
    assert stored(store, "reviews.business_every_months") == "6"
    assert stored(store, "reviews.class_enabled") == "no"


def test_the_dialog_scrolls_to_a_bad_field_low_on_a_long_page(
    qtbot, store: Store, clock: ManualClock
) -> None:
    with settings_dialog(qtbot, store, clock, "general") as dialog:
        dialog.resize(760, 380)
        email = dialog.page("email")
        email.unsubscribe_url.setText("www.studio.example/unsubscribe")
        assert save(qtbot, dialog) is None
        assert dialog.stack.currentWidget().widget() is email
        assert email.field_error("email.unsubscribe_url").text() == (
            "Enter a web address starting with https:// (or http://)."
        )
        scroller = dialog.scrollers["email"]
        assert scroller.verticalScrollBar().value() > 0, "scrolled down to the field"
        viewport = scroller.viewport()
        top_left = email.unsubscribe_url.mapTo(viewport, QPoint(0, 0))
        assert 0 <= top_left.y() <= viewport.height() - email.unsubscribe_url.height()
        assert email.focusWidget() is email.unsubscribe_url


def test_the_mail_server_is_needed_once_a_sender_is_set(
    qtbot, store: Store, clock: ManualClock
) -> None:
    with settings_dialog(qtbot, store, clock, "email") as dialog:
        email = dialog.page("email")
        email.sender.setText("hello@studio.example")
        assert save(qtbot, dialog) is None
        assert (
            email.field_error("smtp.host")
            .text()
            .startswith("Enter the outgoing mail server (such as smtp.example.com)")
        )
        assert email.focusWidget() is email.host
        email.host.setText("smtps://mail.studio.example")
        assert save(qtbot, dialog) is None
        assert email.field_error("smtp.host").text() == (
            "Enter the server's name only, such as smtp.example.com (no spaces, “/” or “@”)."
        )
        email.host.setText("mail.studio.example")
        assert save(qtbot, dialog) is not None
    assert stored(store, "smtp.host") == "mail.studio.example"


def test_other_settings_save_while_email_is_half_set_up(
    qtbot, store: Store, clock: ManualClock
) -> None:
    """A sender stored without a server does not block saving the studio's name."""
    configure(store, smtp__sender="hello@studio.example")
    with settings_dialog(qtbot, store, clock, "general") as dialog:
        dialog.page("general").editor("studio.name").setText("Studio Zen")
        assert save(qtbot, dialog) == ["studio.name"]


def test_the_messages_speak_the_interface_language(qtbot, store: Store, clock: ManualClock) -> None:
    i18n.install_language("fr")
    with settings_dialog(qtbot, store, clock, "kiosk") as dialog:
        kiosk, email = dialog.page("kiosk"), dialog.page("email")
        kiosk.editor("reviews.business_every_months").setText("0")
        email.managers.setText("patron@studio.example, pas-une-adresse")
        email.per_minute.setValue(10_000)
        assert save(qtbot, dialog) is None
        assert kiosk.field_error("reviews.business_every_months").text() == (
            "Entrez un nombre de mois (1 à 24)."
        )
        assert email.field_error("studio.manager_emails").text() == (
            "« pas-une-adresse » n’est pas une adresse courriel."
        )
        row = list(dialog.pages).index("kiosk")
        assert dialog.page_list.item(row).data(Qt.ItemDataRole.AccessibleDescriptionRole) == (
            "Des valeurs sont à corriger"
        )
        assert "rien n’a été enregistré" in dialog.message.text()


def wheel(widget: QWidget, steps: int = 1) -> None:
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        widget.mapToGlobal(centre),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_changes_a_spin_box_or_combo_box_only_once_it_has_the_focus(
    qtbot, store: Store, clock: ManualClock
) -> None:
    with settings_dialog(qtbot, store, clock, "email") as dialog:
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        email = dialog.page("email")
        email.test_address.setFocus()
        qtbot.waitUntil(email.test_address.hasFocus)
        port, security = email.port.value(), email.security.currentIndex()
        wheel(email.port)
        wheel(email.security, -1)
        assert email.port.value() == port, "an unfocused spin box keeps its value"
        assert email.security.currentIndex() == security, "and a combo box its choice"
        assert email.port.focusPolicy() == Qt.FocusPolicy.StrongFocus
        email.port.setFocus()
        qtbot.waitUntil(email.port.hasFocus)
        wheel(email.port)
        assert email.port.value() == port + 1, "once focused, the wheel changes it"


class RequestsPage(SchemaFormPage):
    """A feature's page as another engineer would add it: settings keys alone."""

    GROUPS = (("Requests", ("requests.email_enabled", "requests.delay_hours")),)


@pytest.fixture
def requests_page() -> Iterator[None]:
    original = list(registry.PAGES)
    register_page(SettingsPageSpec("requests", lambda: "Requests", RequestsPage))
    yield
    registry.PAGES[:] = original


def test_a_new_page_gets_its_messages_beside_its_fields_and_sees_the_other_pages(
    qtbot, store: Store, clock: ManualClock, requests_page: None
) -> None:
    with settings_dialog(qtbot, store, clock, "requests") as dialog:
        page = dialog.page("requests")
        page.editor("requests.delay_hours").setText("100")
        page.editor("requests.email_enabled").setChecked(True)
        assert save(qtbot, dialog) is None
        assert page.field_error("requests.delay_hours").text() == (
            "Enter a number of hours (0 to 72)."
        )
        # Turning email requests on (on this page) needs a mail server (on the Email page).
        email = dialog.page("email")
        assert email.field_error("smtp.host").text().startswith("Enter the outgoing mail server")
        assert marked(dialog, "requests")
        assert marked(dialog, "email")
        assert dialog.stack.currentWidget().widget() is email, "the first page in the list"
        assert email.focusWidget() is email.host
        email.host.setText("mail.studio.example")
        page.editor("requests.delay_hours").setText("3")
        assert set(save(qtbot, dialog) or []) == {
            "smtp.host",
            "requests.email_enabled",
            "requests.delay_hours",
        }
    assert stored(store, "requests.email_enabled") == "yes"
