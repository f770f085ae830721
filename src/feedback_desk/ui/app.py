"""The Qt application: names (for QSettings), icon, high-DPI, translations, error dialogs.

Everything here runs only for the window commands; headless commands never import Qt.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Sequence
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QMessageLogContext,
    Qt,
    QtMsgType,
    qFormatLogMessage,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from feedback_desk import APP_ID, __version__, paths
from feedback_desk.errors import FeedbackDeskError
from feedback_desk.logs import log_file, setup_file_logging
from feedback_desk.ui import i18n, preferences
from feedback_desk.ui.gc_tuning import collect_on_gui_thread
from feedback_desk.ui.gil_tuning import hand_the_lock_over_often
from feedback_desk.ui.preferences import APPLICATION, ORGANIZATION

LANGUAGE_ENV = "FEEDBACK_DESK_LANG"
log = logging.getLogger("feedback_desk")


def app_icon() -> QIcon:
    """The icon at every size rendered by scripts/make_icons.py (PNGs: no SVG plugin needed)."""
    icon = QIcon()
    for png in sorted((paths.resource_dir() / "icons" / "generated").glob("feedback-desk-*.png")):
        icon.addFile(str(png))
    return icon


def check_display() -> None:
    """On Linux and BSD, a window needs an X11 or Wayland session: say so in one sentence
    instead of letting Qt abort the process (QT_QPA_PLATFORM chosen by hand is respected)."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd")):
        return
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return
    raise FeedbackDeskError(
        "no desktop session to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
        "run it from the desktop, or use `feedback-desk screenshot` to render the window to a "
        "picture"
    )


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The running QApplication, set up once (tests bring their own; it is reused): names (for
    QSettings), icon, the interface language, and Qt's known harmless messages filtered out.
    The window, the kiosk, the demo's progress dialog and screenshots all start here."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        check_display()
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(list(argv) if argv is not None else [sys.argv[0]])
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    QGuiApplication.setDesktopFileName(APP_ID)  # Wayland and the taskbar match the .desktop file
    filter_known_qt_messages()
    collect_on_gui_thread(app)
    hand_the_lock_over_often()
    i18n.install_language(ui_language(), app)
    return app


# Messages Qt prints that say nothing to a user and that nothing can act on.
KNOWN_QT_NOISE = (
    # The offscreen platform (screenshots, the demo built without a display) cannot pass a
    # shown window's size hints on; that is the platform's limit, not a fault.
    "This plugin does not support propagateSizeHints()",
)


class _QtMessageFilter:
    """Drops :data:`KNOWN_QT_NOISE`; hands everything else to the handler installed before it
    (pytest-qt's in tests), or prints it as Qt's default handler would."""

    def __init__(self) -> None:
        self.previous: object = None

    def __call__(self, mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if any(noise in message for noise in KNOWN_QT_NOISE):
            return
        if callable(self.previous):
            self.previous(mode, context, message)
        elif sys.stderr is not None:  # None in a windowed launcher (feedback-desk-gui on Windows)
            sys.stderr.write(qFormatLogMessage(mode, context, message) + "\n")


_message_filter = _QtMessageFilter()


def filter_known_qt_messages() -> None:
    previous = qInstallMessageHandler(_message_filter)
    if previous is not _message_filter:
        _message_filter.previous = previous


def system_language() -> str:
    """The system's language (e.g. ``fr``)."""
    return QLocale.system().name().split("_")[0]


def ui_language() -> str:
    """The interface language: ``FEEDBACK_DESK_LANG``, else the one chosen in Settings → General
    on this PC, else the system's; one without a translation shows English."""
    chosen = os.environ.get(LANGUAGE_ENV, "").strip()
    return chosen or preferences.interface_language() or system_language()


class ErrorReporter:
    """Shows unexpected exceptions in a dialog instead of losing them (or crashing).

    Known failures (:class:`FeedbackDeskError`) show their message. Anything else is a bug: the
    dialog says so in one line and the traceback goes to the log file, or into the dialog's
    details and standard error with ``--debug``.
    """

    def __init__(self, *, debug: bool, parent: QWidget | None = None) -> None:
        self.debug = debug
        self.parent = parent
        self.last_dialog: QMessageBox | None = None

    def install(self) -> None:
        setup_file_logging()
        sys.excepthook = self.handle

    def handle(
        self,
        kind: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        details = "".join(traceback.format_exception(kind, exc, tb))
        log.error("unexpected failure\n%s", details)
        if self.debug:
            print(details, file=sys.stderr)
        if isinstance(exc, FeedbackDeskError):
            text = i18n.said(exc)
        else:
            first = str(exc).splitlines()[0] if str(exc) else ""
            text = QCoreApplication.translate(
                "Errors",
                "Something went wrong ({what}). Your data is safe; the details are in {log}.",
            ).format(what=f"{kind.__name__}: {first}" if first else kind.__name__, log=log_file())
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("Errors", "Feedback Desk"),
            text,
            QMessageBox.StandardButton.Ok,
            self.parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        if self.debug:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = box
        box.open()
