"""A crawl of the whole window on the demo studio, in English and in French: every tab, every
menu entry, every dialog, the first row of every list and the buttons a user would press. It
fails on any Python exception, error dialog, failure of background work or Qt warning."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QAction

from feedback_desk.ui import i18n
from feedback_desk.ui.main_window import MainWindow
from tests.support.crawler import Crawler
from tests.support.untranslated import UntranslatedRecorder


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Exports and file choosers start in the home folder: the crawl's own."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    return home


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_tab_menu_and_dialog_opens_without_a_failure(
    qtbot, open_window, demo_path: Path, language: str
) -> None:  # type: ignore[no-untyped-def]
    i18n.install_language("en")
    recorder = UntranslatedRecorder().__enter__()  # behind the French catalogue
    i18n.install_language(language)
    try:
        window: MainWindow = open_window(demo_path)
        with Crawler(qtbot, window.is_idle) as crawler:
            for key in [spec.key for spec in window.tab_specs]:
                window.show_tab(key)
                crawler.wait_idle()
                crawler.seen.append(f"tab {key}")
                page = window.pages[key]
                crawler.explore_in_place(page, f"tab {key}")
            crawler.trigger_menus(window, skip=lambda action: _not_crawled(window, action))
            kiosk = crawler.act("Kiosk mode", window.kiosk_action.trigger)
            assert window.kiosk is not None
            assert window.kiosk.isVisible()
            assert not window.isVisible()
            window.kiosk.shutdown()
            crawler.wait_idle()
            assert window.isVisible()
            assert kiosk
        assert crawler.problems == []
        dialogs = [entry for entry in crawler.seen if not entry.startswith("tab ")]
        assert len(dialogs) >= 15, crawler.seen  # the crawl reached the dialogs
        if language != "en":  # every string the crawl showed has its translation
            missing = recorder.report(_catalogue(language))
            assert missing == [], "\n".join(missing)
    finally:
        recorder.__exit__()
        i18n.install_language("en")


def _catalogue(language: str) -> QTranslator:
    catalogue = QTranslator()
    assert catalogue.load(f"{i18n.CATALOGUE}_{language}", str(i18n.translations_dir()))
    return catalogue


def _not_crawled(window: MainWindow, action: QAction) -> bool:
    """Quit ends the crawl's window; the kiosk takes the screen until the PIN (crawled apart)."""
    return action in (window.quit_action, window.kiosk_action)
