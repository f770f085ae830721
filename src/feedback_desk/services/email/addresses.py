"""Address and header-value checks: every value that reaches a header passes through here."""

from __future__ import annotations

from collections.abc import Iterable

from feedback_desk.domain.settings_schema import check_email
from feedback_desk.errors import Said, UserInputError
from feedback_desk.wording import Wording

# Words the messages below name (said in the reader's language).
ADDRESS = Wording("address")
RECIPIENT = Wording("recipient")
SUBJECT = Wording("subject")


def has_control_character(text: str) -> bool:
    """CR, LF, NUL, any other C0 control and DEL: what could split or smuggle a header."""
    return any(ord(ch) < 32 or ord(ch) == 127 for ch in text)


def check_header_value(name: Said, value: str) -> str:
    """*value* unchanged, or UserInputError when it holds a newline or another control character."""
    if has_control_character(value):
        raise UserInputError(
            Wording(
                "the {name} contains a line break or another control character; it was "
                "refused so that it cannot add headers to the email",
                name=name,
            )
        )
    return value


def check_address(text: str, *, what: Said = ADDRESS) -> str:
    """One bare address (no display name), stripped; UserInputError naming what is wrong."""
    if has_control_character(text.strip()):
        check_header_value(what, text.strip())
    try:
        return check_email(text)
    except ValueError as exc:
        raise UserInputError(
            Wording(
                "{what}: {error}",
                what=what,
                error=exc,
            )
        ) from None


def check_addresses(texts: Iterable[str], *, what: Said = RECIPIENT) -> list[str]:
    """Every address checked, duplicates removed (case-insensitively), order kept."""
    seen: dict[str, str] = {}
    problems: list[Said] = []
    for text in texts:
        if not text.strip():
            continue
        try:
            address = check_address(text, what=what)
        except UserInputError as exc:
            problems.extend(exc.wordings)
            continue
        seen.setdefault(address.lower(), address)
    if problems:
        raise UserInputError(problems)
    if not seen:
        raise UserInputError(
            Wording(
                "no {what} address was given",
                what=what,
            )
        )
    return list(seen.values())


def split_addresses(text: str) -> list[str]:
    """A comma- or semicolon-separated list, as typed or as stored on an outbox row."""
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


def domain_of(address: str) -> str:
    return address.rsplit("@", 1)[-1]


def needs_smtputf8(addresses: Iterable[str]) -> bool:
    return any(not address.isascii() for address in addresses)
