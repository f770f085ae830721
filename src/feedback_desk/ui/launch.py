"""Opening the window from the command line: on a store, or on the demo studio."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from feedback_desk import paths
from feedback_desk.clock import Clock
from feedback_desk.domain.localtime import local_day, zone
from feedback_desk.domain.settings_schema import definition
from feedback_desk.errors import FeedbackDeskError
from feedback_desk.store.database import Store
from feedback_desk.ui.app import ErrorReporter, create_application
from feedback_desk.ui.preferences import remember_store
from feedback_desk.ui.single_instance import StoreInstance
from feedback_desk.ui.status import Said, said_now
from feedback_desk.workers.tasks import TaskRunner


def run_window(
    store: Store, *, clock: Clock, debug: bool, instance: StoreInstance | None = None
) -> int:
    """The window on *store*, unless a window already has it open: that one comes forward."""
    from feedback_desk.ui.main_window import MainWindow

    app = create_application()
    if instance is None:
        instance = StoreInstance(store.location)
        if not instance.claim():
            store.close()
            return _already_open()
    reporter = ErrorReporter(debug=debug)
    reporter.install()
    window = MainWindow(store, clock, instance=instance)
    reporter.parent = window
    remember_store(store.location)
    window.show()
    # Once the window is built, keep start-up's objects out of the collector's full walks
    # (see ui/gc_tuning.py): no more 100-250 ms pauses of the window during refreshes.
    from PySide6.QtCore import QTimer

    from feedback_desk.ui.gc_tuning import settle_after_startup

    QTimer.singleShot(0, settle_after_startup)
    return app.exec()


def run_kiosk_window(store: Store, *, clock: Clock, debug: bool) -> int:
    """`feedback-desk kiosk`: the kiosk alone, full screen, with the window's application setup
    (names, icon, language, error dialogs). It opens once the studio's settings are read (in the
    background, as the window reads them); if they cannot be, the error is shown and the
    application ends."""
    from feedback_desk.ui.context import WindowContext
    from feedback_desk.ui.kiosk import KioskWindow

    app = create_application()
    reporter = ErrorReporter(debug=debug)
    reporter.install()
    context = WindowContext(store, clock)
    opened: list[KioskWindow] = []
    opened_box: list[QMessageBox] = []  # kept alive while it shows

    def open_kiosk() -> None:
        kiosk = KioskWindow(context)
        opened.append(kiosk)
        reporter.parent = kiosk
        # Logging out or Ctrl+C ends the application: the kiosk closes without the PIN.
        app.aboutToQuit.connect(kiosk.shutdown)
        kiosk.showFullScreen()

    def not_opened(message: Said) -> None:
        if opened:
            return  # the kiosk runs: a later failure is in the log
        box = QMessageBox(QMessageBox.Icon.Critical, "Feedback Desk", said_now(message))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.finished.connect(lambda _result: app.exit(1))
        opened_box.append(box)
        box.open()

    context.failed.connect(not_opened)
    context.reload_settings(then=open_kiosk)
    try:
        return app.exec()
    finally:
        context.close()  # joins the kiosk's last writes, then closes the store


def demo_day(clock: Clock) -> date:
    return local_day(clock.now(), zone(definition("studio.timezone").default))


def _demo_is_current(path: Path, today: date) -> bool:
    """The demo exists and ends today (an older one is rebuilt so its stories stay true)."""
    if not path.is_file():
        return False
    from sqlalchemy import func, select

    from feedback_desk.store.database import open_store
    from feedback_desk.store.models import Review

    try:
        store = open_store(path)
    except FeedbackDeskError:
        return False
    try:
        with store.read() as session:
            return session.scalar(select(func.max(Review.local_day))) == today
    finally:
        store.close()


def ensure_demo_store(clock: Clock) -> Path | None:
    """The demo store, built (with a progress dialog) unless a current one exists; None when
    the user cancelled the build."""
    from feedback_desk.services.demo import DemoOptions, write_demo

    create_application()
    path = paths.demo_store_path()
    today = demo_day(clock)
    if _demo_is_current(path, today):
        return path
    dialog = QProgressDialog(
        QCoreApplication.translate("Demo", "Building the demo studio…"),
        QCoreApplication.translate("Demo", "Cancel"),
        0,
        9,
    )
    dialog.setWindowTitle(QCoreApplication.translate("Demo", "Feedback Desk"))
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(400)
    runner = TaskRunner()
    loop = QEventLoop()
    outcome: dict[str, object] = {}

    def progressed(done: int, total: int, message: str) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)
        dialog.setLabelText(message)

    task = runner.run(
        lambda progress: write_demo(path, DemoOptions(until=today), progress),
        name="demo",
        on_done=lambda summary: outcome.update(done=summary),
        on_error=lambda exc: outcome.update(error=exc),
        on_progress=progressed,
        on_cancelled=lambda: outcome.update(cancelled=True),
    )
    dialog.canceled.connect(task.cancel)
    runner.busy_changed.connect(lambda busy: None if busy else loop.quit())
    loop.exec()
    dialog.reset()
    error = outcome.get("error")
    if isinstance(error, BaseException):
        raise error
    return path if "done" in outcome else None


def run_demo_window(*, clock: Clock, debug: bool) -> int:
    from feedback_desk.services.studio import open_studio
    from feedback_desk.store.engine import describe, store_url

    create_application()
    # Claimed before the demo is rebuilt: never under the feet of a window showing it.
    instance = StoreInstance(describe(store_url(paths.demo_store_path())))
    if not instance.claim():
        return _already_open()
    path = ensure_demo_store(clock)
    if path is None:
        instance.release()
        return 1
    return run_window(open_studio(path, clock=clock), clock=clock, debug=debug, instance=instance)


def _already_open() -> int:
    print(
        QCoreApplication.translate(
            "Launch", "Feedback Desk is already open on this store: its window was brought forward."
        ),
        file=sys.stderr,
    )
    return 0
