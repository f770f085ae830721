"""The main window on a demo studio: title, tabs with rows, remembered geometry and tab."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from feedback_desk.services.studio import open_studio
from feedback_desk.ui import i18n, preferences
from tests.ui_window.conftest import wait_loaded


def test_the_window_shows_the_studio_and_every_tab_lists_rows(
    qtbot, open_window, demo_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    assert window.windowTitle() == "Feedback Desk — Studio Élan"
    assert [window.tab_widget.tabText(i) for i in range(window.tab_widget.count())] == [
        "Overview",
        "Business reviews",
        "Class reviews",
        "Google reviews",
        "Testimonials",
    ]
    overview = window.pages["overview"]
    assert overview.data is not None
    last_days = overview.data.headline.current
    assert last_days.reviews > 0
    assert overview.headlines["reviews"].value.text() == f"{last_days.reviews:,}"
    assert overview.recent_list.model.rowCount() > 0
    assert overview.segments_chart.image is not None
    # The other tabs are built, and read, when first shown.
    assert list(window.pages) == ["overview"]
    window.show_tab("business")
    window.show_tab("class")
    window.show_tab("google")
    wait_loaded(qtbot, window)
    business = window.pages["business"].panel.model
    classes = window.pages["class"].panel.model
    assert business.rowCount() > 0
    assert classes.rowCount() > 0
    assert {business.row(i).kind.value for i in range(business.rowCount())} == {"business"}
    assert {classes.row(i).kind.value for i in range(classes.rowCount())} == {"class"}
    google = window.pages["google"].tab
    assert google.model.rowCount() > 0
    assert not google.connected, "the demo's profile has no sign-in: it never syncs"
    assert window.context.google_sync is not None
    assert not window.context.google_sync.timer.isActive()


def test_menus_offer_the_studio_actions(open_window, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    assert list(menus) == ["File", "View", "Clients", "Tools", "Help"]
    texts = {
        name: [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
        for name, menu in menus.items()
    }
    assert texts["File"] == [
        "New store…",
        "Open store…",
        "Open recent",
        "Import…",
        "Export…",
        "Export testimonials…",
        "Quit",
    ]
    assert texts["Clients"] == [
        "Add review…",
        "Find client…",
        "Actions to take…",
        "Non-respondents…",
        "Thank the promoters…",
        "Invite to recommend…",
        "Replies to read…",
    ]
    assert texts["Tools"] == ["Kiosk mode", "Outbox…", "Settings…"]
    assert texts["Help"] == ["About Feedback Desk"]


def test_size_position_and_last_tab_are_remembered(qtbot, open_window, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = open_window(demo_path)
    first.resize(700, 560)  # fits the offscreen screen (800x800)
    first.show_tab("google")
    first.close()
    from feedback_desk.ui.main_window import MainWindow

    second = MainWindow(open_studio(demo_path), first.clock)
    qtbot.addWidget(second)
    assert second.current_tab_key() == "google"
    assert abs(second.width() - 700) <= 10
    assert abs(second.height() - 560) <= 10
    second.close()


def test_a_screenshot_window_leaves_the_saved_state_alone(
    qtbot, open_window, demo_path: Path
) -> None:  # type: ignore[no-untyped-def]
    first = open_window(demo_path)
    first.show_tab("class")
    first.close()
    from feedback_desk.ui.main_window import MainWindow

    render = MainWindow(open_studio(demo_path), first.clock, remember_state=False)
    qtbot.addWidget(render)
    render.show_tab("overview")
    render.close()
    assert preferences.app_settings().value("window/lastTab") == "class"


def test_an_empty_store_shows_empty_states(qtbot, open_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(tmp_path / "empty.sqlite")
    assert window.windowTitle() == "Feedback Desk — My studio"
    for key in ("business", "class", "google"):
        window.show_tab(key)
    wait_loaded(qtbot, window)
    business = window.pages["business"].panel
    assert business.stack.currentWidget() is business.empty_label
    assert "No business reviews yet" in business.empty_label.text()
    classes = window.pages["class"].panel
    assert classes.stack.currentWidget() is classes.empty_label
    google = window.pages["google"].tab
    assert not google.archive.isVisibleTo(google)
    assert "Connect the studio's Google Business Profile" in google.banner_label.text()
    overview = window.pages["overview"]
    assert overview.segments_chart.empty_message == "No reviews yet in this period"
    assert overview.headlines["average"].value.text() == "—"
    assert overview.headlines["nps"].value.text() == "—"
    assert overview.recent_list.showing_empty_state
    assert all(label.textFormat().name == "PlainText" for label in overview.findChildren(QLabel))


def test_an_unnamed_studio_is_called_mon_studio_in_a_french_window(
    qtbot, open_window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    i18n.install_language("fr")
    try:
        window = open_window(tmp_path / "empty.sqlite")
        qtbot.waitUntil(lambda: window.windowTitle() == "Feedback Desk — Mon studio")
    finally:
        i18n.install_language("en")
    qtbot.waitUntil(lambda: window.windowTitle() == "Feedback Desk — My studio")


def test_open_store_switches_to_another_store(
    qtbot, open_window, demo_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    other = tmp_path / "other.sqlite"
    open_studio(other).close()
    with qtbot.waitSignal(window.store_switched, timeout=20_000):
        window.open_store(str(other))
    wait_loaded(qtbot, window)
    assert window.windowTitle() == "Feedback Desk — My studio"
    assert window.context.store.location == str(other.resolve())
    window.show_tab("business")
    wait_loaded(qtbot, window)
    assert window.pages["business"].panel.model.rowCount() == 0
    assert preferences.recent_stores()[0] == str(other.resolve())


def test_a_file_that_is_not_a_store_is_refused_and_nothing_changes(
    qtbot, open_window, demo_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    junk = tmp_path / "notes.sqlite"
    junk.write_text("shopping list: milk, eggs\n" * 200)
    window.open_store(str(junk))
    qtbot.waitUntil(lambda: window.message_box is not None, timeout=20_000)
    assert "could not be opened" in window.message_box.text()
    assert window.windowTitle() == "Feedback Desk — Studio Élan"
    assert window.context.store.location == str(demo_path.resolve())


def test_a_french_window_says_in_french_why_a_file_is_not_a_store(
    qtbot, open_window, demo_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The store layer refuses the file; the French window says the store's sentence in French
    (the command line keeps its English one)."""
    window = open_window(demo_path)
    junk = tmp_path / "notes.sqlite"
    junk.write_text("shopping list: milk, eggs\n" * 200)
    i18n.install_language("fr")
    try:
        window.open_store(str(junk))
        qtbot.waitUntil(lambda: window.message_box is not None, timeout=20_000)
        text = window.message_box.text()
    finally:
        i18n.install_language("en")
    assert text == (
        f"{junk} n’a pas pu être ouverte : {junk} n’est pas une base Feedback Desk (ce n’est pas "
        "une base de données SQLite) : elle n’a pas été touchée ; choisissez une base, ou un "
        "nouveau nom de fichier pour en créer une"
    )
    assert window.context.store.location == str(demo_path.resolve())


def test_a_recent_store_that_vanished_is_forgotten(
    qtbot, open_window, demo_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    gone = str(tmp_path / "gone.sqlite")
    preferences.remember_store(gone)
    window.open_recent(gone)
    assert window.message_box is not None
    assert "no longer exists" in window.message_box.text()
    assert gone not in preferences.recent_stores()


def test_long_tasks_show_progress_in_the_status_bar_and_can_be_cancelled(
    qtbot, open_window, demo_path: Path
) -> None:  # type: ignore[no-untyped-def]
    import threading

    from feedback_desk.services.progress import Progress, check_cancelled

    window = open_window(demo_path)
    started, release = threading.Event(), threading.Event()
    finished: list[str] = []

    def work(progress: Progress) -> None:
        progress.report(1, 4, "step one")
        started.set()
        release.wait(10)
        check_cancelled(progress)
        finished.append("ran to the end")

    window.run_task(work, label="Sending the outbox…")
    assert started.wait(10)
    status = window.status
    qtbot.waitUntil(lambda: status.progress.maximum() == 4, timeout=10_000)
    assert status.progress.isVisibleTo(window)
    assert status.cancel_button.isVisibleTo(window)
    assert "Sending the outbox…" in status.task_label.text()
    status.cancel_button.click()
    release.set()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)
    assert finished == []
    assert not status.progress.isVisibleTo(window)
    assert status.currentMessage() == "Cancelled."


def test_features_can_add_permanent_status_widgets(open_window, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    label = QLabel("Outbox: 3 queued")
    window.status.add_permanent(label)
    window.status.show_message("Synced")
    assert label.isVisibleTo(window)
    assert window.status.currentMessage() == "Synced"
