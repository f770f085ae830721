"""Settings…: the General page saves a value, and refuses a bad one with the reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from feedback_desk.services.settings import load_settings
from feedback_desk.store.database import open_store
from feedback_desk.ui.settings.registry import SettingsPageSpec, page_specs, register_page


def _stored(path: Path, key: str) -> str:
    store = open_store(path)
    try:
        with store.read() as session:
            return load_settings(session).raw(key)
    finally:
        store.close()


def _open_general(qtbot, window):  # type: ignore[no-untyped-def]
    window.settings_action.trigger()
    dialog = window.settings_dialog
    assert dialog is not None
    page = dialog.page("general")
    qtbot.waitUntil(lambda: page.editor("studio.name").text() == "Studio Élan", timeout=20_000)
    return dialog, page


def test_a_saved_value_reaches_the_store_and_the_title(qtbot, open_window, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    dialog, page = _open_general(qtbot, window)
    page.editor("studio.name").setText("Studio Zen")
    with qtbot.waitSignal(dialog.saved, timeout=20_000) as saved:
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert saved.args == [["studio.name"]]
    qtbot.waitUntil(lambda: window.windowTitle() == "Feedback Desk — Studio Zen", timeout=20_000)
    assert _stored(demo_path, "studio.name") == "Studio Zen"


def test_a_bad_value_is_refused_with_its_message_and_nothing_is_saved(
    qtbot, open_window, demo_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    dialog, page = _open_general(qtbot, window)
    page.editor("studio.name").setText("Studio Zen")
    page.editor("reviews.business_every_months").setText("0")
    dialog.save()
    months_error = page.findChild(QLabel, "error:reviews.business_every_months")
    assert months_error.isVisibleTo(page)
    assert months_error.text() == "reviews.business_every_months must be at least 1"
    assert "nothing was saved" in dialog.message.text()
    assert dialog.isVisible()
    assert _stored(demo_path, "studio.name") == "Studio Élan"
    # Fixing the values clears the messages and saves everything.
    page.editor("reviews.business_every_months").setText("4")
    with qtbot.waitSignal(dialog.saved, timeout=20_000):
        dialog.save()
    assert not months_error.isVisibleTo(page)
    assert _stored(demo_path, "reviews.business_every_months") == "4"


def test_features_add_pages_in_their_place() -> None:
    from feedback_desk.ui.settings.general import GeneralPage

    original = list(page_specs())
    try:
        register_page(SettingsPageSpec("later", lambda: "Later", GeneralPage))
        register_page(SettingsPageSpec("again", lambda: "Again", GeneralPage), before="general")
        keys = [s.key for s in page_specs()]
        assert keys == ["again", *[s.key for s in original], "later"]
        # Registering a key again replaces its page rather than adding a second one.
        register_page(SettingsPageSpec("later", lambda: "Later", GeneralPage), before="again")
        assert [s.key for s in page_specs()] == ["later", "again", *[s.key for s in original]]
    finally:
        from feedback_desk.ui.settings import registry

        registry.PAGES[:] = original
