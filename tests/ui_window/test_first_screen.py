"""The window opens as fast as its first screen allows: what the Overview does not need (Google's
client, the keyring, the HTTP library, IMAP, matplotlib) is not loaded before it is drawn."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.conftest import PYTHON, subprocess_env

# `feedback-desk --store STORE` as a user starts it, off screen; told when the Overview has
# drawn everything, it lists the packages loaded by then and closes the window.
PROBE = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

run_loop = QApplication.exec
loaded = []

def watch_then_run(app):
    def find_window():
        for widget in app.topLevelWidgets():
            overview = getattr(widget, "pages", {}).get("overview")
            if overview is not None:
                timer.stop()
                def drawn():
                    loaded.extend(sorted({m.split('.')[0] for m in sys.modules}))
                    widget.close()
                overview.refreshed.connect(drawn)
                return
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(find_window)
    timer.start()
    return run_loop()

QApplication.exec = watch_then_run
from feedback_desk.cli import main
code = main(["--store", sys.argv[1], "--at", "2026-03-19T09:30"])
print(json.dumps({"code": code, "loaded": loaded}))
"""

NOT_ON_THE_FIRST_SCREEN = {
    "google",
    "keyring",
    "requests",
    "imapclient",
    "matplotlib",
    "numpy",
    "smtplib",
    "openpyxl",
    "alembic",
}


def test_the_first_screen_loads_neither_google_nor_the_keyring_nor_matplotlib(
    demo_path: Path, tmp_path: Path
) -> None:
    env = subprocess_env()
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # the Overview in front
    probe = subprocess.run(
        [PYTHON, "-c", PROBE, str(demo_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert probe.returncode == 0, probe.stderr
    report = json.loads(probe.stdout.strip().splitlines()[-1])
    assert report["code"] == 0
    assert "feedback_desk" in report["loaded"]  # the window ran
    assert NOT_ON_THE_FIRST_SCREEN & set(report["loaded"]) == set()
