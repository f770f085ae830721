"""Every feature is reachable from the main window on a real (demo) store: the kiosk, staff
entry, the client search and its email consent, closing the loop, Settings' pages, the Google
tab, import, the status bar and About."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel
from sqlalchemy import func, select

from feedback_desk import __version__, paths
from feedback_desk.domain.kinds import Channel
from feedback_desk.domain.text import fold
from feedback_desk.services import settings_admin
from feedback_desk.store.database import Store, open_store
from feedback_desk.store.models import Client, Review
from feedback_desk.ui import i18n
from feedback_desk.ui.dialogs.client_card import ClientCardDialog
from feedback_desk.ui.dialogs.find_client import FindClientDialog
from feedback_desk.ui.dialogs.hosted import HostDialog
from feedback_desk.ui.kiosk import KioskWindow
from feedback_desk.ui.loop.nonrespondents import NonRespondentsView
from feedback_desk.ui.loop.thank_promoters import ThankPromotersDialog
from feedback_desk.ui.settings.dialog import SettingsDialog
from tests.kiosk.conftest import tap, type_text
from tests.ui_window.conftest import wait_loaded


@pytest.fixture(autouse=True)
def english_afterwards(qapp: QApplication) -> Iterator[None]:
    yield
    i18n.install_language("en")


def reading(path: Path) -> Store:
    return open_store(path)


def count(path: Path, query) -> int:  # type: ignore[no-untyped-def]
    store = reading(path)
    try:
        with store.read() as session:
            return int(session.scalar(query) or 0)
    finally:
        store.close()


def clients_menu(window):  # type: ignore[no-untyped-def]
    from feedback_desk.ui.window_features.clients import ClientsFeature

    return window.feature(ClientsFeature)


# The kiosk --------------------------------------------------------------------------------


def test_kiosk_mode_takes_the_screen_and_the_pin_brings_the_window_back(
    qtbot, open_window, demo_path: Path, window_clock
) -> None:  # type: ignore[no-untyped-def]
    store = reading(demo_path)
    settings_admin.change(store, "kiosk.pin", "2468", clock=window_clock)
    with store.read() as session:
        first_name = session.scalars(
            select(Client.first_name).where(Client.first_name.contains("é")).order_by(Client.id)
        ).first()
    store.close()
    assert first_name is not None
    window = open_window(demo_path)
    window.kiosk_action.trigger()
    kiosk = window.kiosk
    assert isinstance(kiosk, KioskWindow)
    qtbot.waitUntil(kiosk.isVisible)
    assert kiosk.isFullScreen()
    assert not window.isVisible(), "clients at the desk never reach the studio's data"
    assert window.open_kiosk() is kiosk, "a second click shows the same kiosk"

    # A client finds themself on the window's store (accents and case ignored).
    type_text(qtbot, kiosk.welcome.search_field, fold(first_name).upper())
    qtbot.waitUntil(lambda: len(kiosk.welcome.result_buttons) > 0, timeout=10_000)

    tap(qtbot, kiosk.staff_button)
    qtbot.waitUntil(lambda: kiosk.pin_dialog is not None, timeout=10_000)  # the PIN is read
    dialog = kiosk.pin_dialog
    assert dialog is not None
    for digit in "2468":
        tap(qtbot, dialog.keys[digit])
    tap(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: window.isVisible(), timeout=10_000)
    assert window.kiosk is None
    assert i18n.current_language() == "en", "the window speaks its language again"
    wait_loaded(qtbot, window)


def test_closing_the_window_closes_the_kiosk_without_the_pin(
    qtbot, open_window, demo_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    kiosk = window.open_kiosk()
    qtbot.waitUntil(kiosk.isVisible)
    closed: list[bool] = []
    kiosk.closed.connect(lambda: closed.append(True))
    window.close()
    assert closed == [True]
    assert not window.isVisible()


# Staff entry --------------------------------------------------------------------------------


def test_no_two_menu_entries_share_a_shortcut(open_window, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Qt triggers neither of two actions on one shortcut ("ambiguous"): Ctrl+N would do nothing."""
    window = open_window(demo_path)
    seen: dict[str, str] = {}
    clashes = []
    for action in window.findChildren(QAction):
        for shortcut in action.shortcuts():
            key = shortcut.toString()
            if key in seen:
                clashes.append((key, seen[key], action.text()))
            seen[key] = action.text()
    assert seen.get("Ctrl+N") == "&Add review…"
    assert clashes == []


def test_add_review_records_a_staff_review_and_the_tabs_show_it(
    qtbot, open_window, demo_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    feature = clients_menu(window)
    assert feature.add_review_action.shortcut() == QKeySequence("Ctrl+N")
    business = window.page("business").panel.model
    qtbot.waitUntil(lambda: business.count is not None, timeout=20_000)
    before = business.count
    feature.add_review_action.trigger()
    dialog = feature.dialog
    assert dialog is not None
    assert dialog.isVisible()
    type_text(qtbot, dialog.search_field, "a")
    type_text(qtbot, dialog.search_field, "u")
    qtbot.waitUntil(lambda: dialog.matches_shown > 0, timeout=10_000)
    dialog.client_list.setCurrentIndex(dialog.client_model.index(0, 0))
    dialog.client_list.clicked.emit(dialog.client_model.index(0, 0))
    dialog.business_radio.setChecked(True)
    tap(qtbot, dialog.star_buttons[4])
    with qtbot.waitSignal(dialog.recorded, timeout=10_000) as recorded:
        tap(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    review_id = recorded.args[0]
    assert window.status.currentMessage() == f"Review {review_id} recorded."
    qtbot.waitUntil(lambda: business.count == before + 1, timeout=20_000)
    query = select(func.count()).where(
        Review.external_id == review_id, Review.channel == Channel.STAFF
    )
    assert count(demo_path, query) == 1


# Clients ------------------------------------------------------------------------------------


def test_find_client_ignores_accents_and_marks_a_client_unsubscribed(
    qtbot, open_window, demo_path: Path
) -> None:  # type: ignore[no-untyped-def]
    store = reading(demo_path)
    with store.read() as session:
        client = session.scalars(
            select(Client)
            .where(Client.unsubscribed_at.is_(None), Client.email.is_not(None))
            .where(Client.last_name.contains("é"))
            .order_by(Client.id)
        ).first()
        assert client is not None
        external_id, last_name = client.external_id, client.last_name
    store.close()
    window = open_window(demo_path)
    feature = clients_menu(window)
    feature.find_client_action.trigger()
    dialog = feature.dialog
    assert isinstance(dialog, FindClientDialog)
    dialog.confirm = lambda _parent, _question: True
    dialog.search.setText(fold(last_name).upper())  # no accents, other case
    dialog.run_search()
    qtbot.waitUntil(lambda: bool(dialog.shown_clients), timeout=10_000)
    dialog.choose(external_id)
    qtbot.waitUntil(lambda: dialog.chosen is not None, timeout=10_000)
    assert last_name in dialog.details.text()
    assert dialog.unsubscribe_button.isEnabled()
    assert not dialog.resubscribe_button.isEnabled()
    dialog.unsubscribe_button.click()
    qtbot.waitUntil(lambda: dialog.resubscribe_button.isEnabled(), timeout=10_000)
    assert "is unsubscribed" in dialog.message.text()
    assert "Unsubscribed on" in dialog.details.text()
    unsubscribed = select(func.count()).where(
        Client.external_id == external_id, Client.unsubscribed_at.is_not(None)
    )
    assert count(demo_path, unsubscribed) == 1
    dialog.resubscribe_button.click()
    qtbot.waitUntil(lambda: dialog.unsubscribe_button.isEnabled(), timeout=10_000)
    assert count(demo_path, unsubscribed) == 0
    # The chosen client's card opens from here too.
    dialog.card_button.click()
    cards = [w for w in QApplication.topLevelWidgets() if isinstance(w, ClientCardDialog)]
    assert len(cards) == 1
    qtbot.waitUntil(lambda: external_id in cards[0].name.text(), timeout=10_000)
    cards[0].close()


def test_the_loop_lists_open_from_the_clients_menu(qtbot, open_window, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    feature = clients_menu(window)
    feature.nonrespondents_action.trigger()
    host = feature.dialog
    assert isinstance(host, HostDialog)
    view = host.view
    assert isinstance(view, NonRespondentsView)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10_000)
    assert "answered none" in view.explanation.text()
    host.reject()
    assert not view.isVisible()

    feature.thank_action.trigger()
    thanks = feature.dialog
    assert isinstance(thanks, ThankPromotersDialog)
    qtbot.waitUntil(lambda: "in the period;" in thanks.summary.text(), timeout=10_000)
    thanks.reject()


# Settings -----------------------------------------------------------------------------------


def test_settings_shows_every_features_page(qtbot, open_window, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    dialog = window.open_settings()
    assert isinstance(dialog, SettingsDialog)
    titles = [dialog.page_list.item(i).text() for i in range(dialog.page_list.count())]
    assert titles == [
        "General",
        "Kiosk",
        "Aspects",
        "Email",
        "Email requests",
        "Inbox",
        "Email templates",
        "Google",
        "Google invitations",
        "Client pages",
        "Testimonials",
        "Import",
    ]
    aspects = dialog.page("aspects")
    qtbot.waitUntil(lambda: aspects.loaded_once, timeout=10_000)
    assert aspects.model.rowCount() > 0
    qtbot.waitUntil(lambda: not window.context.busy, timeout=10_000)
    assert dialog.page("email").sender.text() == "bonjour@studio-elan.example"
    assert dialog.page("invitations").link.text().startswith("https://search.google.com/")
    dialog.reject()


def test_the_google_tabs_connect_button_opens_settings_on_the_google_page(
    qtbot, open_window, demo_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    window.show_tab("google")
    wait_loaded(qtbot, window)
    tab = window.pages["google"].tab
    assert tab.connect_button.isVisibleTo(tab)
    tab.connect_button.click()
    dialog = window.settings_dialog
    assert isinstance(dialog, SettingsDialog)
    assert dialog.stack.currentWidget().widget() is dialog.page("google")
    # The connection (the system keyring) is read in the background.
    qtbot.waitUntil(lambda: not dialog.page("google").checking, timeout=10_000)
    assert dialog.page("google").status_label.text().startswith("Not connected.")
    dialog.reject()


# Import -------------------------------------------------------------------------------------


def test_an_import_refreshes_the_tabs(qtbot, open_window, demo_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    window.import_action.trigger()
    dialog = window.import_dialog
    assert dialog is not None
    csv = tmp_path / "clients.csv"
    csv.write_text(
        "id,first_name,last_name,email,language,email_consent\n"
        "NEW1,Zoé,Tremblay,zoe@example.com,fr,oui\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        dialog.set_file(csv)
    assert dialog.import_button.isEnabled()
    # The window reloads (settings first, then every tab) once the rows are in.
    with qtbot.waitSignal(window.context.settings_changed, timeout=20_000):
        dialog.import_button.click()
    assert count(demo_path, select(func.count()).where(Client.external_id == "NEW1")) == 1
    dialog.reject()


# Status bar and About -----------------------------------------------------------------------


def test_the_status_bar_names_the_store_and_shows_the_outbox_and_google(
    qtbot, open_window, demo_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    from feedback_desk.ui.window_features.google import GoogleFeature
    from feedback_desk.ui.window_features.outbox import OutboxFeature
    from feedback_desk.ui.window_features.store_info import StoreInfoFeature

    label = window.findChild(type(window.feature(StoreInfoFeature).label), "storeLocation")
    assert label.full_text() == str(demo_path.resolve())
    assert str(demo_path.resolve()) in label.toolTip()
    outbox = window.feature(OutboxFeature)
    assert outbox.status_widget.isVisibleTo(window)
    assert outbox.status_widget.text().startswith("Outbox: ")
    assert not outbox.sending, "the demo has no mail server: nothing is ever sent"
    google = window.feature(GoogleFeature)
    assert google.status_widget.isVisibleTo(window)
    assert google.status_widget.label.text().startswith("Google: ")
    outbox.status_widget.clicked.emit()
    assert isinstance(outbox.dialog, HostDialog)
    outbox.dialog.reject()


def test_about_shows_the_version_the_data_folder_and_the_store(
    open_window, demo_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    window.about_action.trigger()
    dialog = window.about_dialog
    assert dialog.isVisible()
    text = dialog.findChild(QLabel, "title").text() + dialog.details.text()
    assert __version__ in text
    assert str(paths.data_dir()) in text
    assert str(demo_path.resolve()) in text
    dialog.close()


def test_the_window_speaks_the_language_of_the_system(
    qtbot, monkeypatch, demo_path: Path, window_clock
) -> None:  # type: ignore[no-untyped-def]
    from feedback_desk.services.studio import open_studio
    from feedback_desk.ui.app import create_application
    from feedback_desk.ui.main_window import MainWindow

    monkeypatch.setenv("FEEDBACK_DESK_LANG", "fr")
    create_application()
    window = MainWindow(open_studio(demo_path), window_clock, remember_state=False)
    qtbot.addWidget(window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Fichier", "&Affichage", "&Clients", "O&utils", "&Aide"]
    assert window.page("google").tab is not None
    window.close()
