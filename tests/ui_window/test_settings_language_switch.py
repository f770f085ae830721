"""Settings → General → Interface language, then Apply: the Settings dialog itself, still open,
says everything in the new language (its title, page list, every page's labels, buttons, group
titles, tooltips, placeholders, list items, the message "Saved."), exactly as a Settings dialog
opened in that language says it; and the same the other way back to English."""

from __future__ import annotations

import pytest

from feedback_desk.clock import ManualClock
from feedback_desk.store.database import Store
from feedback_desk.ui import i18n
from feedback_desk.ui.settings.dialog import SettingsDialog
from tests.support.settings_dialog import settings_dialog
from tests.support.untranslated import UntranslatedRecorder
from tests.ui_window.test_settings_french import _catalogue, texts_of

SAVED = {"fr": "Enregistré.", "en": "Saved."}
TITLE = {"fr": "Paramètres", "en": "Settings"}


def everything_said(qtbot, dialog: SettingsDialog) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Each page's words (with its title in the list), and the dialog's own, as a user reads
    them page after page."""
    said: dict[str, list[str]] = {}
    for row, key in enumerate(dialog.pages):
        dialog.show_page(key)
        qtbot.waitUntil(lambda: not dialog.context.busy, timeout=10_000)
        said[key] = [dialog.page_list.item(row).text(), *texts_of(dialog.page(key))]
    said["dialog"] = [dialog.windowTitle(), *texts_of(dialog.buttons)]
    return said


def apply_language(qtbot, dialog: SettingsDialog, language: str) -> None:  # type: ignore[no-untyped-def]
    """As a manager does: General, the interface language, Apply; the dialog stays open."""
    dialog.show_page("general")
    box = dialog.page("general").interface_language  # type: ignore[attr-defined]
    box.setCurrentIndex(box.findData(language))
    apply = dialog.buttons.button(dialog.buttons.StandardButton.Apply)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        apply.click()
    assert i18n.current_language() == language
    qtbot.waitUntil(lambda: dialog.message.text() == SAVED[language], timeout=5_000)
    qtbot.waitUntil(lambda: not dialog.context.busy, timeout=10_000)
    assert dialog.isVisible()


@pytest.mark.parametrize(("before", "after"), [("en", "fr"), ("fr", "en")])
def test_the_open_settings_dialog_speaks_the_language_just_applied(
    qtbot, store: Store, clock: ManualClock, before: str, after: str
) -> None:  # type: ignore[no-untyped-def]
    i18n.install_language("en")
    recorder = UntranslatedRecorder()
    try:
        i18n.install_language(before)
        with settings_dialog(qtbot, store, clock, "general") as dialog:
            assert dialog.windowTitle() == TITLE[before]
            if after == "fr":
                recorder.__enter__()  # behind the French catalogue the Apply installs
            apply_language(qtbot, dialog, after)
            switched = everything_said(qtbot, dialog)
            recorder.__exit__()
            assert dialog.message.text() == SAVED[after]
        # A dialog opened afresh in that language, on the same studio.
        with settings_dialog(qtbot, store, clock, "general") as fresh:
            expected = everything_said(qtbot, fresh)
    finally:
        recorder.__exit__()
        i18n.install_language("en")
    assert switched["dialog"][0] == TITLE[after]
    for key, texts in expected.items():
        assert switched[key] == texts, key
    missing = recorder.report(_catalogue("fr"))
    assert missing == [], "\n".join(missing)
