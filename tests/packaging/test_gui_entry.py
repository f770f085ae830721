"""feedback-desk-gui: the window's launcher for menus (a gui-script: no console on Windows), which
shows a problem that stops it in a dialog, since nobody reads its standard error."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QTimer, QtMsgType
from PySide6.QtWidgets import QApplication, QMessageBox

from feedback_desk import __version__
from feedback_desk.cli import window_main
from feedback_desk.ui.app import _QtMessageFilter

ROOT = Path(__file__).resolve().parents[2]


def test_it_is_a_gui_script_beside_the_console_command() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"]["feedback-desk"] == "feedback_desk.cli:main"
    assert project["gui-scripts"]["feedback-desk-gui"] == "feedback_desk.cli:window_main"
    launcher = Path(sys.executable).parent / "feedback-desk-gui"
    if launcher.exists():  # installed by pip install -e .
        done = subprocess.run(
            [str(launcher), "--version"], capture_output=True, text=True, timeout=60, check=False
        )
        assert done.stdout.strip() == f"feedback-desk {__version__}"


def test_a_store_that_cannot_be_opened_is_shown_in_a_dialog(qtbot, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    shown: list[str] = []

    def answer() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
        if not boxes or not boxes[0].isVisible():
            QTimer.singleShot(10, answer)
            return
        shown.append(boxes[0].text())
        boxes[0].done(QMessageBox.StandardButton.Ok)

    QTimer.singleShot(0, answer)
    code = window_main(["--store", str(blocker / "studio.sqlite")])
    assert code == 1
    assert len(shown) == 1
    assert shown[0].startswith("error: cannot open the store")
    assert str(blocker / "studio.sqlite") in shown[0]
    # The same line still reaches standard error, for whoever launched it from a terminal.
    assert capsys.readouterr().err.strip() == shown[0]


def test_qt_messages_without_a_standard_error_are_dropped(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A windowed launcher on Windows (pythonw, the frozen feedback-desk-gui) has no stderr.
    monkeypatch.setattr(sys, "stderr", None)
    _QtMessageFilter()(QtMsgType.QtWarningMsg, QMessageLogContext(), "a warning from Qt")
