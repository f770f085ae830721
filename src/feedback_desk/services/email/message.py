"""MIME messages built with ``email.message.EmailMessage`` only: no header is ever concatenated.

Plain text first, HTML as the alternative; both quoted-printable so any server takes them.
"""

from __future__ import annotations

import email.policy
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import make_msgid

from feedback_desk.services.email.addresses import (
    RECIPIENT,
    SUBJECT,
    check_address,
    check_header_value,
    domain_of,
    needs_smtputf8,
)
from feedback_desk.wording import Wording

ONE_CLICK = "List-Unsubscribe=One-Click"


@dataclass(frozen=True)
class Envelope:
    sender: str
    sender_name: str
    recipients: Sequence[str]
    subject: str
    text: str
    html: str | None
    message_id: str
    date: datetime
    # The List-Unsubscribe value of a commercial message: "<mailto:...>" and maybe "<https://...>".
    list_unsubscribe: str | None = None
    # Internal, machine-made messages (the at-risk alert) say so, so auto-responders stay quiet.
    auto_submitted: bool = False


def new_message_id(sender: str) -> str:
    """A Message-ID on the sender's own domain, e.g. <1742.2.123@studio.example>."""
    return make_msgid(domain=domain_of(sender))


def policy_for(envelope: Envelope) -> email.policy.EmailPolicy[EmailMessage]:
    """SMTPUTF8 only when an address needs it; every other message stays 7-bit clean."""
    addresses = [envelope.sender, *envelope.recipients]
    return email.policy.SMTPUTF8 if needs_smtputf8(addresses) else email.policy.SMTP


def build_message(envelope: Envelope) -> EmailMessage:
    """The message to send; UserInputError for a bad address or a control character in a header."""
    sender = check_address(envelope.sender, what=Wording("sender address (smtp.sender)"))
    recipients = [check_address(r, what=RECIPIENT) for r in envelope.recipients]
    check_header_value(Wording("sender name"), envelope.sender_name)
    check_header_value(SUBJECT, envelope.subject)
    check_header_value(Wording("Message-ID"), envelope.message_id)
    if envelope.list_unsubscribe is not None:
        check_header_value(Wording("List-Unsubscribe header"), envelope.list_unsubscribe)

    message = EmailMessage(policy=policy_for(envelope))
    message["From"] = Address(display_name=envelope.sender_name, addr_spec=sender)
    message["To"] = tuple(Address(addr_spec=r) for r in recipients)
    message["Subject"] = envelope.subject
    message["Date"] = envelope.date
    message["Message-ID"] = envelope.message_id
    if envelope.list_unsubscribe:
        message["List-Unsubscribe"] = envelope.list_unsubscribe
        # RFC 8058: one-click needs an HTTPS address; a mailto alone gets no Post header.
        if "<https://" in envelope.list_unsubscribe:
            message["List-Unsubscribe-Post"] = ONE_CLICK
    if envelope.auto_submitted:
        message["Auto-Submitted"] = "auto-generated"
    message.set_content(envelope.text, cte="quoted-printable")
    if envelope.html:
        message.add_alternative(envelope.html, subtype="html", cte="quoted-printable")
    return message
