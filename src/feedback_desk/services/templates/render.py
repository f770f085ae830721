"""Filling a template's ``{placeholders}``: plain text as is, HTML with every value escaped.

Only bare names are allowed (``{first_name}``), so a template can never reach into an object the
way ``str.format`` would (``{x.__class__}``); ``{{`` and ``}}`` write literal braces. A name we do
not know is a TemplateError that says which names exist, never a crash.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from string import Formatter

# Every placeholder a template may use, with what it becomes (shown in the template editor).
PLACEHOLDERS: dict[str, str] = {
    "first_name": "the client's first name",
    "last_name": "the client's last name",
    "client": "the client's full name and id",
    "client_id": "the client's id",
    "contact": "the client's email and phone",
    "studio": "the studio's name",
    "address": "the studio's postal address",
    "class": "the class of the review's session",
    "coach": "the coach of the review's session",
    "session_date": "the date of the review's session",
    "kind": "class review or business review",
    "stars": "the review's stars (1-5)",
    "date": "the review's date",
    "aspects": "the aspects the client ticked",
    "comment": "the client's comment",
    "review_link": "the studio's Google review link",
    "unsubscribe": "the unsubscribe link",
    "question": "the review request's question (the class, coach and day, or the studio)",
    "answer_links": "the review request's five answer links",
    "testimonial_link": "how to answer the testimonial invitation (its page, or the kiosk)",
    "withdraw_link": "how to withdraw a testimonial's consent (its page, or a reply)",
    "refusal_reason": "why the client declined to recommend the studio",
    "refusal_text": "what the client added to their refusal",
    "their_subject": "the subject of the client's email being answered",
    "their_message": "the client's email being answered, quoted",
}

# Placeholders whose value is a link: an anchor in HTML.
LINKS = frozenset({"review_link", "unsubscribe"})

NEWLINE, BREAK = "\n", "<br>\n"
_NAME = re.compile(r"^[a-z_]+$")


class TemplateProblem(StrEnum):
    BRACES = "braces"  # a lone "{" or "}"
    NOT_A_PLACEHOLDER = "not_a_placeholder"  # {0}, {name!r}, {a.b}
    UNKNOWN = "unknown"  # {prenom}
    SUBJECT_LINES = "subject_lines"  # a subject of several lines


class TemplateError(ValueError):
    """A template that cannot be filled: unknown placeholder, bad brace, or attribute access.

    Its text is the English sentence the command line prints; :attr:`problem`, :attr:`field`
    (what was written between the braces) and :attr:`part` ("subject" or "body", when known) let
    the window say the same in its own language."""

    def __init__(
        self, message: str, problem: TemplateProblem, *, field: str = "", part: str = ""
    ) -> None:
        super().__init__(f"{part}: {message}" if part else message)
        self.message = message
        self.problem = problem
        self.field = field
        self.part = part

    def in_part(self, part: str) -> TemplateError:
        """The same problem, said of the template's *part*."""
        return TemplateError(self.message, self.problem, field=self.field, part=part)


@dataclass(frozen=True)
class Piece:
    literal: str
    field: str | None


def parse(template: str) -> list[Piece]:
    """The template's literal text and fields; TemplateError naming every problem."""
    try:
        parts = list(Formatter().parse(template))
    except ValueError as exc:
        raise TemplateError(
            f"{exc}: write {{{{ and }}}} for literal braces, {{name}} for a placeholder",
            TemplateProblem.BRACES,
        ) from None
    pieces: list[Piece] = []
    unknown: list[str] = []
    for literal, field, spec, conversion in parts:
        if field is None:
            pieces.append(Piece(literal, None))
            continue
        if spec or conversion or not _NAME.match(field):
            written = (
                f"{{{field}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}"
            )
            raise TemplateError(
                f"{written} is not a placeholder: write a bare name such as {{first_name}}",
                TemplateProblem.NOT_A_PLACEHOLDER,
                field=written,
            )
        if field not in PLACEHOLDERS:
            unknown.append(field)
        pieces.append(Piece(literal, field))
    if unknown:
        names = ", ".join(f"{{{n}}}" for n in dict.fromkeys(unknown))
        known = ", ".join(f"{{{n}}}" for n in PLACEHOLDERS)
        raise TemplateError(
            f"unknown placeholder {names}; the placeholders are {known}",
            TemplateProblem.UNKNOWN,
            field=names,
        )
    return pieces


def fields_of(template: str) -> list[str]:
    return [p.field for p in parse(template) if p.field is not None]


def render_text(template: str, values: Mapping[str, str]) -> str:
    return "".join(
        piece.literal + (values.get(piece.field, "") if piece.field else "")
        for piece in parse(template)
    )


def _html_value(field: str, value: str) -> str:
    if field in LINKS and value:
        escaped = html.escape(value, quote=True)
        return f'<a href="{escaped}">{escaped}</a>'
    return html.escape(value, quote=False)


def render_html_fragment(
    template: str, values: Mapping[str, str], html_values: Mapping[str, str] | None = None
) -> str:
    """The filled template as HTML paragraphs: literal text and every value escaped.

    *html_values* are fields whose HTML the caller built itself (escaping every value in it).
    """
    ready = html_values or {}

    def value(field: str) -> str:
        return ready[field] if field in ready else _html_value(field, values.get(field, ""))

    marked = "".join(
        html.escape(p.literal, quote=False) + (value(p.field) if p.field else "")
        for p in parse(template)
    )
    return paragraphs(marked)


def paragraphs(escaped: str) -> str:
    """Already-escaped text to <p> per blank-line block and <br> per line break."""
    blocks = [b for b in re.split(r"\n\s*\n", escaped.replace("\r\n", "\n").strip()) if b.strip()]
    return "\n".join(f"<p>{block.strip().replace(NEWLINE, BREAK)}</p>" for block in blocks)


def plain_to_html_fragment(text: str) -> str:
    """Staff's own plain text (an edited draft) as HTML, escaped."""
    return paragraphs(html.escape(text, quote=False))


def html_document(fragment: str, *, language: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(language)}">\n<head><meta charset="utf-8">'
        "</head>\n"
        '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; '
        'line-height: 1.5; color: #222;">\n'
        f"{fragment}\n</body>\n</html>\n"
    )
