"""A real SMTP server on loopback (aiosmtpd) that records what it receives and can be told to
refuse, defer, or hold a message, refuse the sender, or stop answering.

    server = SmtpServer().start()
    server.handler.script("Subject A", "451 4.3.0 try later")   # the next message so titled
    server.handler.hold("Subject K")                             # blocks until release()
    server.handler.sender_reply = "530 5.7.0 Must issue a STARTTLS command first"
    server.handler.stall("DATA")      # every message: no answer once it arrived (or "MAIL")
    server.stop()

Holding happens inside the DATA step, after the whole message arrived and before the server
answers: exactly the moment a sender's crash leaves a message uncertain. It waits on an event in
an executor thread, so the server keeps serving other connections meanwhile.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
import threading
from collections import defaultdict, deque
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


@dataclass(frozen=True)
class Received:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage
    raw: bytes

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])

    def part(self, subtype: str) -> str:
        body = self.message.get_body(preferencelist=(subtype,))
        assert body is not None, f"no text/{subtype} part"
        return str(body.get_content())


class Hold:
    def __init__(self) -> None:
        self.arrived = threading.Event()
        self.released = threading.Event()

    def release(self) -> None:
        self.released.set()


class RecordingHandler:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.received: list[Received] = []
        self._scripts: dict[str, deque[str]] = defaultdict(deque)
        self._holds: dict[str, Hold] = {}
        self.refuse_all: str | None = None
        # The reply to every MAIL FROM, when set (a server wanting STARTTLS or a login first).
        self.sender_reply: str | None = None
        self._stall_at: str | None = None
        self._unstalled = threading.Event()
        # How many times the server went silent.
        self.stalls = 0

    def stall(self, stage: str) -> None:
        """From now on, stop answering at *stage* ("MAIL": the sender; "DATA": once the whole
        message arrived) until :meth:`release_stalls` (the client times out meanwhile)."""
        assert stage in ("MAIL", "DATA")
        self._stall_at = stage
        self._unstalled.clear()

    def release_stalls(self) -> None:
        self._stall_at = None
        self._unstalled.set()

    async def _stall_if(self, stage: str) -> bool:
        if self._stall_at != stage:
            return False
        with self._lock:
            self.stalls += 1
        await asyncio.get_running_loop().run_in_executor(None, self._unstalled.wait, 60)
        return True

    def script(self, subject: str, *replies: str) -> None:
        """The next messages titled *subject* get these replies, one each, in order."""
        with self._lock:
            self._scripts[subject].extend(replies)

    def hold(self, subject: str) -> Hold:
        hold = Hold()
        with self._lock:
            self._holds[subject] = hold
        return hold

    def subjects(self) -> list[str]:
        with self._lock:
            return [r.subject for r in self.received]

    async def handle_MAIL(
        self, server: Any, session: Any, envelope: Any, address: str, mail_options: list[str]
    ) -> str:
        if await self._stall_if("MAIL"):
            return "421 4.4.2 stalled"
        if self.sender_reply is not None:
            return self.sender_reply
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if await self._stall_if("DATA"):
            return "421 4.4.2 stalled"
        message = BytesParser(policy=policy.default).parsebytes(envelope.content)
        subject = str(message["Subject"])
        with self._lock:
            hold = self._holds.pop(subject, None)
            scripted = self._scripts[subject].popleft() if self._scripts[subject] else None
        if hold is not None:
            hold.arrived.set()
            await asyncio.get_running_loop().run_in_executor(None, hold.released.wait, 60)
        if scripted is not None:
            return scripted
        if self.refuse_all is not None:
            return self.refuse_all
        with self._lock:
            self.received.append(
                Received(
                    envelope.mail_from, list(envelope.rcpt_tos), message, bytes(envelope.content)
                )
            )
        return "250 2.0.0 OK: queued"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class SmtpServer:
    """aiosmtpd on 127.0.0.1; optional login, STARTTLS or implicit TLS."""

    def __init__(
        self,
        *,
        port: int | None = None,
        login: tuple[str, str] | None = None,
        tls: ssl.SSLContext | None = None,
        implicit_tls: bool = False,
        handler: RecordingHandler | None = None,
    ) -> None:
        self.host = "127.0.0.1"
        self.port = port or free_port()
        self.handler = handler or RecordingHandler()
        self._login = login
        self._tls = tls
        self._implicit_tls = implicit_tls
        self._controller: Controller | None = None

    def _authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        if self._login is None or not isinstance(data, LoginPassword):
            return AuthResult(success=False, handled=False)
        wanted = (self._login[0].encode(), self._login[1].encode())
        return AuthResult(success=(data.login, data.password) == wanted, handled=False)

    def start(self) -> SmtpServer:
        kwargs: dict[str, Any] = {"enable_SMTPUTF8": True}
        if self._login is not None:
            kwargs |= {"authenticator": self._authenticate, "auth_require_tls": False}
        if self._tls is not None and self._implicit_tls:
            kwargs["ssl_context"] = self._tls
        elif self._tls is not None:
            kwargs |= {"tls_context": self._tls, "require_starttls": True}
        self._controller = Controller(self.handler, hostname=self.host, port=self.port, **kwargs)
        self._controller.start()
        return self

    def stop(self) -> None:
        self.handler.release_stalls()
        if self._controller is not None:
            self._controller.stop()
            self._controller = None
