"""What a user sees on the terminal: nothing. Qt's known offscreen noise is filtered (everything
else still gets through), and the window shuts every worker down cleanly on the way out."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import qDebug, qWarning

from feedback_desk.clock import FixedClock
from feedback_desk.domain.kinds import MessageKind
from feedback_desk.services.outbox.queue import queue_message
from feedback_desk.services.settings import set_setting
from feedback_desk.services.templates.fill import EmailContent
from feedback_desk.store.database import open_store
from feedback_desk.ui.app import create_application
from tests.conftest import subprocess_env
from tests.support.smtp_server import SmtpServer
from tests.ui_window.conftest import UNTIL


def test_the_offscreen_size_hints_notice_is_dropped_and_other_messages_pass(qtlog) -> None:  # type: ignore[no-untyped-def]
    create_application()
    qWarning("This plugin does not support propagateSizeHints()")
    qDebug("a message of our own")
    messages = [record.message for record in qtlog.records]
    assert "a message of our own" in messages
    assert not any("propagateSizeHints" in message for message in messages)


def test_screenshot_prints_nothing_but_its_result(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "google.png"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "feedback_desk",
            "screenshot",
            "--tab",
            "google",
            str(out),
            "--size",
            "800x600",
            "--at",
            f"{UNTIL}T09:30",
            "--store",
            str(demo_path),
        ],
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert out.is_file()


WINDOW_SCRIPT = """
import sys
from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from feedback_desk.clock import FixedClock
from feedback_desk.domain.kinds import MessageKind
from feedback_desk.services.outbox.queue import queue_message
from feedback_desk.services.templates.fill import EmailContent
from feedback_desk.services.studio import open_studio
from feedback_desk.ui.launch import run_window
from feedback_desk.ui.main_window import MainWindow

clock = FixedClock(datetime.fromisoformat("{at}"))


def started() -> bool:
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    if not windows or not windows[0].first_screen_done:  # the outbox runs from then on
        return False
    window = windows[0]
    google = window.context.google_sync
    google.start_sync()  # every worker busy at once: the sync, the outbox, the kiosk
    outbox = [f for f in window.features if type(f).__name__ == "OutboxFeature"][0]
    print("outbox sending:", outbox.sending, flush=True)
    outbox.nudge()
    window.open_kiosk()
    close_mid_run(window, outbox)
    return True


def close_mid_run(window, outbox) -> None:
    # Close while the outbox is still sending (it paces its sends), the sync just started.
    if outbox.worker.running:
        QTimer.singleShot(1000, window.close)
    else:
        QTimer.singleShot(20, lambda: close_mid_run(window, outbox))


def poll() -> None:
    if not started():
        QTimer.singleShot(20, poll)


QTimer.singleShot(0, poll)
sys.exit(run_window(open_studio("{store}", clock=clock), clock=clock, debug=False))
"""


def test_the_window_closes_with_every_worker_running_and_says_nothing(
    demo_path: Path, window_clock: FixedClock
) -> None:
    server = SmtpServer().start()
    try:
        store = open_store(demo_path)
        with store.write() as session:
            for key, value in (
                ("smtp.host", server.host),
                ("smtp.port", str(server.port)),
                ("smtp.security", "none"),
                ("outbox.per_minute", "1"),  # a pause of a minute after each send
                # Only the test's messages: no review request of the demo's morning first.
                ("requests.email_enabled", "no"),
            ):
                set_setting(session, key, value, at=window_clock.now(), actor="tester")
            for n in range(3):
                queue_message(
                    session,
                    kind=MessageKind.TEST,
                    recipients=["desk@studio.example"],
                    content=EmailContent(f"Test {n}", "Hello", "<p>Hello</p>"),
                    at=window_clock.now(),
                )
        store.close()
        script = textwrap.dedent(WINDOW_SCRIPT).format(
            at=window_clock.now().isoformat(), store=demo_path
        )
        done = subprocess.run(
            [sys.executable, "-c", script],
            env=subprocess_env(),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        received = server.handler.subjects()
    finally:
        server.stop()
    assert done.returncode == 0, done.stderr
    assert received == ["Test 0"], "closed during the pause after the first send"
    assert done.stdout == "outbox sending: True\n"
    assert done.stderr == ""
