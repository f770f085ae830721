"""The "Send test email" button: one message straight to the server, now, with the settings as
typed (saved or not), and the server's exact answer back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from feedback_desk.services.email.addresses import check_address
from feedback_desk.services.email.message import Envelope, build_message, new_message_id
from feedback_desk.services.email.smtp import ConnectFailure, Outcome, SmtpConfig, SmtpTransport
from feedback_desk.wording import Wording

_TEXT = {
    "fr": (
        "Test de Feedback Desk",
        "Ce courriel confirme que {studio} peut envoyer des courriels avec ces réglages.\n",
    ),
    "en": (
        "Feedback Desk test",
        "This email confirms that {studio} can send email with these settings.\n",
    ),
}


@dataclass(frozen=True)
class ProbeResult:
    ok: bool
    # "sent to x" or why not (the server's own words kept as it wrote them).
    message: Wording


def send_test_email(
    config: SmtpConfig, to: str, *, transport: SmtpTransport, now: datetime, language: str
) -> ProbeResult:
    recipient = check_address(to, what=Wording("test address"))
    subject, body = _TEXT.get(language, _TEXT["en"])
    message = build_message(
        Envelope(
            sender=config.sender,
            sender_name=config.sender_name,
            recipients=[recipient],
            subject=subject,
            text=body.format(studio=config.sender_name),
            html=None,
            message_id=new_message_id(config.sender),
            date=now,
        )
    )
    try:
        connection = transport.connect(config)
    except ConnectFailure as exc:
        return ProbeResult(False, exc.wording)
    try:
        delivery = connection.deliver(message, config.sender, [recipient])
    finally:
        connection.close()
    if delivery.outcome is Outcome.SENT:
        return ProbeResult(True, Wording("test email sent to {recipient}", recipient=recipient))
    return ProbeResult(False, Wording.verbatim(delivery.detail))
