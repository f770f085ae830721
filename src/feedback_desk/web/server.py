"""Running the client pages: waitress on a background thread, started and stopped cleanly.

The window starts one while ``web.enabled`` is on; ``feedback-desk serve`` runs one until
SIGINT/SIGTERM. ``start()`` binds at once (a port in use is a clear error, raised to the caller)
and serves on a thread of its own; ``stop()`` wakes waitress's loop through its trigger so that
the loop itself closes every socket (keep-alive connections included) and returns as soon as it
has; ``join()`` then waits for requests in progress (the command line does, the window need
not). Neither touches the store: pages do, on waitress's worker threads.
"""

from __future__ import annotations

import errno
import logging
import threading
from dataclasses import dataclass

from feedback_desk.clock import Clock
from feedback_desk.errors import FeedbackDeskError
from feedback_desk.services.client_pages.address import base_url
from feedback_desk.store.database import Store
from feedback_desk.wording import Wording

log = logging.getLogger(__name__)

# Worker threads of waitress: a handful of tablets, each a request at a time.
THREADS = 4
# waitress refuses bodies over this itself (with its own plain message); below it, the pages'
# own limit answers with the polite page (security.MAX_BODY_BYTES). Bodies past waitress's
# in-memory buffer are spooled to a temporary file, never held whole in memory.
TRANSPORT_BODY_LIMIT = 32 * 1024 * 1024
STOP_WAIT_SECONDS = 2.0


class ServerStartError(FeedbackDeskError):
    """The pages could not listen where asked (port in use, unknown address...)."""


@dataclass(frozen=True)
class Address:
    host: str
    port: int

    @property
    def url(self) -> str:
        """The pages' base URL as a tablet on the studio's network reaches it."""
        return base_url(self.host, self.port)


class ClientPagesServer:
    def __init__(self, store: Store, clock: Clock, *, host: str, port: int) -> None:
        self._store = store
        self._clock = clock
        self._host = host
        self._port = port
        self._server: object | None = None
        self._thread: threading.Thread | None = None
        self._closed: threading.Event | None = None
        self._address: Address | None = None

    @property
    def address(self) -> Address | None:
        """Where it listens (the real port when 0 was asked), None when not running."""
        return self._address

    @property
    def running(self) -> bool:
        return self._closed is not None and not self._closed.is_set()

    def start(self) -> Address:
        """Listen and serve on a background thread; ServerStartError when it cannot listen."""
        if self._server is not None:
            raise RuntimeError("the client pages server is already running")
        from waitress.server import create_server

        from feedback_desk.web.app import create_app

        app = create_app(self._store, self._clock)
        socket_map: dict[int, object] = {}
        try:
            server = create_server(
                app,
                map=socket_map,
                host=self._host,
                port=self._port,
                threads=THREADS,
                max_request_body_size=TRANSPORT_BODY_LIMIT,
                ident="Feedback Desk",
                clear_untrusted_proxy_headers=True,
            )
        except OSError as exc:
            from waitress import wasyncore

            # The wake-up pipe and the socket that could not listen are already open.
            wasyncore.close_all(socket_map, ignore_all=True)
            raise ServerStartError(self._start_problem(exc)) from exc
        self._server = server
        self._closed = threading.Event()
        self._address = Address(str(server.effective_host), int(server.effective_port))
        self._thread = threading.Thread(
            target=self._serve, args=(server, self._closed), name="client-pages", daemon=True
        )
        self._thread.start()
        log.info("client pages listening on %s:%s", self._address.host, self._address.port)
        return self._address

    def _start_problem(self, exc: OSError) -> Wording:
        where = f"{self._host}:{self._port}"
        if exc.errno == errno.EADDRINUSE:
            return Wording(
                "cannot serve the client pages on {where}: the port is already in use "
                "(choose another with --port or the web.port setting)",
                where=where,
            )
        if exc.errno == errno.EADDRNOTAVAIL:
            return Wording(
                "cannot serve the client pages on {where}: this PC has no such address",
                where=where,
            )
        return Wording(
            "cannot serve the client pages on {where}: {error}",
            where=where,
            error=exc.strerror or exc,
        )

    def _serve(self, server: object, closed: threading.Event) -> None:
        try:
            server.run()  # type: ignore[attr-defined]
        except Exception:
            log.exception("the client pages server stopped unexpectedly")
        finally:
            closed.set()
            # After the loop: requests in progress may finish, briefly.
            server.task_dispatcher.shutdown(timeout=STOP_WAIT_SECONDS)  # type: ignore[attr-defined]

    def stop(self) -> None:
        """Stop listening and close every connection; returns as soon as waitress's loop has
        closed them (a few milliseconds), without waiting for requests in progress (see join)."""
        server, closed = self._server, self._closed
        if server is None or closed is None:
            return
        from waitress import wasyncore

        socket_map = server._map  # type: ignore[attr-defined]
        if not closed.is_set():
            # Run in waitress's own loop thread: closing sockets under a running select() from
            # another thread is not safe.
            try:
                server.trigger.pull_trigger(lambda: wasyncore.close_all(socket_map))  # type: ignore[attr-defined]
            except OSError:
                # The loop ended meanwhile and closed its wake-up pipe: close what is left here.
                wasyncore.close_all(socket_map, ignore_all=True)
        if not closed.wait(STOP_WAIT_SECONDS):
            log.warning("the client pages server did not stop within %ss", STOP_WAIT_SECONDS)
        self._server = None
        self._closed = None
        self._address = None
        log.info("client pages stopped")

    def join(self, timeout: float = STOP_WAIT_SECONDS) -> bool:
        """After stop(): wait for requests in progress to finish; True when the thread ended."""
        thread = self._thread
        if thread is None:
            return True
        thread.join(timeout)
        if thread.is_alive():
            return False
        self._thread = None
        return True
