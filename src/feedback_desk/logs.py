"""The log file every run of Feedback Desk writes to: the window and the command line alike.

``<data folder>/logs/feedback-desk.log``, rotating (1 MB, 3 old files kept), private to the user:
each background failure and unexpected error lands there with its traceback, so that a scheduled
``send-outbox`` or import leaves a trace even when nobody reads its output. No Qt here: the window
and the command line both call :func:`setup_file_logging`.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path
from typing import IO, Any

from feedback_desk import paths
from feedback_desk.files import PRIVATE_FILE_MODE, make_private_dirs

LOGGER_NAME = "feedback_desk"
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"

log = logging.getLogger(LOGGER_NAME)


def log_file() -> Path:
    return paths.data_dir() / "logs" / "feedback-desk.log"


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file, the ones started at each rotation included, is created
    readable by its owner only."""

    def _open(self) -> IO[Any]:
        descriptor = os.open(
            self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE_FILE_MODE
        )
        return open(descriptor, "a", encoding=self.encoding, errors=self.errors)


def setup_file_logging() -> Path | None:
    """Send the ``feedback_desk`` loggers to :func:`log_file` (once per file: a second call, or
    one after the data folder moved, keeps a single handler). Returns the file, or None when the
    data folder cannot be written (the program works on; it just leaves no log)."""
    target = log_file()
    for handler in list(log.handlers):
        if isinstance(handler, PrivateRotatingFileHandler):
            if Path(handler.baseFilename) == target.absolute():
                return target
            log.removeHandler(handler)
            handler.close()
    try:
        make_private_dirs(target.parent)
        handler = PrivateRotatingFileHandler(
            target, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return target
