"""One raw message as plain values, parsed by the ``email`` package with its default policy.

Headers are decoded by the policy (RFC 2047 words, folded lines); the body is the plain-text part,
else the HTML part turned into text (quoted blocks left out). A part whose declared character set
Python does not know is decoded with the set ``charset_normalizer`` detects, else as UTF-8 with
replacement characters: a strange charset never stops a fetch. Attachments are never decoded,
only named. Everything returned is plain text without control characters (newlines and tabs
kept).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import getaddresses, parseaddr
from html.parser import HTMLParser

_MESSAGE_ID = re.compile(r"<[^<>\s]+>")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_PARSER = BytesParser(policy=policy.default)


@dataclass(frozen=True)
class MailHead:
    message_id: str | None
    # Message-IDs this message answers (In-Reply-To, then References), as written: <...@...>.
    answers: tuple[str, ...]
    subject: str
    from_address: str
    date: datetime | None
    # An out-of-office or other automatic reply (RFC 3834 Auto-Submitted other than "no").
    automatic: bool = False


@dataclass(frozen=True)
class IncomingMail:
    head: MailHead
    text: str
    attachments: tuple[str, ...]


def plain(text: str) -> str:
    """Client text safe to store and show: CR/LF normalized, control characters removed."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _header(message: Message, name: str) -> str:
    try:
        value = message.get(name)
        return plain(str(value)) if value is not None else ""
    except (ValueError, IndexError, TypeError, LookupError):
        # A header the policy cannot decode: treated as absent rather than stopping the fetch.
        return ""


def _date(message: Message) -> datetime | None:
    try:
        header = message.get("Date")
        value = getattr(header, "datetime", None)
    except (ValueError, IndexError, TypeError):
        return None
    if not isinstance(value, datetime):
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _from_address(message: Message) -> str:
    raw = _header(message, "From")
    pairs = getaddresses([raw]) if raw else []
    address = pairs[0][1] if pairs else parseaddr(raw)[1]
    return address.strip()


def head_of(message: Message) -> MailHead:
    ids = _MESSAGE_ID.findall(_header(message, "Message-ID"))
    answers = [
        *_MESSAGE_ID.findall(_header(message, "In-Reply-To")),
        *_MESSAGE_ID.findall(_header(message, "References")),
    ]
    return MailHead(
        message_id=ids[0] if ids else None,
        answers=tuple(dict.fromkeys(answers)),
        subject=" ".join(_header(message, "Subject").split()),
        from_address=_from_address(message),
        date=_date(message),
        automatic=_header(message, "Auto-Submitted").strip().lower() not in ("", "no"),
    )


def read_head(header: bytes) -> MailHead:
    """The fields the inbox recognizes a message by, from its header block alone."""
    return head_of(_PARSER.parsebytes(header, headersonly=True))


class _HtmlText(HTMLParser):
    """Visible text of an HTML body: line breaks for blocks, quoted blocks left out."""

    _BREAKS = frozenset({"br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "table"})
    _HIDDEN = frozenset({"script", "style", "head", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping: list[str] = []

    def _quoted(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        classes = " ".join(value or "" for name, value in attrs if name == "class")
        return tag == "blockquote" or "gmail_quote" in classes or "moz-cite-prefix" in classes

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skipping:
            if tag == self._skipping[-1]:
                self._skipping.append(tag)
            return
        if tag in self._HIDDEN or self._quoted(tag, attrs):
            self._skipping.append(tag)
            return
        if tag in self._BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self._skipping:
            if tag == self._skipping[-1]:
                self._skipping.pop()
            return
        if tag in self._BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    parser = _HtmlText()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")
    return re.sub(r"\n{3,}", "\n\n", "\n".join(line.strip() for line in text.split("\n")))


def _decoded(part: Message) -> str:
    try:
        content = part.get_content()  # type: ignore[attr-defined]
        return content if isinstance(content, str) else ""
    except (LookupError, UnicodeError, ValueError, AssertionError):
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        return str(best) if best is not None else data.decode("utf-8", "replace")


def body_text(message: EmailMessage) -> str:
    """The message's text: its plain-text part, else its HTML part as text."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    text = _decoded(part)
    if part.get_content_subtype() == "html":
        text = html_to_text(text)
    return plain(text)


def _attachment_names(message: EmailMessage) -> tuple[str, ...]:
    names = []
    for part in message.iter_attachments():
        name = part.get_filename() or part.get_content_type()
        names.append(plain(str(name)))
    return tuple(names)


def read_mail(raw: bytes) -> IncomingMail:
    message = _PARSER.parsebytes(raw)
    assert isinstance(message, EmailMessage)
    return IncomingMail(head_of(message), body_text(message), _attachment_names(message))
