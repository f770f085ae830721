"""Settings → Inbox, "Test connection": log in to the mailbox with the settings as typed (saved or
not), open the folder the answers arrive in, and say what happened: that it worked, or the
server's own words for why not. Nothing is read, moved or recorded."""

from __future__ import annotations

from dataclasses import dataclass

from feedback_desk.services.inbox.imap import ImapConfig, MailboxTransport, MailboxUnavailable


@dataclass(frozen=True)
class ConnectionCheck:
    ok: bool
    # What worked, or the server's refusal (login, folder, connection) in its own words.
    message: str


def check_connection(config: ImapConfig, *, transport: MailboxTransport) -> ConnectionCheck:
    try:
        connection = transport.connect(config)
    except MailboxUnavailable as exc:
        return ConnectionCheck(False, str(exc))
    try:
        connection.open_folder(config.folder)
    except MailboxUnavailable as exc:
        return ConnectionCheck(False, str(exc))
    finally:
        connection.close()
    return ConnectionCheck(
        True,
        f"the mailbox server {config.where} accepted the login of {config.username} and opened "
        f"the folder {config.folder!r}",
    )
