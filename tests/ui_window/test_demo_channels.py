"""The demo studio as a manager sees it: its email review requests show in the Overview's
response rate by channel, in English and in French."""

from __future__ import annotations

from pathlib import Path

from feedback_desk.ui import i18n
from feedback_desk.ui.main_window import MainWindow
from tests.ui_window.conftest import wait_loaded
from tests.ui_window.test_language_switch import choose_language


def test_the_overview_rates_the_kiosk_and_the_email_requests(
    qtbot, open_window, demo_path: Path
) -> None:  # type: ignore[no-untyped-def]
    i18n.install_language("en")
    try:
        window: MainWindow = open_window(demo_path)
        wait_loaded(qtbot, window)
        line = window.pages["overview"].channel_rates
        assert line.text().startswith("Response rate by channel this month: Kiosk ")
        assert " · Email " in line.text()
        assert "Email: " in line.toolTip()
        choose_language(qtbot, window, "fr")
        line = window.pages["overview"].channel_rates
        qtbot.waitUntil(lambda: line.text().startswith("Taux de réponse"), timeout=20_000)
        assert line.text().startswith("Taux de réponse par canal ce mois-ci : Borne ")
        assert " · Courriel " in line.text()
    finally:
        i18n.install_language("en")
