"""One start of the client pages' server from the window, and what the window says about it.

Starting imports Flask and binds a socket, so it runs on a worker; stopping is quick and runs on
the GUI thread. A run stopped while still starting stops its server itself once it is up, so a
window that closes (or switches stores) meanwhile never leaves a server behind; a new run waits
for the previous one to settle, so a restart on the same port never finds it still taken.
"""

from __future__ import annotations

import errno
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QCoreApplication

from feedback_desk.services.progress import Cancelled
from feedback_desk.web.server import ClientPagesServer

# How long a new run waits for the previous one (still starting) to settle.
SETTLE_SECONDS = 5.0


class ServerRun:
    def __init__(self, server: ClientPagesServer, *, after: ServerRun | None = None) -> None:
        self._server = server
        self._after = after
        self._lock = threading.Lock()
        self._began = False
        self._started = False
        self._stopped = False
        # Set once this run can no longer start a server (up, failed, or stopped first).
        self.settled = threading.Event()

    def start(self) -> str:
        """On a worker: listen and serve; the pages' base URL as tablets reach it.
        ServerStartError when it cannot listen; Cancelled when stopped meanwhile."""
        try:
            with self._lock:
                self._began = True
                if self._stopped:
                    raise Cancelled()
            if self._after is not None:
                self._after.settled.wait(SETTLE_SECONDS)
                self._after = None
            address = self._server.start()
            url = address.url  # this PC's address on its network: a socket call, off the GUI
            with self._lock:
                if not self._stopped:
                    self._started = True
                    return url
            self._server.stop()
            raise Cancelled()
        finally:
            self.settled.set()

    def stop(self) -> None:
        """On the GUI thread: stop serving now, or as soon as the start under way is done."""
        with self._lock:
            self._stopped = True
            started, began = self._started, self._began
        if started:
            self._server.stop()
        elif not began:
            self.settled.set()  # its start will not even try


class State(Enum):
    OFF = "off"
    STARTING = "starting"
    SERVING = "serving"
    FAILED = "failed"


@dataclass(frozen=True)
class Serving:
    """How the window's client pages are doing: the base URL while serving, one sentence when
    they could not start."""

    state: State = State.OFF
    url: str = ""
    # How to say why they could not start, in the language shown (see start_problem).
    problem: Callable[[], str] = str

    def describe(self) -> str:
        if self.state is State.SERVING:
            return QCoreApplication.translate(
                "ClientPages", "Serving the client pages at {url}"
            ).format(url=self.url)
        if self.state is State.STARTING:
            return QCoreApplication.translate("ClientPages", "Starting the client pages…")
        if self.state is State.FAILED:
            return self.problem()
        return QCoreApplication.translate(
            "ClientPages", "The client pages are not served while this window is open."
        )


def start_problem(exc: BaseException, host: str, port: int) -> str:
    """The one sentence a failed start gets (the status bar and the settings page)."""
    cause = exc.__cause__ if isinstance(exc.__cause__, OSError) else None
    number = cause.errno if cause is not None else None
    if number == errno.EADDRINUSE:
        return QCoreApplication.translate(
            "ClientPages",
            "The client pages cannot start: port {port} is already in use by another program; "
            "choose another port in Settings → Client pages.",
        ).format(port=port)
    if number == errno.EADDRNOTAVAIL:
        return QCoreApplication.translate(
            "ClientPages",
            "The client pages cannot start: this PC has no address {host}; change it in "
            "Settings → Client pages.",
        ).format(host=host)
    why = (cause.strerror if cause is not None else None) or str(exc) or type(exc).__name__
    return QCoreApplication.translate("ClientPages", "The client pages cannot start: {why}").format(
        why=why
    )
