"""The Qt application: names (for QSettings), icon, high-DPI, translations, error dialogs.

Everything here runs only for the window commands; headless commands never import Qt.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from feedback_desk import __version__, paths
from feedback_desk.errors import FeedbackDeskError
from feedback_desk.ui.preferences import APPLICATION, ORGANIZATION

LANGUAGE_ENV = "FEEDBACK_DESK_LANG"
log = logging.getLogger("feedback_desk")


def icon_path() -> Path:
    return paths.resource_dir() / "icons" / "feedback-desk.svg"


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The running QApplication, set up once (tests bring their own; it is reused)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(list(argv) if argv is not None else [sys.argv[0]])
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    if icon_path().is_file():
        app.setWindowIcon(QIcon(str(icon_path())))
    install_translators(app)
    return app


_translators: list[QTranslator] = []


def ui_language() -> str:
    """The interface language: ``FEEDBACK_DESK_LANG``, else the system's (e.g. ``fr``)."""
    chosen = os.environ.get(LANGUAGE_ENV, "").strip()
    return chosen or QLocale.system().name().split("_")[0]


def install_translators(app: QCoreApplication, language: str | None = None) -> list[str]:
    """Show the interface in *language* (default: :func:`ui_language`) through ``ui/i18n.py``,
    which loads our catalogue (``resources/translations/generated/``) and Qt's own, and tells
    every widget; returns the language shown (English needs no catalogue)."""
    from feedback_desk.ui.i18n import install_language

    lang = language or ui_language()
    try:
        shown = install_language(lang, app)
    except FileNotFoundError:
        shown = install_language("en", app)
    return [] if shown == "en" else [shown]


def log_file() -> Path:
    return paths.data_dir() / "logs" / "feedback-desk.log"


def _file_logging() -> None:
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in log.handlers):
        return
    try:
        log_file().parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            log_file(), maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


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
        _file_logging()
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
            text = str(exc)
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
