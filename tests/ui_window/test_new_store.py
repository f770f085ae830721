"""File → New store… creates an empty store and shows it; it never replaces a file that is
already there, whatever it holds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from tests.ui_window.conftest import wait_loaded


def test_a_new_store_is_created_and_shown(
    qtbot, open_window, demo_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    window.new_store_action.trigger()
    chooser = window.file_chooser
    assert isinstance(chooser, QFileDialog)
    assert chooser.isVisible()  # a window of its own: the main window keeps running
    target = tmp_path / "second studio.sqlite"
    with qtbot.waitSignal(window.store_switched, timeout=20_000):
        chooser.fileSelected.emit(str(target))
    wait_loaded(qtbot, window)
    assert window.context.store.location == str(target)
    assert target.is_file()
    assert window.pages["overview"].welcome.isVisible()  # an empty studio: how to bring it in


def test_a_file_already_there_is_never_replaced(
    qtbot, open_window, demo_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    taken = tmp_path / "notes.sqlite"
    taken.write_bytes(b"someone else's notes")
    window.create_store(str(taken))
    qtbot.waitUntil(lambda: window.message_box is not None and window.message_box.isVisible())
    assert "already exists" in window.message_box.text()
    assert taken.read_bytes() == b"someone else's notes"
    assert window.context.store.location == str(demo_path.resolve())
    window.message_box.close()
