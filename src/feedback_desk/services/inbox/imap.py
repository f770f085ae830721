"""The studio's mailbox over IMAP, with ``imapclient``, behind a small injectable transport.

Only what the inbox needs: open a folder (its UID validity and next UID), list UIDs, read
headers and whole messages with ``BODY.PEEK`` (so no message is ever marked read), make sure a
folder exists, and move one message (MOVE, or COPY + delete + UID EXPUNGE on servers without it).
Every failure becomes a :class:`MailboxUnavailable` with one readable sentence.
"""

from __future__ import annotations

import contextlib
import ssl
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from feedback_desk.errors import FeedbackDeskError
from feedback_desk.services.email.security import Security
from feedback_desk.wording import Wording

_FIELDS = "MESSAGE-ID IN-REPLY-TO REFERENCES SUBJECT FROM DATE AUTO-SUBMITTED"
_PEEK_HEADERS = f"BODY.PEEK[HEADER.FIELDS ({_FIELDS})]"


@dataclass(frozen=True)
class ImapConfig:
    host: str
    port: int
    security: Security
    username: str
    password: str | None = field(default=None, repr=False)
    folder: str = "INBOX"
    processed_folder: str = "Feedback Desk"
    timeout: float = 30.0

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"


class MailboxUnavailable(FeedbackDeskError):
    """The mailbox could not be reached, refused the login, or failed midway: one sentence."""


@dataclass(frozen=True)
class FolderState:
    uidvalidity: int
    uidnext: int


@dataclass(frozen=True)
class MessageHead:
    uid: int
    size: int
    header: bytes


class MailboxConnection(Protocol):
    def open_folder(self, folder: str) -> FolderState: ...

    def uids_after(self, uid: int) -> list[int]:
        """UIDs greater than *uid* in the open folder, ascending."""
        ...

    def uids_since(self, day: date) -> list[int]:
        """UIDs of messages that arrived on or after *day*, ascending."""
        ...

    def heads(self, uids: Sequence[int]) -> list[MessageHead]: ...

    def messages(self, uids: Sequence[int]) -> dict[int, bytes]:
        """The whole messages by UID; one that is gone (moved by another reader) is absent."""
        ...

    def ensure_folder(self, folder: str) -> None: ...

    def move(self, uids: Sequence[int], folder: str) -> None: ...

    def close(self) -> None: ...


class MailboxTransport(Protocol):
    def connect(self, config: ImapConfig) -> MailboxConnection:
        """An open, logged-in connection; MailboxUnavailable with a readable reason otherwise."""
        ...


def _words(exc: BaseException) -> str:
    text = exc.args[0] if exc.args else str(exc)
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return " ".join(str(text).split()) or type(exc).__name__


@contextlib.contextmanager
def _talking(config: ImapConfig, doing: Wording) -> Iterator[None]:
    """Turns the failures of one exchange with the server into one sentence."""
    from imapclient.exceptions import IMAPClientError

    try:
        yield
    except MailboxUnavailable:
        raise
    except IMAPClientError as exc:
        raise MailboxUnavailable(
            Wording(
                "the mailbox server {where} refused to {doing}: {error}",
                where=config.where,
                doing=doing,
                error=_words(exc),
            )
        ) from exc
    except (OSError, ssl.SSLError) as exc:
        raise MailboxUnavailable(
            Wording(
                "the connection to the mailbox server {where} broke while trying to {doing}: "
                "{error}",
                where=config.where,
                doing=doing,
                error=_words(exc),
            )
        ) from exc


class ImapClientConnection:
    def __init__(self, client: Any, config: ImapConfig) -> None:
        self._client = client
        self._config = config

    def open_folder(self, folder: str) -> FolderState:
        with _talking(self._config, Wording("open the folder {folder!r}", folder=folder)):
            status = self._client.select_folder(folder)
        return FolderState(int(status[b"UIDVALIDITY"]), int(status.get(b"UIDNEXT", 0)))

    def uids_after(self, uid: int) -> list[int]:
        with _talking(self._config, Wording("list the messages")):
            found = self._client.search(["UID", f"{uid + 1}:*"])
        # "n:*" always names the last message, even when its UID is below n.
        return sorted(int(u) for u in found if int(u) > uid)

    def uids_since(self, day: date) -> list[int]:
        with _talking(self._config, Wording("list the messages")):
            return sorted(int(u) for u in self._client.search(["SINCE", day]))

    def heads(self, uids: Sequence[int]) -> list[MessageHead]:
        if not uids:
            return []
        with _talking(self._config, Wording("read the messages' headers")):
            rows = self._client.fetch(list(uids), ["RFC822.SIZE", _PEEK_HEADERS])
        return [
            MessageHead(int(uid), int(data.get(b"RFC822.SIZE", 0)), _header_block(data))
            for uid, data in sorted(rows.items())
        ]

    def messages(self, uids: Sequence[int]) -> dict[int, bytes]:
        if not uids:
            return {}
        with _talking(self._config, Wording("read the messages")):
            rows = self._client.fetch(list(uids), ["BODY.PEEK[]"])
        return {
            int(uid): bytes(data[b"BODY[]"])
            for uid, data in rows.items()
            if data.get(b"BODY[]") is not None
        }

    def ensure_folder(self, folder: str) -> None:
        with _talking(self._config, Wording("create the folder {folder!r}", folder=folder)):
            if not self._client.folder_exists(folder):
                self._client.create_folder(folder)
                self._client.subscribe_folder(folder)

    def move(self, uids: Sequence[int], folder: str) -> None:
        if not uids:
            return
        with _talking(self._config, Wording("move messages to {folder!r}", folder=folder)):
            if self._client.has_capability("MOVE"):
                self._client.move(list(uids), folder)
                return
            self._client.copy(list(uids), folder)
            self._client.delete_messages(list(uids))
            self._client.uid_expunge(list(uids))

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._client.logout()


class ImapClientTransport:
    """The real transport. *ssl_context* defaults to the system's trusted certificates."""

    def __init__(self, ssl_context: ssl.SSLContext | None = None) -> None:
        self._ssl_context = ssl_context

    def _context(self) -> ssl.SSLContext:
        return self._ssl_context or ssl.create_default_context()

    def connect(self, config: ImapConfig) -> MailboxConnection:
        from imapclient import IMAPClient
        from imapclient.exceptions import IMAPClientError, LoginError

        client: Any = None
        try:
            client = IMAPClient(
                config.host,
                port=config.port,
                ssl=config.security is Security.SSL,
                ssl_context=self._context(),
                timeout=config.timeout,
            )
            if config.security is Security.STARTTLS:
                client.starttls(self._context())
            client.login(config.username, config.password or "")
        except LoginError as exc:
            _discard(client)
            raise MailboxUnavailable(
                Wording(
                    "the mailbox server {where} refused the login of {username}: {error}",
                    where=config.where,
                    username=config.username,
                    error=_words(exc),
                )
            ) from exc
        except ssl.SSLError as exc:
            _discard(client)
            raise MailboxUnavailable(
                Wording(
                    "no secure connection to the mailbox server {where}: {error}",
                    where=config.where,
                    error=_words(exc),
                )
            ) from exc
        except (TimeoutError, OSError) as exc:
            _discard(client)
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else _words(exc)
            raise MailboxUnavailable(
                Wording(
                    "cannot reach the mailbox server {where}: {reason}",
                    where=config.where,
                    reason=reason,
                )
            ) from exc
        except IMAPClientError as exc:
            _discard(client)
            raise MailboxUnavailable(
                Wording(
                    "the mailbox server {where} refused the connection: {error}",
                    where=config.where,
                    error=_words(exc),
                )
            ) from exc
        return ImapClientConnection(client, config)


def _header_block(data: dict[bytes, Any]) -> bytes:
    """The fetched header fields, whatever spelling the server echoes the request in."""
    for key, value in data.items():
        if key.upper().startswith(b"BODY[HEADER"):
            return bytes(value or b"")
    return b""


def _discard(client: Any) -> None:
    if client is not None:
        with contextlib.suppress(Exception):
            client.shutdown()
