"""One window per store: a second launch on a store that a window already has open brings that
window forward and exits, instead of running a second outbox and Google sync on the store.

The first window of a store holds a lock file named after the store (in the data folder; a lock
left by a process that died is taken over) and listens on a local socket of the same name. A
later launch that cannot take the lock connects to the socket and asks the window to come
forward; while the first window is still starting (lock taken, socket not yet listening) it
tries again for a few seconds.
"""

from __future__ import annotations

import getpass
import hashlib
import logging

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from feedback_desk import paths

log = logging.getLogger("feedback_desk")

REQUEST = b"bring-forward\n"
CONNECT_TIMEOUT_MS = 500
ATTEMPTS = 6


def instance_name(location: str) -> str:
    """A name for the store's lock and socket: the same for every launch of this user on this
    store, short enough for a socket path, revealing nothing of the location."""
    digest = hashlib.sha256(f"{getpass.getuser()}\0{location}".encode()).hexdigest()[:24]
    return f"feedback-desk-{digest}"


class StoreInstance(QObject):
    """This process's claim on one store; :attr:`forward_requested` when a later launch asks."""

    forward_requested = Signal()

    def __init__(self, location: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.location = location
        self.name = instance_name(location)
        lock_dir = paths.data_dir() / "instances"
        lock_dir.mkdir(parents=True, exist_ok=True)
        self._lock = QLockFile(str(lock_dir / f"{self.name}.lock"))
        self._lock.setStaleLockTime(0)  # a lock is stale only when its process is gone
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        """True when this process now owns the store's window; False when another window has
        it open (and was asked to come forward)."""
        for _attempt in range(ATTEMPTS):
            if self._lock.tryLock(0):
                self._listen()
                return True
            if _ask_forward(self.name):
                return False
            # The owner is starting (or its lock is being found stale): look again.
            self._lock.tryLock(CONNECT_TIMEOUT_MS)
            if self._lock.isLocked():
                self._listen()
                return True
        return False

    def _listen(self) -> None:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # Our lock is held, so a socket by that name is a dead process's leftover.
        QLocalServer.removeServer(self.name)
        if not server.listen(self.name):
            log.warning(
                "cannot listen for other launches on %s: %s", self.name, server.errorString()
            )
            return
        server.newConnection.connect(self._on_connection)
        self._server = server

    def _on_connection(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(REQUEST.strip()):
            log.info("another launch on this store: bringing the window forward")
            self.forward_requested.emit()
        socket.disconnectFromServer()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()


def _ask_forward(name: str) -> bool:
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(REQUEST)
    delivered = socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    return bool(delivered)
