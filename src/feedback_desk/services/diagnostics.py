"""What Help → About copies for support: versions, folders and the recent errors of the log.

Nothing here reads the store or the keyring, and nothing a client wrote reaches the report: of
each logged error it keeps the time, the logger, the exception's class and the code locations of
its traceback, never a message (a message may quote a name or a comment). The log is read from
its end, at most :data:`LOG_TAIL_BYTES`, so the report costs the same whatever the log's size.
"""

from __future__ import annotations

import platform
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from feedback_desk import __version__

LOG_TAIL_BYTES = 256 * 1024
RECENT_ERRORS = 5
FRAMES_PER_ERROR = 4

# "2026-11-20 17:00:01,123 ERROR feedback_desk: ..." (ui/app.py's log format)
_ENTRY = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)[,.]\d+ ([A-Z]+) (\S+?): ")
_FRAME = re.compile(r'^\s+File "(.+)", line (\d+), in (\S+)')
_EXCEPTION = re.compile(r"^([A-Za-z_][\w.]*)(?::|$)")
_NOT_AN_EXCEPTION = ("Traceback", "During", "The above")


@dataclass(frozen=True)
class LoggedError:
    at: str  # local time as logged, to the second
    logger: str
    kind: str  # the exception's class; "" for an error logged without a traceback
    frames: tuple[str, ...]  # "feedback_desk/ui/x.py:12 in load", innermost last


def code_location(path: str) -> str:
    """A traceback's file without the folders above the package (they may name the user)."""
    normalized = "/" + path.replace("\\", "/").lstrip("/")  # frozen builds' paths are relative
    for anchor in ("/site-packages/", "/feedback_desk/"):
        if anchor in normalized:
            kept = normalized.rsplit(anchor, 1)[1]
            return kept if anchor == "/site-packages/" else f"feedback_desk/{kept}"
    return normalized.rsplit("/", 1)[-1]


def read_log_tail(log_file: Path, limit: int = LOG_TAIL_BYTES) -> list[str]:
    """The whole lines of the last *limit* bytes of the log ([] when there is no log)."""
    try:
        with log_file.open("rb") as stream:
            size = stream.seek(0, 2)
            stream.seek(max(0, size - limit))
            data = stream.read(limit)
    except OSError:
        return []
    lines = data.decode("utf-8", errors="replace").splitlines()
    return lines[1:] if size > limit else lines  # the first line was cut


@dataclass
class _Entry:
    at: str
    logger: str
    kind: str = ""
    frames: list[str] = field(default_factory=list)

    def finished(self) -> LoggedError:
        return LoggedError(self.at, self.logger, self.kind, tuple(self.frames[-FRAMES_PER_ERROR:]))


def logged_errors(lines: Iterable[str], limit: int = RECENT_ERRORS) -> list[LoggedError]:
    """The last *limit* ERROR and CRITICAL entries, oldest first, without their messages."""
    found: list[LoggedError] = []
    current: _Entry | None = None
    for line in lines:
        entry = _ENTRY.match(line)
        if entry:
            if current is not None:
                found.append(current.finished())
            wanted = entry[2] in ("ERROR", "CRITICAL")
            current = _Entry(entry[1], entry[3]) if wanted else None
        elif current is not None:
            frame = _FRAME.match(line)
            exception = _EXCEPTION.match(line)
            if frame:
                current.frames.append(f"{code_location(frame[1])}:{frame[2]} in {frame[3]}")
            elif exception and current.frames and not line.startswith(_NOT_AN_EXCEPTION):
                current.kind = exception[1]
    if current is not None:
        found.append(current.finished())
    return found[-limit:]


def base_versions() -> dict[str, str]:
    """The versions this layer knows; the window adds Qt's."""
    import sqlalchemy

    build = "frozen build" if getattr(sys, "frozen", False) else "from source"
    return {
        "Feedback Desk": f"{__version__} ({build})",
        "Python": f"{platform.python_version()} ({platform.python_implementation()})",
        "SQLAlchemy": sqlalchemy.__version__,
        "OS": platform.platform(),
    }


def report(
    versions: Mapping[str, str], places: Mapping[str, str], errors: Iterable[LoggedError]
) -> str:
    """Plain text to paste into a message to support."""
    lines = [f"Feedback Desk {__version__}: diagnostics", "", "Versions"]
    lines += [f"  {name}: {value}" for name, value in versions.items()]
    lines += ["", "Folders and files"]
    lines += [f"  {name}: {value}" for name, value in places.items()]
    lines += ["", "Recent errors in the log (time, kind and code location only)"]
    listed = list(errors)
    for error in listed:
        lines.append(f"  {error.at} {error.logger}: {error.kind or 'error without a traceback'}")
        lines += [f"      at {frame}" for frame in error.frames]
    if not listed:
        lines.append("  none")
    return "\n".join(lines) + "\n"
