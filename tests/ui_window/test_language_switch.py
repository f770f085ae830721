"""Settings → General → Interface language: the whole main window speaks the new language as soon
as the manager saves (menus, their entries, tab titles, the status bar, tabs already built),
without a restart, and speaks English again when switched back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTranslator
from PySide6.QtGui import QAction

from feedback_desk.ui import i18n
from feedback_desk.ui.main_window import MainWindow
from feedback_desk.ui.tabs.google_tab import GoogleReviewsTab
from feedback_desk.ui.tabs.review_tab import ReviewTab
from feedback_desk.ui.tabs.testimonials_tab import TestimonialsTab
from feedback_desk.ui.window_features.clients import ClientsFeature
from feedback_desk.ui.window_features.inbox import InboxFeature
from feedback_desk.ui.window_features.outbox import OutboxFeature
from tests.support.untranslated import UntranslatedRecorder

ENGLISH = {
    "menus": ["&File", "&View", "&Clients", "&Tools", "&Help"],
    "file": ["&New store…", "&Open store…", "&Import…", "&Quit"],
    "clients": ["&Add review…", "&Find client…", "&Replies to read…"],
    "tools": ["&Kiosk mode", "&Outbox…", "&Settings…"],
    "help": ["&About Feedback Desk"],
    "tabs": ["Overview", "Business reviews", "Class reviews", "Google reviews", "Testimonials"],
    "outbox": "Outbox: 0 queued",
    "sync": "Sync now",
    "invite": "Invite clients…",
    "reviews panel": ["Newest", "All time", "Search a client…"],
}
FRENCH = {
    "menus": ["&Fichier", "&Affichage", "&Clients", "O&utils", "&Aide"],
    "file": ["&Nouvelle base…", "&Ouvrir une base…", "&Importer…", "&Quitter"],
    "clients": ["&Ajouter un avis…", "&Trouver un client…", "&Réponses à lire…"],
    "tools": ["Mode &borne", "&Boîte d’envoi…", "&Paramètres…"],
    "help": ["À &propos de Feedback Desk"],
    "tabs": [
        "Vue d’ensemble",
        "Avis sur l’entreprise",
        "Avis sur les cours",
        "Avis Google",
        "Témoignages",
    ],
    "outbox": "Boîte d’envoi : 0 en attente",
    "sync": "Synchroniser maintenant",
    "invite": "Inviter des clients…",
    "reviews panel": ["Plus récents", "Depuis le début", "Chercher un client…"],
}


def shown(window: MainWindow) -> dict[str, object]:
    """What a user reads of the sample, in the same shape as ENGLISH and FRENCH."""
    clients = window.feature(ClientsFeature)
    outbox = window.feature(OutboxFeature)
    google = window.pages["google"]
    testimonials = window.pages["testimonials"]
    assert isinstance(google, GoogleReviewsTab)
    assert isinstance(testimonials, TestimonialsTab)
    business = window.pages["business"]
    assert isinstance(business, ReviewTab)
    panel = business.panel

    def texts(*actions: QAction) -> list[str]:
        return [action.text() for action in actions]

    return {
        "menus": texts(*window.menuBar().actions()),
        "file": texts(
            window.new_store_action,
            window.open_store_action,
            window.import_action,
            window.quit_action,
        ),
        "clients": texts(
            clients.add_review_action,
            clients.find_client_action,
            window.feature(InboxFeature).action,
        ),
        "tools": texts(window.kiosk_action, outbox.action, window.settings_action),
        "help": texts(*window.help_menu.actions()),
        "tabs": [window.tab_widget.tabText(i) for i in range(window.tab_widget.count())],
        "outbox": outbox.status_widget.text(),
        "sync": google.tab.sync_button.text(),
        "invite": testimonials.invite_button.text(),
        "reviews panel": [
            panel.order_box.itemText(0),
            panel.period_box.itemText(0),
            panel.search_edit.placeholderText(),
        ],
    }


def choose_language(qtbot, window: MainWindow, language: str, *, apply: bool = False) -> None:  # type: ignore[no-untyped-def]
    """As a manager does: Tools → Settings…, General, the interface language, Save (or Apply,
    which keeps Settings open)."""
    window.settings_action.trigger()
    dialog = window.settings_dialog
    assert dialog is not None
    page = dialog.page("general")  # type: ignore[attr-defined]
    # The settings as stored (the dialog reads them again when it opens).
    qtbot.waitUntil(lambda: not dialog.tasks.busy, timeout=20_000)  # type: ignore[attr-defined]
    page.interface_language.setCurrentIndex(page.interface_language.findData(language))
    with qtbot.waitSignal(dialog.saved, timeout=20_000):  # type: ignore[attr-defined]
        button = (
            dialog.buttons.StandardButton.Apply if apply else dialog.buttons.StandardButton.Save
        )  # type: ignore[attr-defined]
        dialog.buttons.button(button).click()  # type: ignore[attr-defined]
    assert i18n.current_language() == language
    qtbot.waitUntil(lambda: dialog.isVisible() == apply, timeout=5_000)


def test_the_whole_window_follows_a_language_switch_at_once(
    qtbot, open_window, demo_path: Path
) -> None:  # type: ignore[no-untyped-def]
    i18n.install_language("en")
    recorder = UntranslatedRecorder()
    try:
        window: MainWindow = open_window(demo_path)
        for key in ("business", "google", "testimonials", "overview"):
            window.show_tab(key)
        qtbot.waitUntil(window.is_idle, timeout=20_000)
        assert shown(window) == ENGLISH

        recorder.__enter__()  # behind the French catalogue, installed by the save
        choose_language(qtbot, window, "fr")
        qtbot.waitUntil(lambda: window.file_menu.title() == "&Fichier", timeout=5_000)
        qtbot.waitUntil(window.is_idle, timeout=20_000)
        assert shown(window) == FRENCH
        assert window.windowTitle() == "Feedback Desk — Studio Élan"
        recorder.__exit__()
        missing = recorder.report(_french_catalogue())
        assert missing == [], "\n".join(missing)

        choose_language(qtbot, window, "en")
        qtbot.waitUntil(lambda: window.file_menu.title() == "&File", timeout=5_000)
        assert shown(window) == ENGLISH
    finally:
        recorder.__exit__()
        i18n.install_language("en")


def _french_catalogue() -> QTranslator:
    catalogue = QTranslator()
    assert catalogue.load(f"{i18n.CATALOGUE}_fr", str(i18n.translations_dir()))
    return catalogue


def test_a_status_message_still_shown_reads_in_the_new_language(
    qtbot, open_window, demo_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Settings saved in English; the language switches while the message is still up: the
    status bar says it in French, for the time it had left, and it still goes away then."""
    i18n.install_language("en")
    try:
        window: MainWindow = open_window(demo_path)
        window.settings_action.trigger()
        dialog = window.settings_dialog
        assert dialog is not None
        qtbot.waitUntil(lambda: not dialog.tasks.busy, timeout=20_000)  # type: ignore[attr-defined]
        with qtbot.waitSignal(dialog.saved, timeout=20_000):  # type: ignore[attr-defined]
            dialog.buttons.button(dialog.buttons.StandardButton.Save).click()  # type: ignore[attr-defined]
        assert window.status.currentMessage() == "Settings saved."

        i18n.install_language("fr")
        qtbot.waitUntil(lambda: window.file_menu.title() == "&Fichier", timeout=5_000)
        assert window.status.currentMessage() == "Paramètres enregistrés."

        i18n.install_language("en")
        qtbot.waitUntil(lambda: window.file_menu.title() == "&File", timeout=5_000)
        assert window.status.currentMessage() == "Settings saved."
        window.status.clearMessage()
        i18n.install_language("fr")
        qtbot.waitUntil(lambda: window.file_menu.title() == "&Fichier", timeout=5_000)
        assert window.status.currentMessage() == ""  # a message gone stays gone
    finally:
        i18n.install_language("en")


def test_a_failed_load_in_the_status_bar_is_said_again_from_its_error(
    qtbot, open_window, demo_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A background read that failed is kept as its exception, not its English sentence."""
    i18n.install_language("en")
    try:
        window: MainWindow = open_window(demo_path)
        window.context._report_failure("the reviews", OSError("disk gone"))
        assert window.status.currentMessage().startswith("Could not load the reviews: ")
        i18n.install_language("fr")
        qtbot.waitUntil(lambda: window.file_menu.title() == "&Fichier", timeout=5_000)
        assert window.status.currentMessage().startswith("Impossible de charger the reviews : ")
    finally:
        i18n.install_language("en")


def test_the_outbox_left_open_under_settings_takes_the_new_title(
    qtbot, open_window, demo_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The Outbox opens Settings → Email; a language applied there renames the Outbox too."""
    i18n.install_language("en")
    try:
        window: MainWindow = open_window(demo_path)
        outbox = window.feature(OutboxFeature).open_outbox()
        assert outbox.windowTitle() == "Outbox"
        i18n.install_language("fr")
        qtbot.waitUntil(lambda: outbox.windowTitle() == "Boîte d’envoi", timeout=5_000)
        outbox.close()
    finally:
        i18n.install_language("en")
