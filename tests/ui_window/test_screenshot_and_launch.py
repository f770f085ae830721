"""`screenshot` renders the real window to a PNG of the asked size; the app's error dialog;
the demo store made on first use."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from feedback_desk import paths
from feedback_desk.clock import FixedClock
from feedback_desk.errors import StoreError
from feedback_desk.ui.app import ErrorReporter


@pytest.mark.parametrize("tab", ["overview", "business", "class", "google"])
def test_screenshot_writes_a_png_of_the_requested_size(
    qtbot, cli, demo_path: Path, tmp_path: Path, tab: str
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / f"{tab}.png"
    result = cli(
        "screenshot",
        "--tab",
        tab,
        str(out),
        "--size",
        "800x600",
        "--at",
        "2026-03-19T09:30",
        "--store",
        str(demo_path),
        store=False,
    )
    assert result.code == 0, result.err
    image = QImage(str(out))
    assert (image.width(), image.height()) == (800, 600)
    colours = {image.pixel(x, y) for x in range(0, 800, 7) for y in range(0, 600, 7)}
    assert len(colours) > 8  # a real window, not a blank canvas


@pytest.mark.parametrize(("tab", "dialog"), [("business", "reply"), ("overview", "worklist")])
def test_screenshot_draws_the_opened_dialog_over_the_tab(
    qtbot, cli, demo_path: Path, tmp_path: Path, tab: str, dialog: str
) -> None:  # type: ignore[no-untyped-def]
    def shot(*extra: str) -> QImage:
        out = tmp_path / f"{tab}{len(extra)}.png"
        result = cli(
            "screenshot", "--tab", tab, str(out), "--size", "1000x700",
            "--at", "2026-03-19T09:30", "--store", str(demo_path), *extra, store=False,
        )  # fmt: skip
        assert result.code == 0, result.err
        return QImage(str(out))

    plain, with_dialog = shot(), shot("--open", dialog)
    centre = [(x, y) for x in range(300, 700, 5) for y in range(250, 450, 5)]
    changed = sum(plain.pixel(x, y) != with_dialog.pixel(x, y) for x, y in centre)
    assert changed > len(centre) // 3  # the dialog covers the middle of the window


def test_screenshot_replies_only_from_a_reviews_tab(cli, demo_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli(
        "screenshot", "--tab", "overview", str(tmp_path / "a.png"), "--open", "reply",
        "--store", str(demo_path), store=False,
    )  # fmt: skip
    assert result.code == 2
    assert "--tab business" in result.err
    assert not (tmp_path / "a.png").exists()


def test_screenshot_refuses_bad_options(cli, demo_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad_size = cli(
        "screenshot",
        "--tab",
        "overview",
        str(tmp_path / "a.png"),
        "--size",
        "big",
        "--store",
        str(demo_path),
        store=False,
    )
    assert bad_size.code == 2
    assert "--size" in bad_size.err
    not_png = cli(
        "screenshot",
        "--tab",
        "overview",
        str(tmp_path / "a.jpg"),
        "--store",
        str(demo_path),
        store=False,
    )
    assert not_png.code == 2
    no_folder = cli(
        "screenshot",
        "--tab",
        "overview",
        str(tmp_path / "nope" / "a.png"),
        "--store",
        str(demo_path),
        store=False,
    )
    assert no_folder.code == 2
    assert not (tmp_path / "a.png").exists()


def test_unexpected_errors_show_one_line_not_a_traceback(qtbot, caplog) -> None:  # type: ignore[no-untyped-def]
    reporter = ErrorReporter(debug=False)
    try:
        raise ValueError("boom\nsecond line")
    except ValueError as exc:
        with caplog.at_level(logging.ERROR, logger="feedback_desk"):
            reporter.handle(ValueError, exc, exc.__traceback__)
    box = reporter.last_dialog
    assert box is not None
    assert "ValueError: boom" in box.text()
    assert "Traceback" not in box.text()
    assert box.detailedText() == ""
    assert "Traceback" in caplog.text
    box.close()


def test_debug_shows_the_traceback_and_known_failures_their_message(qtbot) -> None:  # type: ignore[no-untyped-def]
    reporter = ErrorReporter(debug=True)
    try:
        raise StoreError("cannot open the store /x: disk full")
    except StoreError as exc:
        reporter.handle(StoreError, exc, exc.__traceback__)
    box = reporter.last_dialog
    assert box is not None
    assert box.text() == "cannot open the store /x: disk full"
    assert "Traceback" in box.detailedText()
    box.close()


def test_the_demo_store_is_made_on_first_use_and_reused(qtbot) -> None:  # type: ignore[no-untyped-def]
    from feedback_desk.ui.launch import _demo_is_current, ensure_demo_store

    clock = FixedClock(datetime(2026, 3, 19, 15, 0, tzinfo=UTC))
    path = paths.demo_store_path()
    assert not path.exists()
    assert ensure_demo_store(clock) == path
    built = path.stat().st_mtime_ns
    assert ensure_demo_store(clock) == path
    assert path.stat().st_mtime_ns == built
    # A demo from an earlier day would tell yesterday's story: it is rebuilt.
    later = (clock.now() + timedelta(days=1)).date()
    assert not _demo_is_current(path, later)


def test_demo_and_store_together_are_refused(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("--demo")
    assert result.code == 2
    assert "either --demo or --store" in result.err


def test_the_window_command_opens_the_window_and_returns_when_it_closes(
    qtbot, monkeypatch, demo_path: Path, window_clock
) -> None:  # type: ignore[no-untyped-def]
    import sys

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from feedback_desk.services.studio import open_studio
    from feedback_desk.ui import launch, preferences
    from feedback_desk.ui.main_window import MainWindow

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the app installs its own
    seen: list[str] = []

    def close_once_loaded() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if windows and windows[0].context.settings_loaded and windows[0].is_idle():
            seen.append(windows[0].windowTitle())
            windows[0].close()
        else:
            QTimer.singleShot(20, close_once_loaded)

    QTimer.singleShot(0, close_once_loaded)
    code = launch.run_window(open_studio(demo_path), clock=window_clock, debug=False)
    assert code == 0
    assert seen == ["Feedback Desk — Studio Élan"]
    assert preferences.recent_stores() == [str(demo_path.resolve())]
